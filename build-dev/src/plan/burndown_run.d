build-dev/src/plan/burndown_run.o: src/plan/burndown_run.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/config.h include/carve/error.h \
 include/carve/model.h include/carve/options.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/config.h:
include/carve/error.h:
include/carve/model.h:
include/carve/options.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
