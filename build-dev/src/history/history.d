build-dev/src/history/history.o: src/history/history.c \
 include/carve/error.h include/carve/history.h include/carve/arena.h \
 include/carve/glob.h include/carve/historylog.h include/carve/strmap.h \
 include/carve/scan.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/historylog.h:
include/carve/strmap.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
