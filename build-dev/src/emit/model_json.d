build-dev/src/emit/model_json.o: src/emit/model_json.c \
 include/carve/check.h include/carve/contexts.h include/carve/glob.h \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/estimate.h include/carve/history.h \
 include/carve/language.h include/carve/model.h include/carve/error.h \
 include/carve/scan.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/roadmap.h \
 include/carve/calendar.h include/carve/options.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/data.h \
 include/carve/api.h include/carve/strbuf.h include/carve/utf8.h \
 include/carve/xmalloc.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/estimate.h:
include/carve/history.h:
include/carve/language.h:
include/carve/model.h:
include/carve/error.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/roadmap.h:
include/carve/calendar.h:
include/carve/options.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/data.h:
include/carve/api.h:
include/carve/strbuf.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
