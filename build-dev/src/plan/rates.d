build-dev/src/plan/rates.o: src/plan/rates.c include/carve/error.h \
 include/carve/rates.h include/carve/estimate.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/rates.h:
include/carve/estimate.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
