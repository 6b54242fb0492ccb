build-dev/src/core/error.o: src/core/error.c include/carve/error.h \
 include/carve/strbuf.h include/carve/utf8.h
include/carve/error.h:
include/carve/strbuf.h:
include/carve/utf8.h:
