build-dev/src/emit/roadmap_text.o: src/emit/roadmap_text.c \
 include/carve/csv.h include/carve/model.h include/carve/error.h \
 include/carve/plan.h include/carve/calendar.h include/carve/roadmap.h \
 include/carve/options.h include/carve/strbuf.h include/carve/table.h \
 include/carve/xmalloc.h
include/carve/csv.h:
include/carve/model.h:
include/carve/error.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/strbuf.h:
include/carve/table.h:
include/carve/xmalloc.h:
