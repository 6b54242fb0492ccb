build-dev/src/scan/routes.o: src/scan/routes.c include/carve/api.h \
 include/carve/arena.h include/carve/language.h include/carve/srctok.h \
 include/carve/xmalloc.h
include/carve/api.h:
include/carve/arena.h:
include/carve/language.h:
include/carve/srctok.h:
include/carve/xmalloc.h:
