build-dev/src/emit/html.o: src/emit/html.c include/carve/html.h \
 include/carve/strbuf.h include/carve/error.h include/carve/utf8.h
include/carve/html.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/utf8.h:
