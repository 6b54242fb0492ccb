build-dev/src/plan/estimate_input.o: src/plan/estimate_input.c \
 include/carve/estimate.h include/carve/error.h include/carve/input.h \
 include/carve/config.h include/carve/glob.h include/carve/model.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h
include/carve/estimate.h:
include/carve/error.h:
include/carve/input.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/model.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
