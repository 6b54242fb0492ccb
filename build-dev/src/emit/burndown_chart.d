build-dev/src/emit/burndown_chart.o: src/emit/burndown_chart.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/chart.h include/carve/strbuf.h \
 include/carve/error.h include/carve/xmalloc.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/chart.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/xmalloc.h:
