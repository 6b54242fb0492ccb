build-dev/src/history/mine.o: src/history/mine.c include/carve/error.h \
 include/carve/historylog.h include/carve/arena.h include/carve/strmap.h \
 include/carve/pool.h include/carve/progress.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/pool.h:
include/carve/progress.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
