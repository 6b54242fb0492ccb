build-dev/src/emit/report.o: src/emit/report.c include/carve/check.h \
 include/carve/contexts.h include/carve/glob.h include/carve/history.h \
 include/carve/arena.h include/carve/html.h include/carve/model.h \
 include/carve/error.h include/carve/report.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strbuf.h
include/carve/check.h:
include/carve/contexts.h:
include/carve/glob.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/html.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
