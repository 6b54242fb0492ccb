build-dev/src/emit/report_estimate.o: src/emit/report_estimate.c \
 include/carve/estimate.h include/carve/html.h include/carve/rates.h \
 include/carve/report.h include/carve/strbuf.h include/carve/error.h
include/carve/estimate.h:
include/carve/html.h:
include/carve/rates.h:
include/carve/report.h:
include/carve/strbuf.h:
include/carve/error.h:
