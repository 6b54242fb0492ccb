build-dev/src/core/outfile.o: src/core/outfile.c include/carve/error.h \
 include/carve/outfile.h include/carve/strbuf.h include/carve/xmalloc.h
include/carve/error.h:
include/carve/outfile.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
