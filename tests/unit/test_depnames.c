/*
 * Unit tests for the set of names a dependency lexer records
 * (depnames.c): a name is recorded once per context, compared whole
 * (same length and bytes: a prefix, an extension or a name differing in
 * one byte anywhere is another name), the context by pointer; the set
 * keeps every name while it grows from its first slots on the stack to
 * the heap, and stops at DEP_NAMES_MAX names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/depnames.h"
#include "carve/deps.h"

/* The i-th test name: lengths 1 to 40, distinct (a base-26 suffix). */
static size_t name_of(char *buf, size_t i)
{
	size_t len = 1 + i % 40, k = 0;
	size_t v = i;

	memset(buf, 'A' + (int)(i % 7), len);
	do {
		if (k < len)
			buf[len - 1 - k] = (char)('a' + v % 26);
		k++;
		v /= 26;
	} while (v);
	/* i up to 26^k needs k digits: widen the short ones with the rest */
	if (k > len) {
		len = k + 1;
		v = i;
		buf[0] = 'Z';
		for (size_t j = 0; j < k; j++, v /= 26)
			buf[len - 1 - j] = (char)('a' + v % 26);
	}
	return len;
}

static void once_each(void **state)
{
	struct dep_list out = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct dep_names set;
	static const char ctx_a[] = "A.B", ctx_b[] = "A.B"; /* two pointers */
	const size_t n = 3000;
	char buf[64];

	(void)state;
	dep_names_init(&set);
	for (size_t i = 0; i < n; i++) {
		size_t len = name_of(buf, i);
		struct dep_ref *d =
			dep_names_add(&set, &out, &arena, buf, len, ctx_a, 7);

		/* distinct by construction: each is new */
		assert_non_null(d);
		assert_int_equal(d->kind, DEP_IMPORT);
		assert_int_equal(d->flags, DEP_REFERENCE);
		assert_int_equal(d->line, 7);
		assert_ptr_equal(d->name, ctx_a);
		assert_int_equal(strlen(d->target), len);
		assert_memory_equal(d->target, buf, len);
	}
	assert_int_equal(out.nr, n);
	/* again, in another order: all there, with their context */
	for (size_t i = n; i-- > 0;) {
		size_t len = name_of(buf, i);

		assert_null(
			dep_names_add(&set, &out, &arena, buf, len, ctx_a, 9));
	}
	assert_int_equal(out.nr, n);
	/* the same names in another context (same text, other pointer) */
	for (size_t i = 0; i < 100; i++) {
		size_t len = name_of(buf, i);

		assert_non_null(
			dep_names_add(&set, &out, &arena, buf, len, ctx_b, 9));
		assert_non_null(
			dep_names_add(&set, &out, &arena, buf, len, NULL, 9));
		assert_null(
			dep_names_add(&set, &out, &arena, buf, len, ctx_b, 9));
		assert_null(
			dep_names_add(&set, &out, &arena, buf, len, NULL, 9));
	}
	assert_int_equal(out.nr, n + 200);
	dep_names_release(&set);
	dep_list_release(&out);
	arena_release(&arena);
}

/* Names that share all but one byte, a prefix or an extension. */
static void near_names(void **state)
{
	struct dep_list out = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct dep_names set;
	char base[40], v[41];
	size_t added = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(base); i++)
		base[i] = (char)('a' + i % 26);
	for (size_t len = 1; len <= sizeof(base); len++) {
		dep_names_init(&set);
		assert_non_null(
			dep_names_add(&set, &out, &arena, base, len, NULL, 1));
		added = 1;
		/* each byte changed: another name of the same length */
		for (size_t at = 0; at < len; at++) {
			memcpy(v, base, len);
			v[at] = 'Q';
			assert_non_null(dep_names_add(&set, &out, &arena, v,
						      len, NULL, 1));
			added++;
		}
		/* every prefix and the name one byte longer: others too */
		for (size_t k = 1; k < len; k++) {
			assert_non_null(dep_names_add(&set, &out, &arena, base,
						      k, NULL, 1));
			added++;
		}
		memcpy(v, base, len);
		v[len] = 'Q';
		assert_non_null(
			dep_names_add(&set, &out, &arena, v, len + 1, NULL, 1));
		added++;
		/* and all of them are found again */
		assert_null(
			dep_names_add(&set, &out, &arena, base, len, NULL, 1));
		for (size_t at = 0; at < len; at++) {
			memcpy(v, base, len);
			v[at] = 'Q';
			assert_null(dep_names_add(&set, &out, &arena, v, len,
						  NULL, 1));
		}
		for (size_t k = 1; k < len; k++)
			assert_null(dep_names_add(&set, &out, &arena, base, k,
						  NULL, 1));
		dep_names_release(&set);
		assert_int_equal(out.nr, added);
		dep_list_release(&out);
		out = (struct dep_list)DEP_LIST_INIT;
	}
	arena_release(&arena);
}

/* A generated giant: DEP_NAMES_MAX names kept, no more. */
static void full(void **state)
{
	struct dep_list out = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct dep_names set;
	char buf[64];

	(void)state;
	dep_names_init(&set);
	for (size_t i = 0; i < DEP_NAMES_MAX + 10; i++) {
		size_t len = name_of(buf, i);
		struct dep_ref *d =
			dep_names_add(&set, &out, &arena, buf, len, NULL, 1);

		if (i < DEP_NAMES_MAX)
			assert_non_null(d);
		else
			assert_null(d);
	}
	assert_int_equal(out.nr, DEP_NAMES_MAX);
	assert_null(dep_names_add(&set, &out, &arena, "Aa", 2, NULL, 1));
	dep_names_release(&set);
	dep_list_release(&out);
	arena_release(&arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(once_each),
		cmocka_unit_test(near_names),
		cmocka_unit_test(full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
