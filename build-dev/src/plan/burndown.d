build-dev/src/plan/burndown.o: src/plan/burndown.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h include/carve/xmalloc.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/xmalloc.h:
