build-dev/src/scan/clang_scan.o: src/scan/clang_scan.c \
 include/carve/compdb.h include/carve/arena.h include/carve/error.h \
 include/carve/libclang.h include/carve/pool.h include/carve/progress.h \
 include/carve/scan.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/symdeps.h include/carve/symindex.h \
 include/carve/tu.h include/carve/tucache.h include/carve/xmalloc.h
include/carve/compdb.h:
include/carve/arena.h:
include/carve/error.h:
include/carve/libclang.h:
include/carve/pool.h:
include/carve/progress.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/tu.h:
include/carve/tucache.h:
include/carve/xmalloc.h:
