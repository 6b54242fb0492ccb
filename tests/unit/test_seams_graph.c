/*
 * Unit tests for the fused graph of carve seams: header+source units,
 * hubs counted by the modules that use them, directory nodes for the
 * folder signal, and evidence added later (as history will add it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/error.h"
#include "carve/language.h"
#include "carve/scan.h"
#include "carve/seams_graph.h"

static struct scan *fake_scan(const char *const *paths,
			      const char *const *langs, size_t nr,
			      const size_t (*edges)[2], size_t en)
{
	struct scan *s = calloc(1, sizeof(*s));

	s->files = calloc(nr, sizeof(*s->files));
	s->nr = nr;
	for (size_t i = 0; i < nr; i++) {
		const char *slash = strrchr(paths[i], '/');

		s->files[i].path = paths[i];
		s->files[i].module =
			slash ? strndup(paths[i], (size_t)(slash - paths[i]))
			      : strdup(".");
		s->files[i].lang = language_by_name(langs[i]);
		s->files[i].status = FILE_COUNTED;
		s->files[i].counts.code = 10;
	}
	s->edges = calloc(en ? en : 1, sizeof(*s->edges));
	s->edges_nr = en;
	for (size_t i = 0; i < en; i++) {
		s->edges[i].from = edges[i][0];
		s->edges[i].to = edges[i][1];
		s->edges[i].weight = 1;
		s->edges[i].kind = DEP_INCLUDE;
	}
	return s;
}

static void free_scan(struct scan *s)
{
	for (size_t i = 0; i < s->nr; i++)
		free((char *)s->files[i].module);
	free(s->files);
	free(s->edges);
	free(s);
}

static void header_and_source_are_one_unit(void **state)
{
	static const char *const paths[] = { "a/jobs.c",   "a/jobs.h",
					     "a/nojobs.c", "a/x.c",
					     "a/x.cpp",	   "b/jobs.c" };
	static const char *const langs[] = { "C", "C Header", "C",
					     "C", "C++",      "C" };
	static const size_t edges[][2] = { { 2, 1 }, { 5, 1 } };
	struct scan *s = fake_scan(paths, langs, 6, edges, 2);
	struct seams_weights w;
	struct seams_graph g;

	(void)state;
	seams_weights_init(&w);
	seams_graph_build(&g, s, &w, 1.0, 0);
	/* jobs.c + jobs.h; nojobs.c; x.c and x.cpp (no header); b/jobs.c */
	assert_int_equal(g.nr - g.folders_nr, 5);
	assert_int_equal(g.unit_of[0], g.unit_of[1]);
	assert_int_not_equal(g.unit_of[3], g.unit_of[4]);
	assert_int_not_equal(g.unit_of[0], g.unit_of[5]);
	assert_string_equal(g.units[g.unit_of[1]].name, "a/jobs.c");
	/* one directory node, for a/ (b/ has one unit) */
	assert_int_equal(g.folders_nr, 1);
	assert_int_equal(g.hubs_nr, 0);
	seams_graph_release(&g);
	free_scan(s);
}

static void hub_is_used_from_most_modules(void **state)
{
	/* u/log.py used from a, b and c; a/1.py used from b only */
	static const char *const paths[] = { "a/1.py", "b/1.py", "c/1.py",
					     "u/log.py" };
	static const char *const langs[] = { "Python", "Python", "Python",
					     "Python" };
	static const size_t edges[][2] = {
		{ 0, 3 }, { 1, 3 }, { 2, 3 }, { 1, 0 }
	};
	struct scan *s = fake_scan(paths, langs, 4, edges, 4);
	struct seams_weights w;
	struct seams_graph g;

	(void)state;
	seams_weights_init(&w);
	seams_graph_build(&g, s, &w, 0.5, 0);
	assert_int_equal(g.hubs_nr, 1);
	assert_true(g.units[g.unit_of[3]].hub);
	assert_int_equal(g.units[g.unit_of[3]].modules_in, 3);
	/* the hub's links are left out: only b -> a remains */
	assert_int_equal(g.links_nr, 1);
	assert_true(g.links[0].signal[SIGNAL_STATIC] == 1.0);
	seams_graph_release(&g);
	seams_graph_build(&g, s, &w, 1.0, 0);
	assert_int_equal(g.hubs_nr, 0);
	assert_int_equal(g.links_nr, 4);
	seams_graph_release(&g);
	free_scan(s);
}

static void evidence_adds_up(void **state)
{
	static const char *const paths[] = { "a/1.py", "a/2.py", "b/1.py" };
	static const char *const langs[] = { "Python", "Python", "Python" };
	static const size_t edges[][2] = { { 0, 2 }, { 2, 0 } };
	struct scan *s = fake_scan(paths, langs, 3, edges, 2);
	struct seams_weights w;
	struct seams_graph g;

	(void)state;
	seams_weights_init(&w);
	w.w[SIGNAL_COCHANGE] = 2;
	seams_graph_build(&g, s, &w, 1.0, 0);
	/* a/1 <-> b/1 both ways: one link of 2 references */
	for (size_t k = 0; k < g.links_nr; k++)
		if (!g.units[g.links[k].a].folder &&
		    !g.units[g.links[k].b].folder)
			assert_true(g.links[k].signal[SIGNAL_STATIC] == 2.0);
	/* a/ has a directory node linked to its two units by 1 each */
	assert_int_equal(g.folders_nr, 1);
	assert_true(g.total[SIGNAL_FOLDERS] == 2.0);
	seams_graph_add(&g, SIGNAL_COCHANGE, 1, 2, 0.5);
	seams_graph_add(&g, SIGNAL_COCHANGE, 0, 2, 0.25);
	seams_graph_finish(&g);
	assert_true(g.total[SIGNAL_COCHANGE] == 0.75);
	for (size_t k = 0; k < g.links_nr; k++) {
		const struct seams_link *l = &g.links[k];
		double want = 0;

		for (int i = 0; i < SIGNAL_NR; i++)
			want += l->signal[i] * w.w[i];
		assert_true(l->weight == want);
		if (l->signal[SIGNAL_STATIC] == 2.0)
			assert_true(l->weight == 2.0 + 0.25 * 2);
	}
	seams_graph_release(&g);
	free_scan(s);
}

static void weights_parse(void **state)
{
	struct seams_weights w;

	(void)state;
	seams_weights_init(&w);
	assert_int_equal(seams_weights_parse(&w, "static=2,folders=0.5"), 0);
	assert_true(w.w[SIGNAL_STATIC] == 2.0);
	assert_true(w.w[SIGNAL_FOLDERS] == 0.5);
	assert_int_not_equal(seams_weights_parse(&w, "gravity=1"), 0);
	assert_int_not_equal(seams_weights_parse(&w, "static=-1"), 0);
	assert_int_not_equal(seams_weights_parse(&w, "static"), 0);
	assert_int_not_equal(seams_weights_parse(&w, "static=1;folders=2"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_and_source_are_one_unit),
		cmocka_unit_test(hub_is_used_from_most_modules),
		cmocka_unit_test(evidence_adds_up),
		cmocka_unit_test(weights_parse),
	};

	warning_set_quiet(1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
