build-dev/src/history/numstat.o: src/history/numstat.c \
 include/carve/error.h include/carve/historylog.h include/carve/arena.h \
 include/carve/strmap.h include/carve/oidmap.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/oidmap.h:
include/carve/xmalloc.h:
