build-dev/src/history/histcache.o: src/history/histcache.c \
 include/carve/error.h include/carve/historylog.h include/carve/arena.h \
 include/carve/strmap.h include/carve/oidmap.h include/carve/outfile.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/oidmap.h:
include/carve/outfile.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
