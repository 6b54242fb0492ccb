/*
 * carve scan -f cloc and -f tokei: the counted files' lines per language
 * in the JSON shapes of cloc 1.96 (--json) and tokei 12 (--output json),
 * under each tool's own language names.
 */

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/language.h"
#include "carve/scan.h"
#include "carve/scan_cloc.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

/* One language's totals under the other tool's name. */
struct lang_sum {
	const char *name;
	unsigned long files, code, comment, blank;
	size_t *idx; /* its files, in scan order */
};

static int by_code(const void *a, const void *b)
{
	const struct lang_sum *x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct lang_sum *)a)->name,
		      ((const struct lang_sum *)b)->name);
}

/*
 * Sums the counted files per name(lang); a NULL name leaves the file
 * out, and so does skip_empty for a file of no lines. Returns the number of sums in *out (the caller frees each idx
 * and the array).
 */
static size_t sum_languages(struct lang_sum **out, const struct scan *s,
			    const char *(*name)(const struct language *),
			    int skip_empty)
{
	struct lang_sum *sums = NULL;
	size_t nr = 0, alloc = 0;

	for (size_t i = 0; i < s->nr; i++) {
		const struct scan_file *f = &s->files[i];
		const char *n;
		struct lang_sum *l = NULL;

		if (f->status != FILE_COUNTED || !f->lang ||
		    (skip_empty && !f->counts.lines) || !(n = name(f->lang)))
			continue;
		for (size_t j = 0; j < nr && !l; j++)
			if (!strcmp(sums[j].name, n))
				l = &sums[j];
		if (!l) {
			ALLOC_GROW(sums, nr + 1, alloc);
			l = &sums[nr++];
			memset(l, 0, sizeof(*l));
			l->name = n;
			l->idx = xcalloc(s->nr, sizeof(*l->idx));
		}
		l->idx[l->files++] = i;
		l->code += f->counts.code;
		l->comment += f->counts.comment;
		l->blank += f->counts.blank;
	}
	*out = sums;
	return nr;
}

static void free_sums(struct lang_sum *sums, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		free(sums[i].idx);
	free(sums);
}

static void put(FILE *fp, cJSON *root)
{
	char *text = cJSON_Print(root);

	fputs(text, fp);
	fputc('\n', fp);
	free(text);
	cJSON_Delete(root);
}

static const char *cloc_name(const struct language *l)
{
	return l->cloc_name ? l->cloc_name : l->name;
}

void scan_print_cloc(FILE *fp, const struct scan *s)
{
	cJSON *root = cJSON_CreateObject(), *header, *o;
	struct lang_sum *sums, total = { "SUM" };
	/* cloc ignores empty files ("zero sized file") */
	size_t nr = sum_languages(&sums, s, cloc_name, 1);

	qsort(sums, nr, sizeof(*sums), by_code);
	for (size_t i = 0; i < nr; i++) {
		total.files += sums[i].files;
		total.code += sums[i].code;
		total.comment += sums[i].comment;
		total.blank += sums[i].blank;
	}
	header = cJSON_AddObjectToObject(root, "header");
	cJSON_AddStringToObject(header, "cloc_url", "carve " CARVE_VERSION);
	cJSON_AddStringToObject(header, "cloc_version", "1.96");
	cJSON_AddNumberToObject(header, "elapsed_seconds", 0);
	cJSON_AddNumberToObject(header, "n_files", (double)total.files);
	cJSON_AddNumberToObject(
		header, "n_lines",
		(double)(total.code + total.comment + total.blank));
	cJSON_AddNumberToObject(header, "files_per_second", 0);
	cJSON_AddNumberToObject(header, "lines_per_second", 0);
	for (size_t i = 0; i <= nr; i++) {
		const struct lang_sum *l = i < nr ? &sums[i] : &total;

		o = cJSON_AddObjectToObject(root, l->name);
		/* cloc's own order: nFiles first per language, last in SUM */
		if (i < nr)
			cJSON_AddNumberToObject(o, "nFiles", (double)l->files);
		cJSON_AddNumberToObject(o, "blank", (double)l->blank);
		cJSON_AddNumberToObject(o, "comment", (double)l->comment);
		cJSON_AddNumberToObject(o, "code", (double)l->code);
		if (i == nr)
			cJSON_AddNumberToObject(o, "nFiles", (double)l->files);
	}
	put(fp, root);
	free_sums(sums, nr);
}

/* tokei's LanguageType variants (its languages.json keys) */
static const struct {
	const char *carve, *tokei;
} tokei_names[] = {
	{ "Awk", "AWK" },
	{ "Bash", "Bash" },
	{ "C", "C" },
	{ "C Header", "CHeader" },
	{ "C#", "CSharp" },
	{ "C++", "Cpp" },
	{ "C++ Header", "CppHeader" },
	{ "CMake", "CMake" },
	{ "CSS", "Css" },
	{ "Dart", "Dart" },
	{ "Dockerfile", "Dockerfile" },
	{ "Elixir", "Elixir" },
	{ "Go", "Go" },
	{ "GraphQL", "Graphql" },
	{ "Groovy", "Groovy" },
	{ "HCL", "Hcl" },
	{ "HTML", "Html" },
	{ "Haml", "Haml" },
	{ "Handlebars", "Handlebars" },
	{ "JSON", "Json" },
	{ "JSX", "Jsx" },
	{ "Java", "Java" },
	{ "JavaScript", "JavaScript" },
	{ "Kotlin", "Kotlin" },
	{ "LESS", "Less" },
	{ "Liquid", "Liquid" },
	{ "Lua", "Lua" },
	{ "Makefile", "Makefile" },
	{ "Markdown", "Markdown" },
	{ "Mustache", "Mustache" },
	{ "Objective-C", "ObjectiveC" },
	{ "Objective-C++", "ObjectiveCpp" },
	{ "PHP", "Php" },
	{ "Perl", "Perl" },
	{ "Protocol Buffers", "Protobuf" },
	{ "Python", "Python" },
	{ "R", "R" },
	{ "Razor", "Razor" },
	{ "Ruby", "Ruby" },
	{ "Rust", "Rust" },
	{ "SQL", "Sql" },
	{ "Scala", "Scala" },
	{ "Shell", "Sh" },
	{ "Svelte", "Svelte" },
	{ "Swift", "Swift" },
	{ "TOML", "Toml" },
	{ "TSX", "Tsx" },
	{ "Tcl", "Tcl" },
	{ "TeX", "Tex" },
	{ "Thrift", "Thrift" },
	{ "Twig", "Twig" },
	{ "TypeScript", "TypeScript" },
	{ "Vue", "Vue" },
	{ "XML", "Xml" },
	{ "YAML", "Yaml" },
	{ "Zig", "Zig" },
	{ "Zsh", "Zsh" },
};

static const char *tokei_name(const struct language *l)
{
	for (size_t i = 0; i < sizeof(tokei_names) / sizeof(*tokei_names); i++)
		if (!strcmp(tokei_names[i].carve, l->name))
			return tokei_names[i].tokei;
	return NULL;
}

static cJSON *tokei_report(const struct scan_file *f)
{
	cJSON *r = cJSON_CreateObject(), *stats;
	char *clean = utf8_sanitize(f->path);

	stats = cJSON_AddObjectToObject(r, "stats");
	cJSON_AddNumberToObject(stats, "blanks", (double)f->counts.blank);
	cJSON_AddNumberToObject(stats, "code", (double)f->counts.code);
	cJSON_AddNumberToObject(stats, "comments", (double)f->counts.comment);
	cJSON_AddObjectToObject(stats, "blobs");
	cJSON_AddStringToObject(r, "name", clean);
	free(clean);
	return r;
}

static void tokei_totals(cJSON *o, const struct lang_sum *l)
{
	cJSON_AddNumberToObject(o, "blanks", (double)l->blank);
	cJSON_AddNumberToObject(o, "code", (double)l->code);
	cJSON_AddNumberToObject(o, "comments", (double)l->comment);
}

void scan_print_tokei(FILE *fp, const struct scan *s)
{
	cJSON *root = cJSON_CreateObject(), *total, *children;
	struct lang_sum *sums, sum = { "Total" };
	size_t nr = sum_languages(&sums, s, tokei_name, 0), left_out = 0;

	for (size_t i = 0; i < s->nr; i++)
		if (s->files[i].status == FILE_COUNTED && s->files[i].lang &&
		    !tokei_name(s->files[i].lang))
			left_out++;
	if (left_out)
		warning("tokei has no name for the language of %zu file%s: "
			"left out",
			left_out, left_out == 1 ? "" : "s");
	/* tokei's maps are ordered by language */
	qsort(sums, nr, sizeof(*sums), by_name);
	children = cJSON_CreateObject();
	for (size_t i = 0; i < nr; i++) {
		const struct lang_sum *l = &sums[i];
		cJSON *o = cJSON_AddObjectToObject(root, l->name);
		cJSON *reports, *copy;

		tokei_totals(o, l);
		reports = cJSON_AddArrayToObject(o, "reports");
		for (size_t j = 0; j < l->files; j++)
			cJSON_AddItemToArray(
				reports, tokei_report(&s->files[l->idx[j]]));
		cJSON_AddObjectToObject(o, "children");
		cJSON_AddFalseToObject(o, "inaccurate");
		copy = cJSON_Duplicate(reports, 1);
		cJSON_AddItemToObject(children, l->name, copy);
		sum.code += l->code;
		sum.comment += l->comment;
		sum.blank += l->blank;
	}
	/* "Total" as tokei writes it: its reports under children */
	total = cJSON_CreateObject();
	tokei_totals(total, &sum);
	cJSON_AddArrayToObject(total, "reports");
	cJSON_AddItemToObject(total, "children", children);
	cJSON_AddFalseToObject(total, "inaccurate");
	cJSON_AddItemToObject(root, "Total", total);
	put(fp, root);
	free_sums(sums, nr);
}
