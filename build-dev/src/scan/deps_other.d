build-dev/src/scan/deps_other.o: src/scan/deps_other.c \
 include/carve/deps.h
include/carve/deps.h:
