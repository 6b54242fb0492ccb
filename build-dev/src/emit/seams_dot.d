build-dev/src/emit/seams_dot.o: src/emit/seams_dot.c include/carve/dot.h \
 include/carve/options.h include/carve/dot_ids.h include/carve/error.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strbuf.h include/carve/utf8.h include/carve/xmalloc.h
include/carve/dot.h:
include/carve/options.h:
include/carve/dot_ids.h:
include/carve/error.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
