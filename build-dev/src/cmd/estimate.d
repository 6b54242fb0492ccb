build-dev/src/cmd/estimate.o: src/cmd/estimate.c include/carve/cmd.h \
 include/carve/estimate.h include/carve/history.h include/carve/arena.h \
 include/carve/glob.h include/carve/input.h include/carve/config.h \
 include/carve/model.h include/carve/error.h include/carve/options.h \
 include/carve/outfile.h include/carve/rates.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/xmalloc.h
include/carve/cmd.h:
include/carve/estimate.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/rates.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/xmalloc.h:
