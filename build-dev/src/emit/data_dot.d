build-dev/src/emit/data_dot.o: src/emit/data_dot.c include/carve/data.h
include/carve/data.h:
