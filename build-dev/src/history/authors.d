build-dev/src/history/authors.o: src/history/authors.c \
 include/carve/config.h include/carve/glob.h include/carve/error.h \
 include/carve/history.h include/carve/arena.h include/carve/historylog.h \
 include/carve/strmap.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/historylog.h:
include/carve/strmap.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
