/*
 * carve roadmap as a Mermaid Gantt chart (renders in GitHub and GitLab
 * markdown): one bar per phase-0 task, per context extraction (its steps
 * collapsed) and per data separation task, critical ones marked, and
 * the milestones.
 */
#include <stdio.h>

#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_mermaid.h"
#include "carve/xmalloc.h"

/* Mermaid task names end at ':' and '#' starts an entity: replace them. */
static void name(FILE *fp, const char *s)
{
	for (; *s; s++)
		fputc(*s == ':' || *s == '#' || *s == ';' || *s == '\n' ? ' '
									: *s,
		      fp);
}

/*
 * [start, end] working days as a bar named `label` (the end date is
 * exclusive); a comment instead when it does not end within the
 * declared capacity, since no date there is a forecast.
 */
static void bar(FILE *fp, const struct roadmap *r, const char *label,
		const char *tags, const char *id, size_t n, size_t start,
		size_t end)
{
	char a[16], b[16];

	fputs("    ", fp);
	if (r->horizon && end >= r->horizon) {
		fputs("%% ", fp);
		name(fp, label);
		fputs(": not finished within the declared capacity\n", fp);
		return;
	}
	name(fp, label);
	fprintf(fp, " :%s%s%zu, %s, %s\n", tags, id, n,
		calendar_format(a, roadmap_date(r, start)),
		calendar_format(b, roadmap_date(r, end) + 1));
}

static const char *const sections[] = { "Phase 0", "MVE", "Endgame" };

static void contexts(FILE *fp, const struct roadmap *r, const size_t *order,
		     enum roadmap_phase ph, int *any)
{
	for (size_t i = 0; i < r->nr; i++) {
		const struct roadmap_context *x = &r->contexts[order[i]];

		if (x->phase != ph)
			continue;
		if (!(*any)++)
			fprintf(fp, "    section %s\n", sections[ph]);
		bar(fp, r, x->name, x->critical ? "crit, " : "", "c", order[i],
		    x->start, x->end);
	}
}

void roadmap_print_mermaid(FILE *fp, const struct roadmap *r)
{
	size_t *order = roadmap_context_order(r);
	char a[16];

	fputs("gantt\n    title Migration roadmap\n"
	      "    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n",
	      fp);
	for (int ph = 0; ph < PHASE_NR; ph++) {
		int any = 0;

		for (int kind = TASK_PHASE0; kind <= TASK_DATA; kind++) {
			/* phase 0, then the extractions, then data */
			if (kind == TASK_STEP) {
				contexts(fp, r, order, (enum roadmap_phase)ph,
					 &any);
				continue;
			}
			for (size_t t = 0; t < r->tasks_nr; t++) {
				const struct roadmap_task *x = &r->tasks[t];

				if (x->phase != (enum roadmap_phase)ph ||
				    x->kind != (enum roadmap_kind)kind)
					continue;
				if (!any++)
					fprintf(fp, "    section %s\n",
						sections[ph]);
				bar(fp, r, x->name, x->critical ? "crit, " : "",
				    "t", t, x->start, x->end);
			}
		}
		if (any && r->milestones[ph].reached && r->horizon &&
		    r->milestones[ph].day >= r->horizon) {
			fprintf(fp,
				"    %%%% %s: not reached within the declared "
				"capacity\n",
				r->milestones[ph].name);
		} else if (any && r->milestones[ph].reached) {
			if (r->horizon && r->milestones[ph].p90 >= r->horizon)
				fprintf(fp,
					"    %s (P90 none: short of capacity) "
					":milestone, m%d, ",
					r->milestones[ph].name, ph);
			else
				fprintf(fp, "    %s (P90 %s) :milestone, m%d, ",
					r->milestones[ph].name,
					calendar_format(
						a,
						roadmap_date(
							r,
							r->milestones[ph].p90)),
					ph);
			fprintf(fp, "%s, 0d\n",
				calendar_format(
					a, roadmap_date(
						   r, r->milestones[ph].day)));
		}
	}
	free(order);
}
