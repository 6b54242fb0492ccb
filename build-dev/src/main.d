build-dev/src/main.o: src/main.c include/carve/cmd.h \
 include/carve/error.h include/carve/outfile.h
include/carve/cmd.h:
include/carve/error.h:
include/carve/outfile.h:
