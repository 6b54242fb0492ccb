build-dev/src/history/snapdeps.o: src/history/snapdeps.c \
 include/carve/check.h include/carve/contexts.h include/carve/glob.h \
 include/carve/config.h include/carve/deps.h include/carve/error.h \
 include/carve/exclude.h include/carve/historylog.h include/carve/arena.h \
 include/carve/strmap.h include/carve/language.h include/carve/module.h \
 include/carve/oidmap.h include/carve/resolve.h include/carve/scan.h \
 include/carve/linecount.h include/carve/snapshots.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/config.h:
include/carve/deps.h:
include/carve/error.h:
include/carve/exclude.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/language.h:
include/carve/module.h:
include/carve/oidmap.h:
include/carve/resolve.h:
include/carve/scan.h:
include/carve/linecount.h:
include/carve/snapshots.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
