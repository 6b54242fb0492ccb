build-dev/src/scan/orm_go.o: src/scan/orm_go.c include/carve/arena.h \
 include/carve/data.h include/carve/srctok.h
include/carve/arena.h:
include/carve/data.h:
include/carve/srctok.h:
