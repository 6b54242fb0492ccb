/*
 * The C# resolver: using directives against the namespaces the files of
 * the repository declare; the rest is an external package, named by its
 * first component.
 */
#include <string.h>

#include "carve/deps.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

static int lang_is(const struct scan_file *f, const char *name)
{
	return f->status == FILE_COUNTED && f->lang &&
	       !strcmp(f->lang->name, name);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}


struct cs_files {
	size_t *files;
	size_t nr, alloc;
};

struct cs_state {
	struct strmap namespaces; /* A.B -> struct cs_files declaring it */
	struct strmap prefixes; /* A, A.B: declared or enclosing one */
};

int resolve_csharp_prepare(struct resolver *r)
{
	struct cs_state *st = NULL;

	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		if (!lang_is(f, "C#"))
			continue;
		if (!st) {
			st = xcalloc(1, sizeof(*st));
			r->csharp = st;
		}
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			struct cs_files *files;
			char *key;

			if (!(d->flags & DEP_DECLARES))
				continue;
			files = strmap_get(&st->namespaces, d->target);
			if (!files) {
				key = arena_strdup(&r->arena, d->target);
				files = arena_alloc(&r->arena, sizeof(*files));
				strmap_put(&st->namespaces, key, files);
				for (char *p = key; *p; p++) {
					char *pre;

					if (*p != '.')
						continue;
					pre = arena_strndup(&r->arena, key,
							    (size_t)(p - key));
					strmap_put(&st->prefixes, pre, files);
				}
				strmap_put(&st->prefixes, key, files);
			}
			if (!files->nr || files->files[files->nr - 1] != i) {
				ALLOC_GROW(files->files, files->nr + 1,
					   files->alloc);
				files->files[files->nr++] = i;
			}
		}
	}
	return 0;
}

/*
 * Type `name` (A.B.C): the files of namespace A.B named C.cs (or
 * C.*.cs, partial classes), else with `fallback` (using static: the
 * class is surely there, in a file named otherwise) every file of A.B.
 * Returns 0 when none is found.
 */
static int cs_type(struct resolver *r, const struct cs_state *st,
		   const char *name, int fallback, struct resolve_out *out)
{
	const char *dot = strrchr(name, '.');
	struct strbuf ns = STRBUF_INIT;
	const struct cs_files *files;
	size_t n;

	if (!dot)
		return 0;
	strbuf_add(&ns, name, (size_t)(dot - name));
	files = strmap_get(&st->namespaces, ns.buf);
	strbuf_release(&ns);
	if (!files)
		return 0;
	n = strlen(dot + 1);
	for (size_t i = 0; i < files->nr; i++) {
		const char *base =
			base_name(r->scan->files[files->files[i]].path);

		if (!strncmp(base, dot + 1, n) && base[n] == '.')
			resolve_out_add(out, files->files[i]);
	}
	if (!out->nr && fallback)
		for (size_t i = 0; i < files->nr; i++)
			resolve_out_add(out, files->files[i]);
	return out->nr > 0;
}

/*
 * True when `name` is a declared namespace, encloses one (Acme for
 * Acme.Orders), or lies in one (Acme.Orders.Missing).
 */
static int cs_in_repo(const struct cs_state *st, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	strbuf_addstr(&sb, name);
	for (;;) {
		char *dot;

		if (strmap_get(&st->prefixes, sb.buf) &&
		    (sb.len == strlen(name) ||
		     strmap_get(&st->namespaces, sb.buf))) {
			ret = 1;
			break;
		}
		dot = strrchr(sb.buf, '.');
		if (!dot)
			break;
		strbuf_setlen(&sb, (size_t)(dot - sb.buf));
	}
	strbuf_release(&sb);
	return ret;
}

void resolve_csharp(struct resolver *r, size_t from, const struct dep_ref *d,
		    struct resolve_out *out)
{
	const struct cs_state *st = r->csharp;
	const struct cs_files *files;
	const char *t = d->target;

	(void)from;
	if (!st || d->kind != DEP_IMPORT || (d->flags & DEP_DECLARES) || !*t)
		return;
	if (!(d->flags & DEP_STATIC)) {
		files = strmap_get(&st->namespaces, t);
		if (files) {
			for (size_t i = 0; i < files->nr; i++)
				resolve_out_add(out, files->files[i]);
			return;
		}
	}
	/* using static A.B.C, or an alias of a type: using X = A.B.C */
	if (cs_type(r, st, t, d->flags & DEP_STATIC, out))
		return;
	if (cs_in_repo(st, t))
		return; /* of the repository, in no file found: unresolved */
	resolve_out_external(r, out, t, strcspn(t, "."));
}

void resolve_csharp_release(struct resolver *r)
{
	struct cs_state *st = r->csharp;
	struct strmap_entry *e;

	if (!st)
		return;
	strmap_for_each (&st->namespaces, e) {
		struct cs_files *f = e->value;

		free(f->files);
	}
	strmap_release(&st->namespaces);
	strmap_release(&st->prefixes);
	free(st);
	r->csharp = NULL;
}
