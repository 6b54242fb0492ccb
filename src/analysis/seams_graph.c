/*
 * The fused graph of carve seams: units (header+source pairs), static
 * links, hubs, folder links, and the signals history adds later. Raw
 * evidence is collected as (a, b, signal, value) entries and merged into
 * one link per pair by sorting, so adding a signal costs one sort.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carve/error.h"
#include "carve/language.h"
#include "carve/role.h"
#include "carve/scan.h"
#include "carve/seams_domain.h"
#include "carve/seams_graph.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

static const char *const signal_names[SIGNAL_NR] = {
	[SIGNAL_STATIC] = "static",
	[SIGNAL_COCHANGE] = "cochange",
	[SIGNAL_AUTHORS] = "authors",
	[SIGNAL_FOLDERS] = "folders",
	[SIGNAL_TERMS] = "terms",
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
	w->w[SIGNAL_TERMS] = SEAMS_TERMS;
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
					  "expected static, cochange, authors, "
					  "folders or terms",
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
/*
 * Whether header h belongs with its source c: it sits in a library's
 * namespace folder (include/kv/store.h), or a folder of h other than
 * include/, inc/ or public/ is a folder of c too.
 */
static int pair_named(const char *h, const char *c)
{
	const char *p = h, *slash, *last = strrchr(h, '/'), *prev;

	/* include/<lib>/x.h */
	if (last) {
		prev = last;
		while (prev > h && prev[-1] != '/')
			prev--;
		if (prev > h + 1) {
			const char *pp = prev - 1;

			while (pp > h && pp[-1] != '/')
				pp--;
			if ((prev - 1 - pp == 7 && !strncmp(pp, "include", 7)) ||
			    (prev - 1 - pp == 3 && !strncmp(pp, "inc", 3)))
				return 1;
		}
	}

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);
		const char *q = c, *qs;

		if (!(n == 7 && !strncmp(p, "include", 7)) &&
		    !(n == 3 && !strncmp(p, "inc", 3)) &&
		    !(n == 6 && !strncmp(p, "public", 6)))
			while ((qs = strchr(q, '/'))) {
				if ((size_t)(qs - q) == n && !strncmp(p, q, n))
					return 1;
				q = qs + 1;
			}
		p = slash + 1;
	}
	return 0;
}

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
		/* a header paired elsewhere (scan_file.pair) groups there
		 * when its folders name the library (include/foo/x.h and
		 * src/foo/x.c); a header of the program's own include/
		 * (include/shmbchar.h of lib/sh/shmbchar.c) serves all */
		m[n].key = f->pair && f->pair <= scan->nr &&
				   pair_named(f->path,
					      scan->files[f->pair - 1].path)
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

		/*
		 * libclang's symbol edges are not links: C and C++ code
		 * includes what it uses, so they mostly repeat the include
		 * graph the folder weight was set against, and where they
		 * add calls (builtins/ and bash's root, both ways) they
		 * outweighed the folders (bash-4.2: 87.92 with them, 90.60
		 * without). Their direction finds the libraries inside a
		 * context instead (seams_split.c: 92.62, BENCHMARKS.md).
		 */
		if (e->kind == DEP_SYMBOL || a == SIZE_MAX || b == SIZE_MAX ||
		    a == b || g->units[a].follower || g->units[b].follower)
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

/* The last component of dir ("" has none). */
static const char *base_name(const char *dir)
{
	const char *slash = strrchr(dir, '/');

	return slash ? slash + 1 : dir;
}

/* dir without its last component, as a new string ("" at the top). */
static char *parent_dir(const char *dir)
{
	const char *slash = strrchr(dir, '/');

	return slash ? xstrndup(dir, (size_t)(slash - dir)) : xstrdup("");
}

/* The domains of the folders of the units that are linked. */
static void unit_domains(struct seams_domains *d, const struct seams_graph *g)
{
	const char **dirs = xmalloc((g->nr ? g->nr : 1) * sizeof(*dirs));
	size_t n = 0;

	for (size_t u = 0; u < g->nr; u++)
		if (!g->units[u].hub && !g->units[u].follower &&
		    !g->units[u].folder)
			dirs[n++] = g->units[u].dir;
	seams_domains_find(d, dirs, n);
	free(dirs);
}

/*
 * Whether a folder's name says where a file sits in the layers rather
 * than what it is: a layer word, an API version, or a domain that
 * recurs across layers.
 */
static int layerish(const struct seams_domains *d, const char *base)
{
	char buf[64];

	if (seams_layer_word(base) || seams_version_word(base))
		return 1;
	if (strlen(base) >= sizeof(buf))
		return 0;
	seams_folder_term(buf, sizeof(buf), base);
	return seams_domains_has(d, buf);
}

struct unit_term {
	char *term;
	size_t unit;
	int domain; /* folders in several layers are named for it */
};

static int cmp_unit_term(const void *a, const void *b)
{
	const struct unit_term *x = a, *y = b;
	int c = strcmp(x->term, y->term);

	return c ? c : (x->unit > y->unit) - (x->unit < y->unit);
}

/*
 * The domain terms of the units (see lead_term()), kept only where they
 * say something: a term led by two units or more, and by no more than
 * SEAMS_TERM_SHARE of them (past that it is a layer word such as "base"
 * or "abstract"). A file name found again in a folder of the same name
 * (dcim/forms/bulk_edit.py, ipam/forms/bulk_edit.py) is a convention's,
 * one that is a layer's word (views.py) a layer's, and one in a folder
 * not named for a layer (lib/tilde/tilde.c, lib/readline/tilde.c) a
 * copy: no term; one found only in layer folders of other names
 * (views/streams.py, actions/streams.py) is a domain across layers.
 * Returns them sorted by term, `*nr` long, the units of one term
 * sharing one string, and each unit's term in `*term_of` (NULL: none).
 */
static struct unit_term *find_terms(const struct seams_graph *g, size_t *nr,
				    const char ***term_of)
{
	size_t nunits = g->nr, n = 0, linked = 0, out = 0;
	struct unit_term *ut = xmalloc((nunits ? nunits : 1) * sizeof(*ut));
	struct strmap names = STRMAP_INIT, seen = STRMAP_INIT;
	struct strmap same_folder = STRMAP_INIT, outside_layers = STRMAP_INIT;
	char buf[64], **keys = xcalloc(nunits ? nunits : 1, sizeof(*keys));
	struct seams_domains domains = { NULL, 0 };

	*term_of = xcalloc(nunits ? nunits : 1, sizeof(**term_of));
	unit_domains(&domains, g);
	for (size_t u = 0; u < nunits; u++) {
		const char *b = strrchr(g->units[u].name, '/');
		uintptr_t k;

		b = b ? b + 1 : g->units[u].name;
		k = (uintptr_t)strmap_get(&names, b);
		strmap_put(&names, b, (void *)(k + 1));
		/* the name again in a folder of the same name */
		{
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s/%s", base_name(g->units[u].dir),
				    b);
			keys[u] = strbuf_detach(&sb, NULL);
		}
		if (strmap_get(&seen, keys[u]))
			strmap_put(&same_folder, b, (void *)2);
		if (!layerish(&domains, base_name(g->units[u].dir)))
			strmap_put(&outside_layers, b, (void *)1);
		strmap_put(&seen, keys[u], (void *)1);
	}
	for (size_t u = 0; u < nunits; u++) {
		const struct seams_unit *x = &g->units[u];
		const char *b = strrchr(x->name, '/');

		if (x->hub || x->follower || x->folder)
			continue;
		linked++;
		b = b ? b + 1 : x->name;
		/* a name repeated in layers is a domain's when folders in
		 * several layers are named for its term (issue.go in
		 * routers/web/repo and models/issues) */
		if (!seams_lead_term(buf, sizeof(buf), x->name) ||
		    ((uintptr_t)strmap_get(&names, b) >= 2 &&
		     (seams_layer_word(buf) ||
		      ((strmap_get(&same_folder, b) ||
			strmap_get(&outside_layers, b)) &&
		       !seams_domains_has(&domains, buf)))))
			continue;
		ut[n].term = xstrdup(buf);
		ut[n].unit = u;
		ut[n].domain = seams_domains_has(&domains, buf);
		n++;
	}
	strmap_release(&names);
	strmap_release(&seen);
	strmap_release(&same_folder);
	strmap_release(&outside_layers);
	seams_domains_release(&domains);
	for (size_t u = 0; u < nunits; u++)
		free(keys[u]);
	free(keys);
	if (n)
		qsort(ut, n, sizeof(*ut), cmp_unit_term);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && !strcmp(ut[j].term, ut[i].term))
			j++;
		if (j - i < 2 || (double)(j - i) > SEAMS_TERM_SHARE * linked) {
			for (size_t k = i; k < j; k++)
				free(ut[k].term);
		} else {
			/* the group shares its first unit's string */
			for (size_t k = i; k < j; k++) {
				if (k > i)
					free(ut[k].term);
				ut[out].term = ut[i].term;
				ut[out].unit = ut[k].unit;
				ut[out].domain = ut[k].domain;
				(*term_of)[ut[out].unit] = ut[i].term;
				out++;
			}
		}
		i = j;
	}
	*nr = out;
	return ut;
}

/*
 * The domain-term signal: units whose names lead with the same term
 * (Cargo.java, CargoRepositoryJPA.java, CargoAdminController.java) are
 * about the same thing, whichever layer folder holds them: each term
 * gets a node linked to its units by 1. Takes the terms' strings.
 */
struct folder_term {
	char term[64];
	size_t unit;
};

static int cmp_folder_term(const void *a, const void *b)
{
	const struct folder_term *x = a, *y = b;
	int c = strcmp(x->term, y->term);

	return c ? c : (x->unit > y->unit) - (x->unit < y->unit);
}

/*
 * The folder units named for a term (cargo/ for Cargo: the folder's
 * lead term, the name at most one letter longer), sorted by term and
 * unit, so that each term finds its folders by a binary search rather
 * than by reading every folder's name again. Returns them, `*nr` long.
 */
static struct folder_term *folder_terms(const struct seams_graph *g, size_t *nr)
{
	struct folder_term *ft = xmalloc((g->nr ? g->nr : 1) * sizeof(*ft));
	size_t n = 0;

	for (size_t f = 0; f < g->nr; f++) {
		const char *b;

		if (!g->units[f].folder)
			continue;
		b = base_name(g->units[f].dir);
		if (!seams_lead_term(ft[n].term, sizeof(ft[n].term), b) ||
		    strlen(b) > strlen(ft[n].term) + 1)
			continue;
		ft[n++].unit = f;
	}
	if (n)
		qsort(ft, n, sizeof(*ft), cmp_folder_term);
	*nr = n;
	return ft;
}

/* The first entry of ft whose term is `term` (nr when none). */
static size_t folder_term_first(const struct folder_term *ft, size_t nr,
				const char *term)
{
	size_t lo = 0, hi = nr;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(ft[mid].term, term) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void term_links(struct seams_graph *g, struct unit_term *ut, size_t n,
		       const char *in_layer)
{
	size_t alloc = g->nr, ft_nr;
	struct folder_term *ft = folder_terms(g, &ft_nr);
	/*
	 * a unit of a layer folder (routers/web/repo/issue_label.go), whose
	 * term names folders in other layers too (models/issues,
	 * services/issue), is held by its term with what its folder no
	 * longer holds it by: its pull in all stays that of a unit of any
	 * other folder
	 */
	double boost = 1.0;

	if (g->weights.w[SIGNAL_TERMS] > 0)
		boost += (1.0 - SEAMS_LAYER_PULL) *
			 g->weights.w[SIGNAL_FOLDERS] /
			 g->weights.w[SIGNAL_TERMS];

	for (size_t i = 0; i < n;) {
		size_t j = i + 1, v;
		struct seams_unit *x;

		while (j < n && !strcmp(ut[j].term, ut[i].term))
			j++;
		ALLOC_GROW(g->units, g->nr + 1, alloc);
		v = g->nr++;
		x = &g->units[v];
		memset(x, 0, sizeof(*x));
		x->dir = ut[i].term; /* the node's own copy */
		x->name = x->dir;
		x->folder = 1;
		g->folders_nr++;
		for (size_t k = i; k < j; k++)
			push(g, v, ut[k].unit, SIGNAL_TERMS,
			     in_layer[ut[k].unit] && ut[k].domain ? boost
								  : 1.0);
		/* the folders named for the term: cargo/ for Cargo */
		for (size_t f = folder_term_first(ft, ft_nr, x->name);
		     f < ft_nr && !strcmp(ft[f].term, x->name); f++)
			push(g, v, ft[f].unit, SIGNAL_TERMS,
			     SEAMS_TERM_FOLDER_PULL);
		i = j;
	}
	free(ft);
}

/*
 * Whether the units order[i .. j) of one folder are a layer across
 * domains (application/, persistence/jpa/, dto/: BookingService,
 * CargoInspectionService, HandlingEventService) rather than a domain of
 * its own (cargo/: Cargo, CargoFactory, CargoRepository, Leg): no term
 * leads a quarter of its units, and most of its terms lead units
 * elsewhere too. Needs terms on half of its units to judge.
 */
static int layer_folder(const size_t *order, size_t i, size_t j,
			const char **term_of, const struct strmap *term_nr)
{
	size_t with = 0, outward = 0, best = 0;

	for (size_t k = i; k < j; k++) {
		const char *t = term_of[order[k]];
		size_t same = 0;

		if (!t)
			continue;
		with++;
		for (size_t q = i; q < j; q++)
			same += term_of[order[q]] == t;
		if (same > best)
			best = same;
		outward += (uintptr_t)strmap_get(term_nr, t) > same;
	}
	if (with < 2 || 2 * with < j - i)
		return 0;
	if (best >= 2 && 4 * best >= j - i)
		return 0; /* a term of its own leads it */
	return 5 * outward >= 3 * with;
}

/*
 * dir less its trailing layer folders (names in `layers`), as a new
 * string; a layer folder at the top is kept.
 */
static char *anchor_dir(const struct strmap *layers, const char *dir)
{
	char *a = xstrdup(dir);

	while (strchr(a, '/') && strmap_get(layers, base_name(a))) {
		char *p = parent_dir(a);

		free(a);
		a = p;
	}
	return a;
}

struct dir_seen {
	const char *base; /* borrowed from dir */
	char *group; /* parent of the dir's anchored parent */
	char *anchor; /* the dir's parent, anchored */
};

static int cmp_dir_seen(const void *a, const void *b)
{
	const struct dir_seen *x = a, *y = b;
	int c = strcmp(x->base, y->base);

	if (!c)
		c = strcmp(x->group, y->group);
	return c ? c : strcmp(x->anchor, y->anchor);
}

/* Whether the last folder of dir is named for a layer or a version. */
static int layerish_dir(const char *dir)
{
	const char *b = base_name(dir);

	return seams_layer_word(b) || seams_version_word(b);
}

/*
 * Layer folders: a name such as forms/, api/ or serializers/ that
 * recurs in three or more sibling folders (netbox/dcim/forms,
 * netbox/ipam/forms, ...) is a horizontal layer of those folders, not a
 * part of its own. Siblings are judged after their own layers are taken
 * off (netbox/dcim/api/serializers_ is dcim's), so this runs until no
 * name is added. A name that recurs under unrelated parents
 * (models/repo, routers/web/repo) is a domain and stays.
 */
static void find_layers(struct strmap *layers, char **dirs, size_t n)
{
	struct dir_seen *seen = xmalloc((n ? n : 1) * sizeof(*seen));

	for (int round = 0; round < 4; round++) {
		size_t added = 0;

		for (size_t i = 0; i < n; i++) {
			char *p = parent_dir(dirs[i]);

			seen[i].base = base_name(dirs[i]);
			seen[i].anchor = anchor_dir(layers, p);
			seen[i].group = parent_dir(seen[i].anchor);
			if (!strchr(dirs[i], '/')) {
				/* a top folder is never a layer */
				free(seen[i].group);
				seen[i].group = xstrdup("\n");
			}
			free(p);
		}
		if (n)
			qsort(seen, n, sizeof(*seen), cmp_dir_seen);
		for (size_t i = 0; i < n;) {
			size_t j = i + 1, distinct = 1, in_layers;

			in_layers = layerish_dir(seen[i].anchor);
			while (j < n && !strcmp(seen[j].base, seen[i].base) &&
			       !strcmp(seen[j].group, seen[i].group)) {
				if (strcmp(seen[j].anchor,
					   seen[j - 1].anchor)) {
					distinct++;
					in_layers +=
						layerish_dir(seen[j].anchor);
				}
				j++;
			}
			/* under folders named for layers (models/user,
			 * services/user, routers/user) the name is a
			 * domain's, not a layer's */
			if (distinct >= SEAMS_LAYER_SIBLINGS &&
			    2 * in_layers < distinct &&
			    strcmp(seen[i].group, "\n") &&
			    !strmap_get(layers, seen[i].base)) {
				strmap_put(layers, seen[i].base, (void *)1);
				added++;
			}
			i = j;
		}
		for (size_t i = 0; i < n; i++) {
			free(seen[i].anchor);
			free(seen[i].group);
		}
		if (!added)
			break;
	}
	free(seen);
}

struct by_anchor {
	const struct seams_graph *g;
	char **anchor; /* per unit */
};

static int cmp_by_anchor(const void *a, const void *b, void *ctx)
{
	const struct by_anchor *k = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(k->anchor[x], k->anchor[y]);

	return c ? c : strcmp(k->g->units[x].name, k->g->units[y].name);
}

/* Adds dir and its ancestors to the set (keys owned by `dirs`). */
static void add_dirs(struct strmap *set, char ***dirs, size_t *nr,
		     size_t *alloc, const char *dir)
{
	char *d = xstrdup(dir);

	while (*d && !strmap_get(set, d)) {
		ALLOC_GROW(*dirs, *nr + 1, *alloc);
		(*dirs)[(*nr)++] = d;
		strmap_put(set, d, d);
		d = parent_dir(d);
	}
	free(d);
}


/*
 * Folder names that say which layer or kind of code a folder holds, not
 * which domain: never a domain shared across layers, never a context's
 * name.
 */
/* clang-format off */
static const char *const layer_words[] = {
	"domain", "model", "models", "application", "app", "apps",
	"infrastructure", "infra", "interfaces", "interface", "adapters",
	"adapter", "ports", "presentation", "persistence", "web", "api",
	"apis", "ui", "controllers", "controller", "services", "service",
	"repositories", "repository", "views", "view", "dto", "dtos", "impl",
	"internal", "core", "common", "shared", "util", "utils", "lib", "libs",
	"src", "main", "java", "kotlin", "scala", "test", "tests", "config",
	"support", "helpers", "helper", "messaging", "handlers", "misc",
	"types", "base", "pkg", "cmd", "modules", "module", "components",
	"features", "packages", "source", "sources", "server", "client",
	"backend", "frontend", "public", "private", "resources", "javascript",
	"js", "ts", "typescript", "python", "ruby", "golang", "csharp",
	"static", "assets", "scripts", "bin", "tools", "www", "wwwroot",
	"routers", "routes", "handlers", "mutations", "queries", "actions",
	"serializers", "policies", "validators", "workers", "jobs", "tasks",
	"mailers", "forms", "tables", "filtersets", "filters", "signals",
	"schemas", "entities", "dao", "mappers", "reducers", "selectors",
	"containers", "stores", "hooks", "slices", "libraries", "library",
	NULL,
};
/* clang-format on */

int seams_layer_word(const char *word)
{
	/* the words are lower case: another first letter rules one out */
	int c = tolower((unsigned char)word[0]);

	for (int i = 0; layer_words[i]; i++)
		if (layer_words[i][0] == c && !strcasecmp(word, layer_words[i]))
			return 1;
	return 0;
}

struct named {
	const char *name;
	size_t i;
};

/* By name (case aside), then by position. */
static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * Domains across layers: a folder name that recurs under different
 * parents (domain/model/handling and interfaces/handling;
 * models/repo and routers/web/repo) names one domain in several layers:
 * its folder nodes are tied by a node of the name, each by
 * SEAMS_DOMAIN_PULL. Layer folders and layer words are left out.
 * Folder nodes are units[first ..].
 */
static void domain_links(struct seams_graph *g, size_t first,
			 const struct strmap *layers)
{
	size_t end = g->nr, alloc = g->nr, n = 0, *group_of;
	size_t *order = xmalloc((end - first + 1) * sizeof(*order));
	struct named *named;

	for (size_t v = first; v < end; v++) {
		const char *b = base_name(g->units[v].dir);

		if (*b && !seams_layer_word(b) && !strmap_get(layers, b))
			order[n++] = v;
	}
	/*
	 * the folders of one name (case aside) side by side, each name's
	 * first folder first; each name's node is made in the order of its
	 * first folder, and linked to its folders in their order
	 */
	named = xmalloc((n ? n : 1) * sizeof(*named));
	for (size_t i = 0; i < n; i++) {
		named[i].name = base_name(g->units[order[i]].dir);
		named[i].i = i;
	}
	if (n)
		qsort(named, n, sizeof(*named), cmp_named);
	/* group_of[i]: where in named the name of folder i starts, when
	 * folder i is the first of two or more of its name */
	group_of = xmalloc((n ? n : 1) * sizeof(*group_of));
	for (size_t i = 0; i < n; i++)
		group_of[i] = SIZE_MAX;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1;
		     j < n && !strcasecmp(named[j].name, named[i].name); j++)
			;
		if (j - i >= 2)
			group_of[named[i].i] = i;
	}
	for (size_t i = 0; i < n; i++) {
		const char *b = base_name(g->units[order[i]].dir);
		size_t v, s = group_of[i];

		if (s == SIZE_MAX)
			continue;
		ALLOC_GROW(g->units, g->nr + 1, alloc);
		v = g->nr++;
		memset(&g->units[v], 0, sizeof(g->units[v]));
		g->units[v].dir = xstrdup(b);
		g->units[v].name = g->units[v].dir;
		g->units[v].folder = 1;
		g->folders_nr++;
		for (size_t k = s;
		     k < n && (k == s || !strcasecmp(named[k].name, b)); k++)
			push(g, v, order[named[k].i], SIGNAL_FOLDERS,
			     SEAMS_DOMAIN_PULL);
	}
	free(named);
	free(group_of);
	free(order);
}

/* A new node without files for directory `dir`; returns its index. */
static size_t folder_node(struct seams_graph *g, size_t *alloc,
			  const char *dir)
{
	size_t v;

	ALLOC_GROW(g->units, g->nr + 1, *alloc);
	v = g->nr++;
	memset(&g->units[v], 0, sizeof(g->units[v]));
	g->units[v].dir = xstrdup(dir);
	g->units[v].name = g->units[v].dir;
	g->units[v].folder = 1;
	g->folders_nr++;
	return v;
}

/*
 * The folder tree above the folder nodes: an item is a folder's node or
 * a unit alone in its folder, waiting to be tied to the folder above.
 */
struct folder_item {
	char *dir; /* the folder it stands for (owned) */
	char *parent; /* dir's parent (owned), read once */
	size_t depth; /* dir_depth(dir), counted once */
	size_t unit; /* the node or the lone unit */
	int node; /* a folder's node (else a lone unit) */
	int done; /* tied, or stopped at a layer */
};

struct folder_tree {
	struct folder_item *items;
	size_t nr, alloc;
	struct strmap node_of; /* dir -> folder node + 1 (keys borrowed) */
};

static size_t dir_depth(const char *dir)
{
	size_t d = *dir != '\0';

	for (; *dir; dir++)
		d += *dir == '/';
	return d;
}

/* Sets an item's folder (taking dir), its parent and its depth. */
static void item_set_dir(struct folder_item *it, char *dir)
{
	it->dir = dir;
	it->parent = parent_dir(dir);
	it->depth = dir_depth(dir);
}

static void add_item(struct folder_tree *t, const char *dir, size_t unit,
		     int node)
{
	ALLOC_GROW(t->items, t->nr + 1, t->alloc);
	item_set_dir(&t->items[t->nr], xstrdup(dir));
	t->items[t->nr].unit = unit;
	t->items[t->nr].node = node;
	t->items[t->nr].done = 0;
	t->nr++;
}

/* Whether an item still waiting at `depth` stands directly in folder p. */
static int in_folder(const struct folder_item *it, const char *p,
		     size_t depth)
{
	return !it->done && it->depth == depth && !strcmp(it->parent, p);
}

/*
 * Ties folders to the folder above them (interfaces/tracking/ws to
 * interfaces/tracking, booking/facade/dto to booking/facade): a folder
 * holds its subfolders' nodes by SEAMS_PARENT_PULL and a unit alone in a
 * subfolder by 1, and gets a node of its own when it holds two items or
 * more; one item alone passes up to the next folder. Nothing is tied to
 * a layer folder or a folder named for a layer (domain/model,
 * interfaces/, src/), so layers never join their domains together.
 * Deepest folders first.
 */
static void folder_tree(struct seams_graph *g, size_t *alloc,
			struct folder_tree *t, const struct strmap *layers)
{
	size_t depth = 0;

	for (size_t i = 0; i < t->nr; i++)
		if (t->items[i].depth > depth)
			depth = t->items[i].depth;
	for (; depth >= 2; depth--) {
		for (size_t i = 0; i < t->nr; i++) {
			char *p;
			const char *b;
			uintptr_t have;
			size_t v, count = 0;

			if (t->items[i].done || t->items[i].depth != depth)
				continue;
			p = xstrdup(t->items[i].parent);
			b = base_name(p);
			if (seams_layer_word(b) || strmap_get(layers, b)) {
				/* every item waiting directly in p stops */
				for (size_t k = i; k < t->nr; k++)
					if (in_folder(&t->items[k], p, depth))
						t->items[k].done = 1;
				free(p);
				continue;
			}
			/* the items of folder p at this depth */
			for (size_t k = i; k < t->nr; k++)
				count += in_folder(&t->items[k], p, depth);
			have = (uintptr_t)strmap_get(&t->node_of, p);
			if (!have && count < 2) {
				/* alone: it passes up */
				free(t->items[i].dir);
				free(t->items[i].parent);
				item_set_dir(&t->items[i], p);
				continue;
			}
			if (have) {
				v = have - 1;
			} else {
				v = folder_node(g, alloc, p);
				strmap_put(&t->node_of, g->units[v].dir,
					   (void *)(v + 1));
			}
			for (size_t k = i; k < t->nr; k++) {
				struct folder_item *it = &t->items[k];

				if (!in_folder(it, p, depth))
					continue;
				push(g, v, it->unit, SIGNAL_FOLDERS,
				     it->node ? SEAMS_PARENT_PULL : 1.0);
				it->done = 1;
			}
			if (!have)
				add_item(t, p, v, 1);
			free(p);
		}
	}
}

/*
 * The folder signal: each directory of two units or more gets a node of
 * its own, linked to each of its units by 1; Leiden keeps a directory
 * together unless the other signals pull its units apart. A star costs
 * one link per unit where a clique would cost d(d-1)/2 per directory,
 * and pulls each unit as much (1) towards its siblings. A unit in a
 * layer folder (find_layers()) is linked to the folder the layer belongs
 * to instead: netbox/dcim/forms/x.py to netbox/dcim, so an app is one
 * piece and its forms are not a context of all apps' forms.
 */
static void folder_links(struct seams_graph *g, const char **term_of,
			 const struct strmap *term_nr, char *in_layer)
{
	size_t *order = xmalloc((g->nr ? g->nr : 1) * sizeof(*order));
	size_t n = 0, alloc = g->nr, dirs_nr = 0, dirs_alloc = 0, nunits = g->nr;
	struct strmap set = STRMAP_INIT, layers = STRMAP_INIT;
	struct by_anchor key = { g, NULL };
	struct folder_tree tree = { NULL, 0, 0, STRMAP_INIT };
	char **dirs = NULL;

	key.anchor = xcalloc(nunits ? nunits : 1, sizeof(*key.anchor));
	for (size_t u = 0; u < nunits; u++)
		if (!g->units[u].hub && !g->units[u].follower) {
			order[n++] = u;
			add_dirs(&set, &dirs, &dirs_nr, &dirs_alloc,
				 g->units[u].dir);
		}
	find_layers(&layers, dirs, dirs_nr);
	for (size_t i = 0; i < n; i++)
		key.anchor[order[i]] = anchor_dir(&layers, g->units[order[i]].dir);
	if (n)
		qsort_r(order, n, sizeof(*order), cmp_by_anchor, &key);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, v;
		double pull;

		while (j < n && !strcmp(key.anchor[order[j]],
					key.anchor[order[i]]))
			j++;
		if (j - i < 2) {
			add_item(&tree, key.anchor[order[i]], order[i], 0);
			i = j;
			continue;
		}
		v = folder_node(g, &alloc, key.anchor[order[i]]);
		pull = term_of && layer_folder(order, i, j, term_of, term_nr) ?
			       SEAMS_LAYER_PULL :
			       1.0;
		for (size_t k = i; k < j; k++) {
			push(g, v, order[k], SIGNAL_FOLDERS, pull);
			in_layer[order[k]] = pull < 1.0;
		}
		strmap_put(&tree.node_of, g->units[v].dir, (void *)(v + 1));
		add_item(&tree, g->units[v].dir, v, 1);
		i = j;
	}
	folder_tree(g, &alloc, &tree, &layers);
	domain_links(g, nunits, &layers);
	for (size_t u = 0; u < nunits; u++)
		free(key.anchor[u]);
	free(key.anchor);
	for (size_t i = 0; i < dirs_nr; i++)
		free(dirs[i]);
	free(dirs);
	strmap_release(&set);
	strmap_release(&layers);
	strmap_release(&tree.node_of);
	for (size_t i = 0; i < tree.nr; i++) {
		free(tree.items[i].dir);
		free(tree.items[i].parent);
	}
	free(tree.items);
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

/*
 * Files of one name in two folders (dcim/forms/bulk_edit.py and
 * ipam/forms/bulk_edit.py) change together when a layer changes across
 * every domain: that coupling is the layer's, not evidence that the two
 * domains are one.
 */
static int same_file_name(const char *x, const char *y)
{
	const char *a = strrchr(x, '/'), *b = strrchr(y, '/');

	return !strcmp(a ? a + 1 : x, b ? b + 1 : y);
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
	if (s == SIGNAL_COCHANGE && same_file_name(g->units[a].name,
						   g->units[b].name))
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
	struct strmap term_nr = STRMAP_INIT;
	struct unit_term *ut = NULL;
	const char **term_of = NULL;
	size_t ut_nr = 0;
	char *in_layer;

	memset(g, 0, sizeof(*g));
	g->scan = scan;
	g->weights = *w;
	g->unit_of = xmalloc((scan->nr ? scan->nr : 1) * sizeof(*g->unit_of));
	make_units(g, scan, follow);
	static_links(g, scan, hub_share);
	if (w->w[SIGNAL_TERMS] > 0) {
		ut = find_terms(g, &ut_nr, &term_of);
		for (size_t i = 0; i < ut_nr; i++)
			strmap_put(&term_nr, ut[i].term,
				   (void *)((uintptr_t)strmap_get(&term_nr,
								  ut[i].term) +
					    1));
	}
	in_layer = xcalloc(g->nr ? g->nr : 1, 1);
	if (w->w[SIGNAL_FOLDERS] > 0)
		folder_links(g, term_of, &term_nr, in_layer);
	if (ut)
		term_links(g, ut, ut_nr, in_layer);
	free(in_layer);
	strmap_release(&term_nr);
	free(term_of);
	free(ut);
	seams_graph_finish(g);
	return 0;
}
