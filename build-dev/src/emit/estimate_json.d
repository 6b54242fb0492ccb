build-dev/src/emit/estimate_json.o: src/emit/estimate_json.c \
 include/carve/error.h include/carve/estimate.h \
 include/carve/estimate_build.h include/carve/rates.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/estimate.h:
include/carve/estimate_build.h:
include/carve/rates.h:
include/carve/xmalloc.h:
