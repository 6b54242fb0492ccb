build-dev/src/scan/deps_java.o: src/scan/deps_java.c include/carve/deps.h \
 include/carve/language.h
include/carve/deps.h:
include/carve/language.h:
