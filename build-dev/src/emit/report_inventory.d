build-dev/src/emit/report_inventory.o: src/emit/report_inventory.c \
 include/carve/html.h include/carve/language.h include/carve/model.h \
 include/carve/error.h include/carve/report.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/glob.h include/carve/linecount.h include/carve/xmalloc.h
include/carve/html.h:
include/carve/language.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/glob.h:
include/carve/linecount.h:
include/carve/xmalloc.h:
