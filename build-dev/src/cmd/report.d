build-dev/src/cmd/report.o: src/cmd/report.c include/carve/api.h \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/check.h include/carve/contexts.h \
 include/carve/cmd.h include/carve/estimate.h include/carve/data.h \
 include/carve/graph.h include/carve/history.h include/carve/input.h \
 include/carve/config.h include/carve/model.h include/carve/error.h \
 include/carve/options.h include/carve/outfile.h include/carve/plan.h \
 include/carve/calendar.h include/carve/report.h include/carve/roadmap.h \
 include/carve/roadmap_source.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h
include/carve/api.h:
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/check.h:
include/carve/contexts.h:
include/carve/cmd.h:
include/carve/estimate.h:
include/carve/data.h:
include/carve/graph.h:
include/carve/history.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/plan.h:
include/carve/calendar.h:
include/carve/report.h:
include/carve/roadmap.h:
include/carve/roadmap_source.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
