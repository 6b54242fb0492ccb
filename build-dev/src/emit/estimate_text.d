build-dev/src/emit/estimate_text.o: src/emit/estimate_text.c \
 include/carve/estimate.h include/carve/rates.h include/carve/strbuf.h \
 include/carve/error.h include/carve/table.h
include/carve/estimate.h:
include/carve/rates.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/table.h:
