build-dev/src/plan/dist.o: src/plan/dist.c include/carve/error.h \
 include/carve/estimate.h include/carve/montecarlo.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/estimate.h:
include/carve/montecarlo.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
