build-dev/src/analysis/data.o: src/analysis/data.c include/carve/arena.h \
 include/carve/data.h include/carve/error.h include/carve/language.h \
 include/carve/pool.h include/carve/role.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/seams.h \
 include/carve/seams_graph.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/arena.h:
include/carve/data.h:
include/carve/error.h:
include/carve/language.h:
include/carve/pool.h:
include/carve/role.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
