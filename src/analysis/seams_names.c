/*
 * The names of carve seams' contexts: a context is named for its main
 * folder (the one holding most of its code), or, when it is a slice
 * across folders or its folder only names a layer, for the most
 * distinctive domain term of its files beside that folder
 * ("saleor:order", "app/models:status"). Names are unique and never
 * numbered.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carve/role.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/seams_domain.h"
#include "carve/seams_graph.h"
#include "carve/seams_names.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* Files and code lines a directory holds itself. */
struct dirstat {
	size_t files;
	unsigned long code;
};

/* Depth of a directory: its slashes, -1 for the root ("."). */
static int depth(const char *dir)
{
	int d = 0;

	if (!strcmp(dir, "."))
		return -1;
	for (; *dir; dir++)
		d += *dir == '/';
	return d;
}

/*
 * The deepest directory other than the root whose tree holds at least
 * half of a context's `total` files (then the one with more files, then
 * the first by name), or NULL. dirs[i] directly holds files[i] files.
 * With `heaviest` set, the directory whose tree holds the most code
 * (a file weighing its code lines and 1) instead, the deepest of equals.
 */
static char *deepest_half(char **dirs, const struct dirstat *stats, size_t n,
			  size_t total, int heaviest)
{
	struct strmap tree = STRMAP_INIT;
	struct strmap_entry *e;
	size_t *counts = xcalloc(n * 32 + 1, sizeof(*counts)), used = 0;
	char **keys = xcalloc(n * 32 + 1, sizeof(*keys));
	const char *best = NULL;
	size_t best_files = 0;
	char *ret = NULL;

	for (size_t i = 0; i < n; i++) {
		const char *d = dirs[i];
		int levels = 0;

		if (!strcmp(d, "."))
			continue;
		/* the directory and each ancestor, up to 32 levels */
		for (const char *p = d + strlen(d); levels < 32; levels++) {
			char *key = xstrndup(d, (size_t)(p - d));
			size_t *c = strmap_get(&tree, key);

			if (!c) {
				keys[used] = key;
				c = &counts[used++];
				strmap_put(&tree, key, c);
			} else {
				free(key);
			}
			*c += heaviest ? stats[i].code + stats[i].files
				       : stats[i].files;
			while (p > d && *--p != '/')
				;
			if (p == d)
				break;
		}
	}
	strmap_for_each (&tree, e) {
		size_t files = *(size_t *)e->value;

		if (heaviest) {
			if (!best || files > best_files ||
			    (files == best_files &&
			     (depth(e->key) > depth(best) ||
			      (depth(e->key) == depth(best) &&
			       strcmp(e->key, best) < 0)))) {
				best = e->key;
				best_files = files;
			}
			continue;
		}
		if (files * 2 < total)
			continue;
		if (!best || depth(e->key) > depth(best) ||
		    (depth(e->key) == depth(best) &&
		     (files > best_files ||
		      (files == best_files && strcmp(e->key, best) < 0)))) {
			best = e->key;
			best_files = files;
		}
	}
	if (best)
		ret = xstrdup(best);
	for (size_t i = 0; i < used; i++)
		free(keys[i]);
	free(keys);
	free(counts);
	strmap_release(&tree);
	return ret;
}

/*
 * The main folder of a context: the deepest directory whose tree holds
 * at least half of its files; when only the root does, the one whose
 * tree holds most code (not most files: a folder of twenty small
 * commands is not the main folder of a billing library and its views),
 * else the root.
 */
static char *dominant_dir(const struct seams *s, const struct seams_context *x)
{
	struct strmap dirs = STRMAP_INIT;
	struct strmap_entry *e;
	struct dirstat *stats = xcalloc(x->files_nr + 1, sizeof(*stats));
	char **names = xcalloc(x->files_nr + 1, sizeof(*names));
	size_t n = 0, counted = 0;
	const char *best = NULL;
	struct dirstat *bs = NULL;
	char *ret;
	int code_only = 0;

	/* tests and migrations that joined the code do not name it */
	for (size_t j = 0; j < x->files_nr && !code_only; j++)
		code_only = file_role(s->scan->files[x->files[j]].path) ==
			    ROLE_CODE;
	for (size_t j = 0; j < x->files_nr; j++) {
		const struct scan_file *f = &s->scan->files[x->files[j]];
		const char *slash = strrchr(f->path, '/');
		char *dir;
		struct dirstat *st;

		if (code_only && file_role(f->path) != ROLE_CODE)
			continue;
		counted++;
		dir = slash ? xstrndup(f->path, (size_t)(slash - f->path))
			    : xstrdup(".");
		st = strmap_get(&dirs, dir);

		if (!st) {
			names[n] = dir;
			st = &stats[n++];
			strmap_put(&dirs, dir, st);
		} else {
			free(dir);
		}
		st->files++;
		st->code += f->counts.code;
	}
	strmap_for_each (&dirs, e) {
		struct dirstat *st = e->value;

		if (!bs || st->files > bs->files ||
		    (st->files == bs->files &&
		     (st->code > bs->code ||
		      (st->code == bs->code && strcmp(e->key, best) < 0)))) {
			bs = st;
			best = e->key;
		}
	}
	ret = deepest_half(names, stats, n, counted, 0);
	if (!ret)
		ret = deepest_half(names, stats, n, counted, 1);
	if (!ret)
		ret = xstrdup(best ? best : ".");
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(stats);
	strmap_release(&dirs);
	return ret;
}

/* The words of one path already counted (at most WORDS_SEEN). */
#define WORDS_SEEN 64
struct words_seen {
	char *word[WORDS_SEEN];
	size_t nr;
};

/* Counts word w (n bytes, any case) into `words` unless `seen` has it. */
static void add_word(struct strmap *words, char ***keys, size_t *nr,
		     size_t *alloc, struct words_seen *seen, const char *w,
		     size_t n)
{
	char buf[64];
	uintptr_t c;

	if (!n || n >= sizeof(buf) || seen->nr == WORDS_SEEN)
		return;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)w[i]);
	buf[n] = '\0';
	for (size_t k = 0; k < seen->nr; k++)
		if (!strcmp(seen->word[k], buf))
			return;
	seen->word[seen->nr++] = xstrdup(buf);
	c = (uintptr_t)strmap_get(words, buf);
	if (!c) {
		ALLOC_GROW(*keys, *nr + 1, *alloc);
		(*keys)[(*nr)++] = xstrdup(buf);
	}
	/* a key already there is kept: buf only finds it */
	strmap_put(words, c ? buf : (*keys)[*nr - 1], (void *)(c + 1));
}

/*
 * Adds each word of path (its folders, the parts of a dotted folder
 * name such as Nop.Plugin.Payments.Manual, its lead term) to `words`
 * once.
 */
static void path_words(struct strmap *words, char ***keys, size_t *nr,
		       size_t *alloc, const char *path)
{
	struct words_seen seen = { { NULL }, 0 };
	char buf[64];
	const char *p = path, *slash;

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);
		const char *q = p, *dot;

		add_word(words, keys, nr, alloc, &seen, p, n);
		while ((dot = memchr(q, '.', (size_t)(slash - q)))) {
			if (dot - q >= 3)
				add_word(words, keys, nr, alloc, &seen, q,
					 (size_t)(dot - q));
			q = dot + 1;
		}
		if (q != p && slash - q >= 3)
			add_word(words, keys, nr, alloc, &seen, q,
				 (size_t)(slash - q));
		p = slash + 1;
	}
	if (seams_lead_term(buf, sizeof(buf), path))
		add_word(words, keys, nr, alloc, &seen, buf, strlen(buf));
	for (size_t k = 0; k < seen.nr; k++)
		free(seen.word[k]);
}

/*
 * The name of a context: its folder (dominant_dir()) when at least
 * SEAMS_NAME_COVER of its code files sit under it; else it is a
 * vertical slice across folders (saleor/order/ and
 * saleor/graphql/order/), named by the word that most of its code files
 * share in their folders or file names, more of them than its folder
 * holds, and that is neither common to the repository nor a layer's
 * ("order"), after the folder all of them share: "saleor:order".
 */
/*
 * Whether the first `len` bytes of path hold `word` as a folder name, or
 * as a dotted part of one (Nop.Services says "services").
 */
static int has_component(const char *path, size_t len, const char *word)
{
	size_t w = strlen(word);

	for (size_t i = 0; i + w <= len; i++)
		if ((i == 0 || path[i - 1] == '/' || path[i - 1] == '.') &&
		    !strncasecmp(path + i, word, w) &&
		    (i + w == len || path[i + w] == '/' || path[i + w] == '.'))
			return 1;
	return 0;
}

static char *slice_name(const struct seams *s, const struct seams_context *x,
			const struct strmap *repo_words, size_t repo_code)
{
	char *dir = dominant_dir(s, x), **keys = NULL, *ret = NULL;
	struct strmap words = STRMAP_INIT;
	struct strmap_entry *e;
	size_t n = strlen(dir), code = 0, under = 0, nr = 0, alloc = 0;
	size_t best_n = 0, common = SIZE_MAX;
	const char *best = NULL, *first = NULL;

	for (size_t j = 0; j < x->files_nr; j++) {
		const char *path = s->scan->files[x->files[j]].path;

		if (file_role(path) != ROLE_CODE)
			continue;
		code++;
		under += !strcmp(dir, ".") ||
			 (!strncmp(path, dir, n) && path[n] == '/');
		path_words(&words, &keys, &nr, &alloc, path);
		/* the folder all its code files share */
		if (!first) {
			const char *slash = strrchr(path, '/');

			first = path;
			common = slash ? (size_t)(slash - path) : 0;
		} else {
			size_t k = 0;

			while (k < common && path[k] == first[k])
				k++;
			while (k > 0 && k < common && first[k] != '/')
				k--;
			if (k < common)
				common = k;
		}
	}
	if (code < 4 || (double)under >= SEAMS_NAME_COVER * (double)code)
		goto done;
	strmap_for_each (&words, e) {
		size_t in = (uintptr_t)e->value;

		/* a word of most of the repository's files (the project's
		 * own folder, src, main) says nothing; nor one of a few */
		if (2 * in < code || in <= under ||
		    2 * (uintptr_t)strmap_get(repo_words, e->key) > repo_code ||
		    seams_layer_word(e->key) ||
		    (common != SIZE_MAX &&
		     has_component(first, common, e->key)))
			continue;
		if (!best || in > best_n ||
		    (in == best_n && strcmp(e->key, best) < 0)) {
			best = e->key;
			best_n = in;
		}
	}
	if (best) {
		struct strbuf sb = STRBUF_INIT;

		if (common && common != SIZE_MAX)
			strbuf_addf(&sb, "%.*s:", (int)common, first);
		strbuf_addstr(&sb, best);
		ret = strbuf_detach(&sb, NULL);
	}
done:
	for (size_t k = 0; k < nr; k++)
		free(keys[k]);
	free(keys);
	strmap_release(&words);
	if (!ret)
		return dir;
	free(dir);
	return ret;
}

static int cmp_context(const void *a, const void *b)
{
	const struct seams_context *x = a, *y = b;

	if (x->kernel != y->kernel)
		return x->kernel ? -1 : 1;
	if (x->unlinked != y->unlinked)
		return x->unlinked ? 1 : -1;
	if ((x->role == ROLE_PLATFORM) != (y->role == ROLE_PLATFORM))
		return x->role == ROLE_PLATFORM ? 1 : -1;
	if (x->code != y->code)
		return x->code < y->code ? 1 : -1;
	if (x->files_nr != y->files_nr)
		return x->files_nr < y->files_nr ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* Whether a folder word says "tests": never a context's name. */
static int test_word(const char *w)
{
	static const char *const words[] = { "test",  "tests", "testing",
					     "spec",  "specs", "fixtures",
					     "mock",  "mocks", "fake",
					     "fakes", "stub",  "stubs",
					     NULL };

	for (int i = 0; words[i]; i++)
		if (!strcasecmp(w, words[i]))
			return 1;
	return 0;
}

/*
 * The most distinctive domain term of context i (see seams_lead_term()):
 * the one leading most of its code files among those that lead more of
 * its files than of all others together; NULL when none does. With
 * `strict` off, the term leading most of its code files, distinctive
 * or not.
 */
static char *distinctive_term(const struct seams *s, size_t i,
			      const struct strmap *all, int strict,
			      size_t *lead, size_t *code)
{
	const struct seams_context *x = &s->contexts[i];
	struct strmap count = STRMAP_INIT;
	struct strmap_entry *e;
	char buf[64], **keys = xcalloc(x->files_nr + 1, sizeof(*keys));
	size_t n = 0, best_n = 0;

	*code = 0;
	const char *best = NULL;
	char *ret = NULL;

	for (size_t j = 0; j < x->files_nr; j++) {
		const char *path = s->scan->files[x->files[j]].path;
		uintptr_t c;

		if (file_role(path) != ROLE_CODE)
			continue;
		(*code)++;
		if (!seams_lead_term(buf, sizeof(buf), path))
			continue;
		c = (uintptr_t)strmap_get(&count, buf);
		if (!c)
			keys[n++] = xstrdup(buf);
		strmap_put(&count, c ? buf : keys[n - 1], (void *)(c + 1));
	}
	strmap_for_each (&count, e) {
		size_t inside = (uintptr_t)e->value;
		size_t outside = (uintptr_t)strmap_get(all, e->key) - inside;

		if ((strict && (inside < 2 || outside >= inside)) ||
		    test_word(e->key))
			continue;
		/* the folder beside it says that already */
		if (has_component(x->name, strlen(x->name), e->key))
			continue;
		if (!best || inside > best_n ||
		    (inside == best_n && strcmp(e->key, best) < 0)) {
			best = e->key;
			best_n = inside;
		}
	}
	if (best)
		ret = xstrdup(best);
	*lead = best_n;
	for (size_t k = 0; k < n; k++)
		free(keys[k]);
	free(keys);
	strmap_release(&count);
	return ret;
}

/* Counts the domain term of every counted code file into `all`. */
static char **count_terms(const struct seams *s, struct strmap *all, size_t *nr)
{
	char buf[64], **keys = xcalloc(s->scan->nr + 1, sizeof(*keys));

	*nr = 0;
	for (size_t f = 0; f < s->scan->nr; f++) {
		const char *path = s->scan->files[f].path;
		uintptr_t c;

		if (s->scan->files[f].status != FILE_COUNTED ||
		    file_role(path) != ROLE_CODE ||
		    !seams_lead_term(buf, sizeof(buf), path))
			continue;
		c = (uintptr_t)strmap_get(all, buf);
		if (!c)
			keys[(*nr)++] = xstrdup(buf);
		strmap_put(all, c ? buf : keys[*nr - 1], (void *)(c + 1));
	}
	return keys;
}

/*
 * The last resort of a context's name, for one whose folder and terms
 * are taken: its folder and the name of its largest code file, less the
 * extension ("persistence:CargoRepositoryJPA"), else that file's path,
 * which no other context holds. Never a number: it says nothing.
 */
static void name_by_file(const struct seams *s, size_t i,
			 const struct strmap *taken, struct strbuf *sb)
{
	const struct seams_context *x = &s->contexts[i];
	const struct scan_file *best = NULL;
	const char *base, *dot;

	for (size_t j = 0; j < x->files_nr; j++) {
		const struct scan_file *f = &s->scan->files[x->files[j]];

		if (!best || f->counts.code > best->counts.code ||
		    (f->counts.code == best->counts.code &&
		     strcmp(f->path, best->path) < 0))
			best = f;
	}
	if (!best)
		return;
	base = strrchr(best->path, '/');
	base = base ? base + 1 : best->path;
	dot = strrchr(base, '.');
	strbuf_reset(sb);
	if (strcmp(x->name, "."))
		strbuf_addf(sb, "%s:", x->name);
	strbuf_add(sb, base,
		   dot && dot > base ? (size_t)(dot - base) : strlen(base));
	if (strmap_get(taken, sb->buf)) {
		strbuf_reset(sb);
		strbuf_addstr(sb, best->path);
	}
}

/*
 * The words that prefix the project's folder names (Nop.Web, Nop.Core,
 * Nop.Services: "nop"): the first word, followed by a dot, of three
 * folder names or more. They name the product, not a domain. Fills
 * `set` with them; returns the keys it owns, `*nr` long.
 */
static char **project_prefixes(const struct seams *s, struct strmap *set,
			       size_t *nr)
{
	struct strmap folders = STRMAP_INIT, firsts = STRMAP_INIT;
	char **keys = NULL, buf[64];
	size_t alloc = 0, folders_nr = 0, folders_alloc = 0;
	size_t *counts = NULL, counts_alloc = 0;
	char **folder_keys = NULL;

	*nr = 0;
	for (size_t f = 0; f < s->scan->nr; f++) {
		const char *p = s->scan->files[f].path, *slash;

		if (s->scan->files[f].status != FILE_COUNTED)
			continue;
		for (; (slash = strchr(p, '/')); p = slash + 1) {
			char *dir;
			uintptr_t c;

			/* Nop.Web: the word, then a dot (most have none) */
			if (!memchr(p, '.', (size_t)(slash - p)))
				continue;
			dir = xstrndup(p, (size_t)(slash - p));
			if (strmap_get(&folders, dir) ||
			    !seams_lead_term(buf, sizeof(buf), dir) ||
			    strncasecmp(dir, buf, strlen(buf)) ||
			    dir[strlen(buf)] != '.') {
				free(dir);
				continue;
			}
			ALLOC_GROW(folder_keys, folders_nr + 1, folders_alloc);
			folder_keys[folders_nr++] = dir;
			strmap_put(&folders, dir, (void *)1);
			c = (uintptr_t)strmap_get(&firsts, buf);
			if (!c) {
				ALLOC_GROW(keys, *nr + 1, alloc);
				ALLOC_GROW(counts, *nr + 1, counts_alloc);
				keys[*nr] = xstrdup(buf);
				counts[*nr] = 0;
				c = ++*nr;
				strmap_put(&firsts, keys[c - 1], (void *)c);
			}
			if (++counts[c - 1] == 3)
				strmap_put(set, keys[c - 1], (void *)1);
		}
	}
	free(counts);
	for (size_t k = 0; k < folders_nr; k++)
		free(folder_keys[k]);
	free(folder_keys);
	strmap_release(&folders);
	strmap_release(&firsts);
	return keys;
}

/* A word of a context's paths and its folder term (seams_folder_term()). */
struct word_term {
	struct strmap_entry *e;
	char term[64];
};

/*
 * The folder word most of context x's code files share below its
 * folder, and that few files elsewhere have (routers/api/packages,
 * modules/packages, models/packages: "packages"), as a new string, with
 * the number of its files in *in; NULL when none. A product prefix
 * never is one.
 */
static char *folder_word(const struct seams *s, const struct seams_context *x,
			 const struct strmap *repo_words,
			 const struct strmap *prefixes,
			 const struct seams_domains *domains, size_t *in)
{
	struct strmap words = STRMAP_INIT;
	struct strmap_entry *e;
	struct word_term *terms;
	char **keys = NULL, *ret = NULL;
	size_t nr = 0, alloc = 0, code = 0, best_n = 0, terms_nr = 0;
	const char *best = NULL;

	for (size_t j = 0; j < x->files_nr; j++) {
		const char *path = s->scan->files[x->files[j]].path;

		if (file_role(path) != ROLE_CODE)
			continue;
		code++;
		path_words(&words, &keys, &nr, &alloc, path);
	}
	/* each word's term, once: words[i] against every other below */
	strmap_for_each (&words, e)
		terms_nr++;
	terms = xmalloc((terms_nr ? terms_nr : 1) * sizeof(*terms));
	terms_nr = 0;
	strmap_for_each (&words, e) {
		if (strlen(e->key) >= sizeof(terms->term))
			continue;
		terms[terms_nr].e = e;
		seams_folder_term(terms[terms_nr].term, sizeof(terms->term),
				  e->key);
		terms_nr++;
	}
	for (size_t i = 0; i < terms_nr; i++) {
		size_t n = 0, repo = 0;

		e = terms[i].e;
		/* repo/ and repository/, issue/ and issues/: one word */
		for (size_t k = 0; k < terms_nr; k++) {
			const struct strmap_entry *o = terms[k].e;

			if (!seams_same_domain(terms[i].term, terms[k].term))
				continue;
			n += (uintptr_t)o->value;
			repo += (uintptr_t)strmap_get(repo_words, o->key);
		}
		if (n > code)
			n = code;
		/* a word common to the repository says nothing, unless it
		 * is a domain across layers named beside a layer folder
		 * (gitea's models: models/repo, services/repository) */
		if (2 * n < code ||
		    (n * 2 <= repo &&
		     !(domains && seams_domains_has(domains, terms[i].term))) ||
		    test_word(e->key) || strlen(e->key) < 3 ||
		    seams_version_word(e->key) ||
		    strmap_get(prefixes, e->key) ||
		    has_component(x->name, strlen(x->name), e->key))
			continue;
		if (!best || n > best_n ||
		    (n == best_n && strcmp(e->key, best) < 0)) {
			best = e->key;
			best_n = n;
		}
	}
	if (best)
		ret = xstrdup(best);
	*in = best_n;
	for (size_t k = 0; k < nr; k++)
		free(keys[k]);
	free(keys);
	free(terms);
	strmap_release(&words);
	return ret;
}

/* The domains across layers of the folders of the counted code files. */
static void code_domains(const struct seams *s, struct seams_domains *d)
{
	char **dirs = xcalloc(s->scan->nr + 1, sizeof(*dirs));
	size_t n = 0;

	for (size_t f = 0; f < s->scan->nr; f++) {
		const char *path = s->scan->files[f].path;
		const char *slash = strrchr(path, '/');

		if (s->scan->files[f].status != FILE_COUNTED ||
		    file_role(path) != ROLE_CODE || !slash)
			continue;
		dirs[n++] = xstrndup(path, (size_t)(slash - path));
	}
	seams_domains_find(d, (const char *const *)dirs, n);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

/*
 * Whether a context's folder names a layer, not a domain: its last
 * folder is a layer word or an API version (app/models, routers/web,
 * routers/api/v1), or the last part of a dotted project folder is one
 * (.NET's Company.Product.Layer: Nop.Services, eShop.Ordering.API), or
 * it is the root.
 */
static int names_layer(const char *dir)
{
	const char *b = strrchr(dir, '/'), *dot;

	b = b ? b + 1 : dir;
	dot = strrchr(b, '.');
	return !strcmp(dir, ".") || seams_layer_word(b) ||
	       seams_version_word(b) ||
	       (dot && dot > b && dot[1] && seams_layer_word(dot + 1));
}

/*
 * Names every context, uniquely, and puts them in their final order. A
 * context is named by its folder (dominant_dir()); when a larger one
 * has that name, by the folder and its most distinctive domain term
 * ("src/dddsample:cargo"; the term alone for the root), else by its
 * largest file (name_by_file()).
 */
void seams_name_contexts(struct seams *s)
{
	struct strmap taken = STRMAP_INIT, all = STRMAP_INIT;
	struct strmap prefixes = STRMAP_INIT, shared = STRMAP_INIT;
	char **name_keys;
	char **prefix_keys;
	size_t prefixes_nr;
	struct strmap repo_words = STRMAP_INIT;
	struct seams_domains domains = { 0 };
	char **keys = NULL, **word_keys = NULL;
	size_t keys_nr = 0, words_nr = 0, words_alloc = 0, repo_code = 0;

	keys = count_terms(s, &all, &keys_nr);
	code_domains(s, &domains);
	prefix_keys = project_prefixes(s, &prefixes, &prefixes_nr);
	for (size_t f = 0; f < s->scan->nr; f++) {
		const char *path = s->scan->files[f].path;

		if (s->scan->files[f].status != FILE_COUNTED ||
		    file_role(path) != ROLE_CODE)
			continue;
		repo_code++;
		path_words(&repo_words, &word_keys, &words_nr, &words_alloc,
			   path);
	}

	for (size_t i = 0; i < s->nr; i++) {
		struct seams_context *x = &s->contexts[i];

		if (x->name)
			strmap_put(&taken, x->name, x);
		else if (x->kernel)
			x->name = xstrdup("shared-kernel");
		else if (x->unlinked)
			x->name = xstrdup("unlinked");
		else if (x->role == ROLE_PLATFORM)
			x->name = xstrdup("platform");
		else
			x->name = slice_name(s, x, &repo_words, repo_code);
	}
	/* order first, so the larger context keeps the plain name */
	if (s->nr)
		qsort(s->contexts, s->nr, sizeof(*s->contexts), cmp_context);
	for (size_t i = 0; i < s->nr; i++)
		for (size_t j = 0; j < s->contexts[i].files_nr; j++)
			s->context_of[s->contexts[i].files[j]] = (long)i;
	/* names several contexts would have: their folder is not theirs */
	name_keys = xcalloc(s->nr + 1, sizeof(*name_keys));
	for (size_t i = 0; i < s->nr; i++) {
		uintptr_t c =
			(uintptr_t)strmap_get(&shared, s->contexts[i].name);

		name_keys[i] = xstrdup(s->contexts[i].name);
		strmap_put(&shared, name_keys[i], (void *)(c + 1));
	}
	for (size_t i = 0; i < s->nr; i++) {
		struct seams_context *x = &s->contexts[i];
		struct strbuf sb = STRBUF_INIT;
		char *term;

		if (x->declared)
			continue;
		strbuf_addstr(&sb, x->name);
		if (!x->kernel && !x->unlinked && x->role != ROLE_PLATFORM &&
		    !strchr(x->name, ':') &&
		    (names_layer(x->name) ||
		     (uintptr_t)strmap_get(&shared, x->name) >= 2)) {
			size_t lead, code;

			size_t in;
			char *word;

			term = distinctive_term(s, i, &all, 1, &lead, &code);
			word = folder_word(
				s, x, &repo_words, &prefixes,
				names_layer(x->name) ? &domains : NULL, &in);
			/* a folder all of it shares says more than a term */
			if (word && in >= lead) {
				free(term);
				term = word;
				lead = in;
			} else {
				free(word);
			}
			if (term && lead >= 3 && !strmap_get(&prefixes, term) &&
			    (term == word || !seams_layer_word(term)) &&
			    (double)lead >=
				    (names_layer(x->name)
					     ? SEAMS_NAME_TERM_SHARE
					     : SEAMS_NAME_SHARED_SHARE) *
					    code) {
				strbuf_reset(&sb);
				if (strcmp(x->name, "."))
					strbuf_addf(&sb, "%s:", x->name);
				strbuf_addstr(&sb, term);
			}
			free(term);
		}
		if (strmap_get(&taken, sb.buf) && !x->kernel && !x->unlinked &&
		    x->role != ROLE_PLATFORM) {
			for (int strict = 1; strict >= 0; strict--) {
				size_t lead, code;

				term = distinctive_term(s, i, &all, strict,
							&lead, &code);
				if (!term)
					continue;
				strbuf_reset(&sb);
				if (strcmp(x->name, "."))
					strbuf_addf(&sb, "%s:", x->name);
				strbuf_addstr(&sb, term);
				free(term);
				if (!strmap_get(&taken, sb.buf))
					break;
			}
		}
		if (strmap_get(&taken, sb.buf))
			name_by_file(s, i, &taken, &sb);
		free(x->name);
		x->name = strbuf_detach(&sb, NULL);
		strmap_put(&taken, x->name, x);
	}
	strmap_release(&taken);
	strmap_release(&all);
	strmap_release(&prefixes);
	strmap_release(&shared);
	for (size_t i = 0; i < s->nr; i++)
		free(name_keys[i]);
	free(name_keys);
	for (size_t k = 0; k < prefixes_nr; k++)
		free(prefix_keys[k]);
	free(prefix_keys);
	strmap_release(&repo_words);
	seams_domains_release(&domains);
	for (size_t k = 0; k < keys_nr; k++)
		free(keys[k]);
	free(keys);
	for (size_t k = 0; k < words_nr; k++)
		free(word_keys[k]);
	free(word_keys);
}
