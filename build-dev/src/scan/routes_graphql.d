build-dev/src/scan/routes_graphql.o: src/scan/routes_graphql.c \
 include/carve/api.h include/carve/srctok.h
include/carve/api.h:
include/carve/srctok.h:
