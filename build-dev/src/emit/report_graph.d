build-dev/src/emit/report_graph.o: src/emit/report_graph.c \
 include/carve/dot.h include/carve/options.h include/carve/graph.h \
 include/carve/arena.h include/carve/model.h include/carve/error.h \
 include/carve/report.h include/carve/seams.h include/carve/role.h \
 include/carve/seams_graph.h include/carve/strbuf.h
include/carve/dot.h:
include/carve/options.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
