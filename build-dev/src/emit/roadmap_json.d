build-dev/src/emit/roadmap_json.o: src/emit/roadmap_json.c \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
