build-dev/src/emit/roadmap_dot.o: src/emit/roadmap_dot.c \
 include/carve/dot.h include/carve/options.h include/carve/error.h \
 include/carve/plan.h include/carve/calendar.h include/carve/dot_gvc.h \
 include/carve/dot_ids.h include/carve/roadmap.h include/carve/strbuf.h \
 include/carve/utf8.h include/carve/xmalloc.h
include/carve/dot.h:
include/carve/options.h:
include/carve/error.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/dot_gvc.h:
include/carve/dot_ids.h:
include/carve/roadmap.h:
include/carve/strbuf.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
