build-dev/src/analysis/seams.o: src/analysis/seams.c \
 include/carve/cluster.h include/carve/config.h include/carve/glob.h \
 include/carve/contexts.h include/carve/error.h include/carve/graph.h \
 include/carve/arena.h include/carve/history.h include/carve/language.h \
 include/carve/rank.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/cluster.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/contexts.h:
include/carve/error.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/history.h:
include/carve/language.h:
include/carve/rank.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
