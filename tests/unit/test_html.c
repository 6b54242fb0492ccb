/*
 * Unit tests for HTML escaping: markup, quotes, controls and broken
 * UTF-8 from repository strings become inert text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/html.h"
#include "carve/strbuf.h"

static const char *esc(struct strbuf *sb, const char *s)
{
	strbuf_reset(sb);
	html_escape(sb, s);
	return sb->buf;
}

static void markup_and_quotes(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(esc(&sb, "<script>alert(1)</script>.py"),
			    "&lt;script&gt;alert(1)&lt;/script&gt;.py");
	assert_string_equal(esc(&sb, "a&b \"c\" 'd'"),
			    "a&amp;b &quot;c&quot; &#39;d&#39;");
	/* already escaped text is escaped again, not trusted */
	assert_string_equal(esc(&sb, "&lt;"), "&amp;lt;");
	assert_string_equal(esc(&sb, ""), "");
	assert_string_equal(esc(&sb, NULL), "");
	strbuf_release(&sb);
}

static void controls(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	/* U+2400 + c for C0 controls: SOH is U+2401, LF U+240A, ESC U+241B;
	 * DEL is U+2421 */
	assert_string_equal(esc(&sb, "a\001b"), "a&#x2401;b");
	assert_string_equal(esc(&sb, "\n\x1b"), "&#x240A;&#x241B;");
	assert_string_equal(esc(&sb, "x\x7f"), "x&#x2421;");
	strbuf_release(&sb);
}

static void utf8(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	/* valid UTF-8 passes through: é (C3 A9), 日 (E6 97 A5) */
	assert_string_equal(esc(&sb, "caf\xc3\xa9 \xe6\x97\xa5"),
			    "caf\xc3\xa9 \xe6\x97\xa5");
	/* a lone continuation byte, an overlong '<' (C0 BC), a truncated
	 * sequence: each bad byte is U+FFFD (EF BF BD), none is '<' */
	assert_string_equal(esc(&sb, "a\x80z"), "a\xef\xbf\xbdz");
	assert_string_equal(esc(&sb, "\xc0\xbc"),
			    "\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(esc(&sb, "\xe6\x97"), "\xef\xbf\xbd\xef\xbf\xbd");
	strbuf_release(&sb);
}

static void element(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	html_element(fp, "td class=n", "<1>");
	html_puts(fp, "&");
	fclose(fp);
	assert_string_equal(buf, "<td class=n>&lt;1&gt;</td>&amp;");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markup_and_quotes),
		cmocka_unit_test(controls),
		cmocka_unit_test(utf8),
		cmocka_unit_test(element),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
