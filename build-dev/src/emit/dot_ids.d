build-dev/src/emit/dot_ids.o: src/emit/dot_ids.c include/carve/dot_ids.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/dot_ids.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
