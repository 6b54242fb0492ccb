build-dev/src/emit/chart_png.o: src/emit/chart_png.c \
 include/carve/chart.h include/carve/error.h
include/carve/chart.h:
include/carve/error.h:
