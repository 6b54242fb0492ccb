build-dev/src/cmd/graph.o: src/cmd/graph.c include/carve/cmd.h \
 include/carve/deps.h include/carve/dot.h include/carve/options.h \
 include/carve/glob.h include/carve/graph.h include/carve/arena.h \
 include/carve/input.h include/carve/config.h include/carve/model.h \
 include/carve/error.h include/carve/outfile.h include/carve/pool.h \
 include/carve/progress.h include/carve/scan.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/table.h \
 include/carve/utf8.h include/carve/xmalloc.h
include/carve/cmd.h:
include/carve/deps.h:
include/carve/dot.h:
include/carve/options.h:
include/carve/glob.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/error.h:
include/carve/outfile.h:
include/carve/pool.h:
include/carve/progress.h:
include/carve/scan.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/table.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
