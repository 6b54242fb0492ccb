build-dev/src/emit/csv.o: src/emit/csv.c include/carve/csv.h \
 include/carve/utf8.h include/carve/xmalloc.h
include/carve/csv.h:
include/carve/utf8.h:
include/carve/xmalloc.h:
