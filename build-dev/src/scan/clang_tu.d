build-dev/src/scan/clang_tu.o: src/scan/clang_tu.c include/carve/compdb.h \
 include/carve/arena.h include/carve/libclang.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/error.h \
 include/carve/strmap.h include/carve/tu.h include/carve/tucache.h \
 include/carve/xmalloc.h
include/carve/compdb.h:
include/carve/arena.h:
include/carve/libclang.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/strmap.h:
include/carve/tu.h:
include/carve/tucache.h:
include/carve/xmalloc.h:
