build-dev/src/analysis/contexts.o: src/analysis/contexts.c \
 include/carve/config.h include/carve/glob.h include/carve/contexts.h \
 include/carve/error.h include/carve/scan.h include/carve/arena.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/contexts.h:
include/carve/error.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/xmalloc.h:
