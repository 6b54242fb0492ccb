build-dev/src/emit/report_cycles.o: src/emit/report_cycles.c \
 include/carve/graph.h include/carve/arena.h include/carve/report.h \
 include/carve/strbuf.h include/carve/error.h
include/carve/graph.h:
include/carve/arena.h:
include/carve/report.h:
include/carve/strbuf.h:
include/carve/error.h:
