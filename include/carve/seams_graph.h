/*
 * The fused, weighted, undirected graph that carve seams clusters. Its
 * nodes are units: a counted file, or a C/C++ header and its sources of
 * the same stem in the same directory (jobs.c + jobs.h), which belong
 * together. Its links add up several signals, each scaled by its weight:
 * static dependencies (references, both directions), the folder structure
 * (files of one directory attract), and later change coupling and shared
 * authors from history; directories are nodes of their own linked to
 * their units. Units that nearly everything uses are hubs, set
 * apart as the shared kernel and left out of the links. A seams_graph
 * owns its arrays; paths are borrowed from the scan, which must outlive it.
 */
#ifndef CARVE_SEAMS_GRAPH_H
#define CARVE_SEAMS_GRAPH_H

#include <stddef.h>

#include "carve/model_seams.h"

struct scan;

/* Name of a signal as in --weights: "static", "cochange", ... */
const char *seams_signal_name(enum seams_signal s);

/* Defaults: static 1, cochange 1, authors 0.5, folders SEAMS_FOLDERS. */
void seams_weights_init(struct seams_weights *w);
/*
 * Parses "static=1,folders=2.5" into w (names as seams_signal_name()).
 * Returns 0, or reports and returns CARVE_EINVALID.
 */
int seams_weights_parse(struct seams_weights *w, const char *arg);

/* Default share of the depending units that makes a unit a hub. */
#define SEAMS_HUB_SHARE 0.5
/* Pull between folders of one domain name in two layers. */
#define SEAMS_DOMAIN_PULL 0.5
/* Share of a context's code under its folder to be named after it. */
#define SEAMS_NAME_COVER 0.7
/* Sibling folders of one name that make the name a layer (forms/). */
#define SEAMS_LAYER_SIBLINGS 3
/* Default weight of the folder signal (see seams_graph_build()). */
#define SEAMS_FOLDERS 16.0
/* Default weight of the domain-term signal (see seams_graph_build()). */
#define SEAMS_TERMS 8.0
/* Pull of a folder on the folders inside it (see seams_graph.c). */
#define SEAMS_PARENT_PULL 1.0
/* Pull between a domain term and the folders named for it. */
#define SEAMS_TERM_FOLDER_PULL 2.0
/* Pull of a layer folder on its units (1 for any other folder). */
#define SEAMS_LAYER_PULL 0.25
/* Most units a term may lead before it is a layer word, not a domain. */
#define SEAMS_TERM_SHARE 0.2

/*
 * Builds the units and the static links of `scan`'s counted files and
 * marks the hubs: units used from at least `hub_share` of the other
 * modules that depend on anything (and from 3); hub_share >= 1 marks
 * none.
 * Then adds the folder signal: each directory of two units or more gets
 * a node of its own (folder set, no files) linked to each of its units
 * by 1, so each unit's pull towards its directory totals 1.
 * Weights in `w` scale the signals into each link's weight. With
 * `follow` set, units of tests and migrations are followers: no links.
 * Returns 0.
 */
int seams_graph_build(struct seams_graph *g, const struct scan *scan,
		      const struct seams_weights *w, double hub_share,
		      int follow);
/*
 * Adds raw evidence `value` of signal `s` between scan files f1 and f2
 * (for history's change coupling and authors); call seams_graph_finish()
 * after the last one. Pairs within one unit or with a hub or a follower
 * are ignored.
 */
void seams_graph_add(struct seams_graph *g, enum seams_signal s, size_t f1,
		     size_t f2, double value);
/*
 * Adds a node of its own named `name` (copied) for a group of scan files
 * (an author's), linked by signal `s` to each file's unit with values[i]
 * (a unit with several of the files takes the largest). Hubs and files
 * without a unit are left out; fewer than two units add nothing. Call
 * seams_graph_finish() after the last addition.
 */
void seams_graph_add_group(struct seams_graph *g, enum seams_signal s,
			   const char *name, const size_t *files,
			   const double *values, size_t n);
/*
 * The domain term a file name leads with, lower case and singular:
 * CargoRepositoryJPA.java, cargo_admin.py and ICargoService.cs all give
 * "cargo"; a service named for what it does leads with the word after
 * the verb (post_status_service.rb: "status", see seams_domain.h).
 * Writes it into buf (size bytes); returns 0 when the name has no word
 * of three letters or more. Defined in seams_domain.c.
 */
int seams_lead_term(char *buf, size_t size, const char *path);
/*
 * Whether a folder name says which layer or kind of code it holds
 * (domain, infrastructure, api, services, utils ...), not which domain.
 */
int seams_layer_word(const char *word);
/* Merges added evidence into sorted links and recomputes the weights. */
void seams_graph_finish(struct seams_graph *g);

#endif
