/*
 * Unit tests for strbuf, thousands separators, quoting and UTF-8 checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "carve/strbuf.h"
#include "carve/utf8.h"

static void grows_and_formats(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(sb.buf, "");
	for (int i = 0; i < 1000; i++)
		strbuf_addch(&sb, 'a' + i % 26);
	assert_int_equal(sb.len, 1000);
	assert_int_equal(sb.buf[1000], '\0');
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s-%d-%s", "x", 42, "a long enough string to force "
		    "vsnprintf to run twice because it exceeds sixty-four");
	assert_true(strncmp(sb.buf, "x-42-a long", 11) == 0);
	assert_int_equal(sb.len, strlen(sb.buf));
	strbuf_release(&sb);
}

static void thousands(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_add_thousands(&sb, 0);
	strbuf_addch(&sb, ' ');
	strbuf_add_thousands(&sb, 999);
	strbuf_addch(&sb, ' ');
	strbuf_add_thousands(&sb, 1000);
	strbuf_addch(&sb, ' ');
	strbuf_add_thousands(&sb, 1234567);
	assert_string_equal(sb.buf, "0 999 1,000 1,234,567");
	strbuf_release(&sb);
}

static void utf8_rules(void **state)
{
	char *s;

	(void)state;
	assert_true(utf8_is_valid("h\xc3\xa9llo", 6));
	assert_false(utf8_is_valid("\xc0\xaf", 2));         /* overlong '/' */
	assert_false(utf8_is_valid("\xed\xa0\x80", 3));     /* surrogate */
	assert_false(utf8_is_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
	assert_false(utf8_is_valid("\xe2\x82", 2));         /* truncated */
	s = utf8_sanitize("a\xffz");
	assert_string_equal(s, "a\xef\xbf\xbdz");
	free(s);
}

static void quoting(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_add_quoted(&sb, "a\"b\\c\n\xff");
	assert_string_equal(sb.buf, "\"a\\\"b\\\\c\\x0a\\xff\"");
	strbuf_release(&sb);
}

/* Text for a terminal or XML: controls become U+FFFD, the rest stays. */
static void sanitize_text(void **state)
{
	char *s;

	(void)state;
	/* ESC [ 3 1 m: the escape goes, the printable rest stays */
	s = utf8_sanitize_text("a\033[31mb");
	assert_string_equal(s, "a\xef\xbf\xbd"
			       "[31mb");
	free(s);
	/* newline, tab, DEL, C1 CSI (c2 9b); U+00A0 (c2 a0) is kept */
	s = utf8_sanitize_text("n\nt\td\x7f\xc2\x9b\xc2\xa0");
	assert_string_equal(s, "n\xef\xbf\xbd"
			       "t\xef\xbf\xbd"
			       "d\xef\xbf\xbd"
			       "\xef\xbf\xbd\xc2\xa0");
	free(s);
	/* invalid UTF-8 as before; utf8_sanitize keeps controls */
	s = utf8_sanitize_text("\xff<script>");
	assert_string_equal(s, "\xef\xbf\xbd<script>");
	free(s);
	s = utf8_sanitize("a\nb");
	assert_string_equal(s, "a\nb");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_and_formats),
		cmocka_unit_test(thousands),
		cmocka_unit_test(utf8_rules),
		cmocka_unit_test(quoting),
		cmocka_unit_test(sanitize_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
