build-dev/src/emit/data_csv.o: src/emit/data_csv.c include/carve/csv.h \
 include/carve/data.h
include/carve/csv.h:
include/carve/data.h:
