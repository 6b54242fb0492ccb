build-dev/src/cmd/init.o: src/cmd/init.c include/carve/cmd.h \
 include/carve/filelist.h include/carve/arena.h \
 include/carve/init_config.h include/carve/input.h include/carve/config.h \
 include/carve/glob.h include/carve/model.h include/carve/error.h \
 include/carve/options.h include/carve/outfile.h include/carve/scan.h \
 include/carve/deps.h include/carve/exclude.h include/carve/linecount.h \
 include/carve/seams.h include/carve/role.h include/carve/seams_graph.h \
 include/carve/strbuf.h
include/carve/cmd.h:
include/carve/filelist.h:
include/carve/arena.h:
include/carve/init_config.h:
include/carve/input.h:
include/carve/config.h:
include/carve/glob.h:
include/carve/model.h:
include/carve/error.h:
include/carve/options.h:
include/carve/outfile.h:
include/carve/scan.h:
include/carve/deps.h:
include/carve/exclude.h:
include/carve/linecount.h:
include/carve/seams.h:
include/carve/role.h:
include/carve/seams_graph.h:
include/carve/strbuf.h:
