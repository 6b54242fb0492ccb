build-dev/src/analysis/compare.o: src/analysis/compare.c \
 include/carve/compare.h include/carve/mojo.h include/carve/partition.h \
 include/carve/arena.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/compare.h:
include/carve/mojo.h:
include/carve/partition.h:
include/carve/arena.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
