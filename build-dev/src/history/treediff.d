build-dev/src/history/treediff.o: src/history/treediff.c \
 include/carve/error.h include/carve/historylog.h include/carve/arena.h \
 include/carve/strmap.h include/carve/strbuf.h
include/carve/error.h:
include/carve/historylog.h:
include/carve/arena.h:
include/carve/strmap.h:
include/carve/strbuf.h:
