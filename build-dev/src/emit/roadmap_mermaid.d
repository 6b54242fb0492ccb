build-dev/src/emit/roadmap_mermaid.o: src/emit/roadmap_mermaid.c \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h include/carve/xmalloc.h
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/xmalloc.h:
