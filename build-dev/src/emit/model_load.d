build-dev/src/emit/model_load.o: src/emit/model_load.c \
 include/carve/config.h include/carve/glob.h include/carve/estimate.h \
 include/carve/roadmap.h include/carve/calendar.h include/carve/options.h \
 include/carve/history.h include/carve/arena.h include/carve/language.h \
 include/carve/model.h include/carve/error.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/strbuf.h include/carve/strmap.h include/carve/xmalloc.h
include/carve/config.h:
include/carve/glob.h:
include/carve/estimate.h:
include/carve/roadmap.h:
include/carve/calendar.h:
include/carve/options.h:
include/carve/history.h:
include/carve/arena.h:
include/carve/language.h:
include/carve/model.h:
include/carve/error.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/strbuf.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
