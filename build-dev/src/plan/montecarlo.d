build-dev/src/plan/montecarlo.o: src/plan/montecarlo.c \
 include/carve/montecarlo.h
include/carve/montecarlo.h:
