build-dev/src/cmd/check.o: src/cmd/check.c include/carve/check.h \
 include/carve/contexts.h include/carve/glob.h include/carve/cmd.h \
 include/carve/input.h include/carve/config.h include/carve/model.h \
 include/carve/error.h include/carve/options.h include/carve/outfile.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/strbuf.h \
 include/carve/xmalloc.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/cmd.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/xmalloc.h:
