build-dev/src/emit/data_json.o: src/emit/data_json.c include/carve/data.h \
 include/carve/scan.h include/carve/arena.h include/carve/deps.h \
 include/carve/exclude.h include/carve/glob.h include/carve/linecount.h \
 include/carve/utf8.h
include/carve/data.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/utf8.h:
