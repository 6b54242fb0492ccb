build-dev/src/cmd/history.o: src/cmd/history.c include/carve/cmd.h \
 include/carve/config.h include/carve/glob.h include/carve/csv.h \
 include/carve/history.h include/carve/arena.h include/carve/input.h \
 include/carve/model.h include/carve/error.h include/carve/options.h \
 include/carve/outfile.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/strbuf.h \
 include/carve/table.h include/carve/xmalloc.h
include/carve/cmd.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/csv.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/input.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/table.h:
include/carve/xmalloc.h:
