build-dev/src/emit/check_export.o: src/emit/check_export.c \
 include/carve/check.h include/carve/contexts.h include/carve/glob.h \
 include/carve/error.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
