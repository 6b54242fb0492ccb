/*
 * The language table and language detection: by file name, then by
 * extension through a hash map, then by the #! line; .h and .m files are
 * told apart by a quick look at their first bytes, and so are Go and
 * Django/Jinja .html files in a templates/ folder.
 */
#include <pthread.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/ident.h"
#include "carve/language.h"
#include "carve/strmap.h"
#include "carve/utf8.h"

/* Branch-point words and operators, shared between related languages. */
static const char *const w_c[] = { "if", "for", "while", "case", NULL };
static const char *const w_cxx[] = { "if", "for", "while", "case", "catch",
				     NULL };
static const char *const w_cs[] = { "if", "for", "foreach", "while",
				    "case", "catch", NULL };
static const char *const w_go[] = { "if", "for", "case", NULL };
static const char *const w_kotlin[] = { "if", "for", "while", "when",
					"catch", NULL };
static const char *const w_swift[] = { "if", "guard", "for", "while",
				       "case", "catch", NULL };
static const char *const w_rust[] = { "if", "for", "while", NULL };
static const char *const w_python[] = { "if", "elif", "for", "while",
					"except", "and", "or", NULL };
static const char *const w_ruby[] = { "if", "elsif", "unless", "while",
				      "until", "for", "when", "rescue",
				      "and", "or", NULL };
static const char *const w_php[] = { "if", "elseif", "for", "foreach",
				     "while", "case", "catch", "and", "or",
				     NULL };
static const char *const w_shell[] = { "if", "elif", "for", "while",
				       "until", "case", NULL };
static const char *const w_perl[] = { "if", "elsif", "unless", "for",
				      "foreach", "while", "until", "and",
				      "or", NULL };
static const char *const w_lua[] = { "if", "elseif", "for", "while",
				     "until", "and", "or", NULL };
static const char *const w_tcl[] = { "if", "elseif", "for", "foreach",
				     "while", "switch", NULL };
static const char *const w_sql[] = { "WHEN", "when", "AND", "and", "OR",
				     "or", NULL };
static const char *const w_matlab[] = { "if", "elseif", "for", "while",
					"case", "catch", NULL };
static const char *const w_elixir[] = { "if", "unless", "case", "cond",
					"and", "or", NULL };

static const char *const o_c[] = { "&&", "||", "?", NULL };
static const char *const o_logic[] = { "&&", "||", NULL };
static const char *const o_js[] = { "&&", "||", "??", "?", NULL };
static const char *const o_cs[] = { "&&", "||", "??", " ?", NULL };
static const char *const o_swift[] = { "&&", "||", "??", " ?", NULL };
static const char *const o_kotlin[] = { "&&", "||", "?:", NULL };
static const char *const o_rust[] = { "&&", "||", "=>", NULL };
static const char *const o_ruby[] = { "&&", "||", " ?", NULL };
static const char *const o_php[] = { "&&", "||", "??", "?", NULL };

/* Indexes into the table, so the name maps below can refer to rows. */
enum {
	L_C, L_CXX, L_CHDR, L_CXXHDR, L_OBJC, L_OBJCXX, L_PYTHON, L_GO,
	L_JAVA, L_KOTLIN, L_SCALA, L_GROOVY, L_JS, L_TS, L_RUBY, L_PHP,
	L_CS, L_RUST, L_SWIFT, L_DART, L_ZIG, L_SH, L_BASH, L_ZSH, L_SQL,
	L_PERL, L_LUA, L_TCL, L_AWK, L_R, L_ELIXIR, L_MATLAB, L_TEX,
	L_HTML, L_CSS, L_SCSS, L_LESS, L_YAML, L_JSON, L_TOML, L_XML,
	L_MARKDOWN, L_PROTO, L_THRIFT, L_GRAPHQL, L_HCL, L_MAKE, L_CMAKE,
	L_DOCKER, L_RAZOR, L_ERB, L_HAML, L_SLIM, L_GOTMPL, L_HANDLEBARS,
	L_MUSTACHE, L_VUE, L_SVELTE, L_JINJA, L_DJANGO, L_TWIG, L_EJS,
	L_NUNJUCKS, L_LIQUID, L_COUNT
};

/*
 * Comment pairs of the views, as cloc 1.96 reads them where it knows the
 * language (Razor, ERB, Handlebars, Mustache, Jinja, Twig); Go templates
 * and Django's .html templates are read by their own manuals.
 */
static const char *const b_razor[] = { "@*", "*@", "<!--", "-->", NULL };
static const char *const b_markup[] = { "<!--", "-->", NULL };
static const char *const b_erb[] = { "<%#", "%>", NULL };
static const char *const b_gotmpl[] = { "{{/*", "*/", "{{- /*", "*/",
					"<!--", "-->", NULL };
static const char *const b_handlebars[] = { "{{!--", "--}}", "{{!", "}}",
					    "<!--", "-->", NULL };
static const char *const b_mustache[] = { "{{!", "}}", NULL };
static const char *const b_jinja[] = { "{#", "#}", NULL };
static const char *const b_ejs[] = { "<%#", "%>", "<!--", "-->", NULL };
static const char *const b_liquid[] = { "{% comment %}", "{% endcomment %}",
					"<!--", "-->", NULL };
static const char *const b_django[] = { "{#", "#}", "{% comment %}",
					"{% endcomment %}", "<!--", "-->",
					NULL };

#define P LANG_PROGRAMMING
#define CQ LANG_CHAR_QUOTES
#define V LANG_VIEW

static const struct language table[L_COUNT] = {
	[L_C] = { "C", "C", SYNTAX_C, P | CQ | LANG_LINE_SPLICE, w_c, o_c },
	[L_CXX] = { "C++", "C++", SYNTAX_C,
		    P | CQ | LANG_LINE_SPLICE | LANG_CXX_RAW_STRINGS, w_cxx,
		    o_c },
	[L_CHDR] = { "C Header", "C/C++ Header", SYNTAX_C,
		     P | CQ | LANG_LINE_SPLICE, w_c, o_c },
	[L_CXXHDR] = { "C++ Header", "C/C++ Header", SYNTAX_C,
		       P | CQ | LANG_LINE_SPLICE | LANG_CXX_RAW_STRINGS,
		       w_cxx, o_c },
	[L_OBJC] = { "Objective-C", "Objective-C", SYNTAX_C,
		     P | CQ | LANG_LINE_SPLICE, w_cxx, o_c },
	[L_OBJCXX] = { "Objective-C++", "Objective-C++", SYNTAX_C,
		       P | CQ | LANG_LINE_SPLICE | LANG_CXX_RAW_STRINGS,
		       w_cxx, o_c },
	[L_PYTHON] = { "Python", "Python", SYNTAX_PYTHON, P, w_python, NULL },
	[L_GO] = { "Go", "Go", SYNTAX_C, P | CQ | LANG_BACKTICK_STRINGS, w_go,
		   o_logic },
	[L_JAVA] = { "Java", "Java", SYNTAX_C, P | CQ | LANG_TRIPLE_STRINGS,
		     w_cxx, o_c },
	[L_KOTLIN] = { "Kotlin", "Kotlin", SYNTAX_C,
		       P | CQ | LANG_TRIPLE_STRINGS | LANG_NESTED_COMMENTS,
		       w_kotlin, o_kotlin },
	[L_SCALA] = { "Scala", "Scala", SYNTAX_C,
		      P | CQ | LANG_TRIPLE_STRINGS | LANG_NESTED_COMMENTS,
		      w_cxx, o_logic },
	[L_GROOVY] = { "Groovy", "Groovy", SYNTAX_C,
		       P | LANG_TRIPLE_STRINGS, w_cxx, o_c },
	[L_JS] = { "JavaScript", "JavaScript", SYNTAX_C,
		   P | LANG_BACKTICK_STRINGS | LANG_REGEX_LITERALS, w_cxx,
		   o_js },
	[L_TS] = { "TypeScript", "TypeScript", SYNTAX_C,
		   P | LANG_BACKTICK_STRINGS | LANG_REGEX_LITERALS, w_cxx,
		   o_js },
	[L_RUBY] = { "Ruby", "Ruby", SYNTAX_RUBY, P, w_ruby, o_ruby },
	[L_PHP] = { "PHP", "PHP", SYNTAX_C, P | LANG_HASH_COMMENTS, w_php,
		    o_php },
	[L_CS] = { "C#", "C#", SYNTAX_C, P | CQ | LANG_VERBATIM_STRINGS, w_cs,
		   o_cs },
	[L_RUST] = { "Rust", "Rust", SYNTAX_C,
		     P | CQ | LANG_NESTED_COMMENTS | LANG_RUST_RAW_STRINGS |
			     LANG_MULTILINE_STRINGS,
		     w_rust, o_rust },
	[L_SWIFT] = { "Swift", "Swift", SYNTAX_C,
		      P | CQ | LANG_NESTED_COMMENTS | LANG_TRIPLE_STRINGS,
		      w_swift, o_swift },
	[L_DART] = { "Dart", "Dart", SYNTAX_C, P | LANG_TRIPLE_STRINGS, w_cxx,
		     o_js },
	[L_ZIG] = { "Zig", "Zig", SYNTAX_C, P | CQ, w_c, NULL },
	[L_SH] = { "Shell", "Bourne Shell", SYNTAX_HASH, P, w_shell, o_logic },
	[L_BASH] = { "Bash", "Bourne Again Shell", SYNTAX_HASH, P, w_shell,
		     o_logic },
	[L_ZSH] = { "Zsh", "zsh", SYNTAX_HASH, P, w_shell, o_logic },
	[L_SQL] = { "SQL", "SQL", SYNTAX_SQL, P, w_sql, NULL },
	[L_PERL] = { "Perl", "Perl", SYNTAX_PERL, P, w_perl, o_c },
	[L_LUA] = { "Lua", "Lua", SYNTAX_LUA, P, w_lua, NULL },
	[L_TCL] = { "Tcl", "Tcl/Tk", SYNTAX_HASH, P, w_tcl, o_logic },
	[L_AWK] = { "Awk", "awk", SYNTAX_HASH, P, w_c, o_c },
	[L_R] = { "R", "R", SYNTAX_HASH, P, w_c, o_logic },
	[L_ELIXIR] = { "Elixir", "Elixir", SYNTAX_HASH, P, w_elixir,
		       o_logic },
	[L_MATLAB] = { "MATLAB", "MATLAB", SYNTAX_PERCENT, P, w_matlab,
		       o_logic },
	[L_TEX] = { "TeX", "TeX", SYNTAX_PERCENT, 0, NULL, NULL },
	[L_HTML] = { "HTML", "HTML", SYNTAX_MARKUP, 0, NULL, NULL },
	[L_CSS] = { "CSS", "CSS", SYNTAX_CSS, 0, NULL, NULL },
	[L_SCSS] = { "SCSS", "SCSS", SYNTAX_CSS, LANG_SLASH_COMMENTS, NULL,
		     NULL },
	[L_LESS] = { "LESS", "LESS", SYNTAX_CSS, LANG_SLASH_COMMENTS, NULL,
		     NULL },
	[L_YAML] = { "YAML", "YAML", SYNTAX_HASH, 0, NULL, NULL },
	[L_JSON] = { "JSON", "JSON", SYNTAX_PLAIN, 0, NULL, NULL },
	[L_TOML] = { "TOML", "TOML", SYNTAX_HASH, 0, NULL, NULL },
	[L_XML] = { "XML", "XML", SYNTAX_MARKUP, 0, NULL, NULL },
	[L_MARKDOWN] = { "Markdown", "Markdown", SYNTAX_MARKUP, 0, NULL,
			 NULL },
	[L_PROTO] = { "Protocol Buffers", "Protocol Buffers", SYNTAX_C, 0,
		      NULL, NULL },
	[L_THRIFT] = { "Thrift", "Thrift", SYNTAX_C, LANG_HASH_COMMENTS, NULL,
		       NULL },
	/* descriptions are """block strings""", so Python's rules fit */
	[L_GRAPHQL] = { "GraphQL", "GraphQL", SYNTAX_PYTHON, 0, NULL, NULL },
	[L_HCL] = { "HCL", "HCL", SYNTAX_C, LANG_HASH_COMMENTS, NULL, NULL },
	[L_MAKE] = { "Makefile", "make", SYNTAX_HASH, P, NULL, NULL },
	[L_CMAKE] = { "CMake", "CMake", SYNTAX_HASH, P, NULL, NULL },
	[L_DOCKER] = { "Dockerfile", "Dockerfile", SYNTAX_HASH, 0, NULL,
		       NULL },
	/*
	 * Views carry no branch words: "if" and "for" in their text are
	 * mostly prose. Razor and Vue have cloc's C++ comments and "..."
	 * strings; a ' starts no string in either (cloc's reading).
	 */
	[L_RAZOR] = { "Razor", "Razor", SYNTAX_C, V | CQ, NULL, NULL,
		      b_razor },
	[L_ERB] = { "ERB", "ERB", SYNTAX_TEMPLATE, V, NULL, NULL, b_erb },
	[L_HAML] = { "Haml", "Haml", SYNTAX_HAML, V, NULL, NULL },
	[L_SLIM] = { "Slim", "Slim", SYNTAX_SLIM, V, NULL, NULL },
	[L_GOTMPL] = { "Go Template", "Go Template", SYNTAX_TEMPLATE,
		       V | LANG_TEMPLATE_TRIM, NULL, NULL, b_gotmpl },
	[L_HANDLEBARS] = { "Handlebars", "Handlebars", SYNTAX_TEMPLATE, V,
			   NULL, NULL, b_handlebars },
	[L_MUSTACHE] = { "Mustache", "Mustache", SYNTAX_TEMPLATE, V, NULL,
			 NULL, b_mustache },
	[L_VUE] = { "Vue", "Vuejs Component", SYNTAX_C, V | CQ, NULL, NULL,
		    b_markup },
	/* cloc reads only <!-- --> in a Svelte file, script or not */
	[L_SVELTE] = { "Svelte", "Svelte", SYNTAX_MARKUP, V, NULL, NULL },
	[L_JINJA] = { "Jinja Template", "Jinja Template", SYNTAX_TEMPLATE, V,
		      NULL, NULL, b_jinja },
	/* cloc calls these HTML and counts only their <!-- --> */
	[L_DJANGO] = { "Django Template", "HTML", SYNTAX_TEMPLATE, V, NULL,
		       NULL, b_django },
	[L_TWIG] = { "Twig", "Twig", SYNTAX_TEMPLATE, V, NULL, NULL,
		     b_jinja },
	[L_EJS] = { "EJS", "EJS", SYNTAX_TEMPLATE, V, NULL, NULL, b_ejs },
	[L_NUNJUCKS] = { "Nunjucks", "Nunjucks", SYNTAX_TEMPLATE, V, NULL,
			 NULL, b_jinja },
	[L_LIQUID] = { "Liquid", "liquid", SYNTAX_TEMPLATE, V, NULL, NULL,
		       b_liquid },
};

#undef P
#undef CQ
#undef V

struct name_row {
	const char *name; /* lower case */
	int lang;
};

/* Extensions without the dot. "h" and "m" are decided by content. */
static const struct name_row extensions[] = {
	{ "c", L_C }, { "cc", L_CXX }, { "cpp", L_CXX }, { "cxx", L_CXX },
	{ "c++", L_CXX }, { "cp", L_CXX }, { "hh", L_CXXHDR },
	{ "hpp", L_CXXHDR }, { "hxx", L_CXXHDR }, { "h++", L_CXXHDR },
	{ "mm", L_OBJCXX }, { "py", L_PYTHON }, { "pyi", L_PYTHON },
	{ "pyw", L_PYTHON }, { "go", L_GO }, { "java", L_JAVA },
	{ "kt", L_KOTLIN }, { "kts", L_KOTLIN }, { "scala", L_SCALA },
	{ "groovy", L_GROOVY }, { "gradle", L_GROOVY }, { "js", L_JS },
	{ "jsx", L_JS }, { "mjs", L_JS }, { "cjs", L_JS }, { "ts", L_TS },
	{ "tsx", L_TS }, { "mts", L_TS }, { "cts", L_TS }, { "rb", L_RUBY },
	{ "rake", L_RUBY }, { "gemspec", L_RUBY }, { "ru", L_RUBY },
	{ "php", L_PHP }, { "phtml", L_PHP }, { "cs", L_CS },
	{ "rs", L_RUST }, { "swift", L_SWIFT }, { "dart", L_DART },
	{ "zig", L_ZIG }, { "sh", L_SH }, { "bash", L_BASH },
	{ "zsh", L_ZSH }, { "sql", L_SQL }, { "pl", L_PERL },
	{ "pm", L_PERL }, { "lua", L_LUA }, { "tcl", L_TCL },
	{ "tk", L_TCL }, { "awk", L_AWK }, { "r", L_R }, { "ex", L_ELIXIR },
	{ "exs", L_ELIXIR }, { "tex", L_TEX }, { "html", L_HTML },
	{ "htm", L_HTML }, { "xhtml", L_HTML }, { "css", L_CSS },
	{ "scss", L_SCSS }, { "less", L_LESS }, { "yaml", L_YAML },
	{ "yml", L_YAML }, { "json", L_JSON }, { "toml", L_TOML },
	{ "xml", L_XML }, { "xsd", L_XML }, { "xsl", L_XML },
	{ "xslt", L_XML }, { "md", L_MARKDOWN }, { "markdown", L_MARKDOWN },
	{ "proto", L_PROTO }, { "thrift", L_THRIFT }, { "graphql", L_GRAPHQL },
	{ "gql", L_GRAPHQL }, { "tf", L_HCL }, { "hcl", L_HCL },
	{ "mk", L_MAKE }, { "mak", L_MAKE }, { "make", L_MAKE },
	{ "am", L_MAKE }, { "cmake", L_CMAKE }, { "dockerfile", L_DOCKER },
	{ "cshtml", L_RAZOR }, { "razor", L_RAZOR }, { "erb", L_ERB },
	{ "rhtml", L_ERB }, { "haml", L_HAML }, { "slim", L_SLIM },
	{ "tmpl", L_GOTMPL }, { "gotmpl", L_GOTMPL },
	{ "hbs", L_HANDLEBARS }, { "handlebars", L_HANDLEBARS },
	{ "mustache", L_MUSTACHE }, { "vue", L_VUE }, { "svelte", L_SVELTE },
	{ "jinja", L_JINJA }, { "jinja2", L_JINJA }, { "j2", L_JINJA },
	{ "twig", L_TWIG }, { "ejs", L_EJS }, { "njk", L_NUNJUCKS },
	{ "liquid", L_LIQUID },
};

