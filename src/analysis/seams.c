/*
 * carve seams' proposal: declared contexts pinned, the fused graph
 * clustered, files gathered into named contexts, and each context's
 * metrics and seam; cycles between contexts with their cuts (the graph
 * module's analysis on the context graph); the whole-proposal metrics.
 * The ranking lives in rank.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "carve/cluster.h"
#include "carve/clustercache.h"
#include "carve/config.h"
#include "carve/contexts.h"
#include "carve/error.h"
#include "carve/glob.h"
#include "carve/graph.h"
#include "carve/history.h"
#include "carve/language.h"
#include "carve/rank.h"
#include "carve/role.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_names.h"
#include "carve/seams_split.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

void seams_options_init(struct seams_options *o)
{
	memset(o, 0, sizeof(*o));
	seams_weights_init(&o->weights);
	o->hub_share = SEAMS_HUB_SHARE;
	o->resolution = 1.0;
	o->runs = 0; /* as many as the graph's size allows */
	o->seed = 1;
	o->min_size = SEAMS_DEFAULT_MIN_SIZE;
	o->max_share = SEAMS_MAX_SHARE;
	o->follow_roles = 1;
}

static int cmp_cluster_link(const void *a, const void *b)
{
	const struct cluster_link *x = a, *y = b;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	return 0;
}

/*
 * The clustering problem: one node per unit that is neither a hub nor
 * declared, one per declared context (its units contracted), links
 * summed. node_of[u] is SIZE_MAX for a hub.
 */
struct problem {
	struct cluster_problem p;
	struct cluster_link *links;
	double *size;
	double *code; /* per node: code lines */
	double code_total;
	int *pinned;
	size_t *node_of; /* per unit */
	long *decl_of_node; /* per node: declared context or -1 */
};

static void problem_build(struct problem *pr, const struct seams *s,
			  const struct contexts *d)
{
	const struct seams_graph *g = &s->graph;
	size_t n = (size_t)d->nr, out = 0;
	long *decl_of_unit =
		xmalloc((g->nr ? g->nr : 1) * sizeof(*decl_of_unit));

	for (size_t u = 0; u < g->nr; u++) {
		const struct seams_unit *x = &g->units[u];

		/* a unit is declared by its first file's context; a
		 * directory's or an author's node has no files */
		decl_of_unit[u] = x->folder || !x->nr
					  ? -1
					  : d->of_file[g->unit_files[x->first]];
	}
	pr->node_of = xmalloc((g->nr ? g->nr : 1) * sizeof(*pr->node_of));
	for (size_t u = 0; u < g->nr; u++) {
		if (decl_of_unit[u] >= 0)
			pr->node_of[u] = (size_t)decl_of_unit[u];
		else if (g->units[u].hub || g->units[u].follower)
			pr->node_of[u] = SIZE_MAX;
		else
			pr->node_of[u] = n++;
	}
	pr->p.n = n;
	pr->size = xcalloc(n ? n : 1, sizeof(*pr->size));
	pr->pinned = xcalloc(n ? n : 1, sizeof(*pr->pinned));
	pr->decl_of_node = xmalloc((n ? n : 1) * sizeof(*pr->decl_of_node));
	for (size_t v = 0; v < n; v++) {
		pr->pinned[v] = v < (size_t)d->nr;
		pr->decl_of_node[v] = v < (size_t)d->nr ? (long)v : -1;
	}
	pr->code = xcalloc(n ? n : 1, sizeof(*pr->code));
	for (size_t u = 0; u < g->nr; u++)
		if (pr->node_of[u] != SIZE_MAX) {
			pr->size[pr->node_of[u]] +=
				s->options.size_in_code
					? (double)g->units[u].code
					: (double)g->units[u].nr;
			pr->code[pr->node_of[u]] += (double)g->units[u].code;
			pr->code_total += (double)g->units[u].code;
		}
	pr->links =
		xmalloc((g->links_nr ? g->links_nr : 1) * sizeof(*pr->links));
	for (size_t k = 0; k < g->links_nr; k++) {
		size_t a = pr->node_of[g->links[k].a];
		size_t b = pr->node_of[g->links[k].b];

		if (a == SIZE_MAX || b == SIZE_MAX || a == b)
			continue;
		pr->links[out++] = (struct cluster_link){ a < b ? a : b,
							  a < b ? b : a,
							  g->links[k].weight };
	}
	if (d->nr && out) {
		size_t merged = 0;

		qsort(pr->links, out, sizeof(*pr->links), cmp_cluster_link);
		for (size_t k = 0; k < out; k++) {
			if (merged &&
			    pr->links[merged - 1].a == pr->links[k].a &&
			    pr->links[merged - 1].b == pr->links[k].b)
				pr->links[merged - 1].w += pr->links[k].w;
			else
				pr->links[merged++] = pr->links[k];
		}
		out = merged;
	}
	pr->p.links = pr->links;
	pr->p.links_nr = out;
	pr->p.size = pr->size;
	pr->p.pinned = pr->pinned;
	free(decl_of_unit);
}

static void problem_release(struct problem *pr)
{
	free(pr->links);
	free(pr->size);
	free(pr->code);
	free(pr->pinned);
	free(pr->node_of);
	free(pr->decl_of_node);
}

/* Per scan file, a raw group number; returns the number of groups. */
struct grouping {
	long *group_of_file;
	size_t nr;
	long kernel; /* the hubs' group, or -1 */
	long unlinked; /* the linkless leftovers' group, or -1 */
	long platform; /* non-code beside no code (ROLE_PLATFORM), or -1 */
	long *declared; /* per group: declared context or -1 */
};

static int cmp_size_t(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Groups as contexts: files, languages, name candidates. */
static void make_contexts(struct seams *s, const struct grouping *gr,
			  const struct contexts *d)
{
	const struct scan *scan = s->scan;
	size_t *count = xcalloc(gr->nr + 1, sizeof(*count));
	size_t *fill = xcalloc(gr->nr + 1, sizeof(*fill));
	size_t *ctx_of_group = xmalloc((gr->nr + 1) * sizeof(*ctx_of_group));
	size_t nr = 0;

	for (size_t f = 0; f < scan->nr; f++)
		if (gr->group_of_file[f] >= 0)
			count[gr->group_of_file[f]]++;
	for (size_t c = 0; c < gr->nr; c++) {
		ctx_of_group[c] = SIZE_MAX;
		if (count[c])
			ctx_of_group[c] = nr++;
	}
	s->contexts = xcalloc(nr ? nr : 1, sizeof(*s->contexts));
	s->nr = nr;
	for (size_t c = 0; c < gr->nr; c++) {
		struct seams_context *x;

		if (ctx_of_group[c] == SIZE_MAX)
			continue;
		x = &s->contexts[ctx_of_group[c]];
		x->files = xmalloc(count[c] * sizeof(*x->files));
		x->kernel = (long)c == gr->kernel;
		x->unlinked = (long)c == gr->unlinked;
		if ((long)c == gr->platform)
			x->role = ROLE_PLATFORM;
		x->declared = gr->declared[c] >= 0;
		if (x->declared)
			x->name = xstrdup(d->names[gr->declared[c]]);
		x->cycle = -1;
	}
	/* scan files are sorted by path, so each list is too */
	for (size_t f = 0; f < scan->nr; f++) {
		long c = gr->group_of_file[f];
		struct seams_context *x;

		s->context_of[f] = -1;
		if (c < 0)
			continue;
		x = &s->contexts[ctx_of_group[c]];
		x->files[x->files_nr++] = f;
		s->context_of[f] = (long)ctx_of_group[c];
		fill[c]++;
	}
	free(count);
	free(fill);
	free(ctx_of_group);
}

static int cmp_lang(const void *a, const void *b)
{
	const struct seams_lang *x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* Languages, units and code lines of each context. */
static void count_contexts(struct seams *s)
{
	const struct scan *scan = s->scan;
	const struct seams_graph *g = &s->graph;

	for (size_t i = 0; i < s->nr; i++) {
		struct seams_context *x = &s->contexts[i];
		unsigned long by_role[ROLE_NR] = { 0 };
		size_t alloc = 0;

		for (size_t j = 0; j < x->files_nr; j++) {
			const struct scan_file *f = &scan->files[x->files[j]];
			const char *lang = f->lang ? f->lang->name : "?";
			size_t u = g->unit_of[x->files[j]], k;
			enum file_role r = file_role(f->path);

			by_role[r] += f->counts.code;
			/* a unit counts once, with its first file */
			if (u != SIZE_MAX &&
			    g->unit_files[g->units[u].first] == x->files[j])
				x->units++;
			/* docs, fixtures, catalogs: beside the code, not in
			 * its size nor its languages */
			if (ROLE_NOT_CODE(r) && x->role != ROLE_PLATFORM) {
				x->other += f->counts.code;
				continue;
			}
			x->code += f->counts.code;
			for (k = 0; k < x->langs_nr; k++)
				if (!strcmp(x->langs[k].name, lang))
					break;
			if (k == x->langs_nr) {
				ALLOC_GROW(x->langs, x->langs_nr + 1, alloc);
				memset(&x->langs[k], 0, sizeof(x->langs[k]));
				x->langs[k].name = lang;
				x->langs_nr++;
			}
			x->langs[k].files++;
			x->langs[k].code += f->counts.code;
		}
		if (x->langs_nr)
			qsort(x->langs, x->langs_nr, sizeof(*x->langs),
			      cmp_lang);
		if (x->role == ROLE_PLATFORM)
			continue;
		/* tests or migrations: over 90% of its code lines; files
		 * that are not code (translations, fixtures) follow the code
		 * they sit with and never make its context theirs */
		x->role = ROLE_CODE;
		if (10 * by_role[ROLE_CODE] <
		    by_role[ROLE_CODE] + by_role[ROLE_TEST] +
			    by_role[ROLE_MIGRATION] + by_role[ROLE_VIEW])
			for (int r = ROLE_TEST; r <= ROLE_MIGRATION; r++)
				if (by_role[r] > by_role[x->role])
					x->role = (enum file_role)r;
	}
}

struct cross_ref {
	size_t from, to; /* contexts */
	size_t file; /* the file imported */
	unsigned long refs;
};

static int cmp_cross_ref(const void *a, const void *b)
{
	const struct cross_ref *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return 0;
}

static int cmp_target(const void *a, const void *b)
{
	const struct seams_target *x = a, *y = b;

	if (x->refs != y->refs)
		return x->refs < y->refs ? 1 : -1;
	return strcmp(x->path, y->path);
}

struct sym_use {
	size_t crossing;
	const char *name;
};

static int cmp_sym_use(const void *a, const void *b)
{
	const struct sym_use *x = a, *y = b;

	if (x->crossing != y->crossing)
		return x->crossing < y->crossing ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Index of the crossing from -> to, or SIZE_MAX (crossings are sorted). */
static size_t find_crossing(const struct seams *s, size_t from, size_t to)
{
	size_t lo = 0, hi = s->crossings_nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct seams_crossing *c = &s->crossings[mid];

		if (c->from == from && c->to == to)
			return mid;
		if (c->from < from || (c->from == from && c->to < to))
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* The symbols each seam carries, from libclang's symbol edges. */
static void crossing_symbols(struct seams *s)
{
	const struct scan *scan = s->scan;
	struct sym_use *u = NULL;
	size_t n = 0, alloc = 0;

	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *e = &scan->edges[k];
		long a = s->context_of[e->from], b = s->context_of[e->to];
		size_t c;

		if (!e->symbols_nr || a < 0 || b < 0 || a == b)
			continue;
		c = find_crossing(s, (size_t)a, (size_t)b);
		if (c == SIZE_MAX)
			continue;
		for (size_t j = 0; j < e->symbols_nr; j++) {
			ALLOC_GROW(u, n + 1, alloc);
			u[n++] = (struct sym_use){ c, e->symbols[j].name };
		}
	}
	if (n)
		qsort(u, n, sizeof(*u), cmp_sym_use);
	for (size_t i = 0; i < n;) {
		struct seams_crossing *c = &s->crossings[u[i].crossing];
		size_t end = i;

		/* this crossing's uses: u[i .. end), by name */
		while (end < n && u[end].crossing == u[i].crossing)
			end++;
		c->symbols = xmalloc((end - i) * sizeof(*c->symbols));
		for (size_t j = i; j < end;) {
			size_t k = j;

			while (k < end && !strcmp(u[k].name, u[j].name))
				k++;
			c->symbols[c->symbols_nr++] =
				(struct seams_target){ u[j].name, k - j };
			j = k;
		}
		i = end;
	}
	for (size_t i = 0; i < s->crossings_nr; i++)
		if (s->crossings[i].symbols_nr)
			qsort(s->crossings[i].symbols,
			      s->crossings[i].symbols_nr,
			      sizeof(*s->crossings[i].symbols), cmp_target);
	free(u);
}

/* The seams: every static reference across contexts, grouped. */
static void make_crossings(struct seams *s)
{
	const struct scan *scan = s->scan;
	struct cross_ref *refs =
		xmalloc((scan->edges_nr ? scan->edges_nr : 1) * sizeof(*refs));
	size_t n = 0, alloc = 0;

	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *e = &scan->edges[k];
		long a = s->context_of[e->from], b = s->context_of[e->to];

		if (a < 0 || b < 0 || e->from == e->to)
			continue;
		s->refs_total += e->weight;
		if (a == b) {
			s->contexts[a].internal += e->weight;
			continue;
		}
		s->refs_crossing += e->weight;
		refs[n++] = (struct cross_ref){ (size_t)a, (size_t)b, e->to,
						e->weight };
	}
	if (n)
		qsort(refs, n, sizeof(*refs), cmp_cross_ref);
	for (size_t i = 0; i < n;) {
		struct seams_crossing *c;
		size_t j = i, talloc = 0;

		ALLOC_GROW(s->crossings, s->crossings_nr + 1, alloc);
		c = &s->crossings[s->crossings_nr++];
		memset(c, 0, sizeof(*c));
		c->from = refs[i].from;
		c->to = refs[i].to;
		for (; j < n && refs[j].from == c->from && refs[j].to == c->to;
		     j++) {
			struct seams_target *t;

			c->refs += refs[j].refs;
			c->edges++;
			if (c->targets_nr && refs[j].file == refs[j - 1].file) {
				c->targets[c->targets_nr - 1].refs +=
					refs[j].refs;
				continue;
			}
			ALLOC_GROW(c->targets, c->targets_nr + 1, talloc);
			t = &c->targets[c->targets_nr++];
			t->path = scan->files[refs[j].file].path;
			t->refs = refs[j].refs;
		}
		qsort(c->targets, c->targets_nr, sizeof(*c->targets),
		      cmp_target);
		i = j;
	}
	free(refs);
	crossing_symbols(s);
	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];

		s->contexts[c->from].refs_out += c->refs;
		s->contexts[c->from].edges_out += c->edges;
		s->contexts[c->from].fan_out++;
		s->contexts[c->to].refs_in += c->refs;
		s->contexts[c->to].edges_in += c->edges;
		s->contexts[c->to].fan_in++;
	}
}

/* Cycles between contexts and their lightest cuts, by the graph module. */
static void find_cycles(struct seams *s)
{
	struct graph g = GRAPH_INIT;

	g.level = GRAPH_MODULES;
	g.nr = s->nr;
	g.nodes = xcalloc(s->nr ? s->nr : 1, sizeof(*g.nodes));
	for (size_t i = 0; i < s->nr; i++) {
		g.nodes[i].name = s->contexts[i].name;
		g.nodes[i].files = s->contexts[i].files_nr;
		g.nodes[i].code = s->contexts[i].code;
	}
	g.edges_nr = s->crossings_nr;
	g.edges = xcalloc(s->crossings_nr ? s->crossings_nr : 1,
			  sizeof(*g.edges));
	for (size_t i = 0; i < s->crossings_nr; i++) {
		g.edges[i].from = s->crossings[i].from;
		g.edges[i].to = s->crossings[i].to;
		g.edges[i].weight = s->crossings[i].refs;
	}
	graph_analyse(&g);
	s->cycles_nr = g.sccs_nr;
	s->cycles = xcalloc(g.sccs_nr ? g.sccs_nr : 1, sizeof(*s->cycles));
	for (size_t i = 0; i < g.sccs_nr; i++) {
		struct seams_cycle *c = &s->cycles[i];

		c->nr = g.sccs[i].nr;
		c->contexts = xmalloc(c->nr * sizeof(*c->contexts));
		memcpy(c->contexts, g.sccs[i].nodes, c->nr * sizeof(size_t));
		qsort(c->contexts, c->nr, sizeof(*c->contexts), cmp_size_t);
		c->cuts_nr = g.sccs[i].cuts_nr;
		c->cuts = xmalloc((c->cuts_nr ? c->cuts_nr : 1) *
				  sizeof(*c->cuts));
		memcpy(c->cuts, g.sccs[i].cuts, c->cuts_nr * sizeof(size_t));
		c->cut_refs = g.sccs[i].cut_weight;
		for (size_t j = 0; j < c->nr; j++)
			s->contexts[c->contexts[j]].cycle = (long)i;
		for (size_t j = 0; j < c->cuts_nr; j++)
			s->crossings[c->cuts[j]].cut = 1;
	}
	graph_release(&g);
}

/* Cohesion, TurboMQ and the modularity of the static graph. */
static void metrics(struct seams *s)
{
	double m = (double)s->refs_total, q = 0;
	double *tot = xcalloc(s->nr ? s->nr : 1, sizeof(*tot));

	for (size_t i = 0; i < s->nr; i++) {
		struct seams_context *x = &s->contexts[i];
		double in = (double)x->internal;
		double across = (double)(x->refs_out + x->refs_in);

		x->cohesion = in + across > 0 ? in / (in + across) : 0;
		x->factor = in > 0 ? 2 * in / (2 * in + across) : 0;
		s->turbo_mq += x->factor;
		tot[i] = 2 * in + across;
	}
	for (size_t i = 0; m > 0 && i < s->nr; i++)
		q += (double)s->contexts[i].internal / m -
		     (tot[i] / (2 * m)) * (tot[i] / (2 * m));
	s->modularity = q;
	free(tot);
}

/*
 * The share of the links between n file nodes (sz > 0) that a random
 * split into pieces of the sizes `sub` gives would cut: 1 - sum of the
 * squared shares of the pieces. A split of two halves cuts a half by
 * chance, one of twenty equal pieces 95%.
 */
static double chance_cut(const size_t *sub, const double *sz, size_t n,
			 long got)
{
	double *pieces = xcalloc((size_t)got, sizeof(*pieces));
	double files = 0, same = 0;

	for (size_t v = 0; v < n; v++)
		if (sz[v] > 0) {
			pieces[sub[v]] += 1;
			files += 1;
		}
	for (long q = 0; files > 0 && q < got; q++)
		same += (pieces[q] / files) * (pieces[q] / files);
	free(pieces);
	return 1 - same;
}

/*
 * Whether a split falls to crumbs rather than parts: over a quarter of
 * the files in pieces of under SEAMS_DEFAULT_MIN_SIZE files (git's root
 * folder with its change coupling, at a doubled resolution: hundreds of
 * pieces of one or two files). That is noise, not a seam.
 */
static int crumbled(const size_t *sub, const double *sz, size_t n, long got)
{
	size_t *files = xcalloc((size_t)got, sizeof(*files)), all = 0, small = 0;

	for (size_t v = 0; v < n; v++)
		if (sz[v] > 0) {
			files[sub[v]]++;
			all++;
		}
	for (long q = 0; q < got; q++)
		if (files[q] < SEAMS_DEFAULT_MIN_SIZE)
			small += files[q];
	free(files);
	return 4 * small > all;
}

/*
 * Whether a split of a context follows its folders (netbox/dcim into
 * dcim/forms, dcim/api, dcim/tables: its layers) rather than cutting
 * across them (zerver into the reactions, realm and event code of
 * zerver/lib, zerver/views and zerver/actions): how much better than the
 * largest folder alone the pieces' own largest folders hold their files,
 * past SEAMS_LAYERED_SPLIT. A flat folder's split follows no folder.
 * Nodes without a directory (folders, terms) are not counted.
 */
static int layered_split(const size_t *sub, const size_t *local,
			 const char **dir_of, size_t nodes, long got)
{
	struct strmap all = STRMAP_INIT, *in = xcalloc((size_t)got, sizeof(*in));
	double files = 0, whole = 0, pure = 0;
	struct strmap_entry *e;

	for (size_t v = 0; v < nodes; v++) {
		uintptr_t c;

		if (local[v] == SIZE_MAX || !dir_of[v])
			continue;
		files++;
		c = (uintptr_t)strmap_get(&all, dir_of[v]) + 1;
		strmap_put(&all, dir_of[v], (void *)c);
		if (c > whole)
			whole = (double)c;
		c = (uintptr_t)strmap_get(&in[sub[local[v]]], dir_of[v]) + 1;
		strmap_put(&in[sub[local[v]]], dir_of[v], (void *)c);
	}
	for (long q = 0; q < got; q++) {
		uintptr_t best = 0;

		strmap_for_each (&in[q], e)
			if ((uintptr_t)e->value > best)
				best = (uintptr_t)e->value;
		pure += (double)best;
		strmap_release(&in[q]);
	}
	free(in);
	strmap_release(&all);
	if (files <= whole)
		return 0; /* one folder: nothing to follow */
	return (pure - whole) / (files - whole) > SEAMS_LAYERED_SPLIT;
}

/*
 * Contexts larger than max_size, or with no max_size holding more than
 * max_share of the code, are clustered again on their own links at a
 * doubled resolution until they split or the resolution runs out. A
 * context over max_share whose split would cut more than SEAMS_ONE_PIECE
 * of what a random split into pieces of those sizes cuts (chance_cut(),
 * links between files only) is one piece: kept whole, and counted in
 * s->kept_whole.
 */
static void split_large(const struct problem *pr, const char **dir_of,
			size_t *membership, size_t *k,
			const struct seams_options *o, int runs,
			size_t *kept_whole)
{
	for (size_t c = 0; (o->max_size > 0 || o->max_share > 0) && c < *k;
	     c++) {
		double size = 0, code = 0, cut = 0, inside = 0;
		size_t n = 0, links = 0, files = 0, *local, *sub;
		struct cluster_link *l;
		double *sz;
		int *pin, by_share;
		long got = 1;

		for (size_t v = 0; v < pr->p.n; v++)
			if (membership[v] == c) {
				size += pr->p.size[v];
				code += pr->code[v];
				files += pr->p.size[v] > 0;
				n++;
			}
		by_share = o->max_size <= 0 &&
			   code > o->max_share * pr->code_total &&
			   files >= SEAMS_SPLIT_FILES;
		if ((o->max_size > 0 && size <= o->max_size) ||
		    (o->max_size <= 0 && !by_share) || n < 2)
			continue;
		local = xmalloc(pr->p.n * sizeof(*local));
		sub = xmalloc(n * sizeof(*sub));
		sz = xmalloc(n * sizeof(*sz));
		pin = xmalloc(n * sizeof(*pin));
		n = 0;
		for (size_t v = 0; v < pr->p.n; v++) {
			local[v] = SIZE_MAX;
			if (membership[v] == c) {
				sz[n] = pr->p.size[v];
				pin[n] = pr->p.pinned[v];
				local[v] = n++;
			}
		}
		l = xmalloc((pr->p.links_nr ? pr->p.links_nr : 1) * sizeof(*l));
		for (size_t e = 0; e < pr->p.links_nr; e++) {
			const struct cluster_link *x = &pr->p.links[e];

			if (local[x->a] != SIZE_MAX && local[x->b] != SIZE_MAX)
				l[links++] = (struct cluster_link){ local[x->a],
								    local[x->b],
								    x->w };
		}
		for (double gamma = o->resolution * 2; got < 2 && gamma < 1e4;
		     gamma *= 2) {
			struct cluster_problem sp = { n, l, links, sz, pin };
			struct cluster_options so = { gamma, runs, o->seed, 0 };

			got = cluster_run(sub, &sp, &so, NULL);
			if (got < 0)
				break;
		}
		/* one piece by the code's own links: the nodes of folders,
		 * terms and authors (no files) hold whatever they are given,
		 * a flat folder of 300 files as much as a module */
		for (size_t e = 0; got >= 2 && by_share && e < links; e++) {
			if (sz[l[e].a] <= 0 || sz[l[e].b] <= 0)
				continue;
			if (sub[l[e].a] != sub[l[e].b])
				cut += l[e].w;
			inside += l[e].w;
		}
		if (got >= 2 && by_share &&
		    (inside <= 0 || crumbled(sub, sz, n, got) ||
		     cut > SEAMS_ONE_PIECE * inside * chance_cut(sub, sz, n, got) ||
		     layered_split(sub, local, dir_of, pr->p.n, got))) {
			(*kept_whole)++;
			got = 1;
		}
		if (got >= 2) {
			for (size_t v = 0; v < pr->p.n; v++)
				if (local[v] != SIZE_MAX && sub[local[v]])
					membership[v] = *k + sub[local[v]] - 1;
			*k += (size_t)got - 1;
			c--; /* the remaining part may still be too large */
		}
		free(local);
		free(sub);
		free(sz);
		free(pin);
		free(l);
	}
}

/* Length of the common directory prefix of two paths, in bytes. */
static size_t common_dirs(const char *a, const char *b)
{
	size_t n = 0;

	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			n = i + 1;
	return n;
}

/*
 * --contexts K when the graph falls apart into more than K pieces that
 * nothing links (directories of scripts, documentation): the smallest
 * group joins the group whose first file shares the longest directory
 * prefix with its own (then the larger), until K are left. Declared
 * contexts and the kernel never join another.
 */
static void merge_by_folder(struct seams *s, struct grouping *gr, size_t k)
{
	size_t *size = xcalloc(gr->nr + 1, sizeof(*size));
	size_t *first = xmalloc((gr->nr + 1) * sizeof(*first));
	size_t *into = xmalloc((gr->nr + 1) * sizeof(*into));
	size_t groups = 0;

	for (size_t c = 0; c < gr->nr; c++) {
		first[c] = SIZE_MAX;
		into[c] = c;
	}
	for (size_t f = 0; f < s->scan->nr; f++) {
		long c = gr->group_of_file[f];

		if (c < 0)
			continue;
		if (!size[c]++) {
			first[c] = f;
			groups += c != gr->kernel && c != gr->platform;
		}
	}
	while (groups > k) {
		size_t small = SIZE_MAX, best = SIZE_MAX, best_len = 0;

		for (size_t c = 0; c < gr->nr; c++)
			if (size[c] && (long)c != gr->kernel &&
			    (long)c != gr->platform && gr->declared[c] < 0 &&
			    (small == SIZE_MAX || size[c] < size[small]))
				small = c;
		if (small == SIZE_MAX)
			break;
		for (size_t c = 0; c < gr->nr; c++) {
			size_t len;

			if (!size[c] || c == small || (long)c == gr->kernel ||
			    (long)c == gr->platform)
				continue;
			len = common_dirs(s->scan->files[first[c]].path,
					  s->scan->files[first[small]].path);
			if (best == SIZE_MAX || len > best_len ||
			    (len == best_len && size[c] > size[best])) {
				best = c;
				best_len = len;
			}
		}
		if (best == SIZE_MAX)
			break;
		into[small] = best;
		size[best] += size[small];
		size[small] = 0;
		if ((long)small == gr->unlinked)
			gr->unlinked = -1;
		groups--;
	}
	for (size_t f = 0; f < s->scan->nr; f++) {
		long c = gr->group_of_file[f];

		if (c < 0)
			continue;
		while (into[c] != (size_t)c)
			c = (long)into[c];
		gr->group_of_file[f] = c;
	}
	if (groups < k)
		s->wanted_missed = groups;
	free(size);
	free(first);
	free(into);
}

/*
 * The group most of the code units under directory `dir` (its own and
 * its subdirectories' units, unit names being sorted paths) belong to,
 * or -1 when none is there. Followers, hubs and unlinked units do not
 * vote; ties go to the lower group.
 */
static long majority_under(const struct seams *s, const struct grouping *gr,
			   const char *dir, size_t *votes, size_t *share)
{
	const struct seams_graph *g = &s->graph;
	size_t n = strlen(dir), lo = 0, hi = g->nr - g->folders_nr, all = 0;
	long best = -1;

	/* the first unit whose name is >= "dir/" */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(g->units[mid].name, dir, n);

		if (c < 0 || (!c && g->units[mid].name[n] < '/'))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t u = lo; u < g->nr - g->folders_nr; u++) {
		const struct seams_unit *x = &g->units[u];
		long grp;

		if (strncmp(x->name, dir, n) || x->name[n] != '/')
			break;
		grp = gr->group_of_file[g->unit_files[x->first]];
		if (x->follower || grp < 0 || grp == gr->kernel ||
		    grp == gr->unlinked)
			continue;
		all++;
		if (++votes[grp] > (best >= 0 ? votes[best] : 0) ||
		    (votes[grp] == votes[best] && grp < best))
			best = grp;
	}
	/* the winner's share of the votes, in percent */
	if (share)
		*share = all && best >= 0 ? 100 * votes[best] / all : 0;
	for (size_t u = lo; u < g->nr - g->folders_nr; u++) {
		const struct seams_unit *x = &g->units[u];
		long grp;

		if (strncmp(x->name, dir, n) || x->name[n] != '/')
			break;
		grp = gr->group_of_file[g->unit_files[x->first]];
		if (grp >= 0)
			votes[grp] = 0;
	}
	return best;
}

/*
 * One vote for group grp: *best is the group with most votes so far (the
 * lower number on a tie); touched[] lists the groups voted for, so that
 * unvote() clears them for the next count and returns best.
 */
static void vote(size_t *votes, long *touched, size_t *nt, long grp,
		 long *best)
{
	if (!votes[grp])
		touched[(*nt)++] = grp;
	if (++votes[grp] > (*best >= 0 ? votes[*best] : 0) ||
	    (votes[grp] == votes[*best] && grp < *best))
		*best = grp;
}

static long unvote(size_t *votes, const long *touched, size_t nt, long best)
{
	for (size_t t = 0; t < nt; t++)
		votes[touched[t]] = 0;
	return best;
}

/* The first of file f's edges (edges are sorted by their file). */
static size_t first_edge(const struct scan *scan, size_t f)
{
	size_t lo = 0, hi = scan->edges_nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (scan->edges[mid].from < f)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The group of the code a follower depends on most (dependencies
 * counted once), or -1.
 */
static long majority_used(const struct seams *s, const struct grouping *gr,
			  size_t u, size_t *votes, long *touched)
{
	const struct seams_graph *g = &s->graph;
	const struct scan *scan = s->scan;
	const struct seams_unit *x = &g->units[u];
	size_t nt = 0;
	long best = -1;

	for (size_t k = 0; k < x->nr; k++) {
		size_t f = g->unit_files[x->first + k];

		for (size_t e = first_edge(scan, f);
		     e < scan->edges_nr && scan->edges[e].from == f; e++) {
			size_t to = scan->edges[e].to, v = g->unit_of[to];
			long grp = gr->group_of_file[to];

			if (v == SIZE_MAX || g->units[v].follower || grp < 0 ||
			    grp == gr->kernel || grp == gr->unlinked)
				continue;
			vote(votes, touched, &nt, grp, &best);
		}
	}
	return unvote(votes, touched, nt, best);
}

/*
 * The folder a view mirrors: the one after templates/ or views/
 * (netbox/templates/dcim/device.html: "dcim", app/views/accounts/x.erb:
 * "accounts", Views/Product/Edit.cshtml: "Product"), lower case, into
 * buf; 0 when the path has none.
 */
static int mirrored_name(char *buf, size_t size, const char *path)
{
	const char *p = path, *slash, *name = NULL;
	size_t n = 0;

	while ((slash = strchr(p, '/'))) {
		size_t len = (size_t)(slash - p);

		if ((len == 9 && !strncasecmp(p, "templates", 9)) ||
		    (len == 5 && !strncasecmp(p, "views", 5))) {
			const char *next = slash + 1, *end = strchr(next, '/');

			if (end) {
				name = next;
				n = (size_t)(end - next);
			}
		}
		p = slash + 1;
	}
	if (!name || !n || n >= size)
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)name[i]);
	buf[n] = '\0';
	return 1;
}

/*
 * The group of most code units about `name` (a view's mirrored folder):
 * units in a folder of that name (netbox/dcim/...) or whose file name
 * leads with it, singular or not (accounts_controller.rb,
 * ProductController.cs); -1 when none.
 */
static long majority_named(const struct seams *s, const struct grouping *gr,
			   const char *name, size_t *votes, long *touched)
{
	const struct seams_graph *g = &s->graph;
	size_t n = strlen(name), nt = 0;
	char term[64], single[64];
	long best = -1;

	snprintf(single, sizeof(single), "%s", name);
	if (n > 3 && single[n - 1] == 's')
		single[n - 1] = '\0';
	for (size_t u = 0; u < g->nr - g->folders_nr; u++) {
		const struct seams_unit *x = &g->units[u];
		const char *d = x->dir;
		long grp = gr->group_of_file[g->unit_files[x->first]];
		int hit = 0;

		if (x->follower || grp < 0 || grp == gr->kernel ||
		    grp == gr->unlinked)
			continue;
		for (const char *q = d; *q && !hit; q = strchr(q, '/') ?
					 strchr(q, '/') + 1 : q + strlen(q))
			hit = !strncasecmp(q, name, n) &&
			      (q[n] == '/' || !q[n]);
		if (!hit && seams_lead_term(term, sizeof(term), x->name))
			hit = !strcmp(term, single) || !strcmp(term, name);
		if (!hit)
			continue;
		vote(votes, touched, &nt, grp, &best);
	}
	return unvote(votes, touched, nt, best);
}

/*
 * The stem of the file a test exercises, from the test's own name:
 * test_foo.py, foo_test.go, foo_spec.rb, foo.test.ts and FooTest.java
 * give "foo" or "Foo", into buf; 0 when the name is no test name.
 */
static int test_subject(char *buf, size_t size, const char *path)
{
	const char *b = strrchr(path, '/'), *dot;
	size_t n;

	b = b ? b + 1 : path;
	dot = strchr(b, '.');
	n = dot ? (size_t)(dot - b) : strlen(b);
	if (n >= size)
		return 0;
	memcpy(buf, b, n);
	buf[n] = '\0';
	if (!strncmp(buf, "test_", 5)) {
		memmove(buf, buf + 5, n - 4);
		return buf[0] != '\0';
	}
	if (dot && (!strncmp(dot, ".test.", 6) || !strncmp(dot, ".spec.", 6)))
		return n > 0;
	static const char *const suffixes[] = { "_test", "_tests", "_spec",
						"Tests", "Test", "Spec",
						NULL };
	for (int i = 0; suffixes[i]; i++) {
		size_t k = strlen(suffixes[i]);

		if (n > k && !strcmp(buf + n - k, suffixes[i])) {
			buf[n - k] = '\0';
			return 1;
		}
	}
	return 0;
}

/* Code units of one stem. */
struct stem_units {
	size_t nr, alloc, *units;
};

/* The stem of a path: its name up to the first dot. */
static size_t path_stem(const char *path, const char **start)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b ? b + 1 : path;
	dot = strchr(b, '.');
	*start = b;
	return dot ? (size_t)(dot - b) : strlen(b);
}

/* How many folder names of path a occur among the folders of path b. */
static size_t shared_dirs(const char *a, const char *b)
{
	size_t n = 0;
	const char *p = a, *slash;

	while ((slash = strchr(p, '/'))) {
		size_t len = (size_t)(slash - p);
		const char *q = b, *qs;

		while ((qs = strchr(q, '/'))) {
			if ((size_t)(qs - q) == len && !strncmp(p, q, len)) {
				n++;
				break;
			}
			q = qs + 1;
		}
		p = slash + 1;
	}
	return n;
}

/*
 * The group of the code unit a test is named after (test_orders.py:
 * orders.py; AccountSpec / account_spec.rb: account.rb), the one whose
 * folders the test's path names most when several are (tests/ipam/
 * test_models.py: app/ipam/models.py); -1 when none.
 */
static long named_subject(const struct seams *s, const struct grouping *gr,
			  const struct strmap *by_stem, const char *path)
{
	const struct seams_graph *g = &s->graph;
	char subject[128];
	const struct stem_units *su;
	long best = -1;
	size_t best_len = 0;

	if (!test_subject(subject, sizeof(subject), path))
		return -1;
	su = strmap_get(by_stem, subject);
	for (size_t k = 0; su && k < su->nr; k++) {
		const struct seams_unit *x = &g->units[su->units[k]];
		long grp = gr->group_of_file[g->unit_files[x->first]];
		size_t len = 0;

		if (grp < 0 || grp == gr->kernel || grp == gr->unlinked)
			continue;
		len = shared_dirs(x->name, path);
		if (best < 0 || len > best_len) {
			best = grp;
			best_len = len;
		}
	}
	return best;
}

/* Code units by stem (values: struct stem_units, keys owned by *keys). */
static void stems_of_code(const struct seams *s, struct strmap *by_stem,
			  char ***keys, size_t *nr)
{
	const struct seams_graph *g = &s->graph;

	*keys = xcalloc(g->nr + 1, sizeof(**keys));
	*nr = 0;
	for (size_t u = 0; u < g->nr - g->folders_nr; u++) {
		const struct seams_unit *x = &g->units[u];
		const char *start;
		size_t n = path_stem(x->name, &start);
		struct stem_units *su;
		char *key;

		if (x->follower || x->hub || !n)
			continue;
		key = xstrndup(start, n);
		su = strmap_get(by_stem, key);
		if (!su) {
			su = xcalloc(1, sizeof(*su));
			(*keys)[(*nr)++] = key;
			strmap_put(by_stem, key, su);
		} else {
			free(key);
		}
		ALLOC_GROW(su->units, su->nr + 1, su->alloc);
		su->units[su->nr++] = u;
	}
}

/*
 * Tests, migrations, views and the files that are not code follow the
 * code they serve. A view first joins the code its folder mirrors
 * (majority_named()). Then each joins the group of most code units
 * under its nearest ancestor directory that holds any
 * (saleor/order/migrations/ and saleor/graphql/order/tests/ join
 * saleor/order and saleor/graphql/order), below the root; failing
 * that, the group of the code it depends on most; failing that, tests
 * and migrations are unlinked and the rest (docs, CI, build files at
 * the top) is the platform group, never a service. Decided per
 * directory once.
 */
static void attach_followers(struct seams *s, struct grouping *gr)
{
	const struct seams_graph *g = &s->graph;
	struct strmap memo = STRMAP_INIT;
	size_t *votes = xcalloc(gr->nr, sizeof(*votes));
	/* a group is touched once per count: at most gr->nr of them */
	long *touched = xmalloc((gr->nr ? gr->nr : 1) * sizeof(*touched));
	struct strbuf dir = STRBUF_INIT;
	struct strmap by_stem = STRMAP_INIT;
	char **stem_keys;
	size_t stems_nr;

	stems_of_code(s, &by_stem, &stem_keys, &stems_nr);
	for (size_t u = 0; u < g->nr - g->folders_nr; u++) {
		const struct seams_unit *x = &g->units[u];
		enum file_role role;
		long grp = -1;
		char name[64];

		if (!x->follower)
			continue;
		role = file_role(x->name);
		if (role == ROLE_VIEW &&
		    mirrored_name(name, sizeof(name), x->name)) {
			void *got;

			strbuf_reset(&dir);
			strbuf_addf(&dir, "\n%s", name);
			got = strmap_get(&memo, dir.buf);
			if (got) {
				grp = (long)(intptr_t)got - 2;
			} else {
				grp = majority_named(s, gr, name, votes,
						     touched);
				strmap_put(&memo, xstrdup(dir.buf),
					   (void *)(intptr_t)(grp + 2));
			}
		}
		/* a test joins the code it exercises: inside an app
		 * (app/orders/tests/), the context that holds most of the
		 * app; from a tree of its own (src/test/java/, spec/), the
		 * file it is named after, else what it imports most */
		if (role == ROLE_TEST) {
			size_t root = role_test_root(x->name), share = 0;

			strbuf_reset(&dir);
			strbuf_addstr(&dir, x->dir);
			while (root && dir.len >= root) {
				char *slash;

				strbuf_setlen(&dir, dir.len);
				grp = majority_under(s, gr, dir.buf, votes,
						     &share);
				if (grp >= 0 && share > 50)
					break;
				grp = -1;
				slash = strrchr(dir.buf, '/');
				if (!slash || (size_t)(slash - dir.buf) < root)
					break;
				strbuf_setlen(&dir, (size_t)(slash - dir.buf));
			}
			if (grp < 0)
				grp = named_subject(s, gr, &by_stem, x->name);
			if (grp < 0)
				grp = majority_used(s, gr, u, votes, touched);
		}
		strbuf_reset(&dir);
		strbuf_addstr(&dir, x->dir);
		while (grp < 0 && dir.len) {
			void *got = strmap_get(&memo, dir.buf);
			char *slash;

			if (got) {
				grp = (long)(intptr_t)got - 2;
			} else {
				grp = majority_under(s, gr, dir.buf, votes,
						     NULL);
				strmap_put(&memo, xstrdup(dir.buf),
					   (void *)(intptr_t)(grp + 2));
			}
			if (grp >= 0)
				break;
			slash = strrchr(dir.buf, '/');
			strbuf_setlen(&dir, slash ? (size_t)(slash - dir.buf) : 0);
		}
		if (grp < 0)
			grp = majority_used(s, gr, u, votes, touched);
		if (grp < 0)
			grp = role == ROLE_TEST || role == ROLE_MIGRATION ?
				      gr->unlinked :
				      gr->platform;
		for (size_t k = 0; k < x->nr; k++) {
			size_t f = g->unit_files[x->first + k];

			if (gr->group_of_file[f] == -2)
				gr->group_of_file[f] = grp;
		}
	}
	{
		struct strmap_entry *e;

		strmap_for_each(&memo, e)
			free((char *)e->key);
	}
	strmap_release(&memo);
	for (size_t k = 0; k < stems_nr; k++) {
		struct stem_units *su = strmap_get(&by_stem, stem_keys[k]);

		free(su->units);
		free(su);
		free(stem_keys[k]);
	}
	free(stem_keys);
	strmap_release(&by_stem);
	strbuf_release(&dir);
	free(votes);
	free(touched);
}

/*
 * Files that are not code (ROLE_NOT_CODE) may not make a context of
 * their own by following a little code: where they outweigh its code
 * ten to one (config/locales/ with one pluralisation rule in Ruby and
 * 400 catalogs), they go to the platform group and the code stays.
 */
static void platform_leftovers(struct seams *s, struct grouping *gr)
{
	unsigned long *code = xcalloc(gr->nr, sizeof(*code));
	unsigned long *other = xcalloc(gr->nr, sizeof(*other));

	for (size_t f = 0; f < s->scan->nr; f++) {
		long c = gr->group_of_file[f];
		enum file_role r;

		if (c < 0 || c == gr->kernel || c == gr->platform ||
		    gr->declared[c] >= 0)
			continue;
		r = file_role(s->scan->files[f].path);
		if (ROLE_NOT_CODE(r))
			other[c] += s->scan->files[f].counts.code;
		else
			code[c] += s->scan->files[f].counts.code;
	}
	for (size_t f = 0; f < s->scan->nr; f++) {
		long c = gr->group_of_file[f];

		if (c >= 0 && other[c] > 10 * code[c] &&
		    ROLE_NOT_CODE(file_role(s->scan->files[f].path)))
			gr->group_of_file[f] = gr->platform;
	}
	free(code);
	free(other);
}

static int cluster(struct seams *s, const struct contexts *d,
		   struct grouping *gr)
{
	const struct seams_graph *g = &s->graph;
	const struct seams_options *o = &s->options;
	struct cluster_options co = { o->resolution, o->runs, o->seed,
				      o->min_size };
	struct problem pr = { 0 };
	size_t *membership, k;
	char *cache;
	const char **dir_of;
	double *strength;
	long got;
	int ret = 0;

	problem_build(&pr, s, d);
	if (!co.runs) {
		/* SEAMS_RUN_LINKS link visits in all, 1 to 8 runs */
		co.runs =
			pr.p.links_nr
				? (int)(SEAMS_RUN_LINKS / (double)pr.p.links_nr)
				: 8;
		co.runs = co.runs < 1 ? 1 : co.runs > 8 ? 8 : co.runs;
	}
	s->runs = co.runs;
	membership = xmalloc((pr.p.n ? pr.p.n : 1) * sizeof(*membership));
	cache = scan_cache_dir(s->scan);
	got = clustercache_run(membership, &pr.p, &co, o->contexts,
			       &s->fused_modularity, cache);
	free(cache);
	if (got < 0) {
		ret = (int)got;
		goto done;
	}
	s->resolution = co.resolution;
	k = (size_t)got;
	dir_of = xcalloc(pr.p.n ? pr.p.n : 1, sizeof(*dir_of));
	for (size_t u = 0; u < s->graph.nr; u++) {
		size_t v = pr.node_of[u];

		if (v != SIZE_MAX && !s->graph.units[u].folder &&
		    !pr.p.pinned[v])
			dir_of[v] = s->graph.units[u].dir;
	}
	split_large(&pr, dir_of, membership, &k, o, s->runs, &s->kept_whole);
	if (!o->contexts) /* --contexts K: K it is */
		seams_split_libraries(s->scan, g, pr.node_of, pr.p.pinned,
				      pr.p.n, membership, &k);
	free(dir_of);
	/* groups: 0 .. k-1 communities, then the kernel, unlinked and
	 * platform */
	strength = xcalloc(pr.p.n ? pr.p.n : 1, sizeof(*strength));
	for (size_t e = 0; e < pr.p.links_nr; e++) {
		strength[pr.p.links[e].a] += pr.p.links[e].w;
		strength[pr.p.links[e].b] += pr.p.links[e].w;
	}
	gr->nr = k + 3;
	gr->kernel = (long)k;
	gr->unlinked = (long)k + 1;
	gr->platform = (long)k + 2;
	gr->declared = xmalloc(gr->nr * sizeof(*gr->declared));
	for (size_t c = 0; c < gr->nr; c++)
		gr->declared[c] = -1;
	for (size_t v = 0; v < pr.p.n; v++) {
		if (pr.decl_of_node[v] >= 0)
			gr->declared[membership[v]] = pr.decl_of_node[v];
		/* a unit linked to nothing, left alone, is unlinked */
		else if (!strength[v] && o->min_size > 1)
			membership[v] = k + 1;
	}
	gr->group_of_file = xmalloc((s->scan->nr ? s->scan->nr : 1) *
				    sizeof(*gr->group_of_file));
	for (size_t f = 0; f < s->scan->nr; f++) {
		size_t u = g->unit_of[f];

		if (u == SIZE_MAX)
			gr->group_of_file[f] = -1;
		else if (d->of_file[f] >= 0)
			/* a declared file is its context's, even when its
			 * unit's first file is declared elsewhere */
			gr->group_of_file[f] = (long)membership[d->of_file[f]];
		else if (g->units[u].follower)
			gr->group_of_file[f] = -2; /* placed below */
		else if (pr.node_of[u] == SIZE_MAX)
			gr->group_of_file[f] = gr->kernel;
		else
			gr->group_of_file[f] = (long)membership[pr.node_of[u]];
	}
	attach_followers(s, gr);
	platform_leftovers(s, gr);
	if (o->contexts)
		merge_by_folder(s, gr, o->contexts);
	free(strength);
done:
	free(membership);
	problem_release(&pr);
	return ret;
}

/* Per history file, its scan index, or SIZE_MAX when not counted. */
static size_t *history_map(const struct scan *scan, const struct history *h)
{
	struct strmap index = STRMAP_INIT;
	size_t *map = xmalloc((h->files_nr ? h->files_nr : 1) * sizeof(*map));

	for (size_t f = 0; f < scan->nr; f++)
		if (scan->files[f].status == FILE_COUNTED)
			strmap_put(&index, scan->files[f].path, (void *)(f + 1));
	for (size_t i = 0; i < h->files_nr; i++) {
		size_t f = (size_t)strmap_get(&index, h->files[i].name);

		map[i] = f ? f - 1 : SIZE_MAX;
	}
	strmap_release(&index);
	return map;
}

struct authored {
	uint32_t who;
	size_t file;
	double share;
};

static int cmp_authored(const void *a, const void *b)
{
	const struct authored *x = a, *y = b;

	if (x->who != y->who)
		return x->who < y->who ? -1 : 1;
	return x->file < y->file ? -1 : x->file > y->file;
}

/*
 * The history signals: each coupled pair of files (code-maat's
 * thresholds) adds its shared changes times its degree as change
 * coupling; each author's files are linked to a node of the author's by
 * the author's share of the lines added to them (main author only),
 * times the share of the files the author is not the main author of:
 * one author of everything links nothing.
 */
static void add_history(struct seams *s, const struct history *h,
			const size_t *map)
{
	struct seams_graph *g = &s->graph;
	const struct history_coupling *c = &h->file_coupling;
	struct authored *a = xmalloc((h->files_nr ? h->files_nr : 1) *
				     sizeof(*a));
	size_t n = 0;

	if (g->weights.w[SIGNAL_COCHANGE] > 0)
		for (size_t i = 0; i < c->nr; i++) {
			const struct history_pair *p = &c->pairs[i];

			if (map[p->a] != SIZE_MAX && map[p->b] != SIZE_MAX)
				seams_graph_add(g, SIGNAL_COCHANGE, map[p->a],
						map[p->b],
						(double)p->shared *
							(double)p->degree /
							100.0);
		}
	for (size_t i = 0; g->weights.w[SIGNAL_AUTHORS] > 0 &&
			   i < h->files_nr;
	     i++) {
		const struct history_entity *e = &h->files[i];
		double total = 0;

		if (map[i] == SIZE_MAX || !e->authors_nr)
			continue;
		for (size_t k = 0; k < e->authors_nr; k++)
			total += (double)e->authors[k].added;
		a[n++] = (struct authored){
			e->authors[0].who, map[i],
			total > 0 ? (double)e->authors[0].added / total : 1.0
		};
	}
	if (n)
		qsort(a, n, sizeof(*a), cmp_authored);
	for (size_t i = 0; i < n;) {
		size_t j = i, *files;
		double *values;
		struct strbuf name = STRBUF_INIT;

		while (j < n && a[j].who == a[i].who)
			j++;
		files = xmalloc((j - i) * sizeof(*files));
		values = xmalloc((j - i) * sizeof(*values));
		for (size_t k = i; k < j; k++) {
			files[k - i] = a[k].file;
			/* an author of most files tells little apart */
			values[k - i] = a[k].share *
					(1.0 - (double)(j - i) / (double)n);
		}
		strbuf_addf(&name, "author %s", h->authors[a[i].who].name);
		seams_graph_add_group(g, SIGNAL_AUTHORS, name.buf, files,
				      values, j - i);
		strbuf_release(&name);
		free(files);
		free(values);
		i = j;
	}
	free(a);
	seams_graph_finish(g);
}

static int cmp_owner(const void *a, const void *b)
{
	const struct seams_owner *x = a, *y = b;

	if (x->share != y->share)
		return x->share < y->share ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* The top SEAMS_OWNERS of `lines` (per author or team) as shares. */
static size_t top_owners(struct seams_owner *out, const double *lines,
			 size_t nr, const char *(*name)(const struct history *,
							size_t),
			 const struct history *h)
{
	struct seams_owner *all = xmalloc((nr ? nr : 1) * sizeof(*all));
	double total = 0;
	size_t n = 0;

	for (size_t i = 0; i < nr; i++)
		total += lines[i];
	for (size_t i = 0; total > 0 && i < nr; i++)
		if (lines[i] > 0)
			all[n++] = (struct seams_owner){ name(h, i),
							 lines[i] / total };
	if (n)
		qsort(all, n, sizeof(*all), cmp_owner);
	if (n > SEAMS_OWNERS)
		n = SEAMS_OWNERS;
	memcpy(out, all, n * sizeof(*all));
	free(all);
	return n;
}

static const char *author_name(const struct history *h, size_t i)
{
	return h->authors[i].name;
}

static const char *team_name(const struct history *h, size_t i)
{
	return h->teams[i].name;
}

/* Changes, coupling leaking across each seam, main authors and teams. */
static void history_metrics(struct seams *s, const struct history *h,
			    const size_t *map)
{
	const struct history_coupling *c = &h->file_coupling;
	double *lines = xcalloc(h->authors_nr + 1, sizeof(*lines));
	double *teams = xcalloc(h->teams_nr + 1, sizeof(*teams));
	long *ctx_of = xmalloc((h->files_nr ? h->files_nr : 1) *
			       sizeof(*ctx_of));

	for (size_t i = 0; i < h->files_nr; i++) {
		ctx_of[i] = map[i] == SIZE_MAX ? -1 : s->context_of[map[i]];
		if (ctx_of[i] >= 0)
			s->contexts[ctx_of[i]].changes += h->files[i].revisions;
	}
	for (size_t i = 0; i < c->nr; i++) {
		long x = ctx_of[c->pairs[i].a], y = ctx_of[c->pairs[i].b];

		if (x >= 0)
			s->contexts[x].coupled += c->pairs[i].shared;
		if (y >= 0 && y != x)
			s->contexts[y].coupled += c->pairs[i].shared;
		if (x >= 0 && y >= 0 && x != y) {
			s->contexts[x].leaked += c->pairs[i].shared;
			s->contexts[y].leaked += c->pairs[i].shared;
		}
	}
	for (size_t k = 0; k < s->nr; k++) {
		struct seams_context *x = &s->contexts[k];

		memset(lines, 0, (h->authors_nr + 1) * sizeof(*lines));
		memset(teams, 0, (h->teams_nr + 1) * sizeof(*teams));
		for (size_t i = 0; i < h->files_nr; i++) {
			const struct history_entity *e = &h->files[i];

			if (ctx_of[i] != (long)k)
				continue;
			for (size_t j = 0; j < e->authors_nr; j++)
				lines[e->authors[j].who] +=
					(double)e->authors[j].added;
			for (size_t j = 0; j < e->teams_nr; j++)
				teams[e->teams[j].who] +=
					(double)e->teams[j].added;
		}
		x->authors_nr = top_owners(x->authors, lines, h->authors_nr,
					   author_name, h);
		x->teams_nr = top_owners(x->teams, teams, h->teams_nr,
					 team_name, h);
	}
	free(lines);
	free(teams);
	free(ctx_of);
}

int seams_propose(struct seams **out, const struct scan *scan,
		  const struct seams_options *o)
{
	struct seams *s = xcalloc(1, sizeof(*s));
	struct contexts d = { 0 };
	struct grouping gr = { 0 };
	size_t *hmap = NULL;
	int ret;

	s->scan = scan;
	s->options = *o;
	s->context_of =
		xmalloc((scan->nr ? scan->nr : 1) * sizeof(*s->context_of));
	if ((ret = contexts_load(&d, o->config, scan, 0)))
		goto done;
	seams_graph_build(&s->graph, scan, &o->weights, o->hub_share,
			  o->follow_roles);
	if (o->history) {
		hmap = history_map(scan, o->history);
		add_history(s, o->history, hmap);
	}
	if ((ret = cluster(s, &d, &gr)))
		goto done;
	make_contexts(s, &gr, &d);
	count_contexts(s);
	seams_name_contexts(s);
	make_crossings(s);
	find_cycles(s);
	metrics(s);
	if (o->history)
		history_metrics(s, o->history, hmap);
	rank_contexts(s);
	*out = s;
	s = NULL;
done:
	free(gr.group_of_file);
	free(gr.declared);
	contexts_release(&d);
	free(hmap);
	seams_free(s);
	return ret;
}

long seams_find(const struct seams *s, const char *name)
{
	for (size_t i = 0; i < s->nr; i++)
		if (!strcmp(s->contexts[i].name, name))
			return (long)i;
	return -1;
}
