build-dev/src/emit/roadmap_pm.o: src/emit/roadmap_pm.c \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h include/carve/strbuf.h include/carve/error.h
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/strbuf.h:
include/carve/error.h:
