build-dev/src/cmd/seams.o: src/cmd/seams.c include/carve/cmd.h \
 include/carve/compare.h include/carve/csv.h include/carve/history.h \
 include/carve/arena.h include/carve/glob.h include/carve/input.h \
 include/carve/config.h include/carve/model.h include/carve/error.h \
 include/carve/mojo.h include/carve/options.h include/carve/outfile.h \
 include/carve/partition.h include/carve/rank.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strbuf.h include/carve/strmap.h include/carve/table.h \
 include/carve/xmalloc.h
include/carve/cmd.h:
include/carve/compare.h:
include/carve/csv.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/error.h:
include/carve/mojo.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/partition.h:
include/carve/rank.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/table.h:
include/carve/xmalloc.h:
