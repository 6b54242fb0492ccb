/*
 * carve check --export: the rules of carve.json written for the tools
 * teams already run. dependency-cruiser gets a "forbidden" rule per
 * denying rule, with each context's globs as one regular expression;
 * import-linter gets a "forbidden" contract per denying rule, with each
 * context as the Python packages its globs name (app/orders and
 * everything below it is the package app.orders); tach gets a module
 * per such package with the packages of the contexts it may import as
 * its depends_on, and forbid_circular_dependencies for { "cycles":
 * false }. What a tool cannot say (allow rules that override later
 * ones, exceptions, globs that are no package) is left out with a
 * warning and a comment.
 */
#include <stdio.h>
#include <string.h>

#include "carve/check.h"
#include "carve/check_export.h"
#include "carve/error.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* Appends carve's glob as a regular expression over repository paths. */
static void glob_regex(struct strbuf *sb, const char *g)
{
	size_t n = strlen(g);
	int dir = n && g[n - 1] == '/';

	if (!strchr(g, '/') || (dir && !memchr(g, '/', n - 1))) {
		/* no slash: the last segment (or a directory) at any depth */
		strbuf_addstr(sb, "(^|/)");
	} else {
		strbuf_addch(sb, '^');
		if (*g == '/')
			g++;
	}
	for (const char *p = g; *p; p++) {
		if (p[0] == '*' && p[1] == '*') {
			if (p[2] == '/') {
				strbuf_addstr(sb, "(.*/)?");
				p += 2;
			} else {
				strbuf_addstr(sb, ".*");
				p++;
			}
		} else if (*p == '*') {
			strbuf_addstr(sb, "[^/]*");
		} else if (*p == '?') {
			strbuf_addstr(sb, "[^/]");
		} else if (*p == '[') {
			const char *end = strchr(p + 1, ']');

			if (!end) {
				strbuf_addstr(sb, "\\[");
				continue;
			}
			strbuf_add(sb, p, (size_t)(end - p + 1));
			p = end;
		} else if (*p == '/' && !p[1]) {
			strbuf_addstr(sb, "/");
		} else {
			if (strchr(".^$+(){}|\\", *p))
				strbuf_addch(sb, '\\');
			strbuf_addch(sb, *p);
		}
	}
	strbuf_addstr(sb, dir ? "" : "$");
}

static void context_regex(struct strbuf *sb, const struct check *c, int k)
{
	const struct glob_list *g = &c->contexts.globs[k];

	for (int i = 0; i < g->nr; i++) {
		if (i)
			strbuf_addch(sb, '|');
		glob_regex(sb, g->patterns[i]);
	}
}

/*
 * JavaScript string literal: quotes and backslashes escaped, and every
 * control character and line separator (U+2028, U+2029) as \uXXXX, so
 * that a name from carve.json cannot end the literal or the line.
 */
static void js_string(FILE *fp, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	fputc('"', fp);
	for (; *u; u++) {
		if (*u == '"' || *u == '\\') {
			fputc('\\', fp);
			fputc(*u, fp);
		} else if (*u < 0x20 || *u == 0x7f) {
			fprintf(fp, "\\u%04x", *u);
		} else if (u[0] == 0xe2 && u[1] == 0x80 &&
			   (u[2] == 0xa8 || u[2] == 0xa9)) {
			fprintf(fp, "\\u%04x", 0x2000 + (u[2] - 0x80));
			u += 2;
		} else {
			fputc(*u, fp);
		}
	}
	fputc('"', fp);
}

/*
 * An INI value (import-linter's .importlinter) on one line: control
 * characters become spaces, so a rule name cannot add lines, keys or
 * sections. The caller frees the result.
 */
