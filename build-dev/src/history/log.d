build-dev/src/history/log.o: src/history/log.c include/carve/historylog.h \
 include/carve/arena.h include/carve/strmap.h include/carve/strbuf.h \
 include/carve/error.h include/carve/utf8.h include/carve/xmalloc.h
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
