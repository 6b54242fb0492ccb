/*
 * The language table: names, comment syntax and branch keywords of every
 * language carve knows, and detection from a file's name and content.
 * Every `const struct language *` points into a static table: never freed.
 */
#ifndef CARVE_LANGUAGE_H
#define CARVE_LANGUAGE_H

#include <stddef.h>

/* How a language writes comments and strings; selects the counter. */
enum lang_syntax {
	SYNTAX_PLAIN,  /* no comments at all (JSON, plain text) */
	SYNTAX_C,      /* // and slash-star, C-like strings */
	SYNTAX_HASH,   /* # to end of line (shell, YAML, Makefile, ...) */
	SYNTAX_PYTHON, /* # plus triple-quoted strings counted as comments */
	SYNTAX_RUBY,   /* # plus =begin/=end */
	SYNTAX_PERL,   /* # plus POD (=pod ... =cut) */
	SYNTAX_SQL,    /* -- and slash-star */
	SYNTAX_LUA,    /* -- and --[[ ]] / --[==[ ]==] */
	SYNTAX_MARKUP, /* <!-- --> (HTML, XML, Markdown) */
	SYNTAX_CSS,    /* slash-star only */
	SYNTAX_PERCENT, /* % to end of line (MATLAB, TeX) */
	SYNTAX_TEMPLATE, /* text: comments only as struct language.blocks */
	SYNTAX_HAML,   /* -# and / lines and their indented blocks, <!-- --> */
	SYNTAX_SLIM,   /* a / line (not /!) and its indented block */
};

/* Flags of struct language. */
enum {
	LANG_NESTED_COMMENTS = 1 << 0, /* block comments nest (Rust, Swift) */
	LANG_PROGRAMMING = 1 << 1,     /* code, as opposed to data/markup */
	LANG_HASH_COMMENTS = 1 << 2,   /* SYNTAX_C plus # comments (PHP) */
	LANG_BACKTICK_STRINGS = 1 << 3,/* `raw` (Go) or `template` (JS/TS) */
	LANG_TRIPLE_STRINGS = 1 << 4,  /* """text blocks""" (Java, Kotlin) */
	LANG_CHAR_QUOTES = 1 << 5,     /* 'x' is a char literal, not a string */
	LANG_CXX_RAW_STRINGS = 1 << 6, /* R"delim(...)delim" (C++) */
	LANG_RUST_RAW_STRINGS = 1 << 7,/* r#"..."#, br"..." (Rust) */
	LANG_VERBATIM_STRINGS = 1 << 8,/* @"..." with "" for a quote (C#) */
	LANG_LINE_SPLICE = 1 << 9,     /* backslash-newline continues a // */
	LANG_MULTILINE_STRINGS = 1 << 10, /* "..." may span lines (Rust) */
	LANG_SLASH_COMMENTS = 1 << 11, /* SYNTAX_CSS plus // (SCSS, LESS) */
	LANG_REGEX_LITERALS = 1 << 12, /* /re/ after an operator (JS, TS) */
	/*
	 * A view or template (Razor, ERB, Haml, Go templates, Vue, ...):
	 * presentation that a migration moves with the code it renders,
	 * never counted as LANG_PROGRAMMING.
	 */
	LANG_VIEW = 1 << 13,
	/* Go: a "}}" or " -}}" right after a block closer belongs to it */
	LANG_TEMPLATE_TRIM = 1 << 14,
};

struct language {
	const char *name;      /* display name: "Python", "C++ Header" */
	const char *cloc_name; /* cloc 1.96's name for comparisons */
	enum lang_syntax syntax;
	unsigned flags;
	/* branch-point keywords for complexity, NULL-terminated */
	const char *const *branch_words;
	/*
	 * branch-point operators ("&&", "||", "?"), NULL-terminated. "?" is a
	 * ternary only when not followed by . ? : [ = > (optional chaining,
	 * nullable types); " ?" also needs white space before it (Swift).
	 */
	const char *const *branch_ops;
	/*
	 * Block comments beyond the syntax's own, as opener and closer
	 * pairs, NULL-terminated: "@*", "*@", "<!--", "-->" (Razor). Read by
	 * SYNTAX_C and SYNTAX_TEMPLATE; an opener's first byte may not be
	 * one the syntax already uses ('/', quotes).
	 */
	const char *const *blocks;
};

/*
 * Detects the language of repository-relative `path` from its name,
 * extension, shebang, and, for ambiguous extensions (.h, .m), from the
 * first bytes of content `buf` (may be NULL when not yet read).
 * Returns NULL for files of no known language.
 */
const struct language *language_detect(const char *path, const char *buf,
				       size_t len);
/*
 * True when detection may depend on content for this path (no known
 * extension or file name, or an ambiguous one): read before detecting.
 */
int language_needs_content(const char *path);
/* Looks a language up by display name (case-insensitive), or NULL. */
const struct language *language_by_name(const char *name);
/* True when buf looks binary (NUL bytes, or mostly control bytes). */
int language_is_binary(const char *buf, size_t len);
/* True for a view or template language (LANG_VIEW); false for NULL. */
int language_is_view(const struct language *lang);
/* Calls fn for each language in the table, in table order. */
void language_for_each(void (*fn)(const struct language *, void *),
		       void *ctx);

#endif
