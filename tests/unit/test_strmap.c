/*
 * Unit tests for strmap_find() and strmap_add(): what they store is
 * found by strmap_get(), an existing key's slot is returned with its
 * value, and the slots end up in the same places as strmap_put() puts
 * them (iteration order, which some resolvers keep, does not change).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/strmap.h"

/* strhash() as first written (a byte at a time past the last word) */
static unsigned long long reference_hash(const char *s)
{
	size_t n = strlen(s);
	unsigned long long h = 0x243f6a8885a308d3ULL ^ n, w;

	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 29);
}

#define N 3000

static char keys[N][16];

static void find_add_as_put(void **state)
{
	struct strmap a = STRMAP_INIT, b = STRMAP_INIT;
	struct strmap_entry *e;
	unsigned long long hash;
	char scratch[16];

	(void)state;
	for (size_t i = 0; i < N; i++)
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i * 7919 % N);
	assert_null(strmap_find(&a, "k1", &hash));
	assert_true(hash == strhash("k1"));
	for (size_t i = 0; i < N; i++) {
		/* looked up in a scratch copy, stored under the lasting one */
		memcpy(scratch, keys[i], sizeof(scratch));
		e = strmap_find(&a, scratch, &hash);
		assert_true(!e || !e->key);
		strmap_add(&a, e, keys[i], hash, keys[i]);
		strmap_put(&b, keys[i], keys[i]);
	}
	assert_int_equal(a.nr, N);
	assert_int_equal(a.alloc, b.alloc);
	for (size_t i = 0; i < a.alloc; i++)
		assert_ptr_equal(a.slots[i].key, b.slots[i].key);
	for (size_t i = 0; i < N; i++) {
		assert_ptr_equal(strmap_get(&a, keys[i]), keys[i]);
		e = strmap_find(&a, keys[i], &hash);
		assert_non_null(e);
		assert_ptr_equal(e->key, keys[i]);
		assert_ptr_equal(e->value, keys[i]);
	}
	e = strmap_find(&a, "absent", &hash);
	assert_non_null(e);
	assert_null(e->key);
	assert_null(strmap_get(&a, "absent"));
	strmap_release(&a);
	strmap_release(&b);
}

/*
 * The hash keeps its values (caches store them, iteration order follows
 * them) at every length and alignment, and strhash_len() of a part of a
 * string is strhash() of that part alone.
 */
static void hash_values(void **state)
{
	char buf[80], part[80];
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof(buf); i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = (char)(1 + (seed >> 16) % 255);
		}
		for (size_t off = 0; off < 8; off++)
			for (size_t n = 0; off + n < sizeof(buf); n++) {
				memcpy(part, buf + off, n);
				part[n] = '\0';
				assert_true(strhash(part) ==
					    reference_hash(part));
				assert_true(strhash_len(buf + off, n) ==
					    reference_hash(part));
			}
	}
}

/* strmap_get_len() finds a part of a string */
static void get_len(void **state)
{
	struct strmap map = STRMAP_INIT;
	const char *text = "Acme.Orders.Order";
	static int a, b, c;

	(void)state;
	assert_null(strmap_get_len(&map, text, 4));
	strmap_put(&map, "Acme", &a);
	strmap_put(&map, "Acme.Orders", &b);
	strmap_put(&map, "Acme.Orders.Order", &c);
	assert_ptr_equal(strmap_get_len(&map, text, 4), &a);
	assert_ptr_equal(strmap_get_len(&map, text, 11), &b);
	assert_ptr_equal(strmap_get_len(&map, text, 17), &c);
	assert_null(strmap_get_len(&map, text, 3)); /* "Acm" */
	assert_null(strmap_get_len(&map, text, 5)); /* "Acme." */
	assert_null(strmap_get_len(&map, text, 0));
	strmap_put(&map, "", &a);
	assert_ptr_equal(strmap_get_len(&map, text, 0), &a);
	strmap_release(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_add_as_put),
		cmocka_unit_test(hash_values),
		cmocka_unit_test(get_len),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
