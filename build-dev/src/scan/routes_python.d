build-dev/src/scan/routes_python.o: src/scan/routes_python.c \
 include/carve/api.h include/carve/arena.h include/carve/srctok.h \
 include/carve/strbuf.h include/carve/error.h
include/carve/api.h:
include/carve/arena.h:
include/carve/srctok.h:
include/carve/strbuf.h:
include/carve/error.h:
