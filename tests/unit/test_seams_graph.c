/*
 * Unit tests for the fused graph of carve seams: header+source units,
 * hubs counted by the modules that use them, directory nodes for the
 * folder signal (layer folders pulling to their app), domain terms, and
 * evidence added later (as history will add it).
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
#include "carve/seams_domain.h"
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
	static const char *const paths[] = { "a/1.py", "a/2.py", "b/3.py" };
	static const char *const langs[] = { "Python", "Python", "Python" };
	static const size_t edges[][2] = { { 0, 2 }, { 2, 0 } };
	struct scan *s = fake_scan(paths, langs, 3, edges, 2);
	struct seams_weights w;
	struct seams_graph g;

	(void)state;
	seams_weights_init(&w);
	w.w[SIGNAL_COCHANGE] = 2;
	w.w[SIGNAL_TERMS] = 0;
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

/* The number of folder nodes linked by SIGNAL_FOLDERS named `dir`. */
static size_t folder_nodes(const struct seams_graph *g, const char *dir)
{
	size_t n = 0;

	for (size_t u = 0; u < g->nr; u++)
		if (g->units[u].folder && !strcmp(g->units[u].dir, dir))
			for (size_t k = 0; k < g->links_nr; k++)
				if ((g->links[k].a == u || g->links[k].b == u) &&
				    g->links[k].signal[SIGNAL_FOLDERS] > 0) {
					n++;
					break;
				}
	return n;
}

/*
 * forms/ and api/ recur in three sibling apps: they are layers, and
 * their files pull to their app's folder; models/ recurs in two only,
 * and repo/ under unrelated parents, so both stay folders of their own.
 */
static void layer_folders_pull_to_their_app(void **state)
{
	static const char *const paths[] = {
		"x/dcim/forms/a.py",	 "x/dcim/forms/b.py",
		"x/dcim/api/c.py",	 "x/dcim/api/d.py",
		"x/ipam/forms/a.py",	 "x/ipam/forms/b.py",
		"x/ipam/api/c.py",	 "x/ipam/api/d.py",
		"x/tenancy/forms/a.py",	 "x/tenancy/forms/b.py",
		"x/tenancy/api/c.py",	 "x/tenancy/api/d.py",
		"x/tenancy/models/e.py", "x/tenancy/models/f.py",
		"x/ipam/models/e.py",	 "x/ipam/models/f.py",
		"models/repo/g.py",	 "models/repo/h.py",
		"routers/web/repo/g.py", "routers/web/repo/h.py",
	};
	const char *langs[20];
	struct scan *s;
	struct seams_weights w;
	struct seams_graph g;

	(void)state;
	for (size_t i = 0; i < 20; i++)
		langs[i] = "Python";
	s = fake_scan(paths, langs, 20, NULL, 0);
	seams_weights_init(&w);
	seams_graph_build(&g, s, &w, 1.0, 0);
	assert_int_equal(folder_nodes(&g, "x/dcim"), 1);
	assert_int_equal(folder_nodes(&g, "x/ipam"), 1);
	assert_int_equal(folder_nodes(&g, "x/dcim/forms"), 0);
	assert_int_equal(folder_nodes(&g, "x/tenancy/api"), 0);
	assert_int_equal(folder_nodes(&g, "x/tenancy/models"), 1);
	assert_int_equal(folder_nodes(&g, "models/repo"), 1);
	assert_int_equal(folder_nodes(&g, "routers/web/repo"), 1);
	seams_graph_release(&g);
	free_scan(s);
}

/*
 * Files leading with one term in different folders are tied by a term
 * node; a term of one file, or a file name found in two folders, is
 * not; and change coupling between two files of one name is a layer's.
 */
static void domain_terms_tie_layers(void **state)
{
	static const char *const paths[] = {
		"domain/cargo/Cargo.java",
		"infra/jpa/CargoRepositoryJPA.java",
		"web/CargoAdminController.java",
		"domain/voyage/Voyage.java",
		"app/a/views.py",
		"app/b/views.py",
		"infra/jpa/LocationRepositoryJPA.java",
		"domain/location/UnLocode.java",
		"domain/x/Delivery.java",
		"domain/x/Itinerary.java",
		"domain/x/Leg.java",
		"domain/x/Schedule.java",
		"domain/x/Carrier.java",
		"domain/x/Movement.java",
		"domain/x/Route.java",
	};
	const char *langs[15];
	struct scan *s;
	struct seams_weights w;
	struct seams_graph g;
	char buf[64];
	size_t cargo = SIZE_MAX, terms = 0;

	(void)state;
	assert_true(seams_lead_term(buf, sizeof(buf), "a/ICargoService.cs"));
	assert_string_equal(buf, "cargo");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/DTOAssembler.java"));
	assert_string_equal(buf, "dto");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/categories.py"));
	assert_string_equal(buf, "category");
	assert_false(seams_lead_term(buf, sizeof(buf), "a/x_y.c"));
	/* Rails plurals and service objects named for what they do */
	assert_true(seams_lead_term(buf, sizeof(buf),
				    "app/controllers/statuses_controller.rb"));
	assert_string_equal(buf, "status");
	assert_true(seams_lead_term(buf, sizeof(buf), "app/models/status.rb"));
	assert_string_equal(buf, "status");
	assert_true(seams_lead_term(buf, sizeof(buf),
				    "app/services/post_status_service.rb"));
	assert_string_equal(buf, "status");
	assert_true(
		seams_lead_term(buf, sizeof(buf), "a/RemoveAccountWorker.rb"));
	assert_string_equal(buf, "account");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/JpaOrderStore.java"));
	assert_string_equal(buf, "order");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/post.rb"));
	assert_string_equal(buf, "post");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/block_service.rb"));
	assert_string_equal(buf, "block");
	assert_true(seams_lead_term(buf, sizeof(buf),
				    "a/fetch_remote_account_service.rb"));
	assert_string_equal(buf, "account");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/addresses.py"));
	assert_string_equal(buf, "address");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/boxes.go"));
	assert_string_equal(buf, "box");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/responses.py"));
	assert_string_equal(buf, "response");
	assert_true(seams_lead_term(buf, sizeof(buf), "a/issue_label.go"));
	assert_string_equal(buf, "issue");
	for (size_t i = 0; i < 15; i++)
		langs[i] = i == 4 || i == 5 ? "Python" : "Java";
	s = fake_scan(paths, langs, 15, NULL, 0);
	seams_weights_init(&w);
	seams_graph_build(&g, s, &w, 1.0, 0);
	for (size_t u = 0; u < g.nr; u++)
		if (g.units[u].folder && !strcmp(g.units[u].dir, "cargo"))
			cargo = u;
	assert_true(cargo != SIZE_MAX);
	for (size_t k = 0; k < g.links_nr; k++) {
		terms += g.links[k].signal[SIGNAL_TERMS] > 0;
		if (g.links[k].signal[SIGNAL_TERMS] > 0)
			assert_true(g.links[k].a == cargo ||
				    g.links[k].b == cargo);
	}
	assert_int_equal(terms, 3); /* the three cargo files */
	/* views.py twice: their coupling is ignored */
	seams_graph_add(&g, SIGNAL_COCHANGE, 4, 5, 1.0);
	seams_graph_add(&g, SIGNAL_COCHANGE, 0, 3, 1.0);
	seams_graph_finish(&g);
	assert_true(g.total[SIGNAL_COCHANGE] == 1.0);
	seams_graph_release(&g);
	free_scan(s);
}

/*
 * Domains across layers, worked out by hand: issue (models/issues and
 * services/issue), repo (models/repo, routers/web/repo,
 * routers/api/v1/repo; repository is a layer word); forms is one, dcim and
 * ipam stand under a folder not named for a layer, and lib/tilde and
 * lib/readline are one layer's (lib) folders of different names.
 */
static void domains_across_layers(void **state)
{
	const char *dirs[] = {
		"models/issues",     "services/issue",
		"routers/web/repo",  "routers/api/v1/repo",
		"models/repo",	     "services/repository",
		"netbox/dcim/forms", "netbox/ipam/forms",
		"lib/tilde",	     "lib/readline",
	};
	struct seams_domains d;
	char buf[64];

	(void)state;
	seams_domains_find(&d, dirs, sizeof(dirs) / sizeof(*dirs));
	assert_int_equal(d.nr, 2);
	assert_string_equal(d.terms[0], "issue");
	assert_string_equal(d.terms[1], "repo");
	/* repository is a layer word, but the long form of repo */
	assert_true(seams_domains_has(&d, "repository"));
	seams_folder_term(buf, sizeof(buf), "Repositories");
	assert_string_equal(buf, "repository");
	assert_true(seams_domains_has(&d, buf));
	assert_false(seams_domains_has(&d, "report"));
	assert_false(seams_domains_has(&d, "tilde"));
	assert_false(seams_domains_has(&d, "form"));
	seams_domains_release(&d);
	assert_true(seams_same_domain("org", "organization"));
	assert_false(seams_same_domain("auth", "author"));
	assert_true(seams_version_word("v1"));
	assert_true(seams_version_word("v1beta1"));
	assert_false(seams_version_word("views"));
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
		cmocka_unit_test(layer_folders_pull_to_their_app),
		cmocka_unit_test(domain_terms_tie_layers),
		cmocka_unit_test(domains_across_layers),
		cmocka_unit_test(weights_parse),
	};

	warning_set_quiet(1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
