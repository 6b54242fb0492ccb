build-dev/src/emit/seams_json.o: src/emit/seams_json.c \
 include/carve/compare.h include/carve/rank.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/utf8.h
include/carve/compare.h:
include/carve/rank.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/utf8.h:
