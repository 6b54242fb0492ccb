/*
 * Resolver of Ruby: require against the load path (lib/, spec/, test/
 * directories), require_relative against the file's directory, other
 * requires as gems; constant references and ActiveRecord associations
 * through Ruby's lexical lookup to the files that define them by
 * Zeitwerk's naming (every directory of app/, its concerns/, lib/), with
 * the application's inflections; Gemfile and gemspec entries as gems.
 */
#include <ctype.h>
#include <regex.h>
#include <stdint.h>
#include <string.h>

#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/resolve_paths.h"
#include "carve/scan.h"
#include "carve/stdlib.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* One singular rule of ActiveSupport's or the application's. */
struct ruby_inflection {
	regex_t re;
	int literal; /* a string rule: its first occurrence is replaced */
	const char *pattern, *replacement;
};

struct ruby_state {
	/*
	 * The load path: every directory named lib (a gem's or the app's),
	 * spec or test (RSpec and Minitest put them on $LOAD_PATH) on the
	 * way to a Ruby file; sorted, unique.
	 */
	char **dirs;
	size_t nr, alloc;
	/* constant (A::B) -> const_value(): its file, or 1, a namespace */
	struct strmap consts;
	struct strmap acronyms; /* activitypub -> ActivityPub */
	struct strmap overrides; /* Zeitwerk's: osm -> OSM, a whole name */
	struct strmap gems; /* Gemfile, Gemfile.lock, gemspec names */
	struct strmap classes; /* many:statuses -> Status, computed once */
	/* target US nesting -> struct ruby_memo: most references repeat */
	struct strmap memo;
	struct strbuf key;
	struct strmap uncountable;
	/* singular rules, the first that matches wins */
	struct ruby_inflection *rules;
	size_t rules_nr, rules_alloc;
	int rules_ready;
	struct ruby_app_rule *app_rules; /* from inflections.rb */
	size_t app_rules_nr;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_load_dir(const char *s, size_t n)
{
	return (n == 3 && !memcmp(s, "lib", 3)) ||
	       (n == 4 && (!memcmp(s, "spec", 4) || !memcmp(s, "test", 4)));
}

/* inflections.rb, Gemfile.lock: a larger one is not one. */
#define RUBY_CONFIG_MAX_SIZE (16u << 20)
#define RUBY_MATCHES 10

/* Ruby's core constants: references to them go to the external "ruby". */
static const char *const ruby_core[] = { "ArgumentError",
					 "Array",
					 "BasicObject",
					 "Binding",
					 "Class",
					 "Comparable",
					 "Complex",
					 "Data",
					 "Dir",
					 "ENV",
					 "EOFError",
					 "Encoding",
					 "Enumerable",
					 "Enumerator",
					 "Errno",
					 "Exception",
					 "FalseClass",
					 "Fiber",
					 "File",
					 "FileTest",
					 "Float",
					 "FloatDomainError",
					 "FrozenError",
					 "GC",
					 "Hash",
					 "IO",
					 "IOError",
					 "IndexError",
					 "Integer",
					 "Interrupt",
					 "Kernel",
					 "KeyError",
					 "LoadError",
					 "LocalJumpError",
					 "Marshal",
					 "MatchData",
					 "Math",
					 "Method",
					 "Module",
					 "Mutex",
					 "NameError",
					 "NilClass",
					 "NoMatchingPatternError",
					 "NoMethodError",
					 "NotImplementedError",
					 "Numeric",
					 "Object",
					 "ObjectSpace",
					 "Proc",
					 "Process",
					 "Queue",
					 "RUBY_PLATFORM",
					 "RUBY_VERSION",
					 "Random",
					 "Range",
					 "RangeError",
					 "Rational",
					 "Regexp",
					 "RegexpError",
					 "RuntimeError",
					 "STDERR",
					 "STDIN",
					 "STDOUT",
					 "ScriptError",
					 "SecurityError",
					 "Signal",
					 "SignalException",
					 "SizedQueue",
					 "StandardError",
					 "StopIteration",
					 "String",
					 "Struct",
					 "Symbol",
					 "SyntaxError",
					 "SystemCallError",
					 "SystemExit",
					 "Thread",
					 "ThreadError",
					 "Time",
					 "TracePoint",
					 "TrueClass",
					 "TypeError",
					 "UnboundMethod",
					 "UncaughtThrowError",
					 "Warning",
					 "ZeroDivisionError" };

/* Stdlib constants whose require name is not their name in lower case. */
static const char *const ruby_stdlib_alias[][2] = {
	{ "DateTime", "date" },		{ "Delegator", "delegate" },
	{ "Observable", "observer" },	{ "OpenStruct", "ostruct" },
	{ "OptionParser", "optparse" }, { "SimpleDelegator", "delegate" },
	{ "StringScanner", "strscan" },
};

/* ActiveSupport's singular rules (inflections.rb), newest first. */
static const char *const ruby_singulars[][2] = {
	{ "(database)s$", "\\1" },
	{ "(quiz)zes$", "\\1" },
	{ "(matr)ices$", "\\1ix" },
	{ "(vert|ind)ices$", "\\1ex" },
	{ "^(ox)en", "\\1" },
	{ "(alias|status)(es)?$", "\\1" },
	{ "(octop|vir)(us|i)$", "\\1us" },
	{ "^(a)x[ie]s$", "\\1xis" },
	{ "(cris|test)(is|es)$", "\\1is" },
	{ "(shoe)s$", "\\1" },
	{ "(o)es$", "\\1" },
	{ "(bus)(es)?$", "\\1" },
	{ "^(m|l)ice$", "\\1ouse" },
	{ "(x|ch|ss|sh)es$", "\\1" },
	{ "(m)ovies$", "\\1ovie" },
	{ "(s)eries$", "\\1eries" },
	{ "([^aeiouy]|qu)ies$", "\\1y" },
	{ "([lr])ves$", "\\1f" },
	{ "(tive)s$", "\\1" },
	{ "(hive)s$", "\\1" },
	{ "([^f])ves$", "\\1fe" },
	{ "(^analy)(sis|ses)$", "\\1sis" },
	{ "((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$",
	  "\\1sis" },
	{ "([ti])a$", "\\1um" },
	{ "(n)ews$", "\\1ews" },
	{ "(ss)$", "\\1" },
	{ "s$", "" },
};

/* ActiveSupport's irregular words, oldest first; and uncountable ones. */
static const char *const ruby_irregulars[][2] = {
	{ "person", "people" }, { "man", "men" },    { "child", "children" },
	{ "sex", "sexes" },	{ "move", "moves" }, { "zombie", "zombies" },
};
static const char *const ruby_uncountables[] = {
	"equipment", "information", "rice",  "money", "species",
	"series",    "fish",	    "sheep", "jeans", "police",
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int is_core(const char *name)
{
	return bsearch(name, ruby_core, sizeof(ruby_core) / sizeof(*ruby_core),
		       sizeof(*ruby_core), cmp_name) != NULL;
}

static void add_rule(struct ruby_state *st, const char *pattern,
		     const char *replacement, int literal)
{
	struct ruby_inflection *e;

	ALLOC_GROW(st->rules, st->rules_nr + 1, st->rules_alloc);
	e = &st->rules[st->rules_nr];
	e->literal = literal;
	e->pattern = pattern;
	e->replacement = replacement;
	if (!literal && regcomp(&e->re, pattern, REG_EXTENDED | REG_ICASE) != 0)
		return; /* a pattern POSIX cannot read: left out */
	st->rules_nr++;
}

/*
 * An irregular pair as ActiveSupport makes it: (p)eople$ and (p)erson$
 * both singular to person, keeping the first letter's case.
 */
static void add_irregular(struct resolver *r, struct ruby_state *st,
			  const char *one, const char *many)
{
	struct strbuf sb = STRBUF_INIT;
	const char *pat, *rep;

	if (!*one || !*many)
		return;
	strbuf_addf(&sb, "\\1%s", one + 1);
	rep = arena_strndup(&r->arena, sb.buf, sb.len);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "(%c)%s$", many[0], many + 1);
	pat = arena_strndup(&r->arena, sb.buf, sb.len);
	add_rule(st, pat, rep, 0);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "(%c)%s$", one[0], one + 1);
	pat = arena_strndup(&r->arena, sb.buf, sb.len);
	add_rule(st, pat, rep, 0);
	strbuf_release(&sb);
}

/*
 * The application's own inflections, as written in
 * config/initializers/inflections.rb: acronym, irregular, uncountable
 * and singular with string arguments (regular expressions are skipped).
 * Rules are kept in the order read, to be prepended newest first.
 */
struct ruby_app_rule {
	char kind; /* 'i' irregular, 's' singular */
	const char *a, *b;
};

/* Reads the string literals after lx (a, "b", %w(c d)) into out. */
static size_t read_strings(struct resolver *r, const char *p, const char *end,
			   const char **out, size_t max)
{
	size_t nr = 0;

	while (p < end && nr < max) {
		if (*p == ' ' || *p == '\t' || *p == ',' || *p == '(' ||
		    *p == ')') {
			p++;
		} else if (*p == '\'' || *p == '"') {
			const char *q =
				memchr(p + 1, *p, (size_t)(end - p - 1));

			if (!q)
				break;
			out[nr++] = arena_strndup(&r->arena, p + 1,
						  (size_t)(q - p - 1));
			p = q + 1;
		} else if (end - p > 3 && p[0] == '%' && p[1] == 'w') {
			const char *close = memchr(p,
						   p[2] == '('	 ? ')'
						   : p[2] == '[' ? ']'
								 : p[2],
						   (size_t)(end - p - 3) + 3);

			p += 3;
			close = close && close >= p ? close : NULL;
			if (!close)
				break;
			while (p < close && nr < max) {
				const char *w;

				while (p < close && (*p == ' ' || *p == '\t'))
					p++;
				w = p;
				while (p < close && *p != ' ' && *p != '\t')
					p++;
				if (p > w)
					out[nr++] = arena_strndup(
						&r->arena, w, (size_t)(p - w));
			}
			p = close + 1;
		} else {
			break;
		}
	}
	return nr;
}

/* A quoted string at *pp into an arena copy, or NULL. */
static const char *read_quoted(struct resolver *r, const char **pp,
			       const char *end)
{
	const char *p = *pp, *q;

	if (p >= end || (*p != '\'' && *p != '"'))
		return NULL;
	q = memchr(p + 1, *p, (size_t)(end - p - 1));
	if (!q)
		return NULL;
	*pp = q + 1;
	return arena_strndup(&r->arena, p + 1, (size_t)(q - p - 1));
}

/*
 * Zeitwerk's own inflections, `autoloader.inflector.inflect("osm" =>
 * "OSM", ...)`: a file or directory named exactly so is that constant.
 */
static void read_overrides(struct resolver *r, struct ruby_state *st,
			   const char *p, const char *end)
{
	for (;;) {
		const char *key, *value;

		while (p < end && strchr(" \t\r\n,", *p))
			p++;
		key = read_quoted(r, &p, end);
		while (p < end && strchr(" \t\r\n", *p))
			p++;
		if (!key || end - p < 2 || p[0] != '=' || p[1] != '>')
			return;
		p += 2;
		while (p < end && strchr(" \t\r\n", *p))
			p++;
		value = read_quoted(r, &p, end);
		if (!value)
			return;
		strmap_put(&st->overrides, key, (void *)value);
	}
}

static void read_inflections(struct resolver *r, struct ruby_state *st,
			     const char *path, struct ruby_app_rule **rules,
			     size_t *nr, size_t *alloc)
{
	struct strbuf sb = STRBUF_INIT, file = STRBUF_INIT;
	const char *p, *end;

	strbuf_addf(&file, "%s/%s", r->scan->root, path);
	if (resolver_read_file(r, &sb, file.buf, RUBY_CONFIG_MAX_SIZE) < 0)
		goto done;
	for (p = sb.buf, end = sb.buf + sb.len; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *args[16], *dot;
		size_t n;

		if (!eol)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		dot = *p == '#' ? NULL : memchr(p, '.', (size_t)(eol - p));
		if (dot && (eol - p) > 8 &&
		    (dot = memmem(p, (size_t)(eol - p), ".inflect(", 9))) {
			read_overrides(r, st, dot + 9, end);
			p = eol + 1;
			continue;
		}
		dot = *p == '#' ? NULL : memchr(p, '.', (size_t)(eol - p));
		p = eol + 1;
		if (!dot)
			continue;
		dot++;
		if (!strncmp(dot, "acronym", 7)) {
			n = read_strings(r, dot + 7, eol, args, 16);
			for (size_t i = 0; i < n; i++) {
				char *key = arena_strdup(&r->arena, args[i]);

				for (char *k = key; *k; k++)
					*k = (char)tolower((unsigned char)*k);
				strmap_put(&st->acronyms, key, (void *)args[i]);
			}
		} else if (!strncmp(dot, "uncountable", 11)) {
			n = read_strings(r, dot + 11, eol, args, 16);
			for (size_t i = 0; i < n; i++)
				strmap_put(&st->uncountable, args[i],
					   (void *)args[i]);
		} else if (!strncmp(dot, "irregular", 9) ||
			   !strncmp(dot, "singular", 8)) {
			n = read_strings(r, dot + (*dot == 'i' ? 9 : 8), eol,
					 args, 2);
			if (n != 2)
				continue;
			ALLOC_GROW(*rules, *nr + 1, *alloc);
			(*rules)[*nr].kind = *dot;
			(*rules)[*nr].a = args[0];
			(*rules)[*nr].b = args[1];
			(*nr)++;
		}
	}
done:
	strbuf_release(&file);
	strbuf_release(&sb);
}

/* Builds the singular rules: the application's, then ActiveSupport's. */
static void build_rules(struct resolver *r, struct ruby_state *st,
			const struct ruby_app_rule *app, size_t nr)
{
	for (size_t i = nr; i-- > 0;) {
		if (app[i].kind == 'i') {
			add_irregular(r, st, app[i].a, app[i].b);
			strmap_put(&st->uncountable, app[i].a, NULL);
			strmap_put(&st->uncountable, app[i].b, NULL);
		} else {
			add_rule(st, app[i].a, app[i].b, 1);
		}
	}
	for (size_t i = sizeof(ruby_irregulars) / sizeof(*ruby_irregulars);
	     i-- > 0;)
		add_irregular(r, st, ruby_irregulars[i][0],
			      ruby_irregulars[i][1]);
	for (size_t i = 0; i < sizeof(ruby_singulars) / sizeof(*ruby_singulars);
	     i++)
		add_rule(st, ruby_singulars[i][0], ruby_singulars[i][1], 0);
	st->rules_ready = 1;
}

/* ActiveSupport's singularize: the first rule that matches, applied. */
static void singularize(const struct ruby_state *st, struct strbuf *sb)
{
	struct strbuf out = STRBUF_INIT;
	char *lower = xstrdup(sb->buf);
	int matched = 0;

	for (char *k = lower; *k; k++)
		*k = (char)tolower((unsigned char)*k);
	if (strmap_get(&st->uncountable, lower))
		goto done;
	for (size_t i = 0; i < st->rules_nr; i++) {
		const struct ruby_inflection *e = &st->rules[i];
		regmatch_t m[RUBY_MATCHES];

		if (e->literal) {
			const char *at = strstr(sb->buf, e->pattern);

			if (!at)
				continue;
			strbuf_add(&out, sb->buf, (size_t)(at - sb->buf));
			strbuf_addstr(&out, e->replacement);
			strbuf_addstr(&out, at + strlen(e->pattern));
			matched = 1;
			break;
		}
		if (regexec(&e->re, sb->buf, RUBY_MATCHES, m, 0))
			continue;
		strbuf_add(&out, sb->buf, (size_t)m[0].rm_so);
		for (const char *q = e->replacement; *q; q++) {
			int g = q[0] == '\\' && q[1] >= '1' && q[1] <= '9'
					? q[1] - '0'
					: 0;

			if (!g) {
				strbuf_addch(&out, *q);
				continue;
			}
			if (m[g].rm_so >= 0)
				strbuf_add(&out, sb->buf + m[g].rm_so,
					   (size_t)(m[g].rm_eo - m[g].rm_so));
			q++;
		}
		strbuf_addstr(&out, sb->buf + m[0].rm_eo);
		matched = 1;
		break;
	}
	if (matched) {
		strbuf_reset(sb);
		strbuf_add(sb, out.buf, out.len);
	}
done:
	free(lower);
	strbuf_release(&out);
}

/*
 * ActiveSupport's camelize of one path segment (foo_bar -> FooBar,
 * activitypub -> ActivityPub with that acronym), appended to sb.
 */
static void camelize(const struct ruby_state *st, struct strbuf *sb,
		     const char *s, size_t n)
{
	struct strbuf word = STRBUF_INIT;

	for (size_t i = 0; i <= n;) {
		size_t j = i;
		const char *acronym;

		while (j < n && s[j] != '_')
			j++;
		strbuf_reset(&word);
		strbuf_add(&word, s + i, j - i);
		acronym = word.len ? strmap_get(&st->acronyms, word.buf) : NULL;
		if (acronym) {
			strbuf_addstr(sb, acronym);
		} else {
			for (size_t k = 0; k < word.len; k++)
				strbuf_addch(
					sb,
					(char)(k ? tolower((unsigned char)
								   word.buf[k])
						 : toupper((unsigned char)word
								   .buf[k])));
		}
		i = j + 1;
	}
	strbuf_release(&word);
}

static int is_dir_named(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && !memcmp(s, name, n);
}

/*
 * The part of `path` Zeitwerk names a constant after: what follows an
 * autoload root (app/<any>/, app/<any>/concerns/, lib/; in an engine,
 * a pack or a component too), or NULL. *prio is 0 under app/, 1 under
 * lib/ (app/ wins when both name a constant). Tests, vendored code,
 * assets, views and rake tasks are no roots.
 */
static const char *autoload_rel(const char *path, int *prio)
{
	const char *p = path, *slash;

	for (; (slash = strchr(p, '/')); p = slash + 1) {
		size_t n = (size_t)(slash - p);
		const char *sub = slash + 1, *end;

		if (is_dir_named(p, n, "spec") || is_dir_named(p, n, "test") ||
		    is_dir_named(p, n, "vendor") ||
		    is_dir_named(p, n, "node_modules") ||
		    is_dir_named(p, n, "db") || is_dir_named(p, n, "config"))
			return NULL;
		if (is_dir_named(p, n, "lib")) {
			if (!strncmp(sub, "tasks/", 6) ||
			    !strncmp(sub, "assets/", 7) ||
			    !strncmp(sub, "generators/", 11))
				return NULL;
			*prio = 1;
			return sub;
		}
		if (!is_dir_named(p, n, "app") || !(end = strchr(sub, '/')))
			continue;
		n = (size_t)(end - sub);
		if (is_dir_named(sub, n, "assets") ||
		    is_dir_named(sub, n, "javascript") ||
		    is_dir_named(sub, n, "views"))
			return NULL;
		*prio = 0;
		if (!strncmp(end + 1, "concerns/", 9))
			return end + 10;
		return end + 1;
	}
	return NULL;
}

/*
 * The constant a file under an autoload root defines: each directory a
 * namespace, the file's base name the constant (app/lib/activitypub/
 * tag_manager.rb is ActivityPub::TagManager). 0 when it names none.
 */
static int autoload_name(const struct ruby_state *st, struct strbuf *sb,
			 const char *rel)
{
	size_t n = strlen(rel);
	const char *over;
	char seg[256];

	strbuf_reset(sb);
	if (n <= 3 || strcmp(rel + n - 3, ".rb"))
		return 0;
	n -= 3;
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && rel[j] != '/')
			j++;
		if (j == i || memchr(rel + i, '.', j - i) ||
		    memchr(rel + i, '-', j - i))
			return 0;
		if (sb->len)
			strbuf_addstr(sb, "::");
		over = NULL;
		if (j - i < sizeof(seg) && st->overrides.nr) {
			memcpy(seg, rel + i, j - i);
			seg[j - i] = '\0';
			over = strmap_get(&st->overrides, seg);
		}
		if (over)
			strbuf_addstr(sb, over);
		else
			camelize(st, sb, rel + i, j - i);
		i = j + 1;
	}
	return sb->len > 0;
}

/*
 * The index's values: 0 absent, 1 a namespace with no file, else the
 * file, times two, plus one when only a declaration names it.
 */
static uintptr_t const_value(size_t file, int declared)
{
	return ((uintptr_t)(file + 1) << 1) | (declared ? 1 : 0);
}

static size_t const_file(uintptr_t v)
{
	return (size_t)(v >> 1) - 1;
}

static uintptr_t const_get(const struct ruby_state *st, const char *name)
{
	return (uintptr_t)strmap_get(&st->consts, name);
}

/*
 * Code that defines what the application uses: not tests, not vendored
 * (and .rb files only: a Rakefile reopening a class defines nothing).
 */
static int declares_for_app(const char *path)
{
	for (const char *p = path, *slash; (slash = strchr(p, '/'));
	     p = slash + 1) {
		size_t n = (size_t)(slash - p);

		if (is_dir_named(p, n, "spec") || is_dir_named(p, n, "test") ||
		    is_dir_named(p, n, "vendor") ||
		    is_dir_named(p, n, "node_modules") ||
		    is_dir_named(p, n, "db"))
			return 0;
	}
	return 1;
}

/*
 * Constants no file is named after (Mastodon::NotPermittedError in
 * lib/exceptions.rb, Mastodon::MediaCLI in lib/mastodon/media_cli.rb)
 * from the class and module declarations: a name declared in one file
 * only goes to that file; one that several files reopen is a namespace.
 */
static void index_declared(struct resolver *r, struct ruby_state *st)
{
	struct strmap seen = STRMAP_INIT;
	struct strmap_entry *e;

	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		if (!resolve_lang_is(f, "Ruby") ||
		    !resolve_ends_with(f->path, ".rb") ||
		    !declares_for_app(f->path))
			continue;
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			uintptr_t v;

			if (d->kind != DEP_USE || !(d->flags & DEP_DECLARES))
				continue;
			v = (uintptr_t)strmap_get(&seen, d->target);
			if (!v)
				strmap_put(&seen, d->target,
					   (void *)(uintptr_t)(i + 2));
			else if (v != i + 2)
				strmap_put(&seen, d->target,
					   (void *)(uintptr_t)1);
		}
	}
	/* the names first, then their namespaces: A::B is no namespace of A */
	strmap_for_each (&seen, e) {
		uintptr_t v = (uintptr_t)e->value;

		if (!const_get(st, e->key))
			strmap_put(&st->consts, e->key,
				   (void *)(v > 1 ? const_value(v - 2, 1) : 1));
	}
	strmap_for_each (&seen, e) {
		for (const char *c = e->key; (c = strstr(c, "::")); c += 2) {
			char *ns = arena_strndup(&r->arena, e->key,
						 (size_t)(c - e->key));

			if (!const_get(st, ns))
				strmap_put(&st->consts, ns,
					   (void *)(uintptr_t)1);
		}
	}
	strmap_release(&seen);
}

/* Indexes the constants Zeitwerk would define, app/ roots before lib/. */
static void index_constants(struct resolver *r, struct ruby_state *st)
{
	struct strbuf sb = STRBUF_INIT;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < r->scan->nr; i++) {
			const struct scan_file *f = &r->scan->files[i];
			const char *rel;
			char *key;
			int prio = -1;

			if (!resolve_lang_is(f, "Ruby"))
				continue;
			rel = autoload_rel(f->path, &prio);
			if (!rel || prio != pass ||
			    !autoload_name(st, &sb, rel))
				continue;
			if (const_get(st, sb.buf) > 1)
				continue; /* the first file wins */
			key = arena_strndup(&r->arena, sb.buf, sb.len);
			strmap_put(&st->consts, key, (void *)const_value(i, 0));
			/* every enclosing namespace exists, file or not */
			for (char *c = key; (c = strstr(c, "::")); c += 2) {
				char *ns = arena_strndup(&r->arena, key,
							 (size_t)(c - key));

				if (!const_get(st, ns))
					strmap_put(&st->consts, ns,
						   (void *)(uintptr_t)1);
			}
		}
	}
	strbuf_release(&sb);
	index_declared(r, st);
}

/* Gem names of a Gemfile.lock: the indented `name (version)` lines. */
static void read_gemfile_lock(struct resolver *r, struct ruby_state *st,
			      const char *path)
{
	struct strbuf sb = STRBUF_INIT, file = STRBUF_INIT;

	strbuf_addf(&file, "%s/%s", r->scan->root, path);
	if (resolver_read_file(r, &sb, file.buf, RUBY_CONFIG_MAX_SIZE) < 0)
		goto done;
	for (const char *p = sb.buf, *end = sb.buf + sb.len; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *s;

		if (!eol)
			eol = end;
		if (*p == ' ') {
			while (p < eol && *p == ' ')
				p++;
			for (s = p; p < eol && (isalnum((unsigned char)*p) ||
						strchr("_.-", *p));
			     p++)
				;
			if (p > s && (p == eol || *p == ' ' || *p == '!')) {
				char *name = arena_strndup(&r->arena, s,
							   (size_t)(p - s));

				strmap_put(&st->gems, name, name);
			}
		}
		p = eol + 1;
	}
done:
	strbuf_release(&file);
	strbuf_release(&sb);
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Everything the constant resolver needs: the application's
 * inflections, the gems it names (Gemfile, gemspec, Gemfile.lock), and
 * the index of autoloaded constants.
 */
static void prepare_constants(struct resolver *r, struct ruby_state *st)
{
	struct ruby_app_rule *rules = NULL;
	size_t rules_nr = 0, rules_alloc = 0;

	for (size_t i = 0;
	     i < sizeof(ruby_uncountables) / sizeof(*ruby_uncountables); i++)
		strmap_put(&st->uncountable, ruby_uncountables[i],
			   (void *)ruby_uncountables[i]);
	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];

		/* a lock file is excluded from the counts, not from this */
		if (!strcmp(base_of(f->path), "Gemfile.lock") &&
		    f->status == FILE_EXCLUDED)
			read_gemfile_lock(r, st, f->path);
		if (f->status != FILE_COUNTED && f->status != FILE_UNKNOWN)
			continue;
		if (!strcmp(base_of(f->path), "Gemfile.lock"))
			read_gemfile_lock(r, st, f->path);
		else if (resolve_lang_is(f, "Ruby") &&
			 (resolve_ends_with(f->path, "config/initializers/"
						     "inflections.rb") ||
			  resolve_ends_with(f->path, "config/initializers/"
						     "zeitwerk.rb") ||
			  resolve_ends_with(f->path, "config/application.rb")))
			read_inflections(r, st, f->path, &rules, &rules_nr,
					 &rules_alloc);
		if (!resolve_lang_is(f, "Ruby"))
			continue;
		for (size_t k = 0; k < f->deps.nr; k++)
			if (f->deps.refs[k].kind == DEP_IMPORT)
				strmap_put(&st->gems, f->deps.refs[k].target,
					   (void *)f->deps.refs[k].target);
	}
	index_constants(r, st);
	st->app_rules = rules;
	st->app_rules_nr = rules_nr;
}

int resolve_ruby_prepare(struct resolver *r)
{
	struct ruby_state *st = NULL;
	struct strmap seen = STRMAP_INIT;

	if (!resolver_has_lang(r, "Ruby", 1))
		return 0;
	for (size_t i = 0; i < r->scan->nr; i++) {
		const struct scan_file *f = &r->scan->files[i];
		const char *p = f->path;

		if (!resolve_lang_is(f, "Ruby"))
			continue;
		if (!st) {
			st = xcalloc(1, sizeof(*st));
			strbuf_init(&st->key, 0);
			r->ruby = st;
		}
		for (const char *slash; (slash = strchr(p, '/'));
		     p = slash + 1) {
			char *dir;

			if (!is_load_dir(p, (size_t)(slash - p)))
				continue;
			dir = arena_strndup(&r->arena, f->path,
					    (size_t)(slash - f->path));
			if (strmap_get(&seen, dir))
				continue;
			strmap_put(&seen, dir, dir);
			ALLOC_GROW(st->dirs, st->nr + 1, st->alloc);
			st->dirs[st->nr++] = dir;
		}
	}
	strmap_release(&seen);
	if (st && st->nr)
		qsort(st->dirs, st->nr, sizeof(*st->dirs), cmp_str);
	if (st)
		prepare_constants(r, st);
	return 0;
}

/*
 * How near load path `dir` is to the requiring file: the length of the
 * directory they share (a gem's lib/ for the gem's own files), else 0.
 */
static long load_dir_score(const char *dir, const char *path)
{
	const char *slash = strrchr(dir, '/');
	size_t n = slash ? (size_t)(slash - dir) : 0;

	if (!n)
		return 0;
	if (strncmp(dir, path, n) || path[n] != '/')
		return 0;
	return (long)n;
}

/*
 * The class an association names: "many:statuses" is Status (singular,
 * camelized), "one:account" Account. Worked out once per name.
 */
static const char *association_class(struct resolver *r, struct ruby_state *st,
				     const char *t)
{
	struct strbuf sb = STRBUF_INIT;
	const char *cls = strmap_get(&st->classes, t);
	const char *key = t;
	int many = !strncmp(t, "many:", 5);

	if (cls)
		return cls;
	if (!st->rules_ready)
		build_rules(r, st, st->app_rules, st->app_rules_nr);
	t = strchr(t, ':') + 1;
	strbuf_addstr(&sb, t);
	if (many)
		singularize(st, &sb);
	t = arena_strndup(&r->arena, sb.buf, sb.len);
	strbuf_reset(&sb);
	camelize(st, &sb, t, strlen(t));
	cls = arena_strndup(&r->arena, sb.buf, sb.len);
	strmap_put(&st->classes, arena_strdup(&r->arena, key), (void *)cls);
	strbuf_release(&sb);
	return cls;
}

/* ActiveSupport's underscore of one constant: ActiveRecord, active_record. */
static void underscore(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (i && isupper(c) &&
		    (islower((unsigned char)s[i - 1]) ||
		     isdigit((unsigned char)s[i - 1]) ||
		     (isupper((unsigned char)s[i - 1]) && i + 1 < n &&
		      islower((unsigned char)s[i + 1]))))
			strbuf_addch(sb, '_');
		strbuf_addch(sb, (char)tolower(c));
	}
}

/*
 * A constant of no file of the repository, by its first segment:
 * Ruby's core (String: "ruby"), a gem the application names (Sidekiq:
 * sidekiq, ActiveRecord: activerecord or active_record), the standard
 * library (JSON: json). Returns 0 when it is none of them.
 */
static int constant_external(struct resolver *r, size_t from,
			     const struct ruby_state *st, const char *name,
			     size_t n, struct resolve_out *out)
{
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	const char *gem = NULL;
	int ret = 1;

	strbuf_add(&key, name, n);
	if (is_core(key.buf)) {
		resolve_out_external(r, out, "ruby", 4);
		goto done;
	}
	underscore(&sb, name, n);
	if (strmap_get(&st->gems, sb.buf))
		gem = sb.buf;
	for (size_t i = 0; !gem && i < 2; i++) {
		strbuf_reset(&key);
		for (const char *p = sb.buf; *p; p++)
			if (*p != '_')
				strbuf_addch(&key, *p);
			else if (i)
				strbuf_addch(&key, '-');
		if (strmap_get(&st->gems, key.buf) ||
		    (!i && stdlib_has(r->scan->files[from].lang, DEP_REQUIRE,
				      key.buf)))
			gem = key.buf;
	}
	for (size_t i = 0;
	     !gem && i < sizeof(ruby_stdlib_alias) / sizeof(*ruby_stdlib_alias);
	     i++)
		if (strlen(ruby_stdlib_alias[i][0]) == n &&
		    !memcmp(ruby_stdlib_alias[i][0], name, n))
			gem = ruby_stdlib_alias[i][1];
	if (gem)
		resolve_out_external(r, out, gem, strlen(gem));
	else
		ret = 0;
done:
	strbuf_release(&sb);
	strbuf_release(&key);
	return ret;
}

/*
 * A constant reference `target` (Foo, Foo::Bar, ::Foo) from a scope
 * whose Module.nesting is `nesting` (innermost first, separated by
 * spaces): its first segment is looked up in each enclosing scope, then
 * at the top level (only there for ::Foo), as Ruby does (ancestors are
 * not searched); the rest inside what was found. The edge goes to the
 * deepest constant that has a file (Foo::BAR is in foo.rb); a
 * namespace that is only a directory needs none. A constant found
 * nowhere in the repository is external when core, a gem or the
 * standard library, else taken as local to the file (defined in it or
 * by metaprogramming): no edge and not unresolved. One whose namespace
 * is in the repository but which is in no file found is unresolved.
 */
static int resolve_constant(struct resolver *r, size_t from,
			    const struct dep_ref *d, struct resolve_out *out)
{
	struct ruby_state *st = r->ruby;
	const char *t = d->target, *scope = d->name, *rest;
	struct strbuf sb = STRBUF_INIT;
	uintptr_t v = 0, best = 0;
	size_t first;
	int local = 0;

	if (!strncmp(t, "many:", 5) || !strncmp(t, "one:", 4)) {
		t = association_class(r, st, t);
		if (!*t)
			goto done;
	}
	if (!strncmp(t, "::", 2)) {
		t += 2;
		scope = NULL;
	}
	rest = strstr(t, "::");
	first = rest ? (size_t)(rest - t) : strlen(t);
	while (scope && *scope) {
		size_t n = strcspn(scope, " ");

		strbuf_reset(&sb);
		strbuf_add(&sb, scope, n);
		strbuf_addstr(&sb, "::");
		strbuf_add(&sb, t, first);
		v = const_get(st, sb.buf);
		if (v)
			break;
		scope += n;
		while (*scope == ' ')
			scope++;
	}
	if (!v) {
		strbuf_reset(&sb);
		strbuf_add(&sb, t, first);
		/* core classes are always loaded: never autoloaded */
		if (is_core(sb.buf)) {
			resolve_out_external(r, out, "ruby", 4);
			goto done;
		}
		v = const_get(st, sb.buf);
	}
	if (!v) {
		if (!constant_external(r, from, st, t, first, out)) {
			resolve_out_add(out, from);
			local = 1;
		}
		goto done;
	}
	while (v) {
		size_t n;

		if (v > 1)
			best = v;
		if (!rest)
			break; /* every segment found */
		rest += 2;
		n = strcspn(rest, ":");
		strbuf_addstr(&sb, "::");
		strbuf_add(&sb, rest, n);
		v = const_get(st, sb.buf);
		rest = rest[n] ? rest + n : NULL;
	}
	/*
	 * Foo::Missing is in foo.rb when Zeitwerk names that file, not when
	 * a file only reopens Foo (a gem's Twitter::TwitterText in an
	 * initializer): that is the gem's.
	 */
	if (best && !v && (best & 1))
		best = 0;
	if (best)
		resolve_out_add(out, const_file(best));
	else if (v && !constant_external(r, from, st, t, first, out)) {
		resolve_out_add(out, from); /* a namespace with no file */
		local = 1;
	} else if (!v) {
		/* a gem's namespace the repository reopens (lib/rails/) */
		constant_external(r, from, st, t, first, out);
	}
done:
	strbuf_release(&sb);
	return local;
}

/* Adds the files of dir named `name.*` (show.html.haml, show.json.rabl). */
static int add_views(struct resolver *r, const char *dir, const char *name,
		     struct resolve_out *out)
{
	const struct resolve_dir *rd = resolver_dir(r, dir);
	size_t n = strlen(name);
	int found = 0;

	for (size_t i = 0; rd && i < rd->nr; i++) {
		const char *base = base_of(r->scan->files[rd->files[i]].path);

		if (!strncmp(base, name, n) && base[n] == '.' &&
		    !resolve_ends_with(base, ".rb")) {
			resolve_out_add(out, rd->files[i]);
			found = 1;
		}
	}
	return found;
}

/*
 * `render` in a controller (or a mailer): "view:show" is
 * app/views/<controller>/show.*, "view:admin/reports/show" that path
 * under app/views/, "partial:x" the same with _x.*; a template not
 * found is tried as a partial. Views of no file found are taken as
 * rendered some other way (a layout, a gem's): no edge, not unresolved.
 */
static void resolve_render(struct resolver *r, size_t from, const char *t,
			   struct resolve_out *out)
{
	const char *path = r->scan->files[from].path;
	int partial = *t == 'p';
	const char *name = strchr(t, ':') + 1, *slash = strrchr(name, '/');
	const char *app = NULL, *sub;
	struct strbuf dir = STRBUF_INIT, base = STRBUF_INIT;

	for (const char *p = path; (p = strstr(p, "app/")); p += 4)
		if (p == path || p[-1] == '/') {
			app = p;
			break;
		}
	/* a view's Ruby code: its renders are the views resolver's */
	if (!resolve_lang_is(&r->scan->files[from], "Ruby"))
		goto self;
	if (!app || !(sub = strchr(app + 4, '/')))
		goto self;
	strbuf_add(&dir, path, (size_t)(app - path));
	strbuf_addstr(&dir, "app/views/");
	if (slash) {
		strbuf_add(&dir, name, (size_t)(slash - name));
		name = slash + 1;
	} else {
		/* app/controllers/admin/reports_controller.rb: admin/reports */
		const char *rel = sub + 1;
		size_t n = strlen(rel);

		if (!resolve_ends_with(rel, ".rb"))
			goto self;
		n -= 3;
		if (n > 11 && !strncmp(rel + n - 11, "_controller", 11))
			n -= 11;
		strbuf_add(&dir, rel, n);
	}
	if (!partial && add_views(r, dir.buf, name, out))
		goto done;
	strbuf_addch(&base, '_');
	strbuf_addstr(&base, name);
	if (add_views(r, dir.buf, base.buf, out))
		goto done;
self:
	resolve_out_add(out, from);
done:
	strbuf_release(&dir);
	strbuf_release(&base);
}

/* What a constant reference resolved to, whichever file made it. */
struct ruby_memo {
	enum { MEMO_NONE, MEMO_SELF, MEMO_FILE, MEMO_EXTERNAL } kind;
	size_t file;
	const char *external;
};

/*
 * resolve_constant() depends on the reference and its nesting only (a
 * file's own constants come out as the file itself): worked out once.
 */
static void resolve_constant_memo(struct resolver *r, size_t from,
				  const struct dep_ref *d,
				  struct resolve_out *out)
{
	struct ruby_state *st = r->ruby;
	struct ruby_memo *m;

	strbuf_reset(&st->key);
	strbuf_addstr(&st->key, d->target);
	if (d->name) {
		strbuf_addch(&st->key, '\x1f');
		strbuf_addstr(&st->key, d->name);
	}
	m = strmap_get(&st->memo, st->key.buf);
	if (!m) {
		int local = resolve_constant(r, from, d, out);

		m = arena_alloc(&r->arena, sizeof(*m));
		m->kind = out->external ? MEMO_EXTERNAL
			  : local	? MEMO_SELF
			  : out->nr	? MEMO_FILE
					: MEMO_NONE;
		m->file = out->nr ? out->files[0] : 0;
		m->external = out->external;
		strmap_put(&st->memo,
			   arena_strndup(&r->arena, st->key.buf, st->key.len),
			   m);
		return;
	}
	if (m->kind == MEMO_EXTERNAL)
		out->external = m->external;
	else if (m->kind == MEMO_SELF)
		resolve_out_add(out, from);
	else if (m->kind == MEMO_FILE)
		resolve_out_add(out, m->file);
}

void resolve_ruby(struct resolver *r, size_t from, const struct dep_ref *d,
		  struct resolve_out *out)
{
	struct ruby_state *st = r->ruby;
	const char *path = r->scan->files[from].path;
	const char *t = d->target;
	struct strbuf dir = STRBUF_INIT;
	long best_score = -1;
	size_t best = 0, n;

	if (d->kind == DEP_USE && st) {
		if (!strncmp(t, "view:", 5) || !strncmp(t, "partial:", 8))
			resolve_render(r, from, t, out);
		else
			resolve_constant_memo(r, from, d, out);
		goto done;
	}
	if (d->kind == DEP_IMPORT) {
		resolve_out_external(r, out, t, strlen(t)); /* a gem */
		goto done;
	}
	if (d->kind != DEP_REQUIRE || !*t || *t == '/')
		goto done;
	if (!strncmp(t, "./", 2) || !strncmp(t, "../", 3)) {
		/* require_relative (marked ./ by the lexer) */
		resolve_dir_of(&dir, path);
		resolve_add_path(r, out, dir.buf, t, ".rb");
		goto done;
	}
	for (size_t i = 0; st && i < st->nr; i++) {
		long score = load_dir_score(st->dirs[i], path);
		struct resolve_out probe = { 0 };

		if (score <= best_score)
			continue;
		if (resolve_add_path(r, &probe, st->dirs[i], t, ".rb")) {
			best_score = score;
			best = probe.files[0];
		}
		free(probe.files);
	}
	if (best_score >= 0) {
		resolve_out_add(out, best);
		goto done;
	}
	/* a gem: its name is the first component (json, active_support) */
	n = strcspn(t, "/");
	if (n > 3 && !strncmp(t + n - 3, ".rb", 3))
		n -= 3;
	resolve_out_external(r, out, t, n);
done:
	strbuf_release(&dir);
}

void resolve_ruby_release(struct resolver *r)
{
	struct ruby_state *st = r->ruby;

	if (!st)
		return;
	free(st->dirs);
	for (size_t i = 0; i < st->rules_nr; i++)
		if (!st->rules[i].literal)
			regfree(&st->rules[i].re);
	free(st->rules);
	free(st->app_rules);
	strmap_release(&st->consts);
	strmap_release(&st->acronyms);
	strmap_release(&st->overrides);
	strmap_release(&st->gems);
	strmap_release(&st->classes);
	strmap_release(&st->memo);
	strbuf_release(&st->key);
	strmap_release(&st->uncountable);
	free(st);
	r->ruby = NULL;
}
