build-dev/src/emit/estimate_csv.o: src/emit/estimate_csv.c \
 include/carve/csv.h include/carve/estimate.h
include/carve/csv.h:
include/carve/estimate.h:
