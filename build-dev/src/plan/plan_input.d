build-dev/src/plan/plan_input.o: src/plan/plan_input.c \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h include/carve/xmalloc.h
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/xmalloc.h:
