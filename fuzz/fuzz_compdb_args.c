/*
 * Fuzz target: the allow-list of compile_commands.json arguments
 * (compdb_filter_args). The input is the arguments, NUL-separated. What
 * comes out must never name an output, a plugin, a response file or a
 * pass-through, and every path it passes lies in the repository (this
 * process's directory) or a system include directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/arena.h"
#include "carve/compdb.h"
#include "fuzz.h"

static const char *const never[] = {
	"-Xclang", "-Xpreprocessor", "-Xassembler", "-Xlinker", "-mllvm",
	"-MJ", "-MF", "-MT", "-MD", "-MMD", "-o", "-load", "-isysroot",
	"--sysroot", "-working-directory", "-ivfsoverlay", "-resource-dir",
	"--config", "-B", "-F", "-L",
};

static int under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (!path[n] || path[n] == '/');
}

static int allowed_path(const char *p, const char *root)
{
	static const char *const sys[] = { "/usr/include",
					   "/usr/local/include", "/usr/lib/gcc",
					   "/usr/lib/clang", "/usr/lib/llvm" };

	if (*p != '/')
		return 0;
	if (under(p, root))
		return 1;
	for (size_t i = 0; i < sizeof(sys) / sizeof(*sys); i++)
		if (!strncmp(p, sys[i], strlen(sys[i])))
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char root[256];
	struct compdb_args out = { 0 };
	struct arena arena = ARENA_INIT;
	const char **raw;
	char *buf = fuzz_cstring(data, size);
	size_t nr = 1;

	if (!*root) {
		char *r = realpath(fuzz_dir(), NULL);

		if (!r)
			abort();
		snprintf(root, sizeof(root), "%s", r);
		free(r);
		fuzz_write_file("h.h", (const uint8_t *)"int x;\n", 7);
		mkdir(fuzz_write_file("inc", (const uint8_t *)"", 0), 0700);
	}
	for (size_t i = 0; i < size; i++)
		nr += !data[i];
	raw = calloc(nr + 1, sizeof(*raw));
	if (!raw)
		abort();
	raw[0] = buf;
	for (size_t i = 0, k = 1; i < size; i++)
		if (!data[i])
			raw[k++] = buf + i + 1;
	compdb_filter_args(&out, &arena, root, root, raw, nr);
	if (out.nr < 1 || out.nr > 2 * nr ||
	    (strcmp(out.argv[0], "clang") && strcmp(out.argv[0], "clang++")))
		abort();
	for (size_t i = 1; i < out.nr; i++) {
		const char *a = out.argv[i];

		if (*a == '@' || *a != '-' || !strncmp(a, "-Wp,", 4) ||
		    !strncmp(a, "-Wl,", 4) || !strncmp(a, "-Wa,", 4) ||
		    !strncmp(a, "-fplugin", 8) ||
		    !strncmp(a, "-fpass-plugin", 13) ||
		    !strncmp(a, "-mllvm", 6))
			abort();
		for (size_t k = 0; k < sizeof(never) / sizeof(*never); k++)
			if (!strcmp(a, never[k]))
				abort();
		if (!strcmp(a, "-target") || !strcmp(a, "-arch")) {
			/* a value naming no file: letters, digits, "_.+-" */
			if (i + 1 >= out.nr ||
			    strspn(out.argv[i + 1],
				   "abcdefghijklmnopqrstuvwxyz_.+"
				   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
				    strlen(out.argv[i + 1]))
				abort();
			i++;
			continue;
		}
		if (!strcmp(a, "-I") || !strcmp(a, "-isystem") ||
		    !strcmp(a, "-iquote") || !strcmp(a, "-idirafter") ||
		    !strcmp(a, "-include") || !strcmp(a, "-imacros")) {
			if (i + 1 >= out.nr ||
			    !allowed_path(out.argv[i + 1], root))
				abort();
			i++;
		}
	}
	free(out.argv);
	free(raw);
	free(buf);
	arena_release(&arena);
	return 0;
}
