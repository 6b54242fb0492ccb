/*
 * carve report's page: the head (a Content-Security-Policy that allows
 * nothing from elsewhere, the inline style and the one inline script),
 * the table of sections with the model part each needs, and the helpers
 * the sections share (tables with a row cap, notes, inline drawings).
 */
#include <stdio.h>
#include <string.h>

#include "carve/check.h"
#include "carve/history.h"
#include "carve/html.h"
#include "carve/model.h"
#include "carve/report.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

struct section {
	const char *id, *title;
	int (*write)(struct report *r);
	int (*present)(const struct report *r); /* NULL: always */
	const char *missing; /* the note when the part is absent */
};

static int has_seams(const struct report *r)
{
	return r->seams != NULL;
}

static int has_history(const struct report *r)
{
	return r->m->history != NULL;
}

static int has_check(const struct report *r)
{
	return r->check != NULL && r->check->rules_nr > 0;
}

static int has_data(const struct report *r)
{
	return r->data != NULL;
}

static int has_api(const struct report *r)
{
	return r->api != NULL;
}

static int has_estimate(const struct report *r)
{
	return r->estimate != NULL;
}

static int has_roadmap(const struct report *r)
{
	return r->roadmap_part != NULL;
}

static int has_burndown(const struct report *r)
{
	return r->burndown != NULL;
}

/* What fills an absent planning section, when the command said. */
static const char *hint(const struct report *r, const char *id)
{
	if (!strcmp(id, "estimate"))
		return r->estimate_hint;
	if (!strcmp(id, "roadmap"))
		return r->roadmap_hint;
	if (!strcmp(id, "burndown"))
		return r->burndown_hint;
	return NULL;
}

static const struct section sections[] = {
	{ "summary", "Summary", report_summary, NULL, NULL },
	{ "inventory", "Inventory", report_inventory, NULL, NULL },
	{ "graph", "Dependencies between contexts", report_graph, has_seams,
	  "Run carve seams (a scan with counted files) to fill this "
	  "section." },
	{ "cycles", "Cycles between modules", report_cycles, NULL, NULL },
	{ "history", "Hotspots and change coupling", report_history,
	  has_history,
	  "Run carve history, or give carve report a git work tree, to "
	  "fill this section." },
	{ "contexts", "Proposed contexts and extraction order", report_contexts,
	  has_seams, "Run carve seams to fill this section." },
	{ "data", "Data ownership", report_data, has_data,
	  "Run carve data to fill this section." },
	{ "api", "API surface", report_api, has_api,
	  "Run carve api to fill this section." },
	{ "estimate", "Estimate", report_estimate, has_estimate,
	  "Run carve estimate to fill this section." },
	{ "roadmap", "Roadmap and schedule", report_roadmap, has_roadmap,
	  "Run carve roadmap to fill this section." },
	{ "burndown", "Burndown", report_burndown, has_burndown,
	  "Run carve burndown to fill this section." },
	{ "check", "Boundary check", report_check, has_check,
	  "Declare contexts and rules in carve.json and run carve check to "
	  "fill this section." },
	{ "appendix", "Appendix: inputs and assumptions", report_appendix, NULL,
	  NULL },
};

#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

/* clang-format off */
static const char style[] =
":root{--bg:#f6f7f9;--fg:#1d2330;--muted:#5d6675;--card:#fff;"
"--line:#dfe3ea;--accent:#2f6fdf;--warn:#b5470f;--bad:#c0392b;"
"--ok:#237a3b;--stripe:#f3f5f8;color-scheme:light dark}\n"
"@media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e4e7ec;"
"--muted:#9aa3b1;--card:#1d2129;--line:#323946;--accent:#7aa7ff;"
"--warn:#f0a060;--bad:#ff7a6b;--ok:#6bd38a;--stripe:#222733}}\n"
"*{box-sizing:border-box}\n"
"body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 "
"system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
"sans-serif}\n"
"header.top{padding:28px 32px 8px;max-width:1180px;margin:0 auto}\n"
"header.top h1{margin:0 0 4px;font-size:28px;letter-spacing:-.01em}\n"
"header.top p{margin:0;color:var(--muted)}\n"
"nav.toc{max-width:1180px;margin:12px auto 0;padding:0 32px;"
"display:flex;flex-wrap:wrap;gap:6px 14px;font-size:14px}\n"
"nav.toc a{color:var(--accent);text-decoration:none}\n"
"nav.toc a.absent{color:var(--muted)}\n"
"main{max-width:1180px;margin:0 auto;padding:8px 32px 48px}\n"
"section.card{background:var(--card);border:1px solid var(--line);"
"border-radius:10px;margin:18px 0;padding:4px 22px 14px}\n"
"section.card>details>summary{cursor:pointer;list-style:none}\n"
"section.card>details>summary::-webkit-details-marker{display:none}\n"
"section.card h2{display:inline-block;font-size:20px;margin:14px 0 8px}\n"
"section.card>details>summary::before{content:'\\25BE';display:"
"inline-block;width:1.2em;color:var(--muted)}\n"
"section.card>details:not([open])>summary::before{content:'\\25B8'}\n"
"h3{font-size:16px;margin:18px 0 6px}\n"
"p.note{color:var(--muted);font-style:italic;margin:6px 0}\n"
"p.more{color:var(--muted);font-size:13px;margin:4px 0 10px}\n"
".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax("
"170px,1fr));gap:12px;margin:10px 0}\n"
".stat{border:1px solid var(--line);border-radius:8px;padding:10px 14px}\n"
".stat b{display:block;font-size:24px;font-variant-numeric:tabular-nums}\n"
".stat b.t{font-size:17px;line-height:1.3;padding:4px 0}\n"
".stat span{color:var(--muted);font-size:13px}\n"
".stat.absent b{color:var(--muted);font-size:18px}\n"
".scroll{overflow-x:auto}\n"
"table{border-collapse:collapse;width:100%;font-size:13.5px;"
"margin:6px 0}\n"
"th,td{padding:5px 10px;border-bottom:1px solid var(--line);"
"text-align:left;vertical-align:top}\n"
"th{font-weight:600;color:var(--muted);white-space:nowrap}\n"
"th.sort{cursor:pointer}th.sort:hover{color:var(--accent)}\n"
"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
"white-space:nowrap}\n"
"tbody tr:nth-child(even){background:var(--stripe)}\n"
"td code,p code{font-family:ui-monospace,'SFMono-Regular',Menlo,"
"Consolas,monospace;font-size:12.5px}\n"
"td code{overflow-wrap:normal}p code{word-break:break-all}\n"
"table.dsm{width:auto;font-size:13px}\n"
"table.dsm td,table.dsm th{padding:2px 6px}\n"
"table.dsm td.c{width:5px;min-width:5px;height:14px;padding:0;"
"border:1px solid var(--line)}\n"
"table.dsm td.d{background:#8a8f98}\n"
"table.dsm td.l1{background:#c6dbef}table.dsm td.l2{background:#6baed6}"
"table.dsm td.l3{background:#2171b5}table.dsm td.l4{background:#08306b}"
"table.dsm td.cut{background:#d62728}\n"
".bar{display:inline-block;height:8px;border-radius:4px;"
"background:var(--accent);vertical-align:middle;margin-right:6px}\n"
"figure.graph{margin:10px 0;background:#fff;border-radius:8px;"
"padding:8px;overflow:auto;text-align:center;break-inside:avoid}\n"
"figure.graph svg{max-width:none;height:auto}\n"
"figcaption{color:#5d6675;font-size:13px}\n"
".gantt{font-size:13px;margin:6px 0;overflow-x:auto}\n"
".gantt .gh,.gantt .gr{display:grid;grid-template-columns:minmax(160px,"
"2fr) 88px 88px minmax(240px,5fr);gap:0 10px;align-items:center;"
"padding:3px 0;border-bottom:1px solid var(--line)}\n"
".gantt .gh{color:var(--muted);font-weight:600}\n"
".gantt small{color:var(--muted)}\n"
".gantt .gt{position:relative;height:14px;background:var(--stripe);"
"border-radius:3px}\n"
".gantt .gb{position:absolute;top:2px;bottom:2px;border-radius:3px;"
"background:var(--accent)}\n"
".gantt .gb.crit{background:var(--bad)}\n"
".gantt .gr span:nth-child(2),.gantt .gr span:nth-child(3){"
"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
".bad{color:var(--bad)}.ok{color:var(--ok)}.warn{color:var(--warn)}\n"
"footer{max-width:1180px;margin:0 auto;padding:0 32px 32px;"
"color:var(--muted);font-size:13px}\n"
"@media print{body{background:#fff;color:#000;font-size:11pt}"
"nav.toc,section.card>details>summary::before{display:none}"
"section.card{border:0;padding:0;margin:0 0 12pt;break-inside:auto}"
"section.card+section.card{break-before:page}"
"#summary+section.card{break-before:auto}"
"table,figure,.stats{break-inside:avoid}tr{break-inside:avoid}"
"thead{display:table-header-group}"
"h2,h3{break-after:avoid}}\n";

/* Sorts a table by the header clicked: numbers by value, text by
 * locale. The page reads the same without it. */
static const char script[] =
"document.querySelectorAll('table.sortable th').forEach(function(th,i){"
"th.classList.add('sort');th.title='sort';"
"th.addEventListener('click',function(){"
"var b=th.closest('table').tBodies[0],r=Array.from(b.rows),"
"d=th.dataset.d==='1'?-1:1;th.dataset.d=d===1?'1':'0';"
"r.sort(function(x,y){var p=x.cells[i].textContent,"
"q=y.cells[i].textContent,"
"m=parseFloat(p.replace(/,/g,'')),n=parseFloat(q.replace(/,/g,''));"
"if(!isNaN(m)&&!isNaN(n))return d*(m-n);return d*p.localeCompare(q);});"
"r.forEach(function(e){b.appendChild(e);});});});";
/* clang-format on */

/*
 * SHA-256 of `script`, base64, for the policy: tests/cli/t7002 works it
 * out again with Python's hashlib from the page itself.
 */
#define SCRIPT_HASH "sha256-IEkfPaYyIHruZRyFegKfLtZvxQUyLC7mNQlMBFkR8eU="

const char *report_num(char *buf, unsigned long long n)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_thousands(&sb, n);
	snprintf(buf, 32, "%s", sb.buf);
	strbuf_release(&sb);
	return buf;
}

void report_note(struct report *r, const char *text)
{
	html_element(r->fp, "p class=note", text);
	fputc('\n', r->fp);
}

/* "To fill this section, <what to do>." */
static void fill_note(struct report *r, const char *what)
{
	fputs("<p class=note>To fill this section, ", r->fp);
	html_puts(r->fp, what);
	fputs(".</p>\n", r->fp);
}

static void elide(struct report *r, const char *path, size_t max)
{
	size_t len = strlen(path), head, tail;

	if (len <= max) {
		html_puts(r->fp, path);
		return;
	}
	/* the first folder and the end, cut at slashes where they fall
	 * inside the budget, and never inside a UTF-8 sequence */
	head = max / 3;
	for (size_t k = 1; k < head; k++)
		if (path[k] == '/') {
			head = k + 1;
			break;
		}
	tail = max - head - 1;
	for (size_t k = len - tail; k < len; k++)
		if (path[k] == '/') {
			tail = len - k;
			break;
		}
	while (head > 0 && ((unsigned char)path[head] & 0xc0) == 0x80)
		head--;
	while (tail > 0 && ((unsigned char)path[len - tail] & 0xc0) == 0x80)
		tail--;
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_add(&sb, path, head);
		strbuf_addstr(&sb, "\xe2\x80\xa6"); /* an ellipsis */
		strbuf_addstr(&sb, path + len - tail);
		fputs("<span title=\"", r->fp);
		html_puts(r->fp, path);
		fputs("\">", r->fp);
		html_puts(r->fp, sb.buf);
		fputs("</span>", r->fp);
		strbuf_release(&sb);
	}
}

void report_path_max(struct report *r, const char *path, size_t max)
{
	fputs("<code>", r->fp);
	elide(r, path, max);
	fputs("</code>", r->fp);
}

void report_path(struct report *r, const char *path)
{
	fputs("<code>", r->fp);
	report_words(r, path);
	fputs("</code>", r->fp);
}

void report_words(struct report *r, const char *text)
{
	/* the line breaks only between words ("a.py (19), b.py (10)",
	 * "a → b"); a word too long for a column, a path, is elided */
	while (*text) {
		size_t n = strcspn(text, " ");

		if (n > REPORT_PATH_MAX) {
			char *one = xstrndup(text, n);

			elide(r, one, REPORT_PATH_MAX);
			free(one);
		} else {
			struct strbuf sb = STRBUF_INIT;

			strbuf_add(&sb, text, n);
			html_puts(r->fp, sb.buf);
			strbuf_release(&sb);
		}
		text += n;
		while (*text == ' ')
			fputc(*text++, r->fp);
	}
}

void report_table_begin(struct report *r, const char *align,
			const char *const *headers)
{
	fputs("<div class=scroll><table class=sortable><thead><tr>", r->fp);
	for (size_t i = 0; align[i]; i++)
		html_element(r->fp, align[i] == 'r' ? "th class=n" : "th",
			     headers[i]);
	fputs("</tr></thead><tbody>\n", r->fp);
}

void report_table_row(struct report *r, const char *align,
		      const char *const *cells)
{
	fputs("<tr>", r->fp);
	for (size_t i = 0; align[i]; i++) {
		if (align[i] == 'r')
			html_element(r->fp, "td class=n", cells[i]);
		else if (align[i] == 'c') /* a path or a symbol */
			fputs("<td>", r->fp), report_path(r, cells[i]),
				fputs("</td>", r->fp);
		else
			fputs("<td>", r->fp), report_words(r, cells[i]),
				fputs("</td>", r->fp);
	}
	fputs("</tr>\n", r->fp);
}

void report_table_end(struct report *r, size_t more, const char *where)
{
	fputs("</tbody></table></div>\n", r->fp);
	report_more(r, more, where);
}

void report_more(struct report *r, size_t more, const char *where)
{
	char buf[32];

	if (more) {
		fprintf(r->fp, "<p class=more>%s more row%s not shown",
			report_num(buf, more), more == 1 ? "" : "s");
		if (where) {
			fputs(" (", r->fp);
			html_puts(r->fp, where);
			fputc(')', r->fp);
		}
		fputs(".</p>\n", r->fp);
	}
}

void report_inline_svg(struct report *r, const char *svg, size_t len,
		       const char *label)
{
	const char *start = memmem(svg, len, "<svg", 4);

	if (!start) {
		report_note(r, "Graphviz gave no drawing.");
		return;
	}
	fputs("<figure class=graph>", r->fp);
	fwrite(start, 1, len - (size_t)(start - svg), r->fp);
	html_element(r->fp, "figcaption", label);
	fputs("</figure>\n", r->fp);
}

static void write_head(struct report *r)
{
	const struct scan *s = r->m->scan;

	fputs("<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
	      "script-src '" SCRIPT_HASH "'; base-uri 'none'; "
	      "form-action 'none'\">\n"
	      "<meta name=viewport content=\"width=device-width, "
	      "initial-scale=1\">\n<meta name=color-scheme "
	      "content=\"light dark\">\n<title>",
	      r->fp);
	fputs("Migration report: ", r->fp);
	html_puts(r->fp, s->root);
	fputs("</title>\n<style>\n", r->fp);
	fputs(style, r->fp);
	fputs("</style>\n</head>\n<body>\n<header class=top><h1>"
	      "Migration report</h1><p><code>",
	      r->fp);
	html_puts(r->fp, s->root);
	fputs("</code>", r->fp);
	if (s->is_git && *s->head) {
		fprintf(r->fp, " at %.12s", s->head);
		if (s->branch && *s->branch) {
			fputs(" on ", r->fp);
			html_puts(r->fp, s->branch);
		}
	}
	fputs(", scanned ", r->fp);
	html_puts(r->fp, s->scanned_at);
	fputs(" by carve " CARVE_VERSION "</p></header>\n<nav class=toc>",
	      r->fp);
	for (size_t i = 0; i < NSECTIONS; i++) {
		const struct section *x = &sections[i];
		int here = !x->present || x->present(r);

		fprintf(r->fp, "<a href=\"#%s\"%s>%s</a>", x->id,
			here ? "" : " class=absent", x->title);
	}
	fputs("</nav>\n<main>\n", r->fp);
}

int report_write(struct report *r)
{
	int ret = 0;

	write_head(r);
	for (size_t i = 0; i < NSECTIONS; i++) {
		const struct section *x = &sections[i];

		fprintf(r->fp,
			"<section class=card id=%s><details open><summary>"
			"<h2>%s</h2></summary>\n",
			x->id, x->title);
		if (x->present && !x->present(r) && hint(r, x->id))
			fill_note(r, hint(r, x->id));
		else if (x->present && !x->present(r))
			report_note(r, x->missing);
		else if (x->write(r))
			ret = -1;
		fputs("</details></section>\n", r->fp);
	}
	fputs("</main>\n<footer>Made by carve " CARVE_VERSION " from a scan "
	      "of ",
	      r->fp);
	html_puts(r->fp, r->source);
	fputs(". Every number is explained in the appendix.</footer>\n<script>",
	      r->fp);
	fputs(script, r->fp);
	fputs("</script>\n</body>\n</html>\n", r->fp);
	return ret;
}
