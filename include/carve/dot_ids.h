/*
 * Graphviz object ids that do not depend on the heap: cgraph's default
 * id of a named node or subgraph is the address of its interned name,
 * and subgraphs (clusters) are laid out in id order, so the same graph
 * could be drawn differently from run to run (threads make the heap
 * differ). With dot_ids, named objects are numbered in the order they
 * are made, and the drawing is the same bytes every time.
 */
#ifndef CARVE_DOT_IDS_H
#define CARVE_DOT_IDS_H

#include <graphviz/cgraph.h>

/* The discipline for agopen(name, kind, &dot_ids): memory and I/O as
 * cgraph's defaults, ids in creation order. */
extern Agdisc_t dot_ids;

#endif
