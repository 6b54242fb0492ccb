build-dev/src/scan/routes_ruby.o: src/scan/routes_ruby.c \
 include/carve/api.h include/carve/arena.h include/carve/srctok.h \
 include/carve/strbuf.h include/carve/error.h
include/carve/api.h:
include/carve/arena.h:
include/carve/srctok.h:
include/carve/strbuf.h:
include/carve/error.h:
