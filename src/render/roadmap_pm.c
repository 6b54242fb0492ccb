/*
 * carve roadmap for project-management tools: a TaskJuggler project
 * (tj3) and MS Project XML (the 2007+ schema Project and ProjectLibre
 * import). Both carry carve's scheduled dates as fixed starts and ends,
 * the dependencies, and the milestones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/plan.h"
#include "carve/roadmap.h"
#include "carve/roadmap_pm.h"
#include "carve/strbuf.h"

/* A string for a TaskJuggler double-quoted literal. */
static void tjp_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s == '\n' ? ' ' : *s, fp);
	}
	fputc('"', fp);
}

/* True when working day w lies past the declared capacity. */
static int past(const struct roadmap *r, size_t w)
{
	return r->horizon && w >= r->horizon && r->plan->capacity_end;
}

/* Working day w, or the last one of the declared capacity past it. */
static size_t clamp(const struct roadmap *r, size_t w)
{
	size_t last;

	if (!past(r, w))
		return w;
	last = calendar_index(&r->plan->cal, r->plan->capacity_end);
	return last ? last - 1 : 0;
}

/*
 * The date of working day w; past the declared capacity (no date there
 * is a forecast) its last day, where what is unfinished stops.
 */
static char *day(char *buf, const struct roadmap *r, size_t w, int after)
{
	if (past(r, w))
		return calendar_format(buf, r->plan->capacity_end - 1 + after);
	return calendar_format(buf, roadmap_date(r, w) + after);
}

static void tjp_task(FILE *fp, const struct roadmap *r, const char *indent,
		     const char *id, const char *label, size_t start,
		     size_t end)
{
	char a[16], b[16];

	fprintf(fp, "%stask %s ", indent, id);
	tjp_string(fp, label);
	/* TaskJuggler's end is the first moment after the task */
	fprintf(fp, " {\n%s  start %s\n%s  end %s\n", indent,
		day(a, r, start, 0), indent, day(b, r, end, 1));
	if (past(r, end))
		fprintf(fp,
			"%s  note \"not finished within the declared capacity "
			"(plan.capacity): it stops at its end\"\n",
			indent);
}

/* "depends" on the tasks x comes after, as TaskJuggler ids. */
static void tjp_depends(FILE *fp, const struct roadmap *r,
			const struct roadmap_task *x)
{
	const char *indent = x->kind == TASK_STEP ? "    " : "  ";

	for (size_t k = 0; k < x->preds_nr; k++) {
		const struct roadmap_task *y = &r->tasks[x->preds[k]];

		fputs(k ? ", " : indent, fp);
		if (!k)
			fputs("depends ", fp);
		if (y->kind == TASK_STEP)
			fprintf(fp, "c%ld", y->context);
		else
			fprintf(fp, "t%zu", x->preds[k]);
	}
	if (x->preds_nr)
		fputc('\n', fp);
}

void roadmap_print_tjp(FILE *fp, const struct roadmap *r)
{
	char a[16], b[16];
	size_t last = r->milestones[PHASE_ENDGAME].day;

	fprintf(fp,
		"project migration \"Migration roadmap\" %s - %s {\n"
		"  timeformat \"%%Y-%%m-%%d\"\n  now %s\n}\n\n",
		day(a, r, 0, 0), day(b, r, last, 60), day(a, r, 0, 0));
	for (size_t t = 0; t < r->tasks_nr; t++) {
		const struct roadmap_task *x = &r->tasks[t];
		char id[32];

		if (x->kind == TASK_STEP)
			continue;
		snprintf(id, sizeof(id), "t%zu", t);
		tjp_task(fp, r, "", id, x->name, x->start, x->end);
		tjp_depends(fp, r, x);
		fputs("}\n", fp);
	}
	for (size_t c = 0; c < r->nr; c++) {
		const struct roadmap_context *x = &r->contexts[c];
		const struct roadmap_task *first = &r->tasks[x->first_task];
		char id[32];

		fprintf(fp, "task c%zu ", c);
		tjp_string(fp, x->name);
		fputs(" {\n", fp);
		for (size_t s = 0; s < x->tasks_nr; s++) {
			const struct roadmap_task *y =
				&r->tasks[x->first_task + s];
			const char *step = strchr(y->name, ':');

			snprintf(id, sizeof(id), "s%zu", s);
			tjp_task(fp, r, "  ", id, step ? step + 2 : y->name,
				 y->start, y->end);
			/* the steps of a context share days, so only what
			 * it waits for outside itself is a dependency */
			if (!s)
				tjp_depends(fp, r, first);
			fputs("  }\n", fp);
		}
		fputs("}\n", fp);
	}
	for (int ph = 0; ph < PHASE_NR; ph++) {
		if (!r->milestones[ph].reached)
			continue;
		if (past(r, r->milestones[ph].day)) {
			fprintf(fp,
				"# %s: not reached within the declared "
				"capacity\n",
				r->milestones[ph].name);
			continue;
		}
		fprintf(fp, "task m%d ", ph);
		tjp_string(fp, r->milestones[ph].name);
		fprintf(fp, " {\n  milestone\n  start %s\n}\n",
			day(a, r, r->milestones[ph].day, 1));
	}
}

static void xml_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", fp);
		else if (*s == '<')
			fputs("&lt;", fp);
		else if (*s == '>')
			fputs("&gt;", fp);
		else if (*s == '"')
			fputs("&quot;", fp);
		else if ((unsigned char)*s >= 0x20 || *s == '\t')
			fputc(*s, fp);
	}
}

/* ISO 8601 duration of working hours: PT<h>H0M0S. */
static void xml_task(FILE *fp, const struct roadmap *r, size_t uid,
		     const char *name, int level, size_t start, size_t end,
		     int milestone, int summary)
{
	char a[16], b[16];
	size_t days;

	start = clamp(r, start);
	end = clamp(r, end);
	days = milestone || end < start ? 0 : end - start + 1;

	fprintf(fp,
		"    <Task>\n      <UID>%zu</UID>\n      <ID>%zu</ID>\n"
		"      <Name>",
		uid, uid);
	xml_text(fp, name);
	fprintf(fp,
		"</Name>\n      <OutlineLevel>%d</OutlineLevel>\n"
		"      <Start>%sT08:00:00</Start>\n"
		"      <Finish>%sT%s:00:00</Finish>\n"
		"      <Duration>PT%zuH0M0S</Duration>\n"
		"      <Milestone>%d</Milestone>\n      <Summary>%d</Summary>\n"
		"      <ConstraintType>2</ConstraintType>\n"
		"      <ConstraintDate>%sT08:00:00</ConstraintDate>\n",
		level, day(a, r, start, 0),
		day(b, r, milestone ? start : end, 0), milestone ? "08" : "17",
		days * 8, milestone, summary, a);
}

void roadmap_print_msproject(FILE *fp, const struct roadmap *r)
{
	char a[16];
	size_t uid = 1;
	size_t *uid_of = calloc(r->tasks_nr + 1, sizeof(*uid_of));

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	      "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
	      "  <Name>Migration roadmap</Name>\n",
	      fp);
	fprintf(fp,
		"  <StartDate>%sT08:00:00</StartDate>\n"
		"  <ScheduleFromStart>1</ScheduleFromStart>\n  <Tasks>\n",
		day(a, r, 0, 0));
	/* UIDs first, so links can point forward */
	for (size_t t = 0; t < r->tasks_nr; t++)
		if (r->tasks[t].kind != TASK_STEP)
			uid_of[t] = uid++;
	for (size_t c = 0; c < r->nr; c++) {
		uid++; /* the context's summary task */
		for (size_t s = 0; s < r->contexts[c].tasks_nr; s++)
			uid_of[r->contexts[c].first_task + s] = uid++;
	}
	for (size_t t = 0; t < r->tasks_nr; t++) {
		const struct roadmap_task *x = &r->tasks[t];

		if (x->kind == TASK_STEP)
			continue;
		xml_task(fp, r, uid_of[t], x->name, 1, x->start, x->end, 0, 0);
		for (size_t k = 0; k < x->preds_nr; k++)
			fprintf(fp,
				"      <PredecessorLink><PredecessorUID>%zu"
				"</PredecessorUID><Type>1</Type>"
				"</PredecessorLink>\n",
				uid_of[x->preds[k]]);
		fputs("    </Task>\n", fp);
	}
	for (size_t c = 0; c < r->nr; c++) {
		const struct roadmap_context *x = &r->contexts[c];

		xml_task(fp, r, uid_of[x->first_task] - 1, x->name, 1, x->start,
			 x->end, 0, 1);
		fputs("    </Task>\n", fp);
		for (size_t s = 0; s < x->tasks_nr; s++) {
			size_t t = x->first_task + s;
			const struct roadmap_task *y = &r->tasks[t];

			xml_task(fp, r, uid_of[t], y->name, 2, y->start, y->end,
				 0, 0);
			for (size_t k = 0; k < y->preds_nr; k++)
				fprintf(fp,
					"      <PredecessorLink>"
					"<PredecessorUID>%zu</PredecessorUID>"
					"<Type>1</Type></PredecessorLink>\n",
					uid_of[y->preds[k]]);
			fputs("    </Task>\n", fp);
		}
	}
	for (int ph = 0; ph < PHASE_NR; ph++) {
		/* one not reached within the declared capacity has no date */
		if (!r->milestones[ph].reached ||
		    past(r, r->milestones[ph].day))
			continue;
		xml_task(fp, r, uid++, r->milestones[ph].name, 1,
			 r->milestones[ph].day, r->milestones[ph].day, 1, 0);
		fputs("    </Task>\n", fp);
	}
	fputs("  </Tasks>\n</Project>\n", fp);
	free(uid_of);
}
