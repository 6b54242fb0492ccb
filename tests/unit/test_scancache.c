/*
 * Unit tests for the scan cache's number and statement encoding
 * (scancache.h, scancache.c): scancache_put_number() against printf's
 * %llu, every field width and the 64-bit limit; scancache_encode_deps()
 * against the same statements formatted by snprintf() from the layout
 * the header describes (kind, flags, line, level, target, name; parts
 * by 0x1f, statements by 0x1e), and decoded back to what was encoded;
 * scancache_deps_hash() against one-byte changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"

static void number_as(unsigned long long v)
{
	char want[32], got[32], *end;

	snprintf(want, sizeof(want), "%llu", v);
	memset(got, 'x', sizeof(got));
	end = scancache_put_number(got, v);
	assert_int_equal((size_t)(end - got), strlen(want));
	assert_memory_equal(got, want, strlen(want));
	assert_int_equal(*end, 'x'); /* nothing written past the end */
}

static void numbers(void **state)
{
	unsigned long long p = 1;

	(void)state;
	for (unsigned long long v = 0; v < 200000; v++)
		number_as(v);
	/* each power of ten, one below and one above, to the top */
	for (int i = 0; i < 19; i++, p *= 10) {
		number_as(p - 1);
		number_as(p);
		number_as(p + 1);
		number_as(p * 7 + 3);
	}
	number_as(ULLONG_MAX);
	number_as(ULLONG_MAX - 1);
	number_as(UINT_MAX);
	number_as((unsigned long long)UINT_MAX + 1);
}

struct stmt {
	enum dep_kind kind;
	unsigned flags, line;
	int level;
	const char *target, *name;
};

static const struct stmt stmts[] = {
	{ DEP_IMPORT, 0, 1, 0, "System", NULL },
	{ DEP_IMPORT, DEP_REFERENCE, 9, 0, "Product", "Nop.Core" },
	{ DEP_IMPORT, DEP_REFERENCE, 10, 0, "Category", "Nop.Core" },
	{ DEP_IMPORT, DEP_REFERENCE, 99, 0, "Category", "Nop.Web" },
	{ DEP_INCLUDE, DEP_ANGLE, 100, 0, "stdio.h", NULL },
	{ DEP_IMPORT, DEP_LOCAL | DEP_WILDCARD, 999, 3, "pkg.mod", NULL },
	{ DEP_REQUIRE, DEP_DECLARES, 1000, 10, "x", "" },
	{ DEP_USE, DEP_GLOBAL | DEP_STATIC, 9999, 255, "a::b", "n" },
	{ DEP_MOD, 9, 10000, 9, "m", NULL },
	{ DEP_EXPORT, DEP_FLAGS_ALL, 123456789, 1, "./x", NULL },
	/* nine digits: the longest line a cache reads back */
	{ DEP_IMPORT, 0, 999999999, 0, "last", "ctx" },
};

static void statements(void **state)
{
	struct dep_list deps = DEP_LIST_INIT, back = DEP_LIST_INIT;
	struct arena arena = ARENA_INIT;
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&got, "prefix");
	scancache_encode_deps(&got, &deps); /* none: nothing appended */
	assert_string_equal(got.buf, "prefix");
	strbuf_reset(&got);
	for (size_t i = 0; i < sizeof(stmts) / sizeof(stmts[0]); i++) {
		const struct stmt *s = &stmts[i];
		struct dep_ref *d = dep_list_add(&deps, &arena, s->kind,
						 s->target, strlen(s->target),
						 s->line);
		char one[256];

		d->flags = s->flags;
		d->level = s->level;
		d->name = s->name;
		snprintf(one, sizeof(one), "%s%d\x1f%u\x1f%u\x1f%d\x1f%s\x1f%s",
			 i ? "\x1e" : "", (int)s->kind, s->flags, s->line,
			 s->level, s->target, s->name ? s->name : "");
		strbuf_addstr(&want, one);
	}
	scancache_encode_deps(&got, &deps);
	assert_string_equal(got.buf, want.buf);
	assert_int_equal(got.len, strlen(got.buf));

	assert_int_equal(scancache_check_deps(got.buf), 0);
	assert_int_equal(scancache_decode_deps(&back, &arena, got.buf), 0);
	assert_int_equal(back.nr, deps.nr);
	for (size_t i = 0; i < deps.nr; i++) {
		const struct dep_ref *a = &deps.refs[i], *b = &back.refs[i];

		assert_int_equal(a->kind, b->kind);
		assert_int_equal(a->flags, b->flags);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->level, b->level);
		assert_string_equal(a->target, b->target);
		/* an empty name is not kept apart from none */
		if (a->name && *a->name)
			assert_string_equal(a->name, b->name);
		else
			assert_null(b->name);
	}
	dep_list_release(&back);
	dep_list_release(&deps);
	arena_release(&arena);
	strbuf_release(&got);
	strbuf_release(&want);
}

/*
 * The key's sum of statements: a function of the bytes alone (a copy
 * elsewhere sums the same), and any one byte changed, or one more or
 * fewer, changes it, at every length around the 8- and 32-byte steps.
 */
static void deps_hash(void **state)
{
	char a[200], b[208];

	(void)state;
	for (size_t i = 0; i < sizeof(a); i++)
		a[i] = (char)(' ' + (i * 37 + 11) % 90);
	for (size_t n = 0; n <= 130; n++) {
		uint64_t h = scancache_deps_hash(a, n);

		memcpy(b + 8, a, n);
		assert_true(scancache_deps_hash(b + 8, n) == h);
		if (n < sizeof(a))
			assert_true(scancache_deps_hash(a, n + 1) != h);
		for (size_t at = 0; at < n; at++) {
			b[8 + at] ^= 0x01;
			assert_true(scancache_deps_hash(b + 8, n) != h);
			b[8 + at] ^= 0x41;
			assert_true(scancache_deps_hash(b + 8, n) != h);
			b[8 + at] ^= 0x40;
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(statements),
		cmocka_unit_test(deps_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
