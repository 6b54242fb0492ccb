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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_add_as_put),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
