/*
 * What carve init proposes for a repository: its languages and a target,
 * directories not to migrate, a module depth, legacy and new paths when
 * the layout names them, and the proposed contexts as the fewest globs
 * that match exactly their counted files.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "carve/glob.h"
#include "carve/init_config.h"
#include "carve/language.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

/* A target per source language: the usual destination of a migration. */
static const struct {
	const char *from, *to;
} targets[] = {
	{ "python", "go" },	  { "ruby", "go" },	  { "php", "go" },
	{ "perl", "go" },	  { "javascript", "typescript" },
	{ "java", "kotlin" },	  { "c", "rust" },	  { "c++", "rust" },
	{ "objective-c", "swift" }, { "visual basic", "c#" },
	{ "cobol", "java" },
};

/*
 * Programming languages that do not make the back end: the browser's,
 * and build and shell scripts (never a migration's target either). The
 * browser's only decide when there is no back-end language at all.
 */
static const char *const front_end[] = { "javascript",	 "typescript",
					 "jsx",		 "tsx",
					 "coffeescript", "elm",
					 "dart",	 NULL };
static const char *const scripts[] = { "shell",	     "bash",	   "zsh",
				       "fish",	     "powershell", "batch",
				       "makefile",   "cmake",	   "dockerfile",
				       "sql",	     "awk",	   "c header",
				       "c++ header", NULL };

static int listed(const char *const *names, const char *s)
{
	for (; *names; names++)
		if (!strcmp(*names, s))
			return 1;
	return 0;
}

/*
 * `name` as the main language when it is a programming language of the
 * back end (pass 0) or of the browser (pass 1): its usual target, else
 * itself (a split in the same language, as for Go).
 */
/* The rates key of a programming language of the back end (pass 0) or
 * of the browser (pass 1) into key[64], else 0. */
static int language_key(char *key, const struct language *lang, int pass)
{
	size_t n = 0;

	if (!lang || !(lang->flags & LANG_PROGRAMMING) ||
	    language_is_view(lang))
		return 0;
	for (const char *x = lang->name; *x && n < 63; x++)
		key[n++] = (char)(*x >= 'A' && *x <= 'Z' ? *x + 32 : *x);
	key[n] = '\0';
	return !listed(scripts, key) && listed(front_end, key) == pass;
}

static void pick_target(struct init_config *c, const char *name, int pass)
{
	char key[64];
	size_t n;

	if (!language_key(key, language_by_name(name), pass))
		return;
	n = strlen(key);
	c->main_language = name;
	memcpy(c->source_key, key, n + 1);
	for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]); t++)
		if (!strcmp(targets[t].from, key)) {
			c->target = targets[t].to;
			return;
		}
	c->target = arena_strdup(&c->arena, key);
}

/* Directory names whose files are not code to migrate. */
static const char *const not_migrated[] = {
	"docs", "doc", "examples", "example", "fixtures", "testdata", NULL,
};

static const char *const legacy_names[] = { "legacy", "monolith", "old",
					    NULL };
static const char *const new_names[] = { "services", "new",
					 "microservices", NULL };

static int in(const char *const *names, const char *s, size_t len)
{
	for (; *names; names++)
		if (strlen(*names) == len && !memcmp(*names, s, len))
			return 1;
	return 0;
}

/*
 * A path as a glob that matches that path only: glob metacharacters
 * escaped, and a file at the root anchored there ("/main.go"), since a
 * bare name matches that name in every directory. `suffix` (a
 * directory's "/" plus "**", or "") is appended as is.
 */
static const char *literal_glob(struct arena *a, const char *path, size_t len,
				const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	if (!memchr(path, '/', len) && !*suffix)
		strbuf_addch(&sb, '/');
	for (size_t i = 0; i < len; i++) {
		if (strchr("*?[]\\", path[i]))
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, path[i]);
	}
	strbuf_addstr(&sb, suffix);
	out = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return out;
}

static void add(struct arena *a, const char ***arr, size_t *nr,
		const char *s, size_t len)
{
	const char *glob = literal_glob(a, s, len, "/**");

	for (size_t i = 0; i < *nr; i++)
		if (!strcmp((*arr)[i], glob))
			return;
	*arr = xreallocarray(*arr, *nr + 1, sizeof(**arr));
	(*arr)[(*nr)++] = glob;
}

/* Directories named in `names`, at any depth, holding counted files. */
static void by_name(struct init_config *c, const struct scan *s,
		    const char *const *names, const char ***arr, size_t *nr)
{
	for (size_t f = 0; f < s->nr; f++) {
		const char *p = s->files[f].path, *slash;

		if (s->files[f].status != FILE_COUNTED)
			continue;
		for (const char *seg = p; (slash = strchr(seg, '/'));
		     seg = slash + 1)
			if (in(names, seg, (size_t)(slash - seg))) {
				add(&c->arena, arr, nr, p,
				    (size_t)(slash - p));
				break;
			}
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Each counted file's context as globs: the shallowest directory whose
 * counted files all belong to that context, or the file itself.
 */
#define MIXED ((void *)1)

static int excluded(const struct init_config *c, const char *path)
{
	for (size_t i = 0; i < c->exclude_nr; i++)
		if (glob_match(c->exclude[i], path))
			return 1;
	return 0;
}

static void contexts(struct init_config *c, const struct scan *s,
		     const struct seams *p)
{
	struct strmap owner = STRMAP_INIT;
	struct strbuf dir = STRBUF_INIT;

	/* files the proposed excludes leave out belong to no context */
	for (size_t f = 0; f < s->nr; f++) {
		const char *path = s->files[f].path, *slash = path;
		long ctx = p->context_of[f];
		void *who;

		if (s->files[f].status != FILE_COUNTED || excluded(c, path))
			continue;
		who = ctx < 0 || p->contexts[ctx].kernel
			      ? MIXED
			      : (void *)(uintptr_t)(ctx + 2);
		while ((slash = strchr(slash, '/'))) {
			char *key = arena_strndup(&c->arena, path,
						  (size_t)(slash - path));
			void *had = strmap_get(&owner, key);

			strmap_put(&owner, key, !had || had == who ? who
								  : MIXED);
			slash++;
		}
	}
	c->contexts = xcalloc(p->nr ? p->nr : 1, sizeof(*c->contexts));
	for (size_t i = 0; i < p->nr; i++) {
		const struct seams_context *x = &p->contexts[i];
		struct init_context *ic;
		void *me = (void *)(uintptr_t)(i + 2);

		if (x->kernel || !x->files_nr)
			continue;
		ic = &c->contexts[c->contexts_nr];
		ic->name = x->name;
		/* carve check adds "legacy" and "new" as areas of their own */
		if (!strcmp(x->name, "legacy") || !strcmp(x->name, "new")) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s-context", x->name);
			ic->name = arena_strdup(&c->arena, sb.buf);
			strbuf_release(&sb);
		}
		for (size_t j = 0; j < x->files_nr; j++) {
			const char *path = s->files[x->files[j]].path;
			const char *slash = path, *glob = NULL;

			if (excluded(c, path))
				continue;
			ic->files++;
			ic->code += s->files[x->files[j]].counts.code;

			while ((slash = strchr(slash, '/'))) {
				strbuf_reset(&dir);
				strbuf_add(&dir, path, (size_t)(slash - path));
				if (strmap_get(&owner, dir.buf) == me) {
					glob = literal_glob(&c->arena, dir.buf,
							    dir.len, "/**");
					break;
				}
				slash++;
			}
			if (!glob)
				glob = literal_glob(&c->arena, path,
						    strlen(path), "");
			ic->globs = xreallocarray(ic->globs, ic->globs_nr + 1,
						     sizeof(char *));
			ic->globs[ic->globs_nr++] = glob;
		}
		if (ic->globs_nr)
			qsort(ic->globs, ic->globs_nr, sizeof(char *),
			      cmp_str);
		/* one of each */
		size_t n = 0;
		for (size_t j = 0; j < ic->globs_nr; j++)
			if (!n || strcmp(ic->globs[n - 1], ic->globs[j]))
				ic->globs[n++] = ic->globs[j];
		ic->globs_nr = n;
		c->contexts_nr += ic->files > 0;
	}
	strbuf_release(&dir);
	strmap_release(&owner);
}

/* The depth that reproduces the modules holding most code, or 0. */
static int module_depth(const struct scan *s)
{
	unsigned long code[8] = { 0 }, best = 0;
	int depth = 0;

	for (size_t i = 0; i < s->modules_nr; i++) {
		const char *n = s->modules[i].name;
		int d = 1;

		if (!strcmp(n, "."))
			continue;
		for (; *n; n++)
			d += *n == '/';
		if (d < 8)
			code[d] += s->modules[i].counts.code;
	}
	for (int d = 1; d < 8; d++)
		if (code[d] > best)
			best = code[d], depth = d;
	return depth;
}

static void today(char *buf)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10)
				   : time(NULL);
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, 16, "%Y-%m-%d", &tm))
		snprintf(buf, 16, "1970-01-01");
}

void init_config_detect(struct init_config *c, const struct scan *s,
			const struct seams *p)
{
	int java_family = 0;

	c->root = s->root;
	c->module_rule = s->module_rule;
	for (size_t i = 0; i < s->languages_nr && c->languages_nr < 4; i++)
		c->languages[c->languages_nr++] = s->languages[i].name;
	/* the target follows the back end: the browser's code and scripts
	 * do not decide it (a Go server with a TypeScript UI stays Go) */
	for (int pass = 0; pass < 2 && !c->target; pass++)
		for (size_t i = 0; i < s->languages_nr && !c->target; i++)
			pick_target(c, s->languages[i].name, pass);
	java_family = c->source_key[0] && !strcmp(c->source_key, "java");
	by_name(c, s, not_migrated, &c->exclude, &c->exclude_nr);
	/* a folder's name is no evidence of a migration: suggestions only */
	by_name(c, s, legacy_names, &c->maybe_legacy, &c->maybe_legacy_nr);
	by_name(c, s, new_names, &c->maybe_fresh, &c->maybe_fresh_nr);
	if (c->exclude_nr)
		qsort(c->exclude, c->exclude_nr, sizeof(char *), cmp_str);
	/* Java's modules are its packages: no depth to override them */
	c->module_depth = java_family ? 0 : module_depth(s);
	if (p)
		contexts(c, s, p);
	today(c->today);
}

/* The back-end language with most code under `dir`, or NULL. */
static const struct language *main_under(const struct scan *s, const char *dir)
{
	const struct language *seen[64], *best = NULL;
	unsigned long code[64] = { 0 }, max = 0;
	size_t len = strlen(dir), nr = 0;
	char key[64];

	for (size_t f = 0; f < s->nr; f++) {
		const struct scan_file *sf = &s->files[f];
		size_t k;

		if (sf->status != FILE_COUNTED || strncmp(sf->path, dir, len) ||
		    sf->path[len] != '/' || !language_key(key, sf->lang, 0))
			continue;
		for (k = 0; k < nr && seen[k] != sf->lang; k++)
			;
		if (k == nr) {
			if (nr == 64)
				continue;
			seen[nr++] = sf->lang;
		}
		code[k] += sf->counts.code;
	}
	for (size_t k = 0; k < nr; k++)
		if (code[k] > max)
			max = code[k], best = seen[k];
	return best;
}

void init_config_set_move(struct init_config *c, const struct init_move *mv,
			  const struct scan *s)
{
	const struct language *from = main_under(s, mv->from);
	const struct language *to = main_under(s, mv->to);
	time_t t = (time_t)mv->began;
	struct tm tm;
	char key[64];

	/* a move under way says both languages: legacy's and new's */
	if (from && to && language_key(key, from, 0)) {
		c->main_language = from->name;
		memcpy(c->source_key, key, strlen(key) + 1);
		language_key(key, to, 0);
		c->target = arena_strdup(&c->arena, key);
	}

	c->move = *mv;
	c->legacy = xcalloc(1, sizeof(*c->legacy));
	c->fresh = xcalloc(1, sizeof(*c->fresh));
	c->legacy[0] =
		literal_glob(&c->arena, mv->from, strlen(mv->from), "/**");
	c->fresh[0] = literal_glob(&c->arena, mv->to, strlen(mv->to), "/**");
	c->legacy_nr = c->fresh_nr = 1;
	c->start[0] = '\0';
	if (mv->began && gmtime_r(&t, &tm))
		strftime(c->start, sizeof(c->start), "%Y-%m-%d", &tm);
}

void init_config_release(struct init_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->contexts_nr; i++)
		free(c->contexts[i].globs);
	free(c->contexts);
	free(c->exclude);
	free(c->legacy);
	free(c->fresh);
	free(c->maybe_legacy);
	free(c->maybe_fresh);
	arena_release(&c->arena);
}
