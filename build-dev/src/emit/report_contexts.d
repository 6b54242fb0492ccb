build-dev/src/emit/report_contexts.o: src/emit/report_contexts.c \
 include/carve/html.h include/carve/report.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/strbuf.h \
 include/carve/error.h
include/carve/html.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/error.h:
