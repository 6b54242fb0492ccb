build-dev/src/emit/report_appendix.o: src/emit/report_appendix.c \
 include/carve/config.h include/carve/glob.h include/carve/model.h \
 include/carve/error.h include/carve/report.h include/carve/scan.h \
 include/carve/arena.h include/carve/deps.h include/carve/exclude.h \
 include/carve/linecount.h
include/carve/config.h:
include/carve/glob.h:
include/carve/model.h:
include/carve/error.h:
include/carve/report.h:
include/carve/scan.h:
include/carve/arena.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
