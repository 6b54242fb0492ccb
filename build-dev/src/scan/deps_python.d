build-dev/src/scan/deps_python.o: src/scan/deps_python.c \
 include/carve/arena.h include/carve/deps.h
include/carve/arena.h:
include/carve/deps.h:
