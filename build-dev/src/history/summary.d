build-dev/src/history/summary.o: src/history/summary.c \
 include/carve/config.h include/carve/glob.h include/carve/error.h \
 include/carve/exclude.h include/carve/history.h include/carve/arena.h \
 include/carve/historylog.h include/carve/strmap.h include/carve/module.h \
 include/carve/scan.h include/carve/deps.h include/carve/linecount.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/exclude.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/historylog.h:
include/carve/strmap.h:
include/carve/module.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
