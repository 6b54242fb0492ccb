build-dev/src/core/progress.o: src/core/progress.c include/carve/error.h \
 include/carve/progress.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/progress.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
