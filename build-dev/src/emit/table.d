build-dev/src/emit/table.o: src/emit/table.c include/carve/strbuf.h \
 include/carve/error.h include/carve/table.h include/carve/utf8.h \
 include/carve/xmalloc.h
include/carve/strbuf.h:
include/carve/error.h:
include/carve/table.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
