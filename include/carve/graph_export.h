/*
 * carve graph in other tools' graph formats: Mermaid flowcharts
 * (src/render/graph_mermaid.c) and GraphML (src/render/graph_graphml.c).
 */
#ifndef CARVE_GRAPH_EXPORT_H
#define CARVE_GRAPH_EXPORT_H

#include <stdio.h>

struct graph;
struct graph_view;

/*
 * A Mermaid flowchart (GitHub and GitLab render it in markdown): one node
 * per kept node, one arrow per kept edge labelled with its references,
 * cuts dashed, cycle members and hubs in their own classes. `title`
 * becomes a %% comment.
 */
void graph_print_mermaid(FILE *fp, const struct graph *g,
			 const struct graph_view *v, const char *title);

/*
 * GraphML written by igraph: a directed graph of the kept nodes (name,
 * files, code, fan_in, fan_out, cycle, hub) and edges (weight, kinds,
 * cut), for yEd, Gephi, NetworkX. Returns 0, or <0 after reporting.
 */
int graph_print_graphml(FILE *fp, const struct graph *g,
			const struct graph_view *v, const char *title);

#endif
