/*
 * The API surface analysis: reads every counted file for declared
 * endpoints, maps each to the context serving it, and finds the other
 * contexts whose code names its path in a string literal (a call, or a
 * client of it). Paths match segment by segment from the end, any
 * parameter (<id>, {id}, :id) matching any segment, so a blueprint's
 * prefix unknown to the declaration still matches a full URL.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/api.h"
#include "carve/api_analysis.h"
#include "carve/arena.h"
#include "carve/pool.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct api_priv {
	struct api_report r;
	struct api_file *files;
	struct arena *arenas;
	int threads;
};

struct api_run {
	const struct scan *scan;
	struct api_file *files;
	struct arena *arenas;
	size_t read;
};

static void extract_one(void *ctx, size_t f, int worker)
{
	struct api_run *run = ctx;
	const struct scan_file *sf = &run->scan->files[f];
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;

	if (sf->status != FILE_COUNTED || !sf->lang)
		return;
	strbuf_addf(&path, "%s/%s", run->scan->root, sf->path);
	if (!strbuf_read_file(&buf, path.buf,
			      run->scan->max_file_size
				      ? (size_t)run->scan->max_file_size
				      : SCAN_DEFAULT_MAX_FILE_SIZE)) {
		routes_extract(&run->files[f], &run->arenas[worker], sf->path,
			       sf->lang, buf.buf, buf.len);
		__atomic_add_fetch(&run->read, 1, __ATOMIC_RELAXED);
	}
	strbuf_release(&path);
	strbuf_release(&buf);
}

static int is_param(const char *s, size_t n)
{
	return n && (s[0] == '<' || s[0] == '{' || s[0] == ':' || s[0] == '(' ||
		     s[0] == '*' || s[0] == '^');
}

/* Segments of a path, trailing slash and regex anchors ignored. */
static size_t split(const char *p, const char **seg, size_t *len, size_t max)
{
	size_t nr = 0;

	while (*p && nr < max) {
		const char *s;

		while (*p == '/' || *p == '^')
			p++;
		if (!*p || *p == '$')
			break;
		s = p;
		while (*p && *p != '/' && *p != '?' && *p != '$')
			p++;
		seg[nr] = s;
		len[nr++] = (size_t)(p - s);
		if (*p == '?')
			break;
	}
	return nr;
}

#define API_MAX_SEGMENTS 32

/*
 * Does the literal `call` name endpoint `ep`? Every segment of the
 * endpoint matches the last segments of the call, with at least one
 * literal segment among them.
 */
static int path_matches(const char *ep, const char *call)
{
	const char *es[API_MAX_SEGMENTS], *cs[API_MAX_SEGMENTS];
	size_t el[API_MAX_SEGMENTS], cl[API_MAX_SEGMENTS];
	size_t en = split(ep, es, el, API_MAX_SEGMENTS);
	size_t cn = split(call, cs, cl, API_MAX_SEGMENTS);
	int literal = 0;

	if (!en || cn < en)
		return 0;
	for (size_t i = 0; i < en; i++) {
		size_t e = en - 1 - i, c = cn - 1 - i;

		if (is_param(es[e], el[e]))
			continue;
		if (el[e] != cl[c] || memcmp(es[e], cs[c], el[e]))
			return 0;
		literal = 1;
	}
	return literal;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct api_entry *x = a, *y = b;
	int c;

	if (x->context != y->context)
		return x->context < y->context ? -1 : 1;
	if ((c = strcmp(x->ep->path, y->ep->path)))
		return c;
	if ((c = strcmp(x->ep->method, y->ep->method)))
		return c;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->ep->line < y->ep->line ? -1 : x->ep->line > y->ep->line;
}

static int http(const struct api_endpoint *ep)
{
	return ep->path[0] != '\0' && strcmp(ep->framework, "graphql") &&
	       strcmp(ep->framework, "graphene");
}

int api_analyse(struct api_report **out, const struct scan *scan,
		const struct seams *seams, int threads)
{
	struct api_priv *p = xcalloc(1, sizeof(*p));
	struct api_report *r = &p->r;
	struct api_run run = { 0 };
	size_t n = 0;

	if (threads < 1)
		threads = pool_default_threads();
	r->scan = scan;
	r->seams = seams;
	p->threads = threads;
	p->files = xcalloc(scan->nr ? scan->nr : 1, sizeof(*p->files));
	p->arenas = xcalloc((size_t)threads, sizeof(*p->arenas));
	run.scan = scan;
	run.files = p->files;
	run.arenas = p->arenas;
	pool_for(scan->nr, threads, extract_one, &run);
	r->files_read = run.read;
	r->contexts_nr = seams->nr;
	r->per_context = xcalloc(seams->nr ? seams->nr : 1, sizeof(size_t));
	for (size_t f = 0; f < scan->nr; f++)
		n += p->files[f].nr;
	r->entries = xcalloc(n ? n : 1, sizeof(*r->entries));
	for (size_t f = 0; f < scan->nr; f++)
		for (size_t i = 0; i < p->files[f].nr; i++) {
			struct api_entry *e = &r->entries[r->nr++];

			e->ep = &p->files[f].ep[i];
			e->file = f;
			e->context = seams->context_of[f];
			if (e->context >= 0)
				r->per_context[e->context]++;
		}
	qsort(r->entries, r->nr, sizeof(*r->entries), entry_cmp);
	for (size_t i = 0; i < r->nr; i++) {
		struct api_entry *e = &r->entries[i];
		unsigned char *seen;

		if (!http(e->ep))
			continue;
		seen = xcalloc(seams->nr ? seams->nr : 1, 1);
		for (size_t f = 0; f < scan->nr; f++) {
			long c = seams->context_of[f];
			const struct api_file *af = &p->files[f];

			if (c < 0 || c == e->context)
				continue;
			for (size_t k = 0; k < af->calls_nr; k++) {
				if (!path_matches(e->ep->path,
						  af->calls[k].path))
					continue;
				e->calls++;
				r->calls++;
				seen[c] = 1;
			}
		}
		for (size_t c = 0; c < seams->nr; c++)
			if (seen[c]) {
				e->callers = xreallocarray(e->callers,
							   e->callers_nr + 1,
							   sizeof(size_t));
				e->callers[e->callers_nr++] = c;
			}
		free(seen);
	}
	*out = r;
	return 0;
}

void api_report_free(struct api_report *r)
{
	struct api_priv *p = (struct api_priv *)r;

	if (!r)
		return;
	for (size_t i = 0; i < r->nr; i++)
		free(r->entries[i].callers);
	free(r->entries);
	free(r->per_context);
	for (size_t f = 0; f < r->scan->nr; f++)
		api_file_release(&p->files[f]);
	free(p->files);
	for (int w = 0; w < p->threads; w++)
		arena_release(&p->arenas[w]);
	free(p->arenas);
	free(p);
}
