/*
 * carve --version: the version of every library carve links or loads,
 * from the library itself where it says (libgit2, libclang, cJSON,
 * igraph, librsvg, cairo) and from the headers carve was compiled
 * against, so a packaged build shows what it runs with.
 */
#include <cairo.h>
#include <cjson/cJSON.h>
#include <git2.h>
#include <graphviz/graphviz_version.h>
#include <igraph/igraph.h>
#include <librsvg/rsvg.h>
#include <string.h>

#include "carve/error.h"
#include "carve/libclang.h"
#include "carve/version.h"

#define VSTR_(x) #x
#define VSTR(x) VSTR_(x)

/* "name runtime" and, when the headers named another, "(built with x)" */
static void line(FILE *fp, const char *name, const char *runtime,
		 const char *built)
{
	fprintf(fp, "%-9s %s", name, runtime);
	if (built && strcmp(runtime, built))
		fprintf(fp, " (built with %s)", built);
	fputc('\n', fp);
}

static void clang_line(FILE *fp)
{
	CXString s;

	/* libclang_load() has said why on stderr; the line says what */
	if (libclang_load()) {
		fprintf(fp,
			"%-9s not loaded (built with LLVM %s; C/C++ "
			"symbol dependencies are off)\n",
			"libclang", CARVE_LLVM_VERSION);
		return;
	}
	s = clang_getClangVersion();
	fprintf(fp, "%-9s %s (built with LLVM %s, loaded from %s)\n",
		"libclang", clang_getCString(s), CARVE_LLVM_VERSION,
		libclang_path());
	clang_disposeString(s);
}

void version_print(FILE *fp)
{
	char buf[64];
	int major, minor, rev;
	const char *igraph;

	fprintf(fp, "carve %s\n", CARVE_VERSION);
	git_libgit2_version(&major, &minor, &rev);
	snprintf(buf, sizeof(buf), "%d.%d.%d", major, minor, rev);
	line(fp, "libgit2", buf, LIBGIT2_VERSION);
	clang_line(fp);
	line(fp, "cJSON", cJSON_Version(),
	     VSTR(CJSON_VERSION_MAJOR) "." VSTR(CJSON_VERSION_MINOR) "." VSTR(
		     CJSON_VERSION_PATCH));
	line(fp, "Graphviz", PACKAGE_VERSION, NULL);
	igraph_version(&igraph, NULL, NULL, NULL);
	line(fp, "igraph", igraph, IGRAPH_VERSION);
	snprintf(buf, sizeof(buf), "%u.%u.%u", rsvg_major_version,
		 rsvg_minor_version, rsvg_micro_version);
	line(fp, "librsvg", buf, LIBRSVG_VERSION);
	line(fp, "cairo", cairo_version_string(), CAIRO_VERSION_STRING);
}