static char *ini_value(const char *s)
{
	char *v = xstrdup(s);

	for (char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return v;
}

static void warn_allows(const struct check *c)
{
	for (size_t i = 0; i < c->rules_nr; i++)
		if (c->rules[i].allow)
			warning("rule '%s' allows: tools that list forbidden "
				"imports cannot say it, so it is left out",
				c->rules[i].label);
}

static void export_cruiser(FILE *fp, const struct check *c)
{
	struct strbuf sb = STRBUF_INIT;

	fputs("/* written by carve check --export dependency-cruiser from "
	      "carve.json */\nmodule.exports = {\n  forbidden: [\n",
	      fp);
	for (size_t i = 0; i < c->rules_nr; i++) {
		const struct check_rule *r = &c->rules[i];

		if (r->allow)
			continue;
		if (r->cycles) {
			warning("rule '%s': dependency-cruiser has no cycles "
				"between groups of modules; left out",
				r->label);
			fputs("    /* no cycles between contexts: not "
			      "expressible, checked by carve check */\n",
			      fp);
			continue;
		}
		fputs("    {\n      name: ", fp);
		js_string(fp, r->label);
		fputs(",\n      severity: \"error\",\n      from: {", fp);
		if (r->from >= 0) {
			strbuf_reset(&sb);
			context_regex(&sb, c, r->from);
			fputs(" path: ", fp);
			js_string(fp, sb.buf);
			fputc(' ', fp);
		}
		fputs("},\n      to: {", fp);
		if (r->to >= 0) {
			strbuf_reset(&sb);
			context_regex(&sb, c, r->to);
			fputs(" path: ", fp);
			js_string(fp, sb.buf);
		}
		if (r->except.nr) {
			strbuf_reset(&sb);
			for (int k = 0; k < r->except.nr; k++) {
				if (k)
					strbuf_addch(&sb, '|');
				glob_regex(&sb, r->except.patterns[k]);
			}
			fputs(r->to >= 0 ? ", pathNot: " : " pathNot: ", fp);
			js_string(fp, sb.buf);
		}
		fputs(r->to >= 0 || r->except.nr ? " }\n    },\n"
						 : "}\n    },\n",
		      fp);
	}
	fputs("  ]\n};\n", fp);
	strbuf_release(&sb);
}

/*
 * The Python package a glob names: a directory, followed by a slash and
 * a double or single star or by nothing, or a .py file, with the slashes
 * made dots; NULL for any other glob.
 */
static char *glob_package(const char *g)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(g);

	if (n > 3 && !strcmp(g + n - 3, "/**"))
		n -= 3;
	else if (n > 2 && !strcmp(g + n - 2, "/*"))
		n -= 2;
	else if (n > 1 && g[n - 1] == '/')
		n -= 1;
	else if (n > 3 && !strcmp(g + n - 3, ".py"))
		n -= 3;
	for (size_t i = 0; i < n; i++) {
		/* a Python package is identifiers joined by dots */
		if (g[i] != '/' && g[i] != '_' &&
		    !(g[i] >= 'a' && g[i] <= 'z') &&
		    !(g[i] >= 'A' && g[i] <= 'Z') &&
		    !(g[i] >= '0' && g[i] <= '9')) {
			strbuf_release(&sb);
			return NULL;
		}
		strbuf_addch(&sb, g[i] == '/' ? '.' : g[i]);
	}
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* Appends context k's packages, one per line; 0 when one is no package. */
static int packages(struct strbuf *sb, const struct check *c, int k)
{
	const struct glob_list *g = &c->contexts.globs[k];

	for (int i = 0; i < g->nr; i++) {
		char *p = glob_package(g->patterns[i]);

		if (!p) {
			warning("context '%s': '%s' names no Python package; "
				"import-linter cannot say it",
				c->contexts.names[k], g->patterns[i]);
			return 0;
		}
		strbuf_addf(sb, "\n    %s", p);
		free(p);
	}
	return 1;
}

/* Adds package p to the list of root packages unless it is there. */
static void add_root(struct strbuf *roots, const char *p)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "\n    %s\n", p);
	strbuf_addch(roots, '\n');
	if (!strstr(roots->buf, line.buf))
		strbuf_addf(roots, "    %s", p);
	strbuf_setlen(roots, roots->len - (roots->buf[roots->len - 1] == '\n'));
	strbuf_release(&line);
}

static void export_linter(FILE *fp, const struct check *c)
{
	struct strbuf roots = STRBUF_INIT, sb = STRBUF_INIT;
	size_t n = 0;

	for (int k = 0; k < c->contexts.nr; k++)
		for (int i = 0; i < c->contexts.globs[k].nr; i++) {
			char *p =
				glob_package(c->contexts.globs[k].patterns[i]);
			char *dot;

			if (!p)
				continue;
			if ((dot = strchr(p, '.')))
				*dot = '\0';
			add_root(&roots, p);
			free(p);
		}
	fprintf(fp,
		"# written by carve check --export import-linter from "
		"carve.json\n[importlinter]\nroot_packages =%s\n",
		roots.buf);
	for (size_t i = 0; i < c->rules_nr; i++) {
		const struct check_rule *r = &c->rules[i];
		char *name;
		int ok = 1;

		if (r->allow)
			continue;
		if (r->cycles || r->to < 0) {
			warning("rule '%s': import-linter forbids imports of "
				"named packages only; left out",
				r->label);
			continue;
		}
		strbuf_reset(&sb);
		name = ini_value(r->label);
		strbuf_addf(&sb,
			    "\n[importlinter:contract:%zu]\nname = %s\n"
			    "type = forbidden\nsource_modules =",
			    n + 1, name);
		if (r->from >= 0)
			ok = packages(&sb, c, r->from);
		else
			for (int k = 0; ok && k < c->contexts.nr; k++)
				if (k != r->to)
					ok = packages(&sb, c, k);
		strbuf_addstr(&sb, "\nforbidden_modules =");
		ok = ok && packages(&sb, c, r->to);
		if (!ok) {
			fprintf(fp, "\n# rule '%s' names no Python package\n",
				name);
			free(name);
			continue;
		}
		free(name);
		if (r->except.nr)
			warning("rule '%s': its exceptions are left out of "
				"the import-linter contract",
				r->label);
		fprintf(fp, "%s\n", sb.buf);
		n++;
	}
	if (!n)
		warning("no rule could be written for import-linter");
	strbuf_release(&roots);
	strbuf_release(&sb);
}

/*
 * May context a import context b under the rules? The first rule whose
 * sides take them decides, as carve check's does; none: yes. Exceptions
 * are files, which a list of modules cannot name.
 */
static int context_may_import(const struct check *c, int a, int b)
{
	for (size_t i = 0; i < c->rules_nr; i++) {
		const struct check_rule *r = &c->rules[i];

		if (r->cycles || (r->from >= 0 && r->from != a) ||
		    (r->to >= 0 && r->to != b))
			continue;
		return r->allow;
	}
	return 1;
}

/* A TOML basic string: quotes, backslashes and controls escaped. */
static void toml_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if (*u == '"' || *u == '\\')
			fprintf(fp, "\\%c", *u);
		else if (*u < 0x20 || *u == 0x7f)
			fprintf(fp, "\\u%04x", *u);
		else
			fputc(*u, fp);
	}
	fputc('"', fp);
}

static void export_tach(FILE *fp, const struct check *c)
{
	/* per context: its packages, NULL when a glob names none */
	char ***pkgs = xcalloc(c->contexts.nr + 1, sizeof(*pkgs));
	int cycles = 0;

	for (size_t i = 0; i < c->rules_nr; i++) {
		cycles |= c->rules[i].cycles;
		if (c->rules[i].except.nr && !c->rules[i].allow)
			warning("rule '%s': its exceptions are left out of "
				"tach.toml",
				c->rules[i].label);
	}
	for (int k = 0; k < c->contexts.nr; k++) {
		const struct glob_list *g = &c->contexts.globs[k];

		pkgs[k] = xcalloc(g->nr + 1, sizeof(**pkgs));
		for (int i = 0; i < g->nr; i++)
			if (!(pkgs[k][i] = glob_package(g->patterns[i]))) {
				warning("context '%s': '%s' names no Python "
					"package; tach cannot say it",
					c->contexts.names[k], g->patterns[i]);
				for (int j = 0; j < i; j++)
					free(pkgs[k][j]);
				free(pkgs[k]);
				pkgs[k] = NULL;
				break;
			}
	}
	fputs("# written by carve check --export tach from carve.json\n"
	      "source_roots = [\".\"]\n",
	      fp);
	fprintf(fp, "forbid_circular_dependencies = %s\n",
		cycles ? "true" : "false");
	for (int a = 0; a < c->contexts.nr; a++) {
		if (!pkgs[a])
			continue;
		fputs("\n# context ", fp);
		toml_string(fp, c->contexts.names[a]);
		fputc('\n', fp);
		for (char **p = pkgs[a]; *p; p++) {
			int first = 1;

			fputs("[[modules]]\npath = ", fp);
			toml_string(fp, *p);
			fputs("\ndepends_on = [", fp);
			for (int b = 0; b < c->contexts.nr; b++) {
				if (!pkgs[b] ||
				    (a != b && !context_may_import(c, a, b)))
					continue;
				for (char **q = pkgs[b]; *q; q++) {
					if (q == p)
						continue;
					fputs(first ? "" : ", ", fp);
					toml_string(fp, *q);
					first = 0;
				}
			}
			fputs("]\n", fp);
		}
	}
	for (int k = 0; k < c->contexts.nr; k++) {
		for (char **p = pkgs[k]; p && *p; p++)
			free(*p);
		free(pkgs[k]);
	}
	free(pkgs);
}

int check_export(FILE *fp, const struct check *c, const char *tool)
{
	if (!strcmp(tool, "dependency-cruiser")) {
		warn_allows(c);
		export_cruiser(fp, c);
	} else if (!strcmp(tool, "import-linter")) {
		warn_allows(c);
		export_linter(fp, c);
	} else if (!strcmp(tool, "tach")) {
		export_tach(fp, c);
	} else {
		return error_code(CARVE_EINVALID,
				  "--export takes dependency-cruiser, "
				  "import-linter or tach, not '%s'",
				  tool);
	}
	return 0;
}
