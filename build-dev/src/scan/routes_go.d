build-dev/src/scan/routes_go.o: src/scan/routes_go.c include/carve/api.h \
 include/carve/arena.h include/carve/srctok.h
include/carve/api.h:
include/carve/arena.h:
include/carve/srctok.h:
