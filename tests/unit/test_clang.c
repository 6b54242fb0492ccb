/*
 * Unit tests for the libclang modules that need no parse: which commands
 * run a compiler, symbol kinds, the symbol index's resolution (nearest
 * definition, declaration fallback, header pairing, one count per text),
 * and the per-unit cache's validation by file stamps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carve/compdb.h"
#include "carve/scan.h"
#include "carve/strmap.h"
#include "carve/symindex.h"
#include "carve/tu.h"
#include "carve/tucache.h"

static void compilers(void **state)
{
	(void)state;
	assert_true(compdb_is_compiler("cc"));
	assert_true(compdb_is_compiler("/usr/bin/gcc"));
	assert_true(compdb_is_compiler("x86_64-linux-gnu-gcc-12"));
	assert_true(compdb_is_compiler("clang++-14"));
	assert_true(compdb_is_compiler("/opt/llvm/bin/clang"));
	assert_true(compdb_is_compiler("g++"));
	assert_false(compdb_is_compiler("python3"));
	assert_false(compdb_is_compiler("/usr/bin/ld"));
	assert_false(compdb_is_compiler("ccache"));
	assert_false(compdb_is_compiler("gcc-ar"));
	assert_false(compdb_is_compiler(""));
}

static void kinds(void **state)
{
	(void)state;
	for (int k = SYMBOL_FUNCTION; k <= SYMBOL_MACRO; k++)
		assert_int_equal(symbol_kind_parse(symbol_kind_name(k)), k);
	assert_string_equal(symbol_kind_name(SYMBOL_TYPE), "type");
	assert_int_equal(symbol_kind_parse("class"), -1);
}

static const char *const paths[] = {
	"include/b.h", /* 0: declares bfun */
	"lib/b.c", /* 1: defines bfun, for another program */
	"src/a.c", /* 2: calls bfun */
	"src/b.c", /* 3: defines bfun */
	"src/x.c", /* 4: beside x.h */
	"src/x.h", /* 5: defines struct xs */
};

static struct scan *fake_scan(void)
{
	struct scan *s = calloc(1, sizeof(*s));
	size_t nr = sizeof(paths) / sizeof(*paths);

	s->files = calloc(nr, sizeof(*s->files));
	s->nr = nr;
	for (size_t i = 0; i < nr; i++) {
		s->files[i].path = paths[i];
		s->files[i].status = FILE_COUNTED;
	}
	return s;
}

static void free_scan(struct scan *s)
{
	free(s->edges);
	free(s->files);
	arena_release(&s->arena);
	free(s);
}

static void ref(struct symindex *ix, size_t from, const char *usr,
		const char *name, enum symbol_kind kind, long target, long decl,
		unsigned count)
{
	struct symref r = { from, usr, name, kind, target, decl, count };

	symindex_add_ref(ix, &r);
}

static const struct scan_edge *edge(const struct scan *s, size_t from,
				    size_t to)
{
	for (size_t i = 0; i < s->edges_nr; i++)
		if (s->edges[i].from == from && s->edges[i].to == to)
			return &s->edges[i];
	return NULL;
}

static void resolution(void **state)
{
	struct symindex ix = SYMINDEX_INIT;
	struct scan *s = fake_scan();
	const struct scan_edge *e;

	(void)state;
	symindex_add_def(&ix, "c:@F@bfun", "bfun", SYMBOL_FUNCTION, 3);
	symindex_add_def(&ix, "c:@F@bfun", "bfun", SYMBOL_FUNCTION, 1);
	symindex_add_def(&ix, "c:@S@xs", "xs", SYMBOL_TYPE, 5);
	/* a.c sees only the declaration in b.h: the definition in src/
	 * (nearer than lib/) wins; seen by two units, it counts once */
	ref(&ix, 2, "c:@F@bfun", "bfun", SYMBOL_FUNCTION, -1, 0, 2);
	ref(&ix, 2, "c:@F@bfun", "bfun", SYMBOL_FUNCTION, -1, 0, 2);
	/* defined nowhere: the declaration's file */
	ref(&ix, 2, "c:@F@gone", "gone", SYMBOL_FUNCTION, -1, 0, 1);
	/* neither: unresolved */
	ref(&ix, 2, "c:@F@ext", "ext", SYMBOL_FUNCTION, -1, -1, 1);
	/* a type of x.h: paired with x.c */
	ref(&ix, 2, "c:@S@xs", "xs", SYMBOL_TYPE, 5, 5, 1);
	/* x.c uses x.h's type: one unit with it, no edge */
	ref(&ix, 4, "c:@S@xs", "xs", SYMBOL_TYPE, 5, 5, 3);
	symindex_finish(&ix);
	assert_int_equal(ix.refs_nr, 5);
	assert_int_equal(ix.defs_nr, 3);

	symindex_edges(&ix, s, SYMINDEX_PAIR_C);
	assert_int_equal(ix.unresolved, 1);
	assert_int_equal(s->edges_nr, 3);
	e = edge(s, 2, 3);
	assert_non_null(e);
	assert_int_equal(e->kind, DEP_SYMBOL);
	assert_int_equal(e->weight, 2);
	assert_int_equal(e->symbols_nr, 1);
	assert_string_equal(e->symbols[0].name, "bfun");
	assert_string_equal(e->symbols[0].usr, "c:@F@bfun");
	assert_non_null(edge(s, 2, 0)); /* gone: declared in b.h */
	e = edge(s, 2, 4);
	assert_non_null(e); /* xs: x.h is x.c's */
	assert_int_equal(e->symbols[0].kind, SYMBOL_TYPE);
	assert_null(edge(s, 4, 5));
	assert_null(edge(s, 2, 5));

	/* without pairing, the type stays on the header */
	free(s->edges);
	s->edges = NULL;
	s->edges_nr = 0;
	symindex_edges(&ix, s, SYMINDEX_PAIR_NONE);
	assert_int_equal(s->edges_nr, 4);
	assert_non_null(edge(s, 2, 5));
	assert_non_null(edge(s, 4, 5));
	assert_null(edge(s, 2, 4));
	symindex_release(&ix);
	free_scan(s);
}

static void pairs(void **state)
{
	struct scan *s = fake_scan();
	struct strmap by_path = STRMAP_INIT;

	(void)state;
	for (size_t i = 0; i < s->nr; i++)
		strmap_put(&by_path, s->files[i].path, (void *)(i + 1));
	assert_int_equal(symindex_pair(s, &by_path, 5, SYMINDEX_PAIR_C), 4);
	assert_int_equal(symindex_pair(s, &by_path, 5, SYMINDEX_PAIR_NONE), -1);
	/* include/b.h has no b.c beside it */
	assert_int_equal(symindex_pair(s, &by_path, 0, SYMINDEX_PAIR_ALL), -1);
	/* a .c file is no header */
	assert_int_equal(symindex_pair(s, &by_path, 4, SYMINDEX_PAIR_ALL), -1);
	strmap_release(&by_path);
	free_scan(s);
}

/* A unit that read one file outside the scan, with one symbol. */
static void fill_tu(struct tu *tu, const char *file)
{
	char stamp[48];

	tucache_stamp(stamp, sizeof(stamp), file);
	tu->main = "src/a.c";
	tu->errors = 2;
	tu_add_message(tu, "expected ';'");
	tu_add_file(tu, file, -1, stamp);
	tu_add_symbol(tu, "c:@F@f", "f", SYMBOL_FUNCTION);
	tu->defs = calloc(1, sizeof(*tu->defs));
	tu->defs_nr = 1;
}

static void cache(void **state)
{
	char dir[] = "/tmp/carve-unit.XXXXXX";
	char file[64], cpath[80];
	struct tucache c = TUCACHE_INIT;
	struct strmap by_path = STRMAP_INIT;
	struct scan *s = fake_scan();
	struct tu_context ctx = { s, &by_path, "/nonexistent" };
	struct tu tu = { 0 }, got = { 0 };
	struct tu *tus[1] = { &tu };
	const char *keys[1] = { "0123456789012345678901234567890123456789" };
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/sys.h", dir);
	snprintf(cpath, sizeof(cpath), "%s/clang.cache", dir);
	fp = fopen(file, "w");
	fputs("int f(void);\n", fp);
	fclose(fp);
	fill_tu(&tu, file);

	tucache_load(&c, dir);
	assert_int_equal(tucache_save(&c, tus, keys, 1), 0);
	tucache_release(&c);

	tucache_load(&c, dir);
	assert_int_equal(tucache_get(&c, &got, keys[0], &ctx), 1);
	assert_int_equal(got.cached, 1);
	assert_int_equal(got.errors, 2);
	assert_int_equal(got.messages_nr, 1);
	assert_string_equal(got.messages[0], "expected ';'");
	assert_int_equal(got.files_nr, 1);
	assert_string_equal(got.files[0].path, file);
	assert_int_equal(got.syms_nr, 1);
	assert_string_equal(got.syms[0].usr, "c:@F@f");
	assert_int_equal(got.defs_nr, 1);
	tu_release(&got);
	/* an unknown key misses */
	assert_int_equal(tucache_get(&c, &got, "x", &ctx), 0);
	tucache_release(&c);

	/* the file changed size: the unit must be parsed again */
	fp = fopen(file, "a");
	fputs("int g(void);\n", fp);
	fclose(fp);
	tucache_load(&c, dir);
	assert_int_equal(tucache_get(&c, &got, keys[0], &ctx), 0);
	tucache_release(&c);

	tu_release(&tu);
	unlink(file);
	unlink(cpath);
	rmdir(dir);
	strmap_release(&by_path);
	free_scan(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compilers),  cmocka_unit_test(kinds),
		cmocka_unit_test(resolution), cmocka_unit_test(pairs),
		cmocka_unit_test(cache),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
