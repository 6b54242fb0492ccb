build-dev/src/emit/dot.o: src/emit/dot.c include/carve/dot.h \
 include/carve/options.h include/carve/dot_gvc.h include/carve/dot_ids.h \
 include/carve/error.h include/carve/graph.h include/carve/arena.h \
 include/carve/strbuf.h include/carve/strmap.h include/carve/utf8.h \
 include/carve/xmalloc.h
include/carve/dot.h:
include/carve/options.h:
include/carve/dot_gvc.h:
include/carve/dot_ids.h:
include/carve/error.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
