build-dev/src/cmd/roadmap.o: src/cmd/roadmap.c include/carve/cmd.h \
 include/carve/config.h include/carve/glob.h include/carve/input.h \
 include/carve/model.h include/carve/error.h include/carve/options.h \
 include/carve/outfile.h include/carve/plan.h include/carve/calendar.h \
 include/carve/roadmap.h include/carve/roadmap_source.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/xmalloc.h \
 include/carve/strbuf.h
include/carve/cmd.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/input.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/roadmap.h:
include/carve/roadmap_source.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/xmalloc.h:
include/carve/strbuf.h:
