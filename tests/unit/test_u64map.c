/*
 * Unit tests for u64map: key 0 (the empty-slot marker) is a key like
 * any other, growing keeps every entry, iteration sees each once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

#include "carve/u64map.h"

#define N 5000

/* Keys that differ only in their high half, as packed index pairs do. */
static uint64_t key_of(size_t i)
{
	return (uint64_t)i << 32;
}

static void insert_find_iterate(void **state)
{
	struct u64map map = U64MAP_INIT;
	struct u64map_entry *e;
	unsigned char *seen = calloc(N, 1);
	size_t count = 0;
	int added;

	(void)state;
	assert_null(u64map_find(&map, 0));
	assert_null(u64map_find(&map, 7));
	for (size_t i = 0; i < N; i++) {
		e = u64map_insert(&map, key_of(i), &added);
		assert_true(added);
		assert_int_equal(e->value, 0);
		e->value = i + 100;
	}
	assert_int_equal(map.nr, N);
	/* a second insertion finds the entry and keeps its value */
	e = u64map_insert(&map, key_of(0), &added);
	assert_false(added);
	assert_int_equal(e->value, 100);
	e = u64map_insert(&map, key_of(N - 1), &added);
	assert_false(added);
	assert_int_equal(e->value, N - 1 + 100);
	assert_int_equal(map.nr, N);
	for (size_t i = 0; i < N; i++) {
		e = u64map_find(&map, key_of(i));
		assert_non_null(e);
		assert_true(e->key == key_of(i));
		assert_int_equal(e->value, i + 100);
	}
	assert_null(u64map_find(&map, key_of(N)));
	assert_null(u64map_find(&map, 1));
	u64map_for_each (&map, e) {
		size_t i = (size_t)(e->key >> 32);

		assert_true(i < N);
		assert_false(seen[i]);
		seen[i] = 1;
		count++;
	}
	assert_int_equal(count, N);
	free(seen);
	u64map_release(&map);
	assert_int_equal(map.nr, 0);
	u64map_release(NULL);
}

static void empty_map_iterates_nothing(void **state)
{
	struct u64map map = U64MAP_INIT;
	struct u64map_entry *e;
	size_t count = 0;
	int added;

	(void)state;
	u64map_for_each (&map, e)
		count++;
	assert_int_equal(count, 0);
	/* only key 0: no slot array, one entry */
	e = u64map_insert(&map, 0, &added);
	assert_true(added);
	e->value = 9;
	u64map_for_each (&map, e) {
		assert_true(e->key == 0);
		assert_int_equal(e->value, 9);
		count++;
	}
	assert_int_equal(count, 1);
	assert_int_equal(map.nr, 1);
	u64map_release(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(insert_find_iterate),
		cmocka_unit_test(empty_map_iterates_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
