build-dev/src/plan/estimate_scan.o: src/plan/estimate_scan.c \
 include/carve/estimate.h include/carve/estimate_build.h \
 include/carve/error.h include/carve/rates.h include/carve/language.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/estimate.h:
include/carve/estimate_build.h:
include/carve/error.h:
include/carve/rates.h:
include/carve/language.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
