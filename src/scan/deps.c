/*
 * Dependency extraction: the dispatcher from a file's language to its
 * family's lexer, and the list the lexers fill.
 */
#include <stdint.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/language.h"
#include "carve/utf8.h"
#include "carve/xmalloc.h"

struct dep_ref *dep_list_add(struct dep_list *out, struct arena *arena,
			     enum dep_kind kind, const char *target,
			     size_t target_len, unsigned line)
{
	struct dep_ref *d;

	char *t;
	size_t i = 0;

	ALLOC_GROW(out->refs, out->nr + 1, out->alloc);
	d = &out->refs[out->nr++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->line = line;
	d->target = t = arena_strndup(arena, target, target_len);
	/*
	 * No control bytes: the scan cache separates fields with them.
	 * Eight bytes at a time (the arena pads to 16): a word holds one
	 * below 0x20 when ((x - 0x20..20) & ~x & 0x80..80) is not zero.
	 */
	for (; i + 8 <= target_len; i += 8) {
		uint64_t x;

		memcpy(&x, t + i, 8);
		if ((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL)
			break;
	}
	for (; t[i]; i++)
		if ((unsigned char)t[i] < 0x20)
			t[i] = '?';
	return d;
}

/* The first bytes compared inline: most tests fail there. */
static inline int is(const struct language *lang, const char *name)
{
	return lang->name[0] == name[0] && !strcmp(lang->name, name);
}

int deps_extract_counting(struct dep_list *out, struct arena *arena,
			  const struct language *lang, const char *buf,
			  size_t len, struct line_counts *counts)
{
	const char *s = buf;
	size_t n = len;

	if (!lang || !is(lang, "Go"))
		return 0;
	utf8_skip_bom(&s, &n);
	deps_go_counting(out, arena, s, n, lang, buf, len, counts);
	return 1;
}

void deps_extract(struct dep_list *out, struct arena *arena,
		  const struct language *lang, const char *buf, size_t len)
{
	if (!lang)
		return;
	/* one place for every lexer: a BOM would glue onto the first word */
	utf8_skip_bom(&buf, &len);
	/* each family registers its lexer here when it lands */
	if (is(lang, "Python"))
		deps_python(out, arena, buf, len);
	if (is(lang, "JavaScript") || is(lang, "TypeScript"))
		deps_js(out, arena, buf, len);
	if (is(lang, "C") || is(lang, "C++") || is(lang, "C Header") ||
	    is(lang, "C++ Header") || is(lang, "Objective-C") ||
	    is(lang, "Objective-C++"))
		deps_c(out, arena, buf, len);
	else if (is(lang, "Go"))
		deps_go(out, arena, buf, len);
	if (is(lang, "Java") || is(lang, "Kotlin") || is(lang, "Scala"))
		deps_java(out, arena, lang, buf, len);
	else if (is(lang, "Ruby"))
		deps_ruby(out, arena, buf, len);
	else if (is(lang, "PHP"))
		deps_php(out, arena, buf, len);
	else if (is(lang, "C#"))
		deps_csharp(out, arena, buf, len);
	else if (is(lang, "Rust"))
		deps_rust(out, arena, buf, len);
	else if (language_is_view(lang))
		deps_views(out, arena, lang, buf, len);
	(void)out;
	(void)arena;
	(void)buf;
	(void)len;
	(void)is;
}