/* Whole base names, compared lower-cased. */
static const struct name_row filenames[] = {
	{ "makefile", L_MAKE }, { "gnumakefile", L_MAKE },
	{ "bsdmakefile", L_MAKE }, { "dockerfile", L_DOCKER },
	{ "containerfile", L_DOCKER }, { "cmakelists.txt", L_CMAKE },
	{ "rakefile", L_RUBY }, { "gemfile", L_RUBY }, { "guardfile", L_RUBY },
	{ "podfile", L_RUBY }, { "vagrantfile", L_RUBY },
	{ "brewfile", L_RUBY }, { "capfile", L_RUBY },
	{ "jenkinsfile", L_GROOVY },
};

/* Interpreters named on a #! line, version suffix removed. */
static const struct name_row interpreters[] = {
	{ "python", L_PYTHON }, { "pythonw", L_PYTHON }, { "pypy", L_PYTHON },
	{ "sh", L_SH }, { "dash", L_SH }, { "ash", L_SH }, { "ksh", L_SH },
	{ "bash", L_BASH }, { "zsh", L_ZSH }, { "perl", L_PERL },
	{ "ruby", L_RUBY }, { "node", L_JS }, { "nodejs", L_JS },
	{ "deno", L_TS }, { "lua", L_LUA }, { "luajit", L_LUA },
	{ "tclsh", L_TCL }, { "wish", L_TCL }, { "expect", L_TCL },
	{ "php", L_PHP }, { "awk", L_AWK }, { "gawk", L_AWK },
	{ "mawk", L_AWK }, { "make", L_MAKE }, { "rscript", L_R },
	{ "elixir", L_ELIXIR },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static struct strmap ext_map = STRMAP_INIT;
static struct strmap file_map = STRMAP_INIT;
static struct strmap interp_map = STRMAP_INIT;
static pthread_once_t maps_once = PTHREAD_ONCE_INIT;

static void fill_map(struct strmap *map, const struct name_row *rows,
		     size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		strmap_put(map, rows[i].name, (void *)&table[rows[i].lang]);
}

/* Built once, then only read, so detection is safe from any thread. */
static void build_maps(void)
{
	fill_map(&ext_map, extensions, ARRAY_SIZE(extensions));
	fill_map(&file_map, filenames, ARRAY_SIZE(filenames));
	fill_map(&interp_map, interpreters, ARRAY_SIZE(interpreters));
}

static const struct language *lookup(struct strmap *map, const char *s,
				     size_t len)
{
	char key[32];

	if (!len || len >= sizeof(key))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];

		key[i] = c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
	}
	key[len] = '\0';
	pthread_once(&maps_once, build_maps);
	return strmap_get(map, key);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The extension of base name `base` (after the last dot), or NULL. */
static const char *extension(const char *base)
{
	const char *dot = strrchr(base, '.');

	/* ".bashrc" is a hidden file, not an extension */
	return dot && dot != base ? dot + 1 : NULL;
}

static inline int is_ident(unsigned char c)
{
	return ident_char(c, 0);
}

/* Whether the identifier s[0..n) is `word`. */
static inline int ident_is(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && !memcmp(s, word, n);
}

static int word_at(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && !memcmp(p, word, n) &&
	       (p + n == end || !is_ident(p[n]));
}

/*
 * Skips a comment, string or char literal starting at p (C syntax), or
 * returns p when there is none. Keeps "class" in a comment from making a
 * header C++.
 */
static const char *skip_c_noise(const char *p, const char *end)
{
	char q;

	if (*p == '/' && p + 1 < end && p[1] == '/') {
		const char *nl = memchr(p, '\n', end - p);

		return nl ? nl : end;
	}
	if (*p == '/' && p + 1 < end && p[1] == '*') {
		for (p += 2; p + 1 < end; p++)
			if (*p == '*' && p[1] == '/')
				return p + 2;
		return end;
	}
	if (*p != '"' && *p != '\'')
		return p;
	q = *p++;
	while (p < end && *p != q && *p != '\n')
		p += *p == '\\' ? 2 : 1;
	return p < end ? p + 1 : end;
}

enum { MARK_CXX = 1, MARK_OBJC = 2 };

/* Looks for C++ and Objective-C markers in a .h or .m file's bytes. */
static int dialect_marks(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + (len > 65536 ? 65536 : len);
	int marks = 0, line_start = 1;

	while (p < end) {
		unsigned char c = *p;

		if (c == '/' || c == '"' || c == '\'') {
			const char *q = skip_c_noise(p, end);

			if (q != p) {
				p = q;
				continue;
			}
		}
		if (c == '\n') {
			line_start = 1;
			p++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			p++;
			continue;
		}
		if (c == '@') {
			if (word_at(p + 1, end, "interface") ||
			    word_at(p + 1, end, "implementation") ||
			    word_at(p + 1, end, "protocol") ||
			    word_at(p + 1, end, "property") ||
			    word_at(p + 1, end, "end"))
				return marks | MARK_OBJC;
		} else if (c == '#' && line_start) {
			const char *s = p + 1;

			while (s < end && (*s == ' ' || *s == '\t'))
				s++;
			if (word_at(s, end, "import"))
				return marks | MARK_OBJC;
			if (word_at(s, end, "include")) {
				/* <vector>, <cstdio>: no ".h" means C++ */
				const char *lt = s + 7, *gt;

				while (lt < end && (*lt == ' ' || *lt == '\t'))
					lt++;
				gt = lt < end && *lt == '<' ?
					     memchr(lt, '>', end - lt) :
					     NULL;
				if (gt && !memchr(lt, '.', gt - lt) &&
				    !memchr(lt, '\n', gt - lt))
					marks |= MARK_CXX;
			}
			/* skip the rest of the directive */
			while (p < end && *p != '\n')
				p++;
			continue;
		} else if (c == ':' && p + 1 < end && p[1] == ':') {
			marks |= MARK_CXX;
			p += 2;
		} else if (is_ident(c)) {
			const char *s = p;
			size_t n;

			while (p < end && is_ident(*p))
				p++;
			n = p - s;
			/* most identifiers are too short or too long for these */
			if (n >= 5 && n <= 9 &&
			    (ident_is(s, n, "namespace") ||
			     ident_is(s, n, "template") ||
			     ident_is(s, n, "class") ||
			     ((ident_is(s, n, "public") ||
			       ident_is(s, n, "private") ||
			       ident_is(s, n, "protected")) &&
			      p < end && *p == ':')))
				marks |= MARK_CXX;
			line_start = 0;
			continue;
		}
		line_start = 0;
		p++;
	}
	return marks;
}

static const struct language *detect_header(const char *buf, size_t len)
{
	int marks = buf ? dialect_marks(buf, len) : 0;

	if (marks & MARK_OBJC)
		return &table[L_OBJC];
	return &table[marks & MARK_CXX ? L_CXXHDR : L_CHDR];
}

static const struct language *detect_m(const char *buf, size_t len)
{
	/* without content, Objective-C is the likelier reading */
	if (!buf || (dialect_marks(buf, len) & MARK_OBJC))
		return &table[L_OBJC];
	return &table[L_MATLAB];
}

/* The language named on a "#!" line, or NULL. */
static const struct language *detect_shebang(const char *buf, size_t len)
{
	const char *p, *end, *name;
	const char *nl;
	int env = 0;

	if (!buf || len < 3 || buf[0] != '#' || buf[1] != '!')
		return NULL;
	nl = memchr(buf, '\n', len > 256 ? 256 : len);
	end = nl ? nl : buf + (len > 256 ? 256 : len);
	p = buf + 2;
	for (;;) {
		const char *word;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		word = p;
		while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (p == word)
			return NULL;
		name = word;
		for (const char *s = word; s < p; s++)
			if (*s == '/')
				name = s + 1;
		/* "#!/usr/bin/env -S VAR=1 python3 -u" */
		if (!env && p - name == 3 && !memcmp(name, "env", 3)) {
			env = 1;
			continue;
		}
		if (env && (*word == '-' || memchr(word, '=', p - word)))
			continue;
		break;
	}
	/* python3.11 -> python */
	while (p > name && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.'))
		p--;
	return lookup(&interp_map, name, p - name);
}

static int is_ambiguous(const char *ext)
{
	return ext && (!strcasecmp(ext, "h") || !strcasecmp(ext, "m"));
}

/* The language known from the path alone, or NULL. */
static const struct language *detect_by_name(const char *base,
					     const char *ext)
{
	const struct language *lang = lookup(&file_map, base, strlen(base));

	if (lang)
		return lang;
	lang = ext ? lookup(&ext_map, ext, strlen(ext)) : NULL;
	if (lang)
		return lang; /* dockerfile.js is JavaScript */
	/* Dockerfile.dev, Makefile.linux */
	if (!strncasecmp(base, "dockerfile.", 11))
		return &table[L_DOCKER];
	if (!strncasecmp(base, "makefile.", 9) && strcasecmp(ext, "in"))
		return &table[L_MAKE];
	return NULL;
}

/*
 * An .html file in a folder named templates (or jinja2, Django's folder
 * for Jinja) is a template of the framework around it, not a page.
 */
static int is_html_template(const char *path, const char *ext)
{
	const char *p = path, *slash;

	if (!ext || (strcasecmp(ext, "html") && strcasecmp(ext, "htm")))
		return 0;
	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);

		if ((n == 9 && !memcmp(p, "templates", 9)) ||
		    (n == 6 && !memcmp(p, "jinja2", 6)))
			return 1;
		p = slash + 1;
	}
	return 0;
}

/*
 * Whether an action of Go's text/template opens at p (just after "{{"
 * and an optional "-"): a field ({{.Name}}, {{ . }}), or a keyword
 * Django and Jinja never print ({{define "x"}}, {{end}}, {{range}}).
 */
static int go_action_at(const char *p, const char *end)
{
	static const char *const words[] = { "define", "template", "block",
					     "end", "range", "with", "if",
					     "else", NULL };

	while (p < end && *p == ' ')
		p++;
	if (p < end && *p == '.')
		return p + 1 == end || p[1] == ' ' || p[1] == '}' ||
		       is_ident(p[1]);
	for (const char *const *w = words; *w; w++) {
		size_t n = strlen(*w);

		if ((size_t)(end - p) > n && !memcmp(p, *w, n) &&
		    (p[n] == ' ' || p[n] == '}' || p[n] == '-'))
			return 1;
	}
	return 0;
}

/*
 * A templates/ .html file: Go's if its first 8 KiB hold a Go action and
 * no {% tag (which Go never writes; Django has {{ end }} variables);
 * Django's when they hold a {% tag or a {{ variable; else plain HTML (a
 * Thymeleaf page of a Spring application: th: attributes, no braces).
 */
static const struct language *detect_html_template(const char *buf,
						   size_t len)
{
	const char *p = buf, *end = buf + (len > 8192 ? 8192 : len);
	int braces = 0;

	if (buf && memmem(buf, (size_t)(end - buf), "{%", 2))
		return &table[L_DJANGO];
	while (buf && p < end && (p = memchr(p, '{', (size_t)(end - p)))) {
		p++;
		if (p < end && *p == '{') {
			p++;
			if (p < end && *p == '-')
				p++;
			if (go_action_at(p, end))
				return &table[L_GOTMPL];
			braces = 1;
		}
	}
	return !buf || braces ? &table[L_DJANGO] : &table[L_HTML];
}

const struct language *language_detect(const char *path, const char *buf,
				       size_t len)
{
	const char *base = base_name(path);
	const char *ext = extension(base);
	const struct language *lang;

	utf8_skip_bom(&buf, &len); /* a BOM before #! or the first directive */
	if (ext && !strcasecmp(ext, "h"))
		return detect_header(buf, len);
	if (ext && !strcasecmp(ext, "m"))
		return detect_m(buf, len);
	if (is_html_template(path, ext))
		return detect_html_template(buf, len);
	lang = detect_by_name(base, ext);
	return lang ? lang : detect_shebang(buf, len);
}

int language_needs_content(const char *path)
{
	const char *base = base_name(path);
	const char *ext = extension(base);

	return is_ambiguous(ext) || is_html_template(path, ext) ||
	       !detect_by_name(base, ext);
}

int language_is_view(const struct language *lang)
{
	return lang && (lang->flags & LANG_VIEW);
}

const struct language *language_by_name(const char *name)
{
	for (size_t i = 0; i < L_COUNT; i++)
		if (!strcasecmp(table[i].name, name))
			return &table[i];
	return NULL;
}

/*
 * Control bytes that text files do not hold: all below 0x20 but white
 * space (\t to \r) and ESC (colour codes in logs), and DEL.
 */
static const unsigned char binary_byte[256] = {
	[0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0e] = 1, [0x0f] = 1,
	[0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1,
	[0x1a] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
	[0x7f] = 1,
};

/* How many of buf[0..n) are binary_byte[]s. */
static size_t count_control(const unsigned char *buf, size_t n)
{
	size_t control = 0, i = 0;

#ifdef __SSE2__
	/*
	 * Sixteen bytes at a time (this runs on every file): a byte counts
	 * when it is at most 0x1f but not NUL, \t to \r or ESC, or when it
	 * is DEL. Each lane of `sum` counts up to 255 blocks.
	 */
	const __m128i zero = _mm_setzero_si128();
	const __m128i c1f = _mm_set1_epi8(0x1f), c9 = _mm_set1_epi8(9);
	const __m128i c4 = _mm_set1_epi8(4), esc = _mm_set1_epi8(0x1b);
	const __m128i del = _mm_set1_epi8(0x7f);

	while (n - i >= 16) {
		__m128i sum = zero;

		for (int k = 0; k < 255 && n - i >= 16; k++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(buf + i));
			__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v);
			__m128i w = _mm_sub_epi8(v, c9);
			__m128i ok = _mm_or_si128(
				_mm_cmpeq_epi8(_mm_min_epu8(w, c4), w),
				_mm_or_si128(_mm_cmpeq_epi8(v, zero),
					     _mm_cmpeq_epi8(v, esc)));
			__m128i hit = _mm_or_si128(_mm_andnot_si128(ok, low),
						   _mm_cmpeq_epi8(v, del));

			sum = _mm_sub_epi8(sum, hit); /* a hit is -1 */
		}
		sum = _mm_sad_epu8(sum, zero);
		control += (size_t)_mm_cvtsi128_si32(sum) +
			   (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (; i < n; i++)
		control += binary_byte[buf[i]];
	return control;
}

int language_is_binary(const char *buf, size_t len)
{
	size_t n = len > 8192 ? 8192 : len, control;

	if (memchr(buf, '\0', n))
		return 1;
	/* the control-byte ratio needs no more than the first kilobyte */
	if (n > 1024)
		n = 1024;
	control = count_control((const unsigned char *)buf, n);
	/* more than one byte in ten: no text file looks like that */
	return n && control * 10 > n;
}

void language_for_each(void (*fn)(const struct language *, void *),
		       void *ctx)
{
	for (size_t i = 0; i < L_COUNT; i++)
		fn(&table[i], ctx);
}
