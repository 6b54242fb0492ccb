/*
 * The report's summary: size, languages and the headline numbers, each
 * tile saying which command fills it when its part is absent.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "carve/check.h"
#include "carve/config.h"
#include "carve/glob.h"
#include "carve/graph.h"
#include "carve/history.h"
#include "carve/html.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/seams.h"
#include "carve/strbuf.h"

void report_tile(struct report *r, const char *value, const char *what)
{
	/* words, not a number: a smaller face so that three fit */
	fputs(isdigit((unsigned char)*value) ? "<div class=stat><b>"
					     : "<div class=stat><b class=t>",
	      r->fp);
	html_puts(r->fp, value);
	fputs("</b><span>", r->fp);
	html_puts(r->fp, what);
	fputs("</span></div>\n", r->fp);
}

/* A headline number whose part is missing: what to do to fill it. */
void report_tile_hint(struct report *r, const char *what, const char *hint)
{
	fputs("<div class=\"stat absent\"><b>&mdash;</b><span>", r->fp);
	html_puts(r->fp, what);
	fputs(": ", r->fp);
	html_puts(r->fp, hint);
	fputs("</span></div>\n", r->fp);
}

/* A headline number whose part is missing: the command that fills it. */
void report_tile_absent(struct report *r, const char *what, const char *cmd)
{
	fputs("<div class=\"stat absent\"><b>&mdash;</b><span>", r->fp);
	html_puts(r->fp, what);
	fputs(": run <code>", r->fp);
	html_puts(r->fp, cmd);
	fputs("</code></span></div>\n", r->fp);
}

/*
 * Share of the code already on the new side: code lines of counted files
 * under carve.json's "new" over those under "legacy" or "new". Returns
 * -1 when the file declares neither.
 */
static double migrated_share(const struct report *r, unsigned long *nw,
			     unsigned long *old)
{
	const struct glob_list *legacy, *fresh;
	const struct scan *s = r->m->scan;

	*nw = *old = 0;
	if (!r->cfg || !r->cfg->legacy.nr || !r->cfg->new_paths.nr)
		return -1;
	legacy = &r->cfg->legacy;
	fresh = &r->cfg->new_paths;
	for (size_t f = 0; f < s->nr; f++) {
		const struct scan_file *sf = &s->files[f];

		if (sf->status != FILE_COUNTED)
			continue;
		if (glob_list_match(fresh, sf->path))
			*nw += sf->counts.code;
		else if (glob_list_match(legacy, sf->path))
			*old += sf->counts.code;
	}
	return *nw + *old ? 100.0 * (double)*nw / (double)(*nw + *old) : 0;
}

int report_summary(struct report *r)
{
	const struct scan *s = r->m->scan;
	struct strbuf sb = STRBUF_INIT, what = STRBUF_INIT;
	char a[32], b[32];
	unsigned long nw, old;
	double share;

	fputs("<div class=stats>\n", r->fp);
	report_tile(r, report_num(a, s->total.code), "lines of code");
	strbuf_addf(&sb, "%s", report_num(a, s->status_count[FILE_COUNTED]));
	strbuf_addf(&what, "files counted (of %s)", report_num(b, s->nr));
	report_tile(r, sb.buf, what.buf);
	strbuf_reset(&sb);
	for (size_t i = 0; i < s->languages_nr && i < 3; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", s->languages[i].name);
	strbuf_reset(&what);
	strbuf_addf(&what, "main language%s (of %zu)",
		    s->languages_nr > 1 ? "s" : "", s->languages_nr);
	report_tile(r, s->languages_nr ? sb.buf : "none", what.buf);
	if (r->seams) {
		size_t n = 0;

		for (size_t i = 0; i < r->seams->nr; i++)
			n += !r->seams->contexts[i].kernel;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%zu", n);
		strbuf_reset(&what);
		strbuf_addf(&what,
			    "contexts proposed, %zu cycle%s between them",
			    r->seams->cycles_nr,
			    r->seams->cycles_nr == 1 ? "" : "s");
		report_tile(r, sb.buf, what.buf);
	} else {
		report_tile_absent(r, "contexts", "carve seams");
	}
	if (r->modules) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%zu", r->modules->sccs_nr);
		report_tile(r, sb.buf, "cycles between modules");
	}
	report_estimate_tiles(r);
	report_roadmap_tiles(r);
	share = migrated_share(r, &nw, &old);
	if (report_burndown_tile(r)) {
		/* the series' last sample: the same share as the section */
	} else if (share >= 0) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%.1f%%", share);
		strbuf_reset(&what);
		strbuf_addf(&what,
			    "migrated: %s of %s code lines under \"new\"",
			    report_num(a, nw), report_num(b, nw + old));
		report_tile(r, sb.buf, what.buf);
	} else if (r->burndown_hint) {
		report_tile_hint(r, "migrated so far", r->burndown_hint);
	} else {
		report_tile_absent(r, "migrated so far",
				   "carve burndown, or declare legacy and new "
				   "in "
				   "carve.json");
	}
	if (r->check && r->check->rules_nr) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%zu", r->check->nr);
		strbuf_reset(&what);
		strbuf_addf(&what, "boundary violations of %zu rule%s",
			    r->check->rules_nr,
			    r->check->rules_nr == 1 ? "" : "s");
		report_tile(r, sb.buf, what.buf);
	}
	if (r->m->history) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%zu", r->m->history->commits);
		strbuf_reset(&what);
		strbuf_addf(&what, "commits by %zu author%s",
			    r->m->history->authors_nr,
			    r->m->history->authors_nr == 1 ? "" : "s");
		report_tile(r, sb.buf, what.buf);
	}
	fputs("</div>\n", r->fp);
	strbuf_release(&sb);
	strbuf_release(&what);
	return 0;
}
