build-dev/src/cmd/burndown.o: src/cmd/burndown.c include/carve/burndown.h \
 include/carve/snapshots.h include/carve/arena.h include/carve/glob.h \
 include/carve/chart.h include/carve/cmd.h include/carve/config.h \
 include/carve/csv.h include/carve/input.h include/carve/model.h \
 include/carve/error.h include/carve/options.h include/carve/outfile.h \
 include/carve/scan.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/table.h \
 include/carve/xmalloc.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/chart.h:
include/carve/cmd.h:
include/carve/config.h:
include/carve/csv.h:
include/carve/input.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/table.h:
include/carve/xmalloc.h:
