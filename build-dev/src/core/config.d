build-dev/src/core/config.o: src/core/config.c include/carve/config.h \
 include/carve/glob.h include/carve/error.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
