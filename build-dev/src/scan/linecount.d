build-dev/src/scan/linecount.o: src/scan/linecount.c \
 include/carve/language.h include/carve/linecount.h
include/carve/language.h:
include/carve/linecount.h:
