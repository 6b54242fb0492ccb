/*
 * Rails routes: config/routes.rb and the files config/routes/NAME.rb it
 * draws (draw :admin is a mount of config/routes/admin.rb, composed by
 * api_analyse()), read as the routing DSL: get/post/put/patch/delete/
 * match/root, namespace and scope paths, resources and resource
 * expanded to the actions they route (only:/except:, path:), their
 * nested routes, member and collection blocks, on: options and
 * concerns (concern :x do ... end, applied by concerns :x or concerns:).
 * Engines (mount, devise_for, use_doorkeeper) are left out: their
 * routes come from a gem, not from the repository.
 */
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/srctok.h"
#include "carve/strbuf.h"

enum frame_kind { F_PLAIN, F_RESOURCES, F_RESOURCE };

struct frame {
	enum frame_kind kind;
	const char *path; /* routes declared directly inside */
	const char *member; /* a resource's member path (resources only) */
	const char *collection; /* its collection path */
};

#define MAX_FRAMES 64

/* One argument of a DSL call: a symbol or string, or key: value. */
struct arg {
	const struct tok *key; /* NULL for a positional argument */
	size_t lo, hi; /* the value's tokens */
};

#define MAX_ARGS 16
#define MAX_CONCERNS 32

struct rbwalk {
	struct api_file *out;
	struct arena *arena;
	const char *file;
	struct rtoks t;
	struct frame f[MAX_FRAMES];
	int depth;
	int dry; /* reading a concern's body: no route is emitted */
	int nested; /* concerns being applied */
	int applied; /* concerns applied in the file, bounded */
	struct {
		const struct tok *name;
		size_t body; /* first token of its block */
	} concerns[MAX_CONCERNS];
	size_t concerns_nr;
};

static size_t walk(struct rbwalk *w, size_t i, int stop);

static const struct tok *at(const struct rbwalk *w, size_t i)
{
	static const struct tok eof = { TOK_EOF, 0, "", 0, 0, 0 };

	return i < w->t.nr ? &w->t.v[i] : &eof;
}

/* The name of a value of one token: :sym, "str" or ident; else NULL/0. */
static int value_name(const struct rbwalk *w, const struct arg *a,
		      const char **p, size_t *n)
{
	const struct tok *t = at(w, a->lo);

	if (tok_punct(t, ':') && a->hi == a->lo + 2)
		t = at(w, a->lo + 1);
	else if (a->hi != a->lo + 1)
		return 0;
	if (t->kind != TOK_STRING && t->kind != TOK_IDENT)
		return 0;
	*p = t->p;
	*n = t->n;
	return 1;
}

/* Does the option's value (a symbol or an array of them) name `s`? */
static int value_has(const struct rbwalk *w, const struct arg *a, const char *s)
{
	for (size_t i = a->lo; i < a->hi; i++) {
		const struct tok *t = at(w, i);

		if ((t->kind == TOK_IDENT || t->kind == TOK_STRING) &&
		    t->n == strlen(s) && !memcmp(t->p, s, t->n))
			return 1;
	}
	return 0;
}

static const struct arg *option(const struct arg *a, size_t nr, const char *key)
{
	for (size_t i = 0; i < nr; i++)
		if (a[i].key && tok_is(a[i].key, key))
			return &a[i];
	return NULL;
}

/* Splits tokens [lo, hi) into arguments; returns how many. */
static size_t parse_args(const struct rbwalk *w, size_t lo, size_t hi,
			 struct arg *a)
{
	size_t nr = 0;

	if (tok_punct(at(w, lo), '(') && w->t.match[lo] + 1 >= hi) {
		hi = w->t.match[lo];
		lo++;
	}
	while (lo < hi && nr < MAX_ARGS) {
		size_t e = lo;
		struct arg *x = &a[nr++];

		while (e < hi && !tok_punct(at(w, e), ',')) {
			if (tok_punct(at(w, e), '(') ||
			    tok_punct(at(w, e), '[') ||
			    tok_punct(at(w, e), '{'))
				e = w->t.match[e];
			e++;
		}
		x->key = NULL;
		x->lo = lo;
		x->hi = e < hi ? e : hi;
		/* key: value */
		if (at(w, lo)->kind == TOK_IDENT &&
		    tok_punct(at(w, lo + 1), ':') &&
		    !(tok_punct(at(w, lo + 2), ':') &&
		      at(w, lo + 2)->p == at(w, lo + 1)->p + 1) &&
		    lo + 2 <= x->hi) {
			x->key = at(w, lo);
			x->lo = lo + 2;
		} else if ((tok_punct(at(w, lo), ':') ||
			    at(w, lo)->kind == TOK_STRING)) {
			/* :key => value, or "path" => "c#a" */
			size_t k = tok_punct(at(w, lo), ':') ? lo + 2 : lo + 1;

			if (tok_punct(at(w, k), '=') &&
			    tok_punct(at(w, k + 1), '>')) {
				if (tok_punct(at(w, lo), ':')) {
					x->key = at(w, lo + 1);
					x->lo = k + 2;
				} else {
					x->hi = k;
				}
			}
		}
		lo = e + 1;
	}
	return nr;
}

static void emit(struct rbwalk *w, const char *method, const char *base,
		 const char *p, size_t n, unsigned line)
{
	const char *full;

	if (w->dry)
		return;
	full = path_join(w->arena, base, p, n);
	if (!*full)
		full = "/";
	else if (*full != '/')
		full = path_join(w->arena, "/", full, strlen(full));
	api_file_add(w->out, w->arena, method, full, strlen(full), "rails",
		     line);
}

static struct frame *top(struct rbwalk *w)
{
	return &w->f[w->depth];
}

static void push(struct rbwalk *w, enum frame_kind kind, const char *path,
		 const char *member, const char *collection)
{
	struct frame *f;

	if (w->depth + 1 >= MAX_FRAMES)
		return;
	f = &w->f[++w->depth];
	f->kind = kind;
	f->path = path;
	f->member = member;
	f->collection = collection;
}

/* Applications of concerns in one file: a concern naming itself stops. */
#define MAX_CONCERN_USES 256

/* concerns :a, :b (or concerns: [:a]): their routes, in the current frame. */
static void apply_concerns(struct rbwalk *w, const struct arg *a, size_t nr,
			   int option)
{
	if (w->nested > 8)
		return;
	for (size_t i = 0; i < nr; i++) {
		if (option ? !(a[i].key && tok_is(a[i].key, "concerns"))
			   : a[i].key != NULL)
			continue;
		for (size_t k = a[i].lo; k < a[i].hi; k++) {
			const struct tok *t = at(w, k);

			if (t->kind != TOK_IDENT && t->kind != TOK_STRING)
				continue;
			for (size_t c = 0; c < w->concerns_nr; c++) {
				const struct tok *n = w->concerns[c].name;
				const struct frame *f = top(w);

				if (n->n != t->n || memcmp(n->p, t->p, t->n))
					continue;
				if (w->applied++ >= MAX_CONCERN_USES)
					return;
				push(w, f->kind, f->path, f->member,
				     f->collection);
				w->nested++;
				walk(w, w->concerns[c].body, w->depth);
				w->nested--;
			}
		}
	}
}

/* resources :a, :b / resource :a, with their actions; the block's frame. */
static void resources(struct rbwalk *w, int plural, const struct arg *a,
		      size_t nr, unsigned line, int block)
{
	static const char *const actions[] = { "index",	 "create", "new",
					       "edit",	 "show",   "update",
					       "update", "destroy" };
	static const char *const methods[] = {
		"GET", "POST", "GET", "GET", "GET", "PATCH", "PUT", "DELETE"
	};
	const struct arg *only = option(a, nr, "only"),
			 *except = option(a, nr, "except"),
			 *path = option(a, nr, "path");
	const char *base = top(w)->path, *coll = NULL, *member = NULL;

	for (size_t i = 0; i < nr; i++) {
		const char *p;
		size_t n;

		if (a[i].key || !value_name(w, &a[i], &p, &n))
			continue;
		if (path)
			value_name(w, path, &p, &n);
		coll = path_join(w->arena, base, "/", 1);
		coll = path_join(w->arena, coll, p, n);
		member = plural ? path_join(w->arena, coll, "/:id", 4) : coll;
		for (size_t k = 0; k < 8; k++) {
			const char *target;

			if (!plural && !strcmp(actions[k], "index"))
				continue;
			if (only && !value_has(w, only, actions[k]))
				continue;
			if (except && value_has(w, except, actions[k]))
				continue;
			if (!strcmp(actions[k], "new"))
				target = path_join(w->arena, coll, "/new", 4);
			else if (!strcmp(actions[k], "edit"))
				target =
					path_join(w->arena, member, "/edit", 5);
			else if (!strcmp(actions[k], "index") ||
				 !strcmp(actions[k], "create"))
				target = coll;
			else
				target = member;
			emit(w, methods[k], "", target, strlen(target), line);
		}
	}
	if (!coll) {
		if (block)
			push(w, F_PLAIN, base, NULL, NULL);
		return;
	}
	if (!block && !option(a, nr, "concerns"))
		return;
	push(w, plural ? F_RESOURCES : F_RESOURCE,
	     plural ? path_join(w->arena, coll, "/:parent_id", 11) : coll,
	     member, coll);
	/* resources :posts, concerns: :commentable */
	apply_concerns(w, a, nr, 1);
	if (!block)
		w->depth--;
}

/* get/post/.../match "path" or :name, with on: and via: */
static void verb_route(struct rbwalk *w, const char *method,
		       const struct arg *a, size_t nr, unsigned line)
{
	const struct arg *on = option(a, nr, "on"), *via = option(a, nr, "via");
	const struct frame *f = top(w);
	const char *base = f->path, *p;
	size_t n;

	if (!nr || a[0].key || !value_name(w, &a[0], &p, &n))
		return;
	if (on && f->member && value_has(w, on, "member"))
		base = f->member;
	else if (on && f->collection && value_has(w, on, "collection"))
		base = f->collection;
	if (!strcmp(method, "MATCH")) {
		static const char *const v[] = { "get", "post", "put", "patch",
						 "delete" };
		static const char *const m[] = { "GET", "POST", "PUT", "PATCH",
						 "DELETE" };
		int any = 1;

		for (size_t k = 0; via && k < 5; k++)
			if (value_has(w, via, v[k])) {
				emit(w, m[k], path_join(w->arena, base, "/", 1),
				     p, n, line);
				any = 0;
			}
		if (any)
			emit(w, "ANY", path_join(w->arena, base, "/", 1), p, n,
			     line);
		return;
	}
	emit(w, method, path_join(w->arena, base, "/", 1), p, n, line);
}

/* The routes directory of a routes file: "config/routes/". */
static void draw(struct rbwalk *w, const struct arg *a, size_t nr,
		 unsigned line)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end;
	size_t n;

	if (w->dry || !nr || a[0].key || !value_name(w, &a[0], &p, &n))
		return;
	end = strstr(w->file, "config/routes");
	strbuf_addstr(&sb, "file:");
	if (end)
		strbuf_add(&sb, w->file, (size_t)(end - w->file));
	strbuf_addstr(&sb, "config/routes/");
	strbuf_add(&sb, p, n);
	strbuf_addstr(&sb, ".rb");
	api_file_add_mount(w->out, w->arena, top(w)->path, sb.buf, line);
	strbuf_release(&sb);
}

/* One statement: tokens [i, e), with a do-block after it when `block`. */
static void statement(struct rbwalk *w, size_t i, size_t e, int block)
{
	static const char *const verbs[] = { "get",   "post",	"put",
					     "patch", "delete", "match" };
	static const char *const methods[] = { "GET",	"POST",	  "PUT",
					       "PATCH", "DELETE", "MATCH" };
	const struct tok *t = at(w, i);
	struct arg a[MAX_ARGS];
	size_t nr = parse_args(w, i + 1, e, a);
	const struct frame *f = top(w);
	const char *p;
	size_t n;

	for (size_t k = 0; k < sizeof(verbs) / sizeof(*verbs); k++)
		if (tok_is(t, verbs[k])) {
			verb_route(w, methods[k], a, nr, t->line);
			if (block)
				push(w, F_PLAIN, f->path, NULL, NULL);
			return;
		}
	if (tok_is(t, "root")) {
		emit(w, "GET", f->path, "/", 1, t->line);
	} else if (tok_is(t, "resources") || tok_is(t, "resource")) {
		resources(w, tok_is(t, "resources"), a, nr, t->line, block);
		return;
	} else if (tok_is(t, "namespace") && nr && !a[0].key &&
		   value_name(w, &a[0], &p, &n)) {
		const struct arg *path = option(a, nr, "path");

		if (path)
			value_name(w, path, &p, &n);
		if (block) {
			push(w, F_PLAIN,
			     path_join(w->arena,
				       path_join(w->arena, f->path, "/", 1), p,
				       n),
			     NULL, NULL);
			return;
		}
	} else if (tok_is(t, "scope") && block) {
		const struct arg *path = option(a, nr, "path");
		const char *base = f->path;

		if (nr && !a[0].key && value_name(w, &a[0], &p, &n))
			path = &a[0];
		if (path && value_name(w, path, &p, &n))
			base = path_join(w->arena,
					 path_join(w->arena, base, "/", 1), p,
					 n);
		push(w, F_PLAIN, base, NULL, NULL);
		return;
	} else if ((tok_is(t, "member") || tok_is(t, "collection")) && block &&
		   f->member) {
		const char *base = tok_is(t, "member") ? f->member
						       : f->collection;

		push(w, F_PLAIN, base, base, base);
		return;
	} else if (tok_is(t, "draw")) {
		draw(w, a, nr, t->line);
	} else if (tok_is(t, "concerns")) {
		apply_concerns(w, a, nr, 0);
	}
	if (block)
		push(w, F_PLAIN, f->path, f->member, f->collection);
}

static int opens_block(const struct tok *t)
{
	static const char *const kw[] = { "if",	   "unless", "while",
					  "until", "case",   "def",
					  "class", "module", "begin" };

	for (size_t i = 0; i < sizeof(kw) / sizeof(*kw); i++)
		if (tok_is(t, kw[i]))
			return 1;
	return 0;
}

/* The first token of a do-block's body: after "do" and any |params|. */
static size_t block_body(const struct rbwalk *w, size_t e)
{
	e++;
	if (tok_punct(at(w, e), '|')) {
		e++;
		while (e < w->t.nr && !tok_punct(at(w, e), '|'))
			e++;
		e++;
	}
	return e;
}

/*
 * Reads statements from token i until an `end` closes a frame below
 * depth `stop` (returns the index after it) or the file ends.
 */
static size_t walk(struct rbwalk *w, size_t i, int stop)
{
	while (i < w->t.nr) {
		const struct tok *t = at(w, i);
		size_t e = i + 1;
		int block = 0;

		if (tok_is(t, "end")) {
			if (w->depth)
				w->depth--;
			i++;
			if (w->depth < stop)
				return i;
			continue;
		}
		/* the statement runs to the next line not continuing it */
		while (e < w->t.nr) {
			const struct tok *x = at(w, e);

			if (tok_is(x, "do")) {
				block = 1;
				break;
			}
			if ((x->flags & TOK_BOL) &&
			    !tok_punct(at(w, e - 1), ',') &&
			    !tok_punct(at(w, e - 1), '\\') &&
			    !tok_punct(at(w, e - 1), '>'))
				break;
			if (tok_punct(x, '(') || tok_punct(x, '[') ||
			    tok_punct(x, '{'))
				e = w->t.match[x - w->t.v];
			e++;
		}
		if (block && tok_is(t, "concern") &&
		    tok_punct(at(w, i + 1), ':')) {
			/* concern :name do ... end: read when applied */
			size_t body = block_body(w, e), c;

			/* the last definition of a name wins; none is made
			 * while a concern is applied */
			for (c = 0; c < w->concerns_nr; c++)
				if (w->concerns[c].name->n == at(w, i + 2)->n &&
				    !memcmp(w->concerns[c].name->p,
					    at(w, i + 2)->p, at(w, i + 2)->n))
					break;
			if (!w->nested && c < MAX_CONCERNS) {
				w->concerns[c].name = at(w, i + 2);
				w->concerns[c].body = body;
				if (c == w->concerns_nr)
					w->concerns_nr++;
			}
			push(w, F_PLAIN, top(w)->path, NULL, NULL);
			w->dry++;
			i = walk(w, body, w->depth);
			w->dry--;
			continue;
		}
		if (t->kind == TOK_IDENT && opens_block(t)) {
			push(w, F_PLAIN, top(w)->path, top(w)->member,
			     top(w)->collection);
		} else if (t->kind == TOK_IDENT) {
			statement(w, i, e, block);
		} else if (block) {
			push(w, F_PLAIN, top(w)->path, top(w)->member,
			     top(w)->collection);
		}
		i = block ? block_body(w, e) : e;
	}
	return i;
}

void routes_ruby(struct api_file *out, struct arena *arena, const char *path,
		 const struct language *lang, const char *buf, size_t len)
{
	struct rbwalk w = { 0 };
	int drawn = strstr(path, "config/routes/") != NULL;

	if (!drawn && !strstr(buf, "Rails.application.routes") &&
	    !strstr(buf, "routes.draw"))
		return;
	w.out = out;
	w.arena = arena;
	w.file = path;
	w.f[0].path = "";
	rtoks_init(&w.t, lang, buf, len);
	walk(&w, 0, 0);
	rtoks_release(&w.t);
}
