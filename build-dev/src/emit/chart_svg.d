build-dev/src/emit/chart_svg.o: src/emit/chart_svg.c \
 include/carve/chart.h include/carve/html.h include/carve/strbuf.h \
 include/carve/error.h
include/carve/chart.h:
include/carve/html.h:
include/carve/strbuf.h:
include/carve/error.h:
