build-dev/src/plan/roadmap_source.o: src/plan/roadmap_source.c \
 include/carve/calendar.h include/carve/config.h include/carve/glob.h \
 include/carve/error.h include/carve/estimate.h include/carve/input.h \
 include/carve/model.h include/carve/plan.h include/carve/roadmap.h \
 include/carve/options.h include/carve/roadmap_source.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/calendar.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/estimate.h:
include/carve/input.h:
include/carve/model.h:
include/carve/plan.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/roadmap_source.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
