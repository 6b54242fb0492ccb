build-dev/src/scan/scan.o: src/scan/scan.c include/carve/error.h \
 include/carve/filelist.h include/carve/arena.h include/carve/language.h \
 include/carve/module.h include/carve/pool.h include/carve/progress.h \
 include/carve/resolve.h include/carve/strmap.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/scancache.h \
 include/carve/strbuf.h include/carve/symdeps.h include/carve/symindex.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/filelist.h:
include/carve/arena.h:
include/carve/language.h:
include/carve/module.h:
include/carve/pool.h:
include/carve/progress.h:
include/carve/resolve.h:
include/carve/strmap.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/scancache.h:
include/carve/strbuf.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/xmalloc.h:
