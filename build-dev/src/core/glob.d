build-dev/src/core/glob.o: src/core/glob.c include/carve/glob.h \
 include/carve/xmalloc.h
include/carve/glob.h:
include/carve/xmalloc.h:
