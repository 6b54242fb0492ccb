build-dev/src/scan/module.o: src/scan/module.c include/carve/config.h \
 include/carve/glob.h include/carve/language.h include/carve/module.h \
 include/carve/strbuf.h include/carve/error.h
include/carve/config.h:
include/carve/glob.h:
include/carve/language.h:
include/carve/module.h:
include/carve/strbuf.h:
include/carve/error.h:
