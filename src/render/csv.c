/*
 * CSV cells. Numbers are written raw; only text cells are neutralised,
 * so a negative number stays a number.
 */
#include <string.h>

#include "carve/csv.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

void csv_text(FILE *fp, const char *s)
{
	char *clean = utf8_sanitize(s);
	int risky = strchr("=+-@\t\r", clean[0]) && clean[0];
	int quote = risky || strpbrk(clean, ",\"\r\n") != NULL;

	if (quote)
		fputc('"', fp);
	if (risky)
		fputc('\'', fp);
	for (const char *p = clean; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	if (quote)
		fputc('"', fp);
	free(clean);
}

void csv_number(FILE *fp, unsigned long long n)
{
	fprintf(fp, "%llu", n);
}

void csv_sep(FILE *fp)
{
	fputc(',', fp);
}

void csv_end(FILE *fp)
{
	fputs("\r\n", fp);
}
