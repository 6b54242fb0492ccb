/*
 * HTML escaping of strings from the repository (html.h): markup
 * characters as references, controls as their visible pictures, broken
 * UTF-8 as U+FFFD, so a file named "<script>" is only ever text.
 */
#include <string.h>

#include "carve/html.h"
#include "carve/strbuf.h"
#include "carve/utf8.h"

void html_escape(struct strbuf *sb, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n;

		switch (c) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		case '"':
			strbuf_addstr(sb, "&quot;");
			break;
		case '\'':
			strbuf_addstr(sb, "&#39;");
			break;
		default:
			if (c < 0x20) {
				/* U+2400 + c: SYMBOL FOR NULL and friends */
				strbuf_addf(sb, "&#x%X;", 0x2400 + c);
			} else if (c == 0x7f) {
				strbuf_addstr(sb, "&#x2421;");
			} else if (c < 0x80) {
				strbuf_addch(sb, c);
			} else if ((n = utf8_valid_prefix(s + i, len - i))) {
				strbuf_add(sb, s + i, n);
				i += n;
				continue;
			} else {
				strbuf_addstr(sb, "\xef\xbf\xbd");
			}
			break;
		}
		i++;
	}
}

void html_puts(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	html_escape(&sb, s);
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

void html_element(FILE *fp, const char *tag, const char *s)
{
	size_t name = strcspn(tag, " ");

	fprintf(fp, "<%s>", tag);
	html_puts(fp, s);
	fprintf(fp, "</%.*s>", (int)name, tag);
}
