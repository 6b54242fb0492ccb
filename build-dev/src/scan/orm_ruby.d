build-dev/src/scan/orm_ruby.o: src/scan/orm_ruby.c include/carve/arena.h \
 include/carve/data.h include/carve/srctok.h include/carve/strbuf.h \
 include/carve/error.h
include/carve/arena.h:
include/carve/data.h:
include/carve/srctok.h:
include/carve/strbuf.h:
include/carve/error.h:
