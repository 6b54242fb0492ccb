build-dev/src/analysis/seams_graph.o: src/analysis/seams_graph.c \
 include/carve/error.h include/carve/language.h include/carve/role.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/seams_graph.h include/carve/strmap.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/language.h:
include/carve/role.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams_graph.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
