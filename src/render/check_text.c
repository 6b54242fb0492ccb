/*
 * carve check's text (violations by rule, with file, line and import;
 * the baseline's stale entries) and its GitHub Actions annotations.
 */

#include "carve/check.h"
#include "carve/check_text.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

/* GitHub Actions workflow command: %, CR and LF escaped in data. */
static void github_escape(FILE *fp, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", fp);
		else if (*s == '\r')
			fputs("%0D", fp);
		else if (*s == '\n')
			fputs("%0A", fp);
		else if (property && *s == ':')
			fputs("%3A", fp);
		else if (property && *s == ',')
			fputs("%2C", fp);
		else
			fputc(*s, fp);
	}
}

void check_print_github(FILE *fp, const struct check *c)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];

		if (v->known)
			continue;
		check_message(c, v, &sb);
		fputs("::error file=", fp);
		github_escape(fp, c->scan->files[v->from].path, 1);
		if (v->line)
			fprintf(fp, ",line=%u", v->line);
		fputs(",title=carve check::", fp);
		github_escape(fp, sb.buf, 0);
		fputc('\n', fp);
	}
	for (size_t i = 0; i < c->stale_nr; i++) {
		fputs("::warning title=carve check::stale baseline entry: ",
		      fp);
		github_escape(fp, c->stale[i], 0);
		fputc('\n', fp);
	}
	strbuf_release(&sb);
}

void check_print_text(FILE *fp, const struct check *c)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < c->nr; i++) {
		const struct check_violation *v = &c->v[i];

		check_message(c, v, &sb);
		fprintf(fp, "%s:%u: %s%s\n", c->scan->files[v->from].path,
			v->line, sb.buf, v->known ? " [baseline]" : "");
	}
	fprintf(fp,
		"%zu violation%s of %zu rule%s over %d context%s: %zu "
		"new, %zu in the baseline\n",
		c->nr, c->nr == 1 ? "" : "s", c->rules_nr,
		c->rules_nr == 1 ? "" : "s", c->contexts.nr,
		c->contexts.nr == 1 ? "" : "s", c->nr - c->known, c->known);
	if (c->stale_nr) {
		fprintf(fp,
			"%zu stale baseline entr%s (no longer violated; "
			"--update-baseline drops them):\n",
			c->stale_nr, c->stale_nr == 1 ? "y" : "ies");
		for (size_t i = 0; i < c->stale_nr; i++)
			fprintf(fp, "  %s\n", c->stale[i]);
	}
	strbuf_release(&sb);
}
