/*
 * The one Graphviz context of the process. Graphviz 2.43's pango plugin
 * keeps a pointer to the last font name it measured, which a freed
 * context takes with it: a second context in the same process (carve
 * report draws the contexts, then the roadmap) reads freed memory. So
 * every drawing lays out in this one, made on first use and freed at
 * exit.
 */
#ifndef CARVE_DOT_GVC_H
#define CARVE_DOT_GVC_H

#include <graphviz/gvc.h>

/* The shared context (borrowed: never gvFreeContext() it). */
GVC_t *dot_gvc(void);

#endif
