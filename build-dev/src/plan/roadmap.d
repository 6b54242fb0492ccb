build-dev/src/plan/roadmap.o: src/plan/roadmap.c include/carve/error.h \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h include/carve/scheduler.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/scheduler.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
