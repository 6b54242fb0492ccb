build-dev/src/scan/deps.o: src/scan/deps.c include/carve/arena.h \
 include/carve/deps.h include/carve/language.h include/carve/xmalloc.h
include/carve/arena.h:
include/carve/deps.h:
include/carve/language.h:
include/carve/xmalloc.h:
