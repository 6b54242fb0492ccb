/*
 * Unit test for dot_layout_render() on a graph Graphviz 2.42 cannot lay
 * out ("trouble in init_rank", then a double free in gvFreeLayout before
 * issue 22): carve's own error, no crash, nothing written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>

#include "carve/dot.h"
#include "fixture.h"

static void failed_layout_is_an_error(void **state)
{
	size_t len;
	char *text = read_fixture_in("graphviz", "init-rank.dot", &len);
	Agraph_t *g = agmemread(text);
	char *out = NULL;
	size_t out_len = 0;
	FILE *fp = open_memstream(&out, &out_len);

	(void)state;
	assert_non_null(g);
	assert_non_null(fp);
	assert_true(dot_layout_render(fp, g, "svg") < 0);
	fclose(fp);
	assert_int_equal(out_len, 0);
	/* the half-built layout is left alone: closing the graph is safe */
	agclose(g);
	free(out);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(failed_layout_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
