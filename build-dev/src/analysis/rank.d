build-dev/src/analysis/rank.o: src/analysis/rank.c include/carve/rank.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/xmalloc.h
include/carve/rank.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/xmalloc.h:
