build-dev/src/core/strmap.o: src/core/strmap.c include/carve/strmap.h \
 include/carve/xmalloc.h
include/carve/strmap.h:
include/carve/xmalloc.h:
