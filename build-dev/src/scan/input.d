build-dev/src/scan/input.o: src/scan/input.c include/carve/error.h \
 include/carve/filelist.h include/carve/arena.h include/carve/history.h \
 include/carve/glob.h include/carve/input.h include/carve/config.h \
 include/carve/model.h include/carve/options.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strbuf.h
include/carve/error.h:
include/carve/filelist.h:
include/carve/arena.h:
include/carve/history.h:
include/carve/glob.h:
include/carve/input.h:
include/carve/config.h:
include/carve/model.h:
include/carve/options.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
