build-dev/src/scan/deps_js.o: src/scan/deps_js.c include/carve/deps.h
include/carve/deps.h:
