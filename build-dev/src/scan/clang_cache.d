build-dev/src/scan/clang_cache.o: src/scan/clang_cache.c \
 include/carve/error.h include/carve/outfile.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/scancache.h \
 include/carve/strbuf.h include/carve/strmap.h include/carve/tu.h \
 include/carve/tucache.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/scancache.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/tu.h:
include/carve/tucache.h:
include/carve/xmalloc.h:
