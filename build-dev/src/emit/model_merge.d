build-dev/src/emit/model_merge.o: src/emit/model_merge.c \
 include/carve/error.h include/carve/model.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/strbuf.h \
 include/carve/strmap.h include/carve/symdeps.h include/carve/symindex.h \
 include/carve/xmalloc.h
include/carve/error.h:
include/carve/model.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/symdeps.h:
include/carve/symindex.h:
include/carve/xmalloc.h:
