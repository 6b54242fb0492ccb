build-dev/src/scan/role.o: src/scan/role.c include/carve/role.h
include/carve/role.h:
