build-dev/src/scan/deps_c.o: src/scan/deps_c.c include/carve/deps.h
include/carve/deps.h:
