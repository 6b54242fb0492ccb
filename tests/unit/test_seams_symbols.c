/*
 * Unit tests for the symbol edges carve seams counts (seams_symbols.c):
 * a scan of a shell (app/) and its line-editing library (lib/rl/) with
 * hand-written include and symbol edges, each symbol edge's fate worked
 * out from the three rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/language.h"
#include "carve/scan.h"
#include "carve/seams_split.h"

static const char *const paths[] = {
	"app/main.c", /* 0 */
	"app/xmalloc.c", /* 1 */
	"app/xmalloc.h", /* 2 */
	"lib/rl/rl.c", /* 3 */
	"lib/rl/rl.h", /* 4 */
	"lib/rl/hist.c", /* 5 */
	"lib/rl/hist.h", /* 6 */
	"lib/rl/xmalloc.c", /* 7 */
};

static struct scan_symbol fn = { "xmalloc", "c:@F@xmalloc", SYMBOL_FUNCTION };
static struct scan_symbol mac = { "RL_LIB", "c:rl.c@10@macro@RL_LIB",
				  SYMBOL_MACRO };
static struct scan_symbol hmac = { "RL_API", "c:rl.h@10@macro@RL_API",
				   SYMBOL_MACRO };

static void fill(struct scan *s, struct scan_file *files,
		 struct scan_edge *edges, size_t en)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < sizeof(paths) / sizeof(*paths); i++) {
		size_t len = strlen(paths[i]);

		memset(&files[i], 0, sizeof(files[i]));
		files[i].path = paths[i];
		files[i].status = FILE_COUNTED;
		files[i].lang = language_by_name(
			paths[i][len - 1] == 'h' ? "C Header" : "C");
	}
	s->files = files;
	s->nr = sizeof(paths) / sizeof(*paths);
	s->edges = edges;
	s->edges_nr = en;
}

#define INC(a, b)                                    \
	{                                            \
		(a), (b), DEP_INCLUDE, 0, 1, NULL, 0 \
	}
#define SYM(a, b, sym)                                \
	{                                             \
		(a), (b), DEP_SYMBOL, 0, 1, &(sym), 1 \
	}

static void no_symbol_edges_no_flags(void **state)
{
	struct scan_file files[8];
	struct scan_edge edges[] = { INC(0, 2), INC(3, 4) };
	struct scan s;

	(void)state;
	fill(&s, files, edges, 2);
	assert_null(seams_symbol_evidence(&s));
}

static void three_rules(void **state)
{
	struct scan_file files[8];
	struct scan_edge edges[] = {
		INC(0, 2), /* 0: main.c includes app/xmalloc.h */
		INC(0, 4), /* 1: main.c includes lib/rl/rl.h */
		INC(5, 6), /* 2: hist.c includes hist.h */
		INC(3, 6), /* 3: rl.c includes hist.h */
		/* 4: main.c calls lib/rl's xmalloc: it includes rl.h,
		 * so it reaches lib/rl: kept */
		SYM(0, 7, fn),
		/* 5: app/xmalloc.c "calls" lib/rl's: reaches nothing of
		 * lib/rl (a clash of two definitions): dropped */
		SYM(1, 7, fn),
		/* 6: hist.c "uses" a macro defined in rl.c: dropped */
		SYM(5, 3, mac),
		/* 7: main.c uses rl.h's macro, and includes rl.h: a
		 * repeat, dropped */
		SYM(0, 4, hmac),
		/* 8: rl.c calls hist.c: same directory, kept */
		SYM(3, 5, fn),
	};
	struct scan s;
	char *keep;

	(void)state;
	fill(&s, files, edges, sizeof(edges) / sizeof(*edges));
	keep = seams_symbol_evidence(&s);
	assert_non_null(keep);
	for (size_t k = 0; k < 4; k++)
		assert_int_equal(keep[k], 1);
	assert_int_equal(keep[4], 1);
	assert_int_equal(keep[5], 0);
	assert_int_equal(keep[6], 0);
	assert_int_equal(keep[7], 0);
	assert_int_equal(keep[8], 1);
	free(keep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_symbol_edges_no_flags),
		cmocka_unit_test(three_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
