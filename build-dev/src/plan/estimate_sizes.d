build-dev/src/plan/estimate_sizes.o: src/plan/estimate_sizes.c \
 include/carve/config.h include/carve/glob.h include/carve/error.h \
 include/carve/estimate.h include/carve/estimate_build.h \
 include/carve/rates.h include/carve/language.h include/carve/strbuf.h \
 include/carve/strmap.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/estimate.h:
include/carve/estimate_build.h:
include/carve/rates.h:
include/carve/language.h:
include/carve/strbuf.h:
include/carve/strmap.h:
