build-dev/src/scan/filelist.o: src/scan/filelist.c include/carve/error.h \
 include/carve/filelist.h include/carve/arena.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/filelist.h:
include/carve/arena.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
