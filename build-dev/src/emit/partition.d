build-dev/src/emit/partition.o: src/emit/partition.c \
 include/carve/config.h include/carve/glob.h include/carve/error.h \
 include/carve/partition.h include/carve/arena.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/partition.h:
include/carve/arena.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
