build-dev/src/core/arena.o: src/core/arena.c include/carve/arena.h \
 include/carve/xmalloc.h
include/carve/arena.h:
include/carve/xmalloc.h:
