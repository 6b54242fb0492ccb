build-dev/src/history/rename.o: src/history/rename.c \
 include/carve/historylog.h include/carve/arena.h include/carve/strmap.h \
 include/carve/xmalloc.h
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
