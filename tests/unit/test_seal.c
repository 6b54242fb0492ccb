/*
 * Unit tests for the caches' seals: the hash is git's blob hash (the
 * expected ids come from `git hash-object`), a sealed buffer checks, and
 * any changed, missing or added byte does not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <git2.h>
#include <string.h>

#include "carve/seal.h"
#include "carve/strbuf.h"

static void hex(char *out, const unsigned char *id)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 20; i++) {
		out[2 * i] = digits[id[i] >> 4];
		out[2 * i + 1] = digits[id[i] & 15];
	}
	out[40] = '\0';
}

static void hashes_as_git_does(void **state)
{
	unsigned char id[20];
	char s[41];

	(void)state;
	/* git hash-object /dev/null */
	assert_int_equal(seal_hash(id, "", 0), 0);
	hex(s, id);
	assert_string_equal(s, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
	/* printf 'hello\n' | git hash-object --stdin */
	assert_int_equal(seal_hash(id, "hello\n", 6), 0);
	hex(s, id);
	assert_string_equal(s, "ce013625030ba8dba906f756967f9e9ca394464a");
}

static void a_seal_checks_and_breaks(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "header\nbody of a cache");
	assert_int_equal(seal_append(&sb), 0);
	assert_int_equal(sb.len, strlen("header\nbody of a cache") + 20);
	assert_true(seal_ok(sb.buf, sb.len));
	/* a byte changed in the body, then in the seal */
	sb.buf[3] ^= 1;
	assert_false(seal_ok(sb.buf, sb.len));
	sb.buf[3] ^= 1;
	sb.buf[sb.len - 1] ^= 0x80;
	assert_false(seal_ok(sb.buf, sb.len));
	sb.buf[sb.len - 1] ^= 0x80;
	/* cut short, or a byte added */
	assert_false(seal_ok(sb.buf, sb.len - 1));
	strbuf_addch(&sb, 'x');
	assert_false(seal_ok(sb.buf, sb.len));
	/* shorter than a seal */
	assert_false(seal_ok("abc", 3));
	assert_false(seal_ok("", 0));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hashes_as_git_does),
		cmocka_unit_test(a_seal_checks_and_breaks),
	};
	int ret;

	git_libgit2_init();
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	git_libgit2_shutdown();
	return ret;
}
