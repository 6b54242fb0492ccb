build-dev/src/cmd/data.o: src/cmd/data.c include/carve/cmd.h \
 include/carve/data.h include/carve/input.h include/carve/config.h \
 include/carve/glob.h include/carve/model.h include/carve/error.h \
 include/carve/options.h include/carve/outfile.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/seams.h include/carve/role.h \
 include/carve/seams_graph.h include/carve/table.h
include/carve/cmd.h:
include/carve/data.h:
include/carve/input.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/table.h:
