build-dev/src/plan/cocomo.o: src/plan/cocomo.c include/carve/estimate.h
include/carve/estimate.h:
