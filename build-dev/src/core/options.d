build-dev/src/core/options.o: src/core/options.c include/carve/error.h \
 include/carve/options.h include/carve/pool.h include/carve/progress.h
include/carve/error.h:
include/carve/options.h:
include/carve/pool.h:
include/carve/progress.h:
