build-dev/src/scan/resolve.o: src/scan/resolve.c include/carve/depcache.h \
 include/carve/strbuf.h include/carve/error.h include/carve/deps.h \
 include/carve/language.h include/carve/resolve.h include/carve/arena.h \
 include/carve/strmap.h include/carve/scan.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/stdlib.h \
 include/carve/xmalloc.h
include/carve/depcache.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/deps.h:
include/carve/language.h:
include/carve/resolve.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/scan.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/stdlib.h:
include/carve/xmalloc.h:
