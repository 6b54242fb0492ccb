build-dev/src/analysis/check.o: src/analysis/check.c \
 include/carve/check.h include/carve/contexts.h include/carve/glob.h \
 include/carve/config.h include/carve/deps.h include/carve/error.h \
 include/carve/graph.h include/carve/arena.h include/carve/resolve.h \
 include/carve/strmap.h include/carve/scan.h include/carve/exclude.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/utf8.h \
 include/carve/xmalloc.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/config.h:
include/carve/deps.h:
include/carve/error.h:
include/carve/graph.h:
include/carve/arena.h:
include/carve/resolve.h:
include/carve/strmap.h:
include/carve/scan.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
