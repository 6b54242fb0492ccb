build-dev/src/history/blobcount.o: src/history/blobcount.c \
 include/carve/arena.h include/carve/blobcount.h include/carve/error.h \
 include/carve/exclude.h include/carve/glob.h include/carve/language.h \
 include/carve/linecount.h include/carve/oidmap.h include/carve/outfile.h \
 include/carve/pool.h include/carve/scancache.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/arena.h:
include/carve/blobcount.h:
include/carve/error.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/language.h:
include/carve/linecount.h:
include/carve/oidmap.h:
include/carve/outfile.h:
include/carve/pool.h:
include/carve/scancache.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
