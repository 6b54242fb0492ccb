build-dev/src/scan/depcache.o: src/scan/depcache.c \
 include/carve/depcache.h include/carve/strbuf.h include/carve/error.h \
 include/carve/language.h include/carve/outfile.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/scancache.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/depcache.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/language.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/scancache.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
