build-dev/src/core/oidmap.o: src/core/oidmap.c include/carve/oidmap.h \
 include/carve/xmalloc.h
include/carve/oidmap.h:
include/carve/xmalloc.h:
