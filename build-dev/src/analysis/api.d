build-dev/src/analysis/api.o: src/analysis/api.c include/carve/api.h \
 include/carve/arena.h include/carve/pool.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/seams.h include/carve/role.h \
 include/carve/seams_graph.h include/carve/strbuf.h include/carve/error.h \
 include/carve/xmalloc.h
include/carve/api.h:
include/carve/arena.h:
include/carve/pool.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/xmalloc.h:
