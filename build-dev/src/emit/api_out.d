build-dev/src/emit/api_out.o: src/emit/api_out.c include/carve/api.h \
 include/carve/csv.h include/carve/scan.h include/carve/arena.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/seams.h include/carve/role.h \
 include/carve/seams_graph.h include/carve/utf8.h
include/carve/api.h:
include/carve/csv.h:
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
