build-dev/src/emit/report_summary.o: src/emit/report_summary.c \
 include/carve/check.h include/carve/contexts.h include/carve/glob.h \
 include/carve/config.h include/carve/graph.h include/carve/arena.h \
 include/carve/history.h include/carve/html.h include/carve/model.h \
 include/carve/error.h include/carve/report.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strbuf.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/config.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/history.h:
include/carve/html.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
