build-dev/src/scan/srctok.o: src/scan/srctok.c include/carve/language.h \
 include/carve/srctok.h
include/carve/language.h:
include/carve/srctok.h:
