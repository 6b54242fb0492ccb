build-dev/src/plan/calendar.o: src/plan/calendar.c \
 include/carve/calendar.h include/carve/error.h include/carve/xmalloc.h
include/carve/calendar.h:
include/carve/error.h:
include/carve/xmalloc.h:
