build-dev/src/scan/routes_js.o: src/scan/routes_js.c include/carve/api.h \
 include/carve/arena.h include/carve/srctok.h include/carve/strbuf.h \
 include/carve/error.h
include/carve/api.h:
include/carve/arena.h:
include/carve/srctok.h:
include/carve/strbuf.h:
include/carve/error.h:
