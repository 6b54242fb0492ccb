build-dev/src/plan/scheduler.o: src/plan/scheduler.c \
 include/carve/scheduler.h include/carve/xmalloc.h
include/carve/scheduler.h:
include/carve/xmalloc.h:
