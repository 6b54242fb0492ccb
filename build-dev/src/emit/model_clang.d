build-dev/src/emit/model_clang.o: src/emit/model_clang.c \
 include/carve/config.h include/carve/glob.h include/carve/model.h \
 include/carve/error.h include/carve/scan.h include/carve/arena.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strmap.h include/carve/symdeps.h include/carve/symindex.h \
 include/carve/tu.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/model.h:
include/carve/error.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strmap.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/tu.h:
include/carve/xmalloc.h:
