build-dev/src/emit/report_roadmap.o: src/emit/report_roadmap.c \
 include/carve/calendar.h include/carve/config.h include/carve/glob.h \
 include/carve/html.h include/carve/report.h include/carve/roadmap.h \
 include/carve/options.h include/carve/strbuf.h include/carve/error.h
include/carve/calendar.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/html.h:
include/carve/report.h:
include/carve/roadmap.h:
include/carve/options.h:
include/carve/strbuf.h:
include/carve/error.h:
