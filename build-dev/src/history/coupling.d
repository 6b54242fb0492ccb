build-dev/src/history/coupling.o: src/history/coupling.c \
 include/carve/history.h include/carve/arena.h include/carve/glob.h \
 include/carve/xmalloc.h
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/xmalloc.h:
