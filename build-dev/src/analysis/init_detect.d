build-dev/src/analysis/init_detect.o: src/analysis/init_detect.c \
 include/carve/glob.h include/carve/init_config.h include/carve/arena.h \
 include/carve/language.h include/carve/scan.h include/carve/deps.h \
 include/carve/exclude.h include/carve/linecount.h include/carve/seams.h \
 include/carve/role.h include/carve/seams_graph.h include/carve/strbuf.h \
 include/carve/error.h include/carve/strmap.h include/carve/xmalloc.h
include/carve/glob.h:
include/carve/init_config.h:
include/carve/arena.h:
include/carve/language.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
include/carve/error.h:
include/carve/strmap.h:
include/carve/xmalloc.h:
