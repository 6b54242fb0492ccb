build-dev/src/core/xmalloc.o: src/core/xmalloc.c include/carve/error.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/xmalloc.h:
