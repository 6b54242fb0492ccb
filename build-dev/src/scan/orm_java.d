build-dev/src/scan/orm_java.o: src/scan/orm_java.c include/carve/arena.h \
 include/carve/data.h include/carve/srctok.h
include/carve/arena.h:
include/carve/data.h:
include/carve/srctok.h:
