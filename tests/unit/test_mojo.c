/*
 * Unit tests for MoJo, MoJoFM, a2a and the adjusted Rand index on small
 * partitions worked out by hand (and checked against the published MoJo
 * tool's algorithm: tags, maximum bipartite matching, maxDistanceTo).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "carve/mojo.h"

/*
 * Objects 1..8 (indexes 0..7).
 * A: A0 = {1,2,3,4}, A1 = {5,6}, A2 = {7,8}
 * B: B0 = {1,2,5}, B1 = {3,4,6}, B2 = {7}, B3 = {8}
 * Tags: A0 shares 2 with B0 and 2 with B1 (2 moves), A1 1 with each of
 * B0, B1 (1 move), A2 1 with each of B2, B3 (1 move); the matching gives
 * every cluster its own group, so no join: mno = 4. By hand: move 3 and 4
 * into A1, 5 into A0, 8 into a new cluster. B's sizes ascending 1, 1, 3,
 * 3 give g = 3, so max mno = 8 - 3 = 5 and MoJoFM = (1 - 4/5) x 100.
 */
static const size_t a8[] = { 0, 0, 0, 0, 1, 1, 2, 2 };
static const size_t b8[] = { 0, 0, 1, 1, 0, 1, 2, 3 };

static void mno_hand_worked(void **state)
{
	(void)state;
	assert_int_equal(mojo_mno(a8, 3, b8, 4, 8), 4);
	assert_int_equal(mojo_max_mno(b8, 4, 8), 5);
	assert_true(fabs(mojo_fm(a8, 3, b8, 4, 8) - 20.0) < 1e-9);
}

/*
 * The matching matters: A0 = {1,2} ties between B0 and B1, A1 = {3} is
 * all B0. Tagging A0 with its first tie (B0) would need a join; the
 * matching gives A0 B1 and A1 B0, so one move (1 into A1) suffices.
 */
static void mno_needs_the_matching(void **state)
{
	static const size_t a[] = { 0, 0, 1 };
	static const size_t b[] = { 0, 1, 0 };

	(void)state;
	assert_int_equal(mojo_mno(a, 2, b, 2, 3), 1);
}

static void mno_identity_and_extremes(void **state)
{
	static const size_t one[] = { 0, 0, 0, 0, 0, 0, 0, 0 };
	static const size_t alone[] = { 0, 1, 2, 3, 4, 5, 6, 7 };

	(void)state;
	/* a partition is at distance 0 from itself: MoJoFM 100 */
	assert_int_equal(mojo_mno(b8, 4, b8, 4, 8), 0);
	assert_true(fabs(mojo_fm(b8, 4, b8, 4, 8) - 100.0) < 1e-9);
	/* one cluster to B: its largest group stays, 5 objects move */
	assert_int_equal(mojo_mno(one, 1, b8, 4, 8), 5);
	/* singletons to B: 8 clusters over 4 groups, 4 joins */
	assert_int_equal(mojo_mno(alone, 8, b8, 4, 8), 4);
	/* every partition is at most max mno away */
	assert_true(mojo_fm(one, 1, b8, 4, 8) >= 0);
	/* one object: no distance at all */
	assert_true(fabs(mojo_fm(one, 1, one, 1, 1) - 100.0) < 1e-9);
}

/*
 * a2a: the best one-to-one matching of clusters overlaps A0-B0 (2),
 * A1-B1 (1), A2-B2 (1): 4, so 8 - 4 = 4 moves; mto = |3 - 4| + 4 = 5;
 * aco(A) + aco(B) = (3 + 16) + (4 + 16) = 39.
 */
static void a2a_hand_worked(void **state)
{
	int approx = 1;

	(void)state;
	assert_true(fabs(mojo_a2a(a8, 3, b8, 4, 8, &approx) -
			 (1.0 - 5.0 / 39.0) * 100.0) < 1e-9);
	assert_int_equal(approx, 0);
	assert_true(fabs(mojo_a2a(b8, 4, b8, 4, 8, &approx) - 100.0) < 1e-9);
}

/*
 * ARI of A = {1,2}{3,4} and B = {1,2}{3}{4}: sum of C(nij,2) = 1, rows
 * 2, columns 1, C(4,2) = 6, expected 2 x 1 / 6 = 1/3, maximum 3/2:
 * (1 - 1/3) / (3/2 - 1/3) = 4/7.
 */
static void ari_hand_worked(void **state)
{
	static const size_t a[] = { 0, 0, 1, 1 };
	static const size_t b[] = { 0, 0, 1, 2 };

	(void)state;
	assert_true(fabs(mojo_ari(a, 2, b, 3, 4) - 4.0 / 7.0) < 1e-9);
	assert_true(fabs(mojo_ari(a, 2, a, 2, 4) - 1.0) < 1e-9);
	assert_true(fabs(mojo_ari(a, 1, a, 1, 1) - 1.0) < 1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mno_hand_worked),
		cmocka_unit_test(mno_needs_the_matching),
		cmocka_unit_test(mno_identity_and_extremes),
		cmocka_unit_test(a2a_hand_worked),
		cmocka_unit_test(ari_hand_worked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
