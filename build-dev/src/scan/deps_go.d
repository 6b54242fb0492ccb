build-dev/src/scan/deps_go.o: src/scan/deps_go.c include/carve/deps.h
include/carve/deps.h:
