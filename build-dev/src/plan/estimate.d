build-dev/src/plan/estimate.o: src/plan/estimate.c include/carve/config.h \
 include/carve/glob.h include/carve/error.h include/carve/estimate.h \
 include/carve/estimate_build.h include/carve/rates.h \
 include/carve/language.h include/carve/montecarlo.h include/carve/pool.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/estimate.h:
include/carve/estimate_build.h:
include/carve/rates.h:
include/carve/language.h:
include/carve/montecarlo.h:
include/carve/pool.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
