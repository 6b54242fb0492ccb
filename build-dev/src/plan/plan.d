build-dev/src/plan/plan.o: src/plan/plan.c include/carve/config.h \
 include/carve/glob.h include/carve/error.h include/carve/plan.h \
 include/carve/calendar.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/xmalloc.h:
