/*
 * The fused graph of carve seams: units (header+source pairs), static
 * links, hubs, folder links, and the signals history adds later. Raw
 * evidence is collected as (a, b, signal, value) entries and merged into
 * one link per pair by sorting, so adding a signal costs one sort.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/language.h"
#include "carve/role.h"
#include "carve/scan.h"
#include "carve/seams_graph.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static const char *const signal_names[SIGNAL_NR] = {
	[SIGNAL_STATIC] = "static",
	[SIGNAL_COCHANGE] = "cochange",
	[SIGNAL_AUTHORS] = "authors",
	[SIGNAL_FOLDERS] = "folders",
};

const char *seams_signal_name(enum seams_signal s)
{
	return s < SIGNAL_NR ? signal_names[s] : "?";
}

void seams_weights_init(struct seams_weights *w)
{
	w->w[SIGNAL_STATIC] = 1.0;
	w->w[SIGNAL_COCHANGE] = 1.0;
	w->w[SIGNAL_AUTHORS] = 0.5;
	w->w[SIGNAL_FOLDERS] = SEAMS_FOLDERS;
}

int seams_weights_parse(struct seams_weights *w, const char *arg)
{
	const char *p = arg;

	while (*p) {
		const char *eq = strchr(p, '='), *comma;
		char *end;
		double v;
		int s;

		if (!eq)
			goto bad;
		for (s = 0; s < SIGNAL_NR; s++)
			if (strlen(signal_names[s]) == (size_t)(eq - p) &&
			    !strncmp(p, signal_names[s], (size_t)(eq - p)))
				break;
		if (s == SIGNAL_NR)
			return error_code(CARVE_EINVALID,
					  "--weights: unknown signal '%.*s': "
					  "expected static, cochange, authors "
					  "or folders",
					  (int)(eq - p), p);
		errno = 0;
		v = strtod(eq + 1, &end);
		comma = end;
		if (errno || end == eq + 1 || (*comma && *comma != ',') ||
		    !(v >= 0 && v <= 1e6))
			goto bad;
		w->w[s] = v;
		p = *comma ? comma + 1 : comma;
	}
	return 0;
bad:
	return error_code(CARVE_EINVALID,
			  "--weights takes NAME=NUMBER pairs separated by "
			  "commas (numbers from 0 to 1000000), not '%s'",
			  arg);
}

static int is_c_family(const struct scan_file *f, int *header)
{
	const char *name = f->lang ? f->lang->name : "";

	*header = !strcmp(name, "C Header") || !strcmp(name, "C++ Header");
	return *header || !strcmp(name, "C") || !strcmp(name, "C++") ||
	       !strcmp(name, "Objective-C") || !strcmp(name, "Objective-C++");
}

/* Length of the path without its extension (the stem, directory kept). */
static size_t stem_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	return dot && dot != (slash ? slash + 1 : path) ? (size_t)(dot - path)
							: strlen(path);
}

struct member {
	const char *path;
	const char *key; /* path, or a header's pair: what groups */
	size_t stem; /* length of the stem of key */
	size_t file; /* scan index */
	int header;
	int paired; /* C family: may pair with files of the same stem */
};

static int cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	size_t n = x->stem < y->stem ? x->stem : y->stem;
	int c;

	if (x->paired != y->paired)
		return x->paired ? -1 : 1;
	if (x->paired) {
		c = memcmp(x->key, y->key, n);
		if (c)
			return c;
		if (x->stem != y->stem)
			return x->stem < y->stem ? -1 : 1;
		if (x->header != y->header)
			return x->header ? 1 : -1; /* sources first */
	}
	return strcmp(x->path, y->path);
}

static int same_stem(const struct member *x, const struct member *y)
{
	return x->paired && y->paired && x->stem == y->stem &&
	       !memcmp(x->key, y->key, x->stem);
}

static int cmp_unit(const void *a, const void *b)
{
	const struct seams_unit *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Groups the counted files into units, sorted by name. */
static void make_units(struct seams_graph *g, const struct scan *scan,
		       int follow)
{
	struct member *m = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*m));
	size_t n = 0, alloc = 0, *files;

	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		g->unit_of[i] = SIZE_MAX;
		if (f->status != FILE_COUNTED)
			continue;
		m[n].path = f->path;
		/* a header paired elsewhere (scan_file.pair) groups there */
		m[n].key = f->pair && f->pair <= scan->nr
				   ? scan->files[f->pair - 1].path
				   : f->path;
		m[n].stem = stem_len(m[n].key);
		m[n].file = i;
		m[n].paired = is_c_family(f, &m[n].header);
		n++;
	}
	if (n)
		qsort(m, n, sizeof(*m), cmp_member);
	files = xmalloc((n ? n : 1) * sizeof(*files));
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, headers = m[i].header;
		struct seams_unit *u;

		while (j < n && same_stem(&m[i], &m[j]))
			headers += m[j++].header;
		/* a stem forms one unit only with a header and a source */
		if (!headers || headers == j - i)
			j = i + 1;
		ALLOC_GROW(g->units, g->nr + 1, alloc);
		u = &g->units[g->nr++];
		memset(u, 0, sizeof(*u));
		u->name = m[i].path;
		u->first = i;
		u->nr = j - i;
		for (size_t k = i; k < j; k++)
			files[k] = m[k].file;
		i = j;
	}
	if (g->nr)
		qsort(g->units, g->nr, sizeof(*g->units), cmp_unit);
	/* lay the files out in unit order */
	g->unit_files = xmalloc((n ? n : 1) * sizeof(*g->unit_files));
	for (size_t u = 0, at = 0; u < g->nr; u++) {
		struct seams_unit *x = &g->units[u];
		const char *slash = strrchr(x->name, '/');

		memcpy(&g->unit_files[at], &files[x->first],
		       x->nr * sizeof(*files));
		x->first = at;
		at += x->nr;
		x->dir = slash ? xstrndup(x->name, (size_t)(slash - x->name))
			       : xstrdup("");
		x->follower = follow && file_role(x->name) != ROLE_CODE;
		for (size_t k = 0; k < x->nr; k++) {
			size_t f = g->unit_files[x->first + k];

			g->unit_of[f] = u;
			x->code += scan->files[f].counts.code;
		}
	}
	free(files);
	free(m);
}

static void push(struct seams_graph *g, size_t a, size_t b, enum seams_signal s,
		 double value)
{
	struct seams_link *l;

	if (a == b)
		return;
	ALLOC_GROW(g->pending, g->pending_nr + 1, g->pending_alloc);
	l = &g->pending[g->pending_nr++];
	memset(l, 0, sizeof(*l));
	l->a = a < b ? a : b;
	l->b = a < b ? b : a;
	l->signal[s] = value;
}

struct arc {
	size_t from, to;
	double refs; /* dependencies (file pair and kind) between the units */
};

static int cmp_arc(const void *a, const void *b)
{
	const struct arc *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return 0;
}

static int cmp_use(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/*
 * A hub is used from nearly every module: by files of at least
 * hub_share of the other modules that depend on anything (and of 3).
 * Modules, not files, are counted, so that a utility every package uses
 * a little is a hub and a header one big directory uses a lot is not.
 */
static void mark_hubs(struct seams_graph *g, const struct scan *scan,
		      const struct arc *arcs, size_t n, double hub_share)
{
	struct strmap ids = STRMAP_INIT;
	size_t *module = xmalloc((g->nr ? g->nr : 1) * sizeof(*module));
	size_t(*use)[2] = xmalloc((n ? n : 1) * sizeof(*use));
	char *active;
	size_t modules = 0, nactive = 0;

	for (size_t u = 0; u < g->nr; u++) {
		const char *m =
			scan->files[g->unit_files[g->units[u].first]].module;
		size_t id = (size_t)strmap_get(&ids, m ? m : ".");

		if (!id) {
			id = ++modules;
			strmap_put(&ids, m ? m : ".", (void *)id);
		}
		module[u] = id - 1;
	}
	active = xcalloc(modules + 1, 1);
	for (size_t k = 0; k < n; k++) {
		use[k][0] = arcs[k].to;
		use[k][1] = module[arcs[k].from];
		if (!active[use[k][1]]) {
			active[use[k][1]] = 1;
			nactive++;
		}
	}
	if (n)
		qsort(use, n, sizeof(*use), cmp_use);
	for (size_t k = 0; k < n; k++)
		if ((!k || use[k][0] != use[k - 1][0] ||
		     use[k][1] != use[k - 1][1]) &&
		    use[k][1] != module[use[k][0]])
			g->units[use[k][0]].modules_in++;
	g->hub_threshold =
		(size_t)ceil(hub_share * (double)(nactive ? nactive - 1 : 0));
	if (g->hub_threshold < 3)
		g->hub_threshold = 3;
	for (size_t u = 0; u < g->nr; u++) {
		g->units[u].hub = hub_share < 1.0 &&
				  g->units[u].modules_in >= g->hub_threshold;
		g->hubs_nr += g->units[u].hub;
	}
	free(active);
	free(use);
	free(module);
	strmap_release(&ids);
}

/* Static links between units, fan-in and fan-out, and the hubs. */
static void static_links(struct seams_graph *g, const struct scan *scan,
			 double hub_share)
{
	struct arc *arcs =
		xmalloc((scan->edges_nr ? scan->edges_nr : 1) * sizeof(*arcs));
	size_t n = 0, out = 0;

	for (size_t k = 0; k < scan->edges_nr; k++) {
		const struct scan_edge *e = &scan->edges[k];
		size_t a = g->unit_of[e->from], b = g->unit_of[e->to];

		if (a == SIZE_MAX || b == SIZE_MAX || a == b ||
		    g->units[a].follower || g->units[b].follower)
			continue;
		/*
		 * Each dependency counts once, however many references it
		 * holds: reference counts are heavy-tailed (a file calling
		 * forty functions of another), and weighting by them
		 * drowned the folder signal (bash-4.2 with libclang's symbol
		 * edges: MoJoFM 81.21 by references, 87.92 counted once;
		 * include graph alike either way, BENCHMARKS.md).
		 */
		arcs[n++] = (struct arc){ a, b, 1.0 };
	}
	if (n)
		qsort(arcs, n, sizeof(*arcs), cmp_arc);
	for (size_t k = 0; k < n; k++) {
		if (out && arcs[out - 1].from == arcs[k].from &&
		    arcs[out - 1].to == arcs[k].to) {
			arcs[out - 1].refs += arcs[k].refs;
			continue;
		}
		arcs[out++] = arcs[k];
	}
	n = out;
	for (size_t k = 0; k < n; k++) {
		g->units[arcs[k].from].fan_out++;
		g->units[arcs[k].to].fan_in++;
	}
	mark_hubs(g, scan, arcs, n, hub_share);
	for (size_t k = 0; k < n; k++)
		if (!g->units[arcs[k].from].hub && !g->units[arcs[k].to].hub)
			push(g, arcs[k].from, arcs[k].to, SIGNAL_STATIC,
			     arcs[k].refs);
	free(arcs);
}

static int cmp_by_dir(const void *a, const void *b, void *ctx)
{
	const struct seams_graph *g = ctx;
	const struct seams_unit *x = &g->units[*(const size_t *)a];
	const struct seams_unit *y = &g->units[*(const size_t *)b];
	int c = strcmp(x->dir, y->dir);

	return c ? c : strcmp(x->name, y->name);
}

/*
 * The folder signal: each directory of two units or more gets a node of
 * its own, linked to each of its units by 1; Leiden keeps a directory
 * together unless the other signals pull its units apart. A star costs
 * one link per unit where a clique would cost d(d-1)/2 per directory,
 * and pulls each unit as much (1) towards its siblings.
 */
static void folder_links(struct seams_graph *g)
{
	size_t *order = xmalloc((g->nr ? g->nr : 1) * sizeof(*order));
	size_t n = 0, alloc = g->nr;

	for (size_t u = 0; u < g->nr; u++)
		if (!g->units[u].hub && !g->units[u].follower)
			order[n++] = u;
	if (n)
		qsort_r(order, n, sizeof(*order), cmp_by_dir, g);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, v;
		struct seams_unit *x;

		while (j < n &&
		       !strcmp(g->units[order[j]].dir, g->units[order[i]].dir))
			j++;
		if (j - i < 2) {
			i = j;
			continue;
		}
		ALLOC_GROW(g->units, g->nr + 1, alloc);
		v = g->nr++;
		x = &g->units[v];
		memset(x, 0, sizeof(*x));
		x->dir = xstrdup(g->units[order[i]].dir);
		x->name = x->dir;
		x->folder = 1;
		g->folders_nr++;
		for (size_t k = i; k < j; k++)
			push(g, v, order[k], SIGNAL_FOLDERS, 1.0);
		i = j;
	}
	free(order);
}

static int cmp_link(const void *a, const void *b)
{
	const struct seams_link *x = a, *y = b;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	return 0;
}

void seams_graph_finish(struct seams_graph *g)
{
	size_t n = g->links_nr + g->pending_nr, out = 0;

	g->links = xreallocarray(g->links, n ? n : 1, sizeof(*g->links));
	if (g->pending_nr)
		memcpy(&g->links[g->links_nr], g->pending,
		       g->pending_nr * sizeof(*g->pending));
	g->pending_nr = 0;
	if (n)
		qsort(g->links, n, sizeof(*g->links), cmp_link);
	for (size_t k = 0; k < n; k++) {
		struct seams_link *l = &g->links[k];

		if (out && g->links[out - 1].a == l->a &&
		    g->links[out - 1].b == l->b) {
			for (int s = 0; s < SIGNAL_NR; s++)
				g->links[out - 1].signal[s] += l->signal[s];
			continue;
		}
		g->links[out++] = *l;
	}
	g->links_nr = out;
	for (int s = 0; s < SIGNAL_NR; s++)
		g->total[s] = 0;
	out = 0;
	for (size_t k = 0; k < g->links_nr; k++) {
		struct seams_link *l = &g->links[k];

		l->weight = 0;
		for (int s = 0; s < SIGNAL_NR; s++) {
			g->total[s] += l->signal[s];
			l->weight += l->signal[s] * g->weights.w[s];
		}
		/* a link all of whose signals are weighted 0 is no link */
		if (l->weight > 0)
			g->links[out++] = *l;
	}
	g->links_nr = out;
}

void seams_graph_add(struct seams_graph *g, enum seams_signal s, size_t f1,
		     size_t f2, double value)
{
	size_t a = f1 < g->scan->nr ? g->unit_of[f1] : SIZE_MAX;
	size_t b = f2 < g->scan->nr ? g->unit_of[f2] : SIZE_MAX;

	if (a == SIZE_MAX || b == SIZE_MAX || a == b || g->units[a].hub ||
	    g->units[b].hub || g->units[a].follower || g->units[b].follower ||
	    !(value > 0))
		return;
	push(g, a, b, s, value);
}

struct member_value {
	size_t unit;
	double value;
};

static int cmp_member_value(const void *a, const void *b)
{
	const struct member_value *x = a, *y = b;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->value < y->value ? 1 : x->value > y->value ? -1 : 0;
}

void seams_graph_add_group(struct seams_graph *g, enum seams_signal s,
			   const char *name, const size_t *files,
			   const double *values, size_t n)
{
	struct member_value *m = xmalloc((n ? n : 1) * sizeof(*m));
	size_t nr = 0, out = 0, alloc = g->nr, v;
	struct seams_unit *x;

	for (size_t i = 0; i < n; i++) {
		size_t u = files[i] < g->scan->nr ? g->unit_of[files[i]] :
						     SIZE_MAX;

		if (u == SIZE_MAX || g->units[u].hub || g->units[u].follower ||
		    !(values[i] > 0))
			continue;
		m[nr++] = (struct member_value){ u, values[i] };
	}
	/* one link per unit: the largest value comes first after sorting */
	if (nr)
		qsort(m, nr, sizeof(*m), cmp_member_value);
	for (size_t i = 0; i < nr; i++)
		if (!out || m[out - 1].unit != m[i].unit)
			m[out++] = m[i];
	if (out >= 2) {
		ALLOC_GROW(g->units, g->nr + 1, alloc);
		v = g->nr++;
		x = &g->units[v];
		memset(x, 0, sizeof(*x));
		x->dir = xstrdup(name);
		x->name = x->dir;
		x->folder = 1;
		g->folders_nr++;
		for (size_t k = 0; k < out; k++)
			push(g, v, m[k].unit, s, m[k].value);
	}
	free(m);
}

int seams_graph_build(struct seams_graph *g, const struct scan *scan,
		      const struct seams_weights *w, double hub_share,
		      int follow)
{
	memset(g, 0, sizeof(*g));
	g->scan = scan;
	g->weights = *w;
	g->unit_of = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*g->unit_of));
	make_units(g, scan, follow);
	static_links(g, scan, hub_share);
	if (w->w[SIGNAL_FOLDERS] > 0)
		folder_links(g);
	seams_graph_finish(g);
	return 0;
}
