/*
 * Unit tests for carve history's parts that need no repository: the
 * coupling measure (code-maat's definitions, worked out by hand), the
 * object-id map, the history cache's records, and the model's history
 * part read back as written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carve/history.h"
#include "carve/historylog.h"
#include "carve/oidmap.h"
#include "carve/strbuf.h"

/*
 * Entities 0..3. Changes: {0,1} four times, {0} twice, {1,2} once,
 * {0,1,2,3} once (4 entities: over a limit of 3, left out).
 * Revisions within the limit: 0: 6, 1: 5, 2: 1. Pairs: (0,1) shared 4,
 * degree 4 / 5.5 = 72.7% -> 72; (1,2) shared 1, average 3.
 */
static const uint32_t sets[] = {
	0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 2, 0, 1, 2, 3
};
static const size_t starts[] = { 0, 2, 4, 6, 8, 9, 10, 12, 16 };
static const size_t sizes[] = { 2, 2, 2, 2, 1, 1, 2, 4 };

static void coupling_as_code_maat(void **state)
{
	struct history_coupling c;

	(void)state;
	history_couple(&c, sets, starts, 8, 3, sizes, 1, 1, 30);
	assert_int_equal(c.changesets, 7);
	assert_int_equal(c.large, 1);
	assert_int_equal(c.candidates, 2);
	assert_int_equal(c.nr, 2);
	assert_int_equal(c.pairs[0].a, 0);
	assert_int_equal(c.pairs[0].b, 1);
	assert_int_equal(c.pairs[0].shared, 4);
	assert_int_equal(c.pairs[0].revs_a, 6);
	assert_int_equal(c.pairs[0].revs_b, 5);
	assert_int_equal(c.pairs[0].degree, 72);
	/* (1,2): 1 shared of an average of 3 revisions: 33% */
	assert_int_equal(c.pairs[1].degree, 33);
	history_coupling_release(&c);
}

static void coupling_thresholds_count(void **state)
{
	struct history_coupling c;

	(void)state;
	/* min-revs 4: (1,2) averages 3 -> removed by it */
	history_couple(&c, sets, starts, 8, 3, sizes, 4, 1, 30);
	assert_int_equal(c.below_min_revs, 1);
	assert_int_equal(c.nr, 1);
	history_coupling_release(&c);
	/* min-shared 5: (0,1) shares 4 -> both gone, one per threshold */
	history_couple(&c, sets, starts, 8, 3, sizes, 1, 5, 30);
	assert_int_equal(c.below_min_shared, 2);
	assert_int_equal(c.nr, 0);
	history_coupling_release(&c);
	/* min-coupling 73: 72.7% is below, exactly as a ratio */
	history_couple(&c, sets, starts, 8, 3, sizes, 1, 1, 73);
	assert_int_equal(c.below_min_coupling, 2);
	history_coupling_release(&c);
	/* min-coupling 72 keeps it: 72.7 >= 72 */
	history_couple(&c, sets, starts, 8, 3, sizes, 1, 1, 72);
	assert_int_equal(c.nr, 1);
	history_coupling_release(&c);
	/* a limit of 4 takes the big change in: 0 has 7 revisions */
	history_couple(&c, sets, starts, 8, 4, sizes, 0, 0, 0);
	assert_int_equal(c.large, 0);
	assert_int_equal(c.candidates, 6);
	assert_int_equal(c.pairs[0].revs_a, 7);
	history_coupling_release(&c);
}

static void oidmap_collisions_and_removal(void **state)
{
	struct oidmap map = OIDMAP_INIT;
	unsigned char id[200][20];
	int added;

	(void)state;
	/* ids that share their first 8 bytes land on one probe run */
	for (int i = 0; i < 200; i++) {
		memset(id[i], 0xab, 20);
		id[i][19] = (unsigned char)i;
		id[i][0] = (unsigned char)(i % 3);
		oidmap_insert(&map, id[i], &added)->value = (void *)(size_t)i;
		assert_true(added);
	}
	oidmap_insert(&map, id[7], &added);
	assert_false(added);
	assert_int_equal(map.nr, 200);
	for (int i = 0; i < 200; i += 2)
		oidmap_remove(&map, id[i]);
	assert_int_equal(map.nr, 100);
	for (int i = 0; i < 200; i++) {
		struct oidmap_entry *e = oidmap_find(&map, id[i]);

		if (i % 2) {
			assert_non_null(e);
			assert_int_equal((size_t)e->value, (size_t)i);
		} else {
			assert_null(e);
		}
	}
	oidmap_release(&map);
}

static void add_commit(struct hlog *log, unsigned char byte)
{
	struct hlog_commit *c;

	log->commits = realloc(log->commits, (log->nr + 1) * sizeof(*c));
	c = &log->commits[log->nr++];
	memset(c, 0, sizeof(*c));
	memset(c->id, byte, 20);
	c->flags = HLOG_MINED;
}

static void cache_round_trip(void **state)
{
	char dir[] = "/tmp/carve-test-hcache-XXXXXX";
	struct hlog log = HLOG_INIT, back = HLOG_INIT;
	struct hcache cache;
	struct hlog_change *ch;
	struct strbuf path = STRBUF_INIT;

	(void)state;
	assert_non_null(mkdtemp(dir));
	add_commit(&log, 1);
	ch = hlog_add_change(&log, &log.commits[0]);
	ch->path = hlog_path(&log, "a\tb.c", 5); /* a tab in a path */
	ch->added = 7;
	ch->deleted = 3;
	ch = hlog_add_change(&log, &log.commits[0]);
	ch->path = hlog_path(&log, "new.c", 5);
	ch->from = hlog_path(&log, "old.c", 5);
	ch->rename_added = 1;
	ch->flags = HLOG_NEW;
	log.commits[0].flags |= HLOG_RENAMES;
	add_commit(&log, 2); /* incomplete: never cached */
	log.commits[1].flags |= HLOG_INCOMPLETE;

	hcache_load(&cache, dir, 1000);
	assert_int_equal(hcache_save(&cache, &log), 0);
	assert_int_equal(cache.added, 1);
	hcache_release(&cache);

	hcache_load(&cache, dir, 1000);
	add_commit(&back, 1);
	add_commit(&back, 2);
	assert_true(hcache_has(&cache, back.commits[0].id, 1));
	assert_false(hcache_has(&cache, back.commits[1].id, 0));
	assert_int_equal(hcache_fill(&cache, &back, 0, 1), 1);
	assert_int_equal(back.commits[0].nr, 2);
	assert_string_equal(back.paths[back.changes[0].path], "a\tb.c");
	assert_int_equal(back.changes[0].added, 7);
	assert_int_equal(back.changes[0].deleted, 3);
	assert_int_equal(back.changes[1].from, back.changes[1].path + 1);
	assert_string_equal(back.paths[back.changes[1].from], "old.c");
	assert_int_equal(back.changes[1].rename_added, 1);
	assert_true(back.changes[1].flags & HLOG_NEW);
	hcache_release(&cache);

	/* another blob size limit: a foreign cache, empty */
	hcache_load(&cache, dir, 2000);
	assert_false(hcache_has(&cache, back.commits[0].id, 0));
	hcache_release(&cache);

	strbuf_addf(&path, "%s/history.cache", dir);
	unlink(path.buf);
	rmdir(dir);
	strbuf_release(&path);
	hlog_release(&log);
	hlog_release(&back);
}

static void model_part_reads_back(void **state)
{
	struct history h = { 0 }, *back = NULL;
	struct history_entity files[2] = { { 0 } }, modules[1] = { { 0 } };
	struct history_author authors[2] = { { 0 } };
	struct history_team teams[1] = { { 0 } };
	struct history_share shares[2] = { { 0 } }, team_share = { 0 };
	struct history_pair pair = { 0, 1, 4, 6, 5, 72 };
	struct history_large large = {
		"0123456789012345678901234567890123456789", 40
	};
	cJSON *one, *two;
	char *a, *b;

	(void)state;
	h.rev = "HEAD";
	h.commits = 3;
	h.analysed = 2;
	h.first = 1700000000;
	h.last = 1700086400;
	h.now = 1700086400;
	authors[0] = (struct history_author){ "Ann",	  "ann@x",   0,
					      2,	  10,	     1,
					      1700000000, 1700086400 };
	authors[1] = (struct history_author){ "Bo\xffo",  "bo@x",    -1,
					      1,	  1,	     0,
					      1700000000, 1700000000 };
	teams[0] = (struct history_team){ "core", 1, 2, 10, 1 };
	shares[0] = (struct history_share){ 0, 2, 10, 1 };
	shares[1] = (struct history_share){ 1, 1, 1, 0 };
	team_share = (struct history_share){ 0, 2, 10, 1 };
	files[0].name = "a.c";
	files[0].module = "m";
	files[0].revisions = 2;
	files[0].authors = shares;
	files[0].authors_nr = 2;
	files[0].teams = &team_share;
	files[0].teams_nr = 1;
	files[1].name = "b.c";
	files[1].module = "m";
	modules[0].name = "m";
	modules[0].files = 2;
	h.files = files;
	h.files_nr = 2;
	h.modules = modules;
	h.modules_nr = 1;
	h.authors = authors;
	h.authors_nr = 2;
	h.teams = teams;
	h.teams_nr = 1;
	h.file_coupling.pairs = &pair;
	h.file_coupling.nr = 1;
	h.file_coupling.candidates = 3;
	h.large = &large;
	h.large_nr = 1;

	/* through text, as a model file is read (counts are raw numbers) */
	one = history_to_json(&h);
	a = cJSON_Print(one);
	cJSON_Delete(one);
	one = cJSON_Parse(a);
	assert_int_equal(history_from_json(&back, one, "test"), 0);
	two = history_to_json(back);
	b = cJSON_Print(two);
	assert_string_equal(a, b);
	/* the name that is not UTF-8 was made valid on the way out */
	assert_non_null(strstr(a, "Bo\xef\xbf\xbdo"));
	free(a);
	free(b);
	cJSON_Delete(one);
	cJSON_Delete(two);
	history_free(back);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(coupling_as_code_maat),
		cmocka_unit_test(coupling_thresholds_count),
		cmocka_unit_test(oidmap_collisions_and_removal),
		cmocka_unit_test(cache_round_trip),
		cmocka_unit_test(model_part_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
