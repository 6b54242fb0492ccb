build-dev/src/scan/data_extract.o: src/scan/data_extract.c \
 include/carve/arena.h include/carve/data.h include/carve/language.h \
 include/carve/role.h include/carve/xmalloc.h
include/carve/arena.h:
include/carve/data.h:
include/carve/language.h:
include/carve/role.h:
include/carve/xmalloc.h:
