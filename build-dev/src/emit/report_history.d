build-dev/src/emit/report_history.o: src/emit/report_history.c \
 include/carve/history.h include/carve/arena.h include/carve/glob.h \
 include/carve/html.h include/carve/model.h include/carve/error.h \
 include/carve/report.h include/carve/strbuf.h
include/carve/history.h:
include/carve/arena.h:
include/carve/glob.h:
include/carve/html.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/strbuf.h:
