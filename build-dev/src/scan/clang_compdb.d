build-dev/src/scan/clang_compdb.o: src/scan/clang_compdb.c \
 include/carve/compdb.h include/carve/arena.h include/carve/error.h \
 include/carve/language.h include/carve/libclang.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/glob.h \
 include/carve/linecount.h include/carve/strbuf.h include/carve/strmap.h \
 include/carve/xmalloc.h
include/carve/compdb.h:
include/carve/arena.h:
include/carve/error.h:
include/carve/language.h:
include/carve/libclang.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
