build-dev/src/emit/init_config.o: src/emit/init_config.c \
 include/carve/init_config.h include/carve/arena.h include/carve/strbuf.h \
 include/carve/error.h
include/carve/init_config.h:
include/carve/arena.h:
include/carve/strbuf.h:
include/carve/error.h:
