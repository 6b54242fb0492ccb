build-dev/src/scan/orm_js.o: src/scan/orm_js.c include/carve/arena.h \
 include/carve/data.h include/carve/srctok.h
include/carve/arena.h:
include/carve/data.h:
include/carve/srctok.h:
