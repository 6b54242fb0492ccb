build-dev/src/emit/roadmap_load.o: src/emit/roadmap_load.c \
 include/carve/error.h include/carve/roadmap.h include/carve/calendar.h \
 include/carve/options.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/roadmap.h:
include/carve/calendar.h:
include/carve/options.h:
include/carve/xmalloc.h:
