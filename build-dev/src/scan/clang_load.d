build-dev/src/scan/clang_load.o: src/scan/clang_load.c \
 include/carve/error.h include/carve/libclang.h
include/carve/error.h:
include/carve/libclang.h:
