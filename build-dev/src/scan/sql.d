build-dev/src/scan/sql.o: src/scan/sql.c include/carve/arena.h \
 include/carve/data.h include/carve/language.h include/carve/srctok.h \
 include/carve/strbuf.h include/carve/error.h include/carve/xmalloc.h
include/carve/arena.h:
include/carve/data.h:
include/carve/language.h:
include/carve/srctok.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/xmalloc.h:
