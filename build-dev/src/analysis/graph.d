build-dev/src/analysis/graph.o: src/analysis/graph.c include/carve/deps.h \
 include/carve/graph.h include/carve/arena.h include/carve/scan.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/deps.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/scan.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
