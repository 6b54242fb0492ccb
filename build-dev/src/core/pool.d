build-dev/src/core/pool.o: src/core/pool.c include/carve/error.h \
 include/carve/pool.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/pool.h:
include/carve/xmalloc.h:
