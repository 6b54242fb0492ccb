/*
 * Text tables. Widths count UTF-8 code points, not bytes, so names with
 * accents still line up.
 */
#include <string.h>

#include "carve/strbuf.h"
#include "carve/table.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

struct table {
	int cols;
	char *align;
	char **cells; /* rows * cols, NULL cell for a rule row */
	int *is_rule;
	int rows;
	size_t alloc, rule_alloc;
};

static size_t display_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

struct table *table_new(const char *align, const char *const *headers)
{
	struct table *t = xcalloc(1, sizeof(*t));

	t->cols = (int)strlen(align);
	t->align = xstrdup(align);
	table_add_row(t, headers);
	return t;
}

static void grow(struct table *t)
{
	ALLOC_GROW(t->cells, (size_t)(t->rows + 1) * t->cols, t->alloc);
	ALLOC_GROW(t->is_rule, (size_t)t->rows + 1, t->rule_alloc);
}

void table_add_row(struct table *t, const char *const *cells)
{
	grow(t);
	for (int c = 0; c < t->cols; c++)
		t->cells[t->rows * t->cols + c] =
			utf8_sanitize_text(cells[c] ? cells[c] : "");
	t->is_rule[t->rows++] = 0;
}

void table_add_rule(struct table *t)
{
	grow(t);
	for (int c = 0; c < t->cols; c++)
		t->cells[t->rows * t->cols + c] = NULL;
	t->is_rule[t->rows++] = 1;
}

void table_print(const struct table *t, FILE *fp)
{
	size_t *width = xcalloc((size_t)t->cols, sizeof(*width));
	struct strbuf line = STRBUF_INIT;
	size_t total = 0;

	for (int r = 0; r < t->rows; r++)
		for (int c = 0; !t->is_rule[r] && c < t->cols; c++) {
			size_t w = display_width(t->cells[r * t->cols + c]);

			if (w > width[c])
				width[c] = w;
		}
	for (int c = 0; c < t->cols; c++)
		total += width[c] + (c ? 2 : 0);
	for (int r = 0; r < t->rows; r++) {
		if (t->is_rule[r] || r == 1) {
			for (size_t i = 0; i < total; i++)
				fputc('-', fp);
			fputc('\n', fp);
			if (t->is_rule[r])
				continue;
		}
		strbuf_reset(&line);
		for (int c = 0; c < t->cols; c++) {
			const char *cell = t->cells[r * t->cols + c];
			size_t pad = width[c] - display_width(cell);

			if (c)
				strbuf_addstr(&line, "  ");
			if (t->align[c] == 'r')
				strbuf_addf(&line, "%*s", (int)pad, "");
			strbuf_addstr(&line, cell);
			if (t->align[c] != 'r')
				strbuf_addf(&line, "%*s", (int)pad, "");
		}
		/* no trailing blanks after a short last column */
		while (line.len && line.buf[line.len - 1] == ' ')
			strbuf_setlen(&line, line.len - 1);
		fputs(line.buf, fp);
		fputc('\n', fp);
	}
	strbuf_release(&line);
	free(width);
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->is_rule);
	free(t->align);
	free(t);
}
