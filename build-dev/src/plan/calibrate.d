build-dev/src/plan/calibrate.o: src/plan/calibrate.c \
 include/carve/error.h include/carve/estimate.h include/carve/history.h \
 include/carve/arena.h include/carve/glob.h \
 include/carve/estimate_build.h include/carve/rates.h \
 include/carve/montecarlo.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/strmap.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/estimate.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/estimate_build.h:
include/carve/rates.h:
include/carve/montecarlo.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
