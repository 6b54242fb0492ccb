build-dev/src/emit/report_burndown.o: src/emit/report_burndown.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/html.h include/carve/model.h \
 include/carve/error.h include/carve/report.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strbuf.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/html.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
