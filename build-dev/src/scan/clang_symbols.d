build-dev/src/scan/clang_symbols.o: src/scan/clang_symbols.c \
 include/carve/language.h include/carve/scan.h include/carve/arena.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/error.h \
 include/carve/symindex.h include/carve/strmap.h include/carve/tu.h \
 include/carve/xmalloc.h
include/carve/language.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/symindex.h:
include/carve/strmap.h:
include/carve/tu.h:
include/carve/xmalloc.h:
