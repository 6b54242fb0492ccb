build-dev/src/cmd/merge.o: src/cmd/merge.c include/carve/cmd.h \
 include/carve/model.h include/carve/error.h include/carve/options.h \
 include/carve/outfile.h include/carve/scan.h include/carve/arena.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/symdeps.h \
 include/carve/symindex.h include/carve/strmap.h include/carve/xmalloc.h
include/carve/cmd.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
