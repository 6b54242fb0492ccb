build-dev/src/plan/burndown_plan.o: src/plan/burndown_plan.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/config.h include/carve/error.h \
 include/carve/model.h include/carve/plan.h include/carve/calendar.h \
 include/carve/roadmap.h include/carve/options.h \
 include/carve/roadmap_source.h include/carve/xmalloc.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/config.h:
include/carve/error.h:
include/carve/model.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/roadmap_source.h:
include/carve/xmalloc.h:
