/*
 * Blind spots: a language that many files are written in and that
 * carve's lexers read, yet whose files link to almost nothing. The
 * dependency graph is then silent about it, and a seam or a check rule
 * over those files proves nothing; the scan says so, with the likely
 * cause, rather than let an empty graph pass for a decoupled one.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/role.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* The languages with a dependency lexer, and why they may go unlinked. */
static const struct {
	const char *language;
	const char *cause;
} causes[] = {
	{ "Ruby", "constants name no file Zeitwerk would load: autoload "
		  "paths or inflections carve does not read, or classes made "
		  "at run time" },
	{ "Java", "classes of one package use each other without an "
		  "import, and only imports are followed" },
	{ "Kotlin", "classes of one package use each other without an "
		    "import, and only imports are followed" },
	{ "Scala", "classes of one package use each other without an "
		   "import, and only imports are followed" },
	{ "C#", "a using names a namespace, not a file, and types of the "
		"enclosing namespaces need none" },
	{ "C", "#include names no file of the repository: give the include "
	       "directories (-p DIR with compile_commands.json)" },
	{ "C++", "#include names no file of the repository: give the "
		 "include directories (-p DIR with compile_commands.json)" },
	{ "C Header", "#include names no file of the repository: give the "
		      "include directories (-p DIR)" },
	{ "C++ Header", "#include names no file of the repository: give the "
			"include directories (-p DIR)" },
	{ "Objective-C", "#import names no file of the repository: give "
			 "the include directories (-p DIR)" },
	{ "Python", "imports name no module of the repository: a source "
		    "root carve does not find (sys.path set at run time?)" },
	{ "JavaScript", "imports name no file of the repository: aliases "
			"of a bundler carve does not read, or globals" },
	{ "TypeScript", "imports name no file of the repository: path "
			"aliases carve does not find in tsconfig.json" },
	{ "Go", "imports name no package of the repository: no go.mod, or "
		"its module path is not the one the imports use" },
	{ "PHP", "classes come through an autoloader other than "
		 "composer.json's PSR-4 map, or through include paths" },
	{ "Rust", "use paths name no module file of the repository" },
};

static const char *cause_of(const struct language *lang)
{
	for (size_t i = 0; i < sizeof(causes) / sizeof(*causes); i++)
		if (!strcmp(lang->name, causes[i].language))
			return causes[i].cause;
	return NULL;
}

/*
 * Code files only: tests link to their helpers (every spec requires
 * rails_helper) and would hide that the code itself is unlinked.
 */
struct cause_memo {
	const struct language *lang;
	const char *cause;
};

static int counts(const struct scan_file *f, struct cause_memo *memo)
{
	if (f->status != FILE_COUNTED || !f->lang)
		return 0;
	/* files of one language come in runs: its cause, looked up once */
	if (f->lang != memo->lang) {
		memo->lang = f->lang;
		memo->cause = cause_of(f->lang);
	}
	return memo->cause && file_role(f->path) == ROLE_CODE;
}

struct tally {
	const struct language *lang;
	size_t files, edges, isolated;
};

static struct tally *tally_of(struct tally *t, size_t *nr,
			      const struct language *lang)
{
	for (size_t i = 0; i < *nr; i++)
		if (t[i].lang == lang)
			return &t[i];
	t[*nr].lang = lang;
	t[*nr].files = t[*nr].edges = t[*nr].isolated = 0;
	return &t[(*nr)++];
}

void scan_find_blind_spots(struct scan *scan)
{
	struct tally *t = xcalloc(scan->nr + 1, sizeof(*t));
	/* per file: 1 + its tally when it counts, else 0 */
	size_t *of = xcalloc(scan->nr + 1, sizeof(*of));
	unsigned char *linked = xcalloc(scan->nr + 1, 1);
	struct strbuf sb = STRBUF_INIT;
	struct cause_memo memo = { NULL, NULL };
	size_t nr = 0, alloc = 0;

	scan->blind = NULL;
	scan->blind_nr = 0;
	for (size_t i = 0; i < scan->nr; i++)
		if (counts(&scan->files[i], &memo))
			of[i] = (size_t)(tally_of(t, &nr, scan->files[i].lang) -
					 t) +
				1;
	for (size_t i = 0; i < scan->edges_nr; i++) {
		const struct scan_edge *e = &scan->edges[i];

		linked[e->from] = linked[e->to] = 1;
		if (of[e->from])
			t[of[e->from] - 1].edges++;
	}
	for (size_t i = 0; i < scan->nr; i++) {
		if (!of[i])
			continue;
		t[of[i] - 1].files++;
		t[of[i] - 1].isolated += !linked[i];
	}
	for (size_t i = 0; i < nr; i++) {
		struct scan_blind *b;

		if (t[i].files < SCAN_BLIND_MIN_FILES ||
		    (t[i].edges * SCAN_BLIND_FILES_PER_EDGE >= t[i].files &&
		     t[i].isolated * 100 < t[i].files * SCAN_BLIND_ISOLATED))
			continue;
		strbuf_reset(&sb);
		strbuf_add_thousands(&sb, t[i].files);
		strbuf_addf(&sb, " %s files (tests aside), ", t[i].lang->name);
		strbuf_add_thousands(&sb, t[i].edges);
		strbuf_addf(&sb, " dependenc%s, ",
			    t[i].edges == 1 ? "y" : "ies");
		strbuf_add_thousands(&sb, t[i].isolated);
		strbuf_addf(&sb, " files linked to none: %s",
			    cause_of(t[i].lang));
		ALLOC_GROW(scan->blind, scan->blind_nr + 1, alloc);
		b = &scan->blind[scan->blind_nr++];
		b->language = t[i].lang->name;
		b->files = t[i].files;
		b->edges = t[i].edges;
		b->isolated = t[i].isolated;
		b->text = arena_strdup(&scan->arena, sb.buf);
		warning("carve cannot see into %s", b->text);
	}
	strbuf_release(&sb);
	free(linked);
	free(of);
	free(t);
}
