build-dev/src/emit/burndown_json.o: src/emit/burndown_json.c \
 include/carve/burndown.h include/carve/snapshots.h include/carve/arena.h \
 include/carve/glob.h
include/carve/burndown.h:
include/carve/snapshots.h:
include/carve/arena.h:
include/carve/glob.h:
