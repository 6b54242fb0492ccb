/*
 * Go's dependency lexer: import declarations, single or grouped, with
 * aliases, blank (_) and dot imports, interpreted or raw import paths;
 * then the rest of the file, for what the resolver needs to weigh an
 * import by its uses: each distinct `name.Ident` of an imported package
 * (a ref with the import's path as target and Ident as name, right after
 * the import's own ref), the package clause (target ".", name the
 * package) and the file's exported top-level names (func, type, var,
 * const; DEP_DECLARES refs, target the name). A file with a build constraint
 * (//go:build or // +build) is only built sometimes: its imports are
 * conditional.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/ident.h"
#include "carve/identskip.h"
#include "carve/language.h"
#include "carve/linecount.h"
#include "carve/xmalloc.h"

/* An import spec, kept until the uses of its package are known. */
struct go_import {
	const char *path, *name; /* name: what the file calls the package */
	size_t path_len, name_len;
	unsigned line, flags;
};

/* An exported top-level name of the file, kept until emit(). */
struct go_name {
	const char *s;
	size_t n;
	unsigned line;
};

/* A `name.Ident` of an imported package: imports[imp], Ident at s. */
struct go_use {
	size_t imp;
	const char *s;
	size_t n;
};

struct lexer {
	const char *p, *end;
	unsigned line;
	unsigned flags; /* DEP_CONDITIONAL under a build constraint */
	int package_seen;
	const char *package; /* the package clause's name */
	size_t package_len;
	unsigned package_line;
	struct go_import *imports;
	size_t imports_nr, imports_alloc;
	struct go_use *uses;
	size_t uses_nr, uses_alloc;
	size_t *set, set_size; /* uses by hash: index + 1, 0 free */
	struct go_name *decls;
	size_t decls_nr, decls_alloc;
	size_t head_nr; /* imports in the chains of head */
	size_t *next;
	int group; /* inside a grouped type, var or const */
	struct linecount_hook hook; /* what body() follows */
	struct dep_list *out;
	struct arena *arena;
	unsigned char last[256]; /* a use may end with c: head[c] is set */
	/* not cleared from here on (lexer_init()) */
	/* by last byte: the first import whose name ends with it, plus
	 * one, and after each import the next such (on_dot()) */
	size_t head[256];
	/* most files need no more than these: no heap */
	struct go_import imports_small[16];
	struct go_use uses_small[32];
	struct go_name decls_small[32];
	size_t set_small[64], next_small[16];
};

/* The lexer cleared but for what is written before it is read. */
static void lexer_init(struct lexer *lx)
{
	memset(lx, 0, offsetof(struct lexer, head));
	lx->imports = lx->imports_small;
	lx->imports_alloc =
		sizeof(lx->imports_small) / sizeof(*lx->imports_small);
	lx->uses = lx->uses_small;
	lx->uses_alloc = sizeof(lx->uses_small) / sizeof(*lx->uses_small);
	lx->decls = lx->decls_small;
	lx->decls_alloc = sizeof(lx->decls_small) / sizeof(*lx->decls_small);
}

/*
 * Array p, of which nr elements of `size` are used, grown to hold at
 * least need; small is the lexer's own array it started in.
 */
static void *grow(void *p, const void *small, size_t nr, size_t need,
		  size_t *alloc, size_t size)
{
	size_t n = 2 * *alloc > need ? 2 * *alloc : need;
	void *q = xreallocarray(p == small ? NULL : p, n, size);

	if (p == small)
		memcpy(q, p, nr * size);
	*alloc = n;
	return q;
}

#define GROW(x, small, nr, need, alloc)                                  \
	do {                                                             \
		if ((need) > (alloc))                                    \
			(x) = grow((x), (small), (nr), (need), &(alloc), \
				   sizeof(*(x)));                        \
	} while (0)

static void lexer_release(struct lexer *lx)
{
	if (lx->imports != lx->imports_small)
		free(lx->imports);
	if (lx->uses != lx->uses_small)
		free(lx->uses);
	if (lx->set != lx->set_small)
		free(lx->set);
	if (lx->next != lx->next_small)
		free(lx->next);
	if (lx->decls != lx->decls_small)
		free(lx->decls);
}

static int is_ident(int c)
{
	return ident_char(c, IDENT_HIGH);
}

static int starts_with(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && !memcmp(p, s, n);
}

/* Skips a comment at lx->p; a build constraint before `package` counts. */
static void skip_comment(struct lexer *lx)
{
	const char *p = lx->p;

	if (p[1] == '/') {
		const char *nl = memchr(p, '\n', (size_t)(lx->end - p));

		if (!lx->package_seen &&
		    (starts_with(p, lx->end, "//go:build ") ||
		     starts_with(p, lx->end, "// +build ")))
			lx->flags |= DEP_CONDITIONAL;
		lx->p = nl ? nl : lx->end;
		return;
	}
	p += 2;
	while (p < lx->end && !(*p == '*' && p + 1 < lx->end && p[1] == '/')) {
		if (*p == '\n')
			lx->line++;
		p++;
	}
	lx->p = p < lx->end ? p + 2 : lx->end;
}

/* Skips blanks, newlines, semicolons and comments. */
static void skip_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		char c = *lx->p;

		if (c == '\n') {
			lx->line++;
			lx->p++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == ';') {
			lx->p++;
		} else if (c == '/' && lx->p + 1 < lx->end &&
			   (lx->p[1] == '/' || lx->p[1] == '*')) {
			skip_comment(lx);
		} else {
			return;
		}
	}
}

/*
 * Skips the string or rune literal at lx->p; sets *s and *n to its
 * contents. Interpreted strings and runes end at a newline when
 * unterminated, raw strings at the end of the file.
 */
static void read_literal(struct lexer *lx, const char **s, size_t *n)
{
	const char *p = lx->p;
	char q = *p++;

	*s = p;
	if (q == '`') {
		const char *e = memchr(p, '`', (size_t)(lx->end - p));

		e = e ? e : lx->end;
		for (const char *nl = p;
		     (nl = memchr(nl, '\n', (size_t)(e - nl))); nl++)
			lx->line++;
		*n = (size_t)(e - p);
		lx->p = e < lx->end ? e + 1 : e;
		return;
	}
	/* interpreted strings and runes end at q or, unterminated, a newline */
	while (p < lx->end && *p != q && *p != '\n') {
#ifdef __SSE2__
		if (lx->end - p >= 16) {
			const __m128i v = _mm_loadu_si128(
				(const __m128i *)(const void *)p);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				_mm_or_si128(
					_mm_cmpeq_epi8(v, _mm_set1_epi8(q)),
					_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
				_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));

			if (!m) {
				p += 16;
				continue;
			}
			p += __builtin_ctz(m);
			if (*p != '\\')
				continue;
		}
#endif
		if (*p == '\\' && p + 1 < lx->end && p[1] != '\n')
			p++;
		p++;
	}
	*n = (size_t)(p - *s);
	lx->p = p < lx->end && *p == q ? p + 1 : p;
}

/*
 * The name a file calls an imported package by, when the import gives
 * none: the package clause of the target, which is by convention its
 * last path element (before a /vN major version suffix). A wrong guess
 * finds no uses, and the import then links to the whole package.
 */
static void guess_name(struct go_import *imp)
{
	const char *end = imp->path + imp->path_len, *s;

	s = memrchr(imp->path, '/', imp->path_len);
	s = s ? s + 1 : imp->path;
	if (s > imp->path && end - s >= 2 && *s == 'v' &&
	    (size_t)(end - s - 1) == strspn(s + 1, "0123456789")) {
		end = s - 1;
		for (s = end; s > imp->path && s[-1] != '/'; s--)
			;
	}
	imp->name = s;
	imp->name_len = (size_t)(end - s);
	for (const char *q = s; q < end; q++)
		if (!is_ident((unsigned char)*q))
			imp->name_len =
				0; /* gopkg.in/yaml.v3, go-foo: no guess */
}

/*
 * The standard packages most used (gitea: a third of all uses): their
 * uses name no file of the repository, so they are not collected. A
 * module of the repository cannot take these paths (the go tool looks
 * in GOROOT first).
 */
static int is_common_std(const char *s, size_t n)
{
	/* by length, each NUL-terminated: a path is tried on a few */
	static const char *const by_len[14] = {
		[2] = "io\0os\0",
		[3] = "fmt\0log\0net\0",
		[4] = "math\0path\0sort\0sync\0time\0",
		[5] = "bufio\0bytes\0io/fs\0",
		[6] = "errors\0regexp\0slices\0",
		[7] = "context\0net/url\0os/exec\0reflect\0strconv\0"
		      "strings\0testing\0unicode\0",
		[8] = "net/http\0",
		[11] = "sync/atomic\0",
		[13] = "encoding/json\0path/filepath\0",
	};

	if (n >= sizeof(by_len) / sizeof(*by_len) || !by_len[n])
		return 0;
	for (const char *c = by_len[n]; *c; c += n + 1)
		if (*c == *s && !memcmp(c, s, n))
			return 1;
	return 0;
}

/* One import spec: [name | . | _] "path". Returns 0 when none is there. */
static int import_spec(struct lexer *lx)
{
	unsigned flags = lx->flags;
	const char *s, *alias = NULL;
	size_t n, alias_len = 0;
	unsigned line;
	struct go_import *imp;

	if (*lx->p == '.') {
		flags |= DEP_WILDCARD;
		lx->p++;
		skip_space(lx);
	} else if (is_ident((unsigned char)*lx->p)) {
		alias = lx->p;
		lx->p = ident_skip(lx->p, lx->end);
		alias_len = (size_t)(lx->p - alias);
		skip_space(lx);
	}
	if (lx->p >= lx->end || (*lx->p != '"' && *lx->p != '`'))
		return 0;
	line = lx->line;
	read_literal(lx, &s, &n);
	if (!n)
		return 1;
	GROW(lx->imports, lx->imports_small, lx->imports_nr, lx->imports_nr + 1,
	     lx->imports_alloc);
	imp = &lx->imports[lx->imports_nr++];
	imp->path = s;
	imp->path_len = n;
	imp->line = line;
	imp->flags = flags;
	imp->name = alias;
	imp->name_len = alias_len;
	if (!alias && !(flags & DEP_WILDCARD))
		guess_name(imp);
	if (is_common_std(s, n))
		imp->name_len = 0; /* no file of the repository: no uses */
	return 1;
}

static void import_decl(struct lexer *lx)
{
	skip_space(lx);
	if (lx->p >= lx->end)
		return;
	if (*lx->p != '(') {
		import_spec(lx);
		return;
	}
	lx->p++;
	for (;;) {
		skip_space(lx);
		if (lx->p >= lx->end)
			return;
		if (*lx->p == ')') {
			lx->p++;
			return;
		}
		if (!import_spec(lx))
			lx->p++; /* malformed: step over it and go on */
	}
}

static int word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !memcmp(s, word, n);
}

/*
 * Whether a name may be exported: an upper-case first letter (or a
 * non-ASCII one, which may be). Only those can be used from another
 * package, so only those are declarations worth keeping.
 */
static int exported(const char *s)
{
	unsigned char c = (unsigned char)*s;

	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Records a top-level exported name of the file. */
static void declare(struct lexer *lx, const char *s, size_t n)
{
	struct go_name *x;

	if (!n || !exported(s))
		return;
	GROW(lx->decls, lx->decls_small, lx->decls_nr, lx->decls_nr + 1,
	     lx->decls_alloc);
	x = &lx->decls[lx->decls_nr++];
	x->s = s;
	x->n = n;
	x->line = lx->line;
}

static size_t ident_len(const char *p, const char *end)
{
	return (size_t)(ident_skip(p, end) - p);
}

/*
 * A hash of a use for the set of uses: the import, the length and three
 * of the name's bytes, mixed (names are compared whole on a match).
 */
static uint32_t hash_bytes(const char *s, size_t n, size_t seed)
{
	uint64_t h = (uint64_t)seed * 0x9e3779b97f4a7c15ULL;

	h ^= (uint64_t)n | (uint64_t)(unsigned char)s[0] << 8 |
	     (uint64_t)(unsigned char)s[n / 2] << 16 |
	     (uint64_t)(unsigned char)s[n - 1] << 24;
	h *= 0xff51afd7ed558ccdULL;
	return (uint32_t)(h ^ (h >> 29));
}

/* Adds imports[imp] . s[0..n) unless the file used it already. */
static void add_use(struct lexer *lx, size_t imp, const char *s, size_t n)
{
	uint32_t h = hash_bytes(s, n, imp);
	struct go_use *u;
	size_t i;

	if (!lx->set) {
		memset(lx->set_small, 0, sizeof(lx->set_small));
		lx->set = lx->set_small;
		lx->set_size = sizeof(lx->set_small) / sizeof(*lx->set_small);
	}
	if (2 * (lx->uses_nr + 1) > lx->set_size) {
		size_t size = 2 * lx->set_size;

		if (lx->set != lx->set_small)
			free(lx->set);
		lx->set = xcalloc(size, sizeof(*lx->set));
		lx->set_size = size;
		for (size_t k = 0; k < lx->uses_nr; k++) {
			u = &lx->uses[k];
			i = hash_bytes(u->s, u->n, u->imp) & (size - 1);
			while (lx->set[i])
				i = (i + 1) & (size - 1);
			lx->set[i] = k + 1;
		}
	}
	for (i = h & (lx->set_size - 1); lx->set[i];
	     i = (i + 1) & (lx->set_size - 1)) {
		u = &lx->uses[lx->set[i] - 1];
		if (u->imp == imp && u->n == n && !memcmp(u->s, s, n))
			return;
	}
	GROW(lx->uses, lx->uses_small, lx->uses_nr, lx->uses_nr + 1,
	     lx->uses_alloc);
	u = &lx->uses[lx->uses_nr++];
	u->imp = imp;
	u->s = s;
	u->n = n;
	lx->set[i] = lx->uses_nr;
}

/*
 * The start of a line outside comments and strings. Go is written
 * gofmt'ed: a top-level declaration starts in column 0, the names of a
 * grouped one (`var (` ... `)`) one tab in.
 */
static void line_start(struct lexer *lx, const char *p)
{
	const char *end = lx->end;
	size_t k;

	if (p >= end)
		return;
	if (lx->group) {
		if (*p == ')') {
			lx->group = 0;
		} else if (*p == '\t' && p + 1 < end &&
			   ident_start((unsigned char)p[1], IDENT_HIGH)) {
			declare(lx, p + 1, ident_len(p + 1, end));
		}
		return;
	}
	switch (*p) {
	case 'f':
		if (end - p > 5 && !memcmp(p, "func ", 5)) {
			/* func (r T) M(): a method, no name of the package */
			if (ident_start((unsigned char)p[5], IDENT_HIGH))
				declare(lx, p + 5, ident_len(p + 5, end));
		}
		return;
	case 't':
		k = end - p > 5 && !memcmp(p, "type ", 5) ? 5 : 0;
		break;
	case 'v':
		k = end - p > 4 && !memcmp(p, "var ", 4) ? 4 : 0;
		break;
	case 'c':
		k = end - p > 6 && !memcmp(p, "const ", 6) ? 6 : 0;
		break;
	default:
		return;
	}
	if (!k)
		return;
	p += k;
	if (*p == '(')
		lx->group = 1;
	else if (ident_start((unsigned char)*p, IDENT_HIGH))
		declare(lx, p, ident_len(p, end));
}

/* Bytes that start a line line_start() looks at: outside a group, then in one */
static const unsigned char decl_first[256] = {
	['f'] = 1,
	['t'] = 1,
	['v'] = 1,
	['c'] = 1,
};
static const unsigned char group_first[256] = { ['\t'] = 1, [')'] = 1 };

/* Bytes after a '.' that may start an exported name (exported()) */
static const unsigned char exported_first[256] = {
	['A' ... 'Z'] = 1,
	[0x80 ... 0xff] = 1,
};

/* The line counter is at a line start that may matter (line_first). */
static void on_line(void *ctx, const char *p, unsigned line)
{
	struct lexer *lx = ctx;

	lx->line = line;
	line_start(lx, p);
	lx->hook.line_first = lx->group ? group_first : decl_first;
}

/* imports[i] is used: the name after the '.' at p is what of it. */
static __attribute__((noinline)) void use(struct lexer *lx, size_t i,
					  const char *p)
{
	add_use(lx, i, p + 1, ident_len(p + 1, lx->end));
}

/*
 * A '.' before an exported name, after the last byte of an import's
 * name (hook.dot_prev): a use when the word before it is that name.
 * The imports whose name ends with that byte are tried there, in
 * import order, without first walking back over the word; the first
 * so named decides. Most dots are no use: that path calls nothing.
 */
static void on_dot(void *ctx, const char *p)
{
	struct lexer *lx = ctx;
	const char *start = lx->hook.from;
	size_t room = (size_t)(p - start);

	for (size_t i = lx->head[(unsigned char)p[-1]]; i;
	     i = lx->next[i - 1]) {
		const struct go_import *imp = &lx->imports[i - 1];
		size_t n = imp->name_len;
		const char *w = p - n;

		if (n > room || *w != *imp->name ||
		    (w > start && is_ident((unsigned char)w[-1])) ||
		    memcmp(imp->name, w, n))
			continue;
		if (w > start && w[-1] == '.')
			return; /* a.pkg.Name: a field, no package */
		use(lx, i - 1, p);
		return;
	}
}

/* A line comment when no package clause came: a build constraint? */
static void on_comment(void *ctx, const char *p)
{
	struct lexer *lx = ctx;

	if (starts_with(p, lx->end, "//go:build ") ||
	    starts_with(p, lx->end, "// +build "))
		lx->flags |= DEP_CONDITIONAL;
}

static const struct language *go_language;

static void find_go(void)
{
	go_language = language_by_name("Go");
}

/*
 * The declarations after the imports, from lx->p: top-level names, and
 * the uses of imported packages. The line counter finds strings and
 * comments anyway: the lexer follows its pass over cbuf[0..clen) (the
 * file as the counter reads it) and looks only at the line starts and
 * dots it reports, and the counts go to *counts (NULL: not wanted).
 */
static void body(struct lexer *lx, const struct language *lang,
		 const char *cbuf, size_t clen, struct line_counts *counts)
{
	struct line_counts discard;

	lx->next = lx->imports_nr <= sizeof(lx->next_small) /
					     sizeof(*lx->next_small)
			   ? lx->next_small
			   : xreallocarray(NULL, lx->imports_nr,
					   sizeof(*lx->next));
	for (size_t i = lx->imports_nr; i-- > 0;) {
		const struct go_import *imp = &lx->imports[i];
		unsigned char c;

		if (!imp->name_len || imp->name_len >= 32)
			continue;
		c = (unsigned char)imp->name[imp->name_len - 1];
		/* pushed last to first: the chain is in import order */
		lx->next[i] = lx->last[c] ? lx->head[c] : 0;
		lx->head[c] = i + 1;
		lx->last[c] = 1;
		lx->head_nr++;
	}
	lx->hook.from = lx->p;
	/* no import to use: no dot to look at */
	lx->hook.dot_prev = lx->head_nr ? lx->last : NULL;
	lx->hook.dot_next = exported_first;
	lx->hook.line = on_line;
	lx->hook.dot = on_dot;
	/* a build constraint counts until a package clause: none came */
	lx->hook.comment = lx->package_seen ? NULL : on_comment;
	lx->hook.ctx = lx;
	line_start(lx, lx->p);
	lx->hook.line_first = lx->group ? group_first : decl_first;
	if (!lang) {
		static pthread_once_t once = PTHREAD_ONCE_INIT;

		pthread_once(&once, find_go);
		lang = go_language;
	}
	linecount_follow(counts ? counts : &discard, lang, cbuf, clen,
			 &lx->hook);
	lx->p = lx->end;
}

/* s[0..n) at *q (zeroed: the terminator is there); *q moves past it. */
static char *put(char **q, const char *s, size_t n)
{
	char *t = *q;

	memcpy(t, s, n);
	*q += n + 1;
	return t;
}

/*
 * No control bytes in a path: the scan cache separates fields with them
 * (as dep_list_add() does). Eight bytes at a time: a word holds one
 * below 0x20 when ((x - 0x20..20) & ~x & 0x80..80) is not zero.
 */
static void no_controls(char *t, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, t + i, 8);
		if ((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL)
			break;
	}
	for (; t[i]; i++)
		if ((unsigned char)t[i] < 0x20)
			t[i] = '?';
}

/*
 * The file's statements: its declarations, then each import and right
 * after it the distinct names used from it, then the package clause.
 * One grow of the list and one block of the arena for all their names
 * (names are identifiers: only paths can hold control bytes).
 */
static void emit(struct lexer *lx)
{
	struct dep_list *out = lx->out;
	size_t nr = lx->decls_nr + lx->imports_nr + lx->uses_nr +
		    (lx->package_len ? 1 : 0);
	size_t small[128], n = 2 * lx->imports_nr + lx->uses_nr + 1;
	size_t bytes = lx->package_len ? 2 + lx->package_len + 1 : 0;
	size_t *first, *tail, *next;
	struct dep_ref *d;
	char *q;

	if (!nr)
		return;
	for (size_t i = 0; i < lx->decls_nr; i++)
		bytes += lx->decls[i].n + 1;
	for (size_t i = 0; i < lx->imports_nr; i++)
		bytes += lx->imports[i].path_len + 1;
	for (size_t u = 0; u < lx->uses_nr; u++)
		bytes += lx->uses[u].n + 1;
	q = arena_alloc(lx->arena, bytes);
	ALLOC_GROW(out->refs, out->nr + nr, out->alloc);
	d = out->refs + out->nr;
	out->nr += nr;
	/* each field set: no memset of the whole run first */
	for (size_t i = 0; i < lx->decls_nr; i++, d++)
		*d = (struct dep_ref){
			.kind = DEP_IMPORT,
			.flags = DEP_DECLARES,
			.line = lx->decls[i].line,
			.target = put(&q, lx->decls[i].s, lx->decls[i].n),
		};

	/* each import's uses, in the order they came: chained by index */
	first = n <= sizeof(small) / sizeof(*small)
			? small
			: xreallocarray(NULL, n, sizeof(*first));
	tail = first + lx->imports_nr;
	next = tail + lx->imports_nr;
	memset(first, 0, 2 * lx->imports_nr * sizeof(*first));
	for (size_t u = 0; u < lx->uses_nr; u++) {
		size_t i = lx->uses[u].imp;

		next[u] = 0;
		if (tail[i])
			next[tail[i] - 1] = u + 1;
		else
			first[i] = u + 1;
		tail[i] = u + 1;
	}
	for (size_t i = 0; i < lx->imports_nr; i++) {
		const struct go_import *imp = &lx->imports[i];
		char *target = put(&q, imp->path, imp->path_len);

		no_controls(target, imp->path_len);
		*d++ = (struct dep_ref){
			.kind = DEP_IMPORT,
			.flags = imp->flags,
			.line = imp->line,
			.target = target,
		};
		for (size_t u = first[i]; u; u = next[u - 1], d++) {
			const struct go_use *x = &lx->uses[u - 1];

			/* the uses share the import's copy of its path */
			*d = (struct dep_ref){
				.kind = DEP_IMPORT,
				.flags = imp->flags,
				.line = imp->line,
				.target = target,
				.name = put(&q, x->s, x->n),
			};
		}
	}
	if (first != small)
		free(first);
	if (lx->package_len)
		*d = (struct dep_ref){
			.kind = DEP_IMPORT,
			.line = lx->package_line,
			.target = put(&q, ".", 1),
			.name = put(&q, lx->package, lx->package_len),
		};
}

void deps_go_counting(struct dep_list *out, struct arena *arena,
		      const char *buf, size_t len, const struct language *lang,
		      const char *cbuf, size_t clen, struct line_counts *counts)
{
	struct lexer lx;
	int counted = 0;

	lexer_init(&lx);
	lx.p = buf;
	lx.end = buf + len;
	lx.line = 1;
	lx.out = out;
	lx.arena = arena;
	for (;;) {
		const char *word;
		size_t n;
		char c;

		skip_space(&lx);
		if (lx.p >= lx.end)
			break;
		c = *lx.p;
		if (c == '"' || c == '`' || c == '\'') {
			const char *s;

			read_literal(&lx, &s, &n);
			continue;
		}
		if (!is_ident((unsigned char)c)) {
			lx.p++;
			continue;
		}
		word = lx.p;
		lx.p = ident_skip(lx.p, lx.end);
		n = (size_t)(lx.p - word);
		if (word_is(word, n, "import")) {
			import_decl(&lx);
		} else if (word_is(word, n, "package")) {
			lx.package_seen = 1;
			skip_space(&lx);
			lx.package_line = lx.line;
			if (lx.p < lx.end && is_ident((unsigned char)*lx.p)) {
				lx.package = lx.p;
				lx.package_len = ident_len(lx.p, lx.end);
				lx.p += lx.package_len;
			}
		} else if (word_is(word, n, "func") ||
			   word_is(word, n, "var") ||
			   word_is(word, n, "const") ||
			   word_is(word, n, "type")) {
			/* no import may follow a declaration */
			lx.p = word;
			body(&lx, lang, cbuf, clen, counts);
			counted = 1;
			break;
		}
	}
	emit(&lx);
	lexer_release(&lx);
	if (counts && !counted)
		linecount_buffer(counts, lang, cbuf, clen);
}

void deps_go(struct dep_list *out, struct arena *arena, const char *buf,
	     size_t len)
{
	deps_go_counting(out, arena, buf, len, NULL, buf, len, NULL);
}
