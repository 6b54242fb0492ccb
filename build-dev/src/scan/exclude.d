build-dev/src/scan/exclude.o: src/scan/exclude.c include/carve/exclude.h \
 include/carve/glob.h
include/carve/exclude.h:
include/carve/glob.h:
