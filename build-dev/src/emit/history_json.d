build-dev/src/emit/history_json.o: src/emit/history_json.c \
 include/carve/config.h include/carve/glob.h include/carve/error.h \
 include/carve/history.h include/carve/arena.h include/carve/strmap.h \
 include/carve/utf8.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/error.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
