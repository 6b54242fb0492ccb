build-dev/src/history/walk.o: src/history/walk.c include/carve/error.h \
 include/carve/historylog.h include/carve/arena.h include/carve/strmap.h \
 include/carve/oidmap.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/oidmap.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
