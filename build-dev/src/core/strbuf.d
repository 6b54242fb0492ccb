build-dev/src/core/strbuf.o: src/core/strbuf.c include/carve/strbuf.h \
 include/carve/error.h include/carve/utf8.h include/carve/xmalloc.h
include/carve/strbuf.h:
include/carve/error.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
