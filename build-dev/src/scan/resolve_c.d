build-dev/src/scan/resolve_c.o: src/scan/resolve_c.c include/carve/deps.h \
 include/carve/error.h include/carve/language.h include/carve/resolve.h \
 include/carve/arena.h include/carve/strmap.h include/carve/scan.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/strbuf.h include/carve/xmalloc.h
include/carve/deps.h:
include/carve/error.h:
include/carve/language.h:
include/carve/resolve.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/scan.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
