build-dev/src/cmd/scan.o: src/cmd/scan.c include/carve/cmd.h \
 include/carve/config.h include/carve/glob.h include/carve/csv.h \
 include/carve/input.h include/carve/language.h include/carve/model.h \
 include/carve/error.h include/carve/options.h include/carve/outfile.h \
 include/carve/pool.h include/carve/progress.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/symdeps.h \
 include/carve/symindex.h include/carve/strmap.h include/carve/table.h
include/carve/cmd.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/csv.h:
include/carve/input.h:
include/carve/language.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/pool.h:
include/carve/progress.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/strmap.h:
include/carve/table.h:
