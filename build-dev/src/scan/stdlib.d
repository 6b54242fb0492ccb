build-dev/src/scan/stdlib.o: src/scan/stdlib.c include/carve/language.h \
 include/carve/stdlib.h include/carve/deps.h
include/carve/language.h:
include/carve/stdlib.h:
include/carve/deps.h:
