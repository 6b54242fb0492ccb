build-dev/src/scan/language.o: src/scan/language.c \
 include/carve/language.h include/carve/strmap.h
include/carve/language.h:
include/carve/strmap.h:
