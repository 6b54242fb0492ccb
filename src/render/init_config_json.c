/*
 * carve init's carve.json as text: JSON with a comment above each key
 * saying what it does and where its value came from (carve.json allows
 * comments), so the file explains itself to whoever tunes it.
 */
#include <stdio.h>

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

	if (c->legacy_nr || c->fresh_nr) {
		fputs("  // The code still to migrate and the code already on "
		      "the new side,\n  // found by directory name: carve "
		      "report shows the share migrated. carve\n  // check "
		      "counts them as contexts too, so a rule needs them "
		      "apart from\n  // the contexts below.\n",
		      fp);
		if (c->legacy_nr) {
			fputs("  \"legacy\": ", fp);
			globs(fp, c->legacy, c->legacy_nr);
			fputs(",\n", fp);
		}
		if (c->fresh_nr) {
			fputs("  \"new\": ", fp);
			globs(fp, c->fresh, c->fresh_nr);
			fputs(",\n", fp);
		}
		fputc('\n', fp);
	} else {
		fputs("  // \"legacy\" and \"new\" (globs): the code still to "
		      "migrate and the code\n  // already moved; none found "
		      "by directory name (legacy, monolith, services).\n\n",
		      fp);
	}

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

	if (c->target) {
		fprintf(fp,
			"  // The language of the new services: a suggestion "
			"for %s code.\n  \"target\": { \"language\": \"%s\" "
			"},\n\n",
			c->main_language, c->target);
		fprintf(fp,
			"  // Porting rate, code lines per engineer-day (the "
			"median; carve estimate\n  // draws from half to "
			"twice it). 30.7 is Khan Academy's all-in rate for\n"
			"  // Python to Go (1M lines, 2019-2023), carve's "
			"default for every pair.\n"
			"  \"rates\": { \"%s->%s\": 30.7 },\n\n",
			c->source_key, c->target);
	} else {
		fputs("  // \"target\": { \"language\": \"go\" } and \"rates\""
		      ": { \"python->go\": 30.7 }: no\n  // programming "
		      "language with a known target was found.\n\n",
		      fp);
	}

	fprintf(fp,
		"  // The plan carve roadmap schedules: when work starts, "
		"how many engineers\n  // from which date, and the share of "
		"their time on the migration.\n"
		"  \"plan\": {\n"
		"    \"start\": \"%s\",\n"
		"    \"capacity\": [ { \"from\": \"%s\", \"engineers\": 4 } ],\n"
		"    \"focus\": 0.8\n"
		"  }\n}\n",
		c->today, c->today);
}
