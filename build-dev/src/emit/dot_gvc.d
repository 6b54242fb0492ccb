build-dev/src/emit/dot_gvc.o: src/emit/dot_gvc.c include/carve/dot_gvc.h
include/carve/dot_gvc.h:
