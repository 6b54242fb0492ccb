/*
 * carve init's carve.json as text: JSON with a comment above each key
 * saying what it does and where its value came from (carve.json allows
 * comments), so the file explains itself to whoever tunes it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "carve/init_config.h"
#include "carve/init_config_json.h"
#include "carve/strbuf.h"

static void quoted(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_quoted(&sb, s);
	fputs(sb.buf, fp);
	strbuf_release(&sb);
}

static void globs(FILE *fp, const char *const *g, size_t nr)
{
	fputc('[', fp);
	for (size_t i = 0; i < nr; i++) {
		fputs(i ? ", " : " ", fp);
		quoted(fp, g[i]);
	}
	fputs(nr ? " ]" : "]", fp);
}

static void date(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t || !gmtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		snprintf(buf, size, "-");
}

/*
 * "legacy" and "new": declared when the history shows code moving from
 * one tree to another, with the evidence; else only suggested, in
 * comments, since carve burndown measures nothing without a real move.
 */
static void migration(FILE *fp, const struct init_config *c)
{
	const struct init_move *mv = &c->move;
	char until[16];

	if (c->legacy_nr) {
		date(until, sizeof(until), mv->until);
		fprintf(fp,
			"  // The code still to migrate and the code already "
			"moved (carve burndown,\n"
			"  // carve check). The history shows code leaving "
			"%s for %s: %zu\n"
			"  // name%s in both; %s went from %llu code lines "
			"(its peak since %s\n"
			"  // began, %s) to %llu by %s, while %s grew to "
			"%llu.\n",
			mv->from, mv->to, mv->names, mv->names == 1 ? "" : "s",
			mv->from, (unsigned long long)mv->peak, mv->to,
			*c->start ? c->start : "-",
			(unsigned long long)mv->legacy_now, until, mv->to,
			(unsigned long long)mv->new_now);
		fputs("  \"legacy\": ", fp);
		globs(fp, c->legacy, c->legacy_nr);
		fputs(",\n  \"new\": ", fp);
		globs(fp, c->fresh, c->fresh_nr);
		fputs(",\n\n", fp);
		return;
	}
	fputs("  // \"legacy\" and \"new\" (globs): the code still to migrate "
	      "and the code\n"
	      "  // already moved, for carve burndown and carve check. The "
	      "history shows no\n"
	      "  // code moving from one tree to another, so none is "
	      "declared (carve\n"
	      "  // burndown stops without them).\n",
	      fp);
	if (mv->from && mv->why_not)
		fprintf(fp,
			"  // The closest candidate, %s/ to %s/ (%zu name%s in "
			"both), is no move:\n"
			"  // %s.\n",
			mv->from, mv->to, mv->names, mv->names == 1 ? "" : "s",
			mv->why_not);
	if (c->maybe_legacy_nr || c->maybe_fresh_nr) {
		fputs("  // Folders whose names suggest them (remove the // to "
		      "declare them):\n",
		      fp);
		if (c->maybe_legacy_nr) {
			fputs("  // \"legacy\": ", fp);
			globs(fp, c->maybe_legacy, c->maybe_legacy_nr);
			fputs(",\n", fp);
		}
		if (c->maybe_fresh_nr) {
			fputs("  // \"new\": ", fp);
			globs(fp, c->maybe_fresh, c->maybe_fresh_nr);
			fputs(",\n", fp);
		}
	} else {
		fputs("  // For example:\n"
		      "  // \"legacy\": [ \"monolith/**\" ],\n"
		      "  // \"new\": [ \"services/**\" ],\n",
		      fp);
	}
	fputc('\n', fp);
}

static void target(FILE *fp, const struct init_config *c)
{
	if (!c->target) {
		fputs("  // \"target\": { \"language\": \"go\" }: no "
		      "programming language with a known\n"
		      "  // target was found.\n\n",
		      fp);
	} else if (c->legacy_nr) {
		fprintf(fp,
			"  // The language of the new services: as in %s/ "
			"(%s/ is %s).\n"
			"  \"target\": { \"language\": \"%s\" },\n\n",
			c->move.to, c->move.from, c->main_language, c->target);
	} else if (!strcmp(c->target, c->source_key)) {
		fprintf(fp,
			"  // The language of the new services: %s, the main "
			"back-end language,\n"
			"  // kept (a split into services, not a rewrite).\n"
			"  \"target\": { \"language\": \"%s\" },\n\n",
			c->main_language, c->target);
	} else {
		fprintf(fp,
			"  // The language of the new services: a suggestion "
			"for %s, the main\n"
			"  // back-end language (front-end code is not what "
			"decides it).\n"
			"  \"target\": { \"language\": \"%s\" },\n\n",
			c->main_language, c->target);
	}
	fprintf(fp,
		"  // Porting rates in code lines per engineer-day, by pair: "
		"carve estimate\n"
		"  // prints the default it uses and where it comes from. "
		"To override it:\n"
		"  // \"rates\": { \"%s->%s\": 30 },\n\n",
		c->target ? c->source_key : "python",
		c->target ? c->target : "go");
}

static void plan(FILE *fp, const struct init_config *c)
{
	fputs("  // The plan carve roadmap schedules: when the migration "
	      "starts and how many\n"
	      "  // engineers work on it (carve roadmap -h lists the other "
	      "keys).\n"
	      "  \"plan\": {\n",
	      fp);
	if (*c->start)
		fprintf(fp,
			"    // when code began moving to %s, in the history\n"
			"    \"start\": \"%s\",\n",
			c->move.to, c->start);
	else
		fputs("    // \"start\": \"YYYY-MM-DD\": when the migration "
		      "began; the history shows\n"
		      "    // none under way, so the planning commands start "
		      "today.\n",
		      fp);
	fputs("    \"capacity\": 4\n  }\n}\n", fp);
}

void init_config_write(FILE *fp, const struct init_config *c)
{
	fputs("// carve.json: written by carve init for ", fp);
	fputs(c->root, fp);
	fprintf(fp, " on %s.\n", c->today);
	fputs("// Every key is optional and has a default; carve reads this "
	      "file from the\n// root of the work tree (or -c FILE). "
	      "Comments and trailing commas are\n// allowed. man carve-init "
	      "explains each key.\n",
	      fp);
	fputs("// Languages found, by code lines:", fp);
	for (size_t i = 0; i < c->languages_nr; i++)
		fprintf(fp, "%s %s", i ? "," : "", c->languages[i]);
	fputs(c->languages_nr ? ".\n{\n" : " none.\n{\n", fp);

	fputs("  // Left out of every count (globs; ** spans directories). "
	      "Vendored,\n  // generated and minified files are left out "
	      "already. Proposed: directories\n  // whose names say they "
	      "hold no code to migrate (docs, examples, fixtures).\n"
	      "  \"exclude\": ",
	      fp);
	globs(fp, c->exclude, c->exclude_nr);
	fputs(",\n\n", fp);

	fputs("  // How files group into modules. ", fp);
	if (c->module_depth)
		fprintf(fp,
			"\"depth\": N makes a module of the first N\n"
			"  // directories; %d is the depth of the modules "
			"holding most code by\n  // default.\n"
			"  \"modules\": { \"depth\": %d },\n\n",
			c->module_depth, c->module_depth);
	else
		fputs("Without \"depth\" or \"map\" carve uses the\n"
		      "  // declared package (Java family) or the directory."
		      "\n  \"modules\": {},\n\n",
		      fp);

	migration(fp, c);

	fputs("  // Proposed bounded contexts (carve seams), each as the "
	      "fewest globs that\n  // match exactly its files; the shared "
	      "kernel (files nearly everything\n  // uses) is in none. "
	      "Rename, merge or move files between them: carve seams\n  "
	      "// keeps declared contexts as they are.\n  \"contexts\": {",
	      fp);
	for (size_t i = 0; i < c->contexts_nr; i++) {
		const struct init_context *x = &c->contexts[i];

		fprintf(fp, "%s\n    // %zu file%s, %lu code lines\n    ",
			i ? "," : "", x->files, x->files == 1 ? "" : "s",
			x->code);
		quoted(fp, x->name);
		fputs(": ", fp);
		globs(fp, x->globs, x->globs_nr);
	}
	fputs(c->contexts_nr ? "\n  },\n\n" : "},\n\n", fp);

	target(fp, c);
	plan(fp, c);
}
