build-dev/src/core/utf8.o: src/core/utf8.c include/carve/strbuf.h \
 include/carve/error.h include/carve/utf8.h
include/carve/strbuf.h:
include/carve/error.h:
include/carve/utf8.h:
