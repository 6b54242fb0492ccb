build-dev/src/history/snapshots.o: src/history/snapshots.c \
 include/carve/blobcount.h include/carve/config.h include/carve/glob.h \
 include/carve/error.h include/carve/exclude.h include/carve/historylog.h \
 include/carve/arena.h include/carve/strmap.h include/carve/oidmap.h \
 include/carve/progress.h include/carve/snapshots.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/blobcount.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/exclude.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/oidmap.h:
include/carve/progress.h:
include/carve/snapshots.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
