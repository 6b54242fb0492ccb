/*
 * Dependency lexers of views and templates: the plain references each
 * template language writes with literal names. Razor (@using, @model,
 * @inject, @inherits; <partial name>, Html.Partial, Layout = "..."),
 * ERB, Haml and Slim (render 'x', render partial: 'x'), Go templates
 * ({{template "x"}}, with {{define "x"}} and {{block "x"}} recorded as
 * declarations), Django, Jinja, Twig, Nunjucks and Liquid ({% extends/
 * include/import/from/render "x" %}), EJS (include('x')), Handlebars and
 * Mustache ({{> x}}), and the <script> blocks
 * of Vue and Svelte components, read by the JavaScript lexer; the Ruby
 * code of ERB, Haml and Slim goes through the Ruby lexer for its
 * constants (when it reads them: Ruby's DEP_USE statements). Comments
 * of each syntax are skipped; a reference built from a variable is not
 * a plain reference and is left out. Resolution: resolve_views.c.
 */
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "carve/deps.h"
#include "carve/language.h"
#include "carve/strbuf.h"

/* Longer names are not real references: dropped. */
#define NAME_MAX_LEN 512

struct vlex {
	const char *buf, *end;
	const char *counted; /* line is the line of this byte */
	unsigned line;
	int backtick; /* `x` is a string literal too (Go templates) */
	struct dep_list *out;
	struct arena *arena;
};

static void vlex_init(struct vlex *lx, struct dep_list *out,
		      struct arena *arena, const char *buf, size_t len)
{
	lx->buf = buf; /* deps_extract() has skipped a byte-order mark */
	lx->end = buf + len;
	lx->counted = buf;
	lx->line = 1;
	lx->backtick = 0;
	lx->out = out;
	lx->arena = arena;
}

/* The line of p; p only moves forward between calls. */
static unsigned line_of(struct vlex *lx, const char *p)
{
	while (lx->counted < p) {
		const char *nl =
			memchr(lx->counted, '\n', (size_t)(p - lx->counted));

		if (!nl) {
			lx->counted = p; /* a long line is read once */
			break;
		}
		lx->line++;
		lx->counted = nl + 1;
	}
	return lx->line;
}

static int is_ident(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && is_blank((unsigned char)*p))
		p++;
	return p;
}

/* White space, newlines included. */
static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (is_blank((unsigned char)*p) || *p == '\n'))
		p++;
	return p;
}

/* Inlined: with a literal s, strlen() is a constant (52,000 calls). */
static inline __attribute__((always_inline)) int
at(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && !memcmp(p, s, n);
}

/* The word w at p, not followed by a name byte. */
static inline __attribute__((always_inline)) int
at_word(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);

	return at(p, end, w) &&
	       (p + n >= end || !is_ident((unsigned char)p[n]));
}

/* Past the closer `close` after p, or the end (unterminated). */
static const char *skip_past(const char *p, const char *end, const char *close)
{
	size_t n = strlen(close);

	while (p < end) {
		const char *hit = memchr(p, close[0], (size_t)(end - p));

		if (!hit)
			break;
		if ((size_t)(end - hit) >= n && !memcmp(hit, close, n))
			return hit + n;
		p = hit + 1;
	}
	return end;
}

static struct dep_ref *add(struct vlex *lx, const char *at_p,
			   enum dep_kind kind, const char *s, size_t n,
			   unsigned flags, const char *name)
{
	struct dep_ref *d;

	if (!n || n > NAME_MAX_LEN || memchr(s, '\n', n))
		return NULL;
	d = dep_list_add(lx->out, lx->arena, kind, s, n, line_of(lx, at_p));
	d->flags = flags;
	if (name)
		d->name = name;
	return d;
}

/*
 * A string literal at p ('x', "x", or `x` when `backtick`): sets *s and
 * *n to its content and returns the byte after it, or NULL when p holds
 * none or it holds an interpolation (#{...}, {{...}}, ${...}).
 */
static const char *literal(const char *p, const char *end, const char **s,
			   size_t *n, int backtick)
{
	const char *q;
	char quote;

	if (p >= end || (*p != '"' && *p != '\'' && !(backtick && *p == '`')))
		return NULL;
	quote = *p++;
	/* no name is longer: a quote left open costs no long search */
	if (end - p > NAME_MAX_LEN + 1)
		end = p + NAME_MAX_LEN + 1;
	for (q = p; q < end && *q != quote && *q != '\n'; q++)
		if (*q == '\\')
			return NULL;
	if (q >= end || *q != quote)
		return NULL;
	*s = p;
	*n = (size_t)(q - p);
	for (const char *c = p; c + 1 < q; c++)
		if ((c[0] == '#' || c[0] == '$' || c[0] == '{') && c[1] == '{')
			return NULL;
	return q + 1;
}

/*
 * The literal at p (literal(), with the lexer's quotes) as a DEP_INCLUDE
 * statement on the line of at_p, with `flags` and `name`: returns the
 * byte after the literal, or NULL when p holds none.
 */
static const char *add_literal(struct vlex *lx, const char *at_p, const char *p,
			       const char *end, unsigned flags,
			       const char *name)
{
	const char *s, *q;
	size_t n;

	q = literal(p, end, &s, &n, lx->backtick);
	if (q)
		add(lx, at_p, DEP_INCLUDE, s, n, flags, name);
	return q;
}

/* ---- Razor ------------------------------------------------------------ */

/* Types no repository declares: C# keywords and the common generics. */
static int cs_builtin(const char *s, size_t n)
{
	static const char *const names[] = { "bool",
					     "byte",
					     "char",
					     "decimal",
					     "double",
					     "dynamic",
					     "float",
					     "int",
					     "long",
					     "object",
					     "sbyte",
					     "short",
					     "string",
					     "uint",
					     "ulong",
					     "ushort",
					     "var",
					     "IEnumerable",
					     "IList",
					     "List",
					     "ICollection",
					     "IReadOnlyList",
					     "IReadOnlyCollection",
					     "IDictionary",
					     "Dictionary",
					     "IReadOnlyDictionary",
					     "Task",
					     "Func",
					     "Action",
					     "Tuple",
					     "KeyValuePair",
					     "Nullable",
					     "IQueryable",
					     "IPagedList",
					     "IEnumerable",
					     "String",
					     "Int32",
					     "Guid",
					     "DateTime",
					     NULL };

	for (const char *const *w = names; *w; w++)
		if (**w == *s && strlen(*w) == n && !memcmp(*w, s, n))
			return 1;
	return 0;
}

/*
 * The type names in s[0..n): IList<Shop.Models.ReviewModel> gives
 * Shop.Models.ReviewModel (IList is .NET's); each one a statement
 * DEP_IMPORT with the directive ("model", "inject") as its name, which
 * tells it from a @using.
 */
static void razor_types(struct vlex *lx, const char *at_p, const char *s,
			size_t n, const char *directive)
{
	const char *p = s, *end = s + n;

	while (p < end) {
		const char *t = p;

		if (!is_ident((unsigned char)*p) || (*p >= '0' && *p <= '9')) {
			p++;
			continue;
		}
		while (p < end && (is_ident((unsigned char)*p) ||
				   (*p == '.' && p + 1 < end &&
				    is_ident((unsigned char)p[1]))))
			p++;
		if (!cs_builtin(t, (size_t)(p - t)) &&
		    strncmp(t, "global::", 8))
			add(lx, at_p, DEP_IMPORT, t, (size_t)(p - t), 0,
			    directive);
	}
}

/* A directive at p (just after '@' at the start of a line). */
static void razor_directive(struct vlex *lx, const char *p)
{
	const char *end = lx->end, *at_p = p - 1, *eol, *t;
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	eol = nl ? nl : end;
	while (eol > p && is_blank((unsigned char)eol[-1]))
		eol--;
	if (at_word(p, eol, "using")) {
		unsigned flags = 0;

		p = skip_blank(p + 5, eol);
		if (p >= eol || *p == '(')
			return; /* a using statement, not a directive */
		if (at_word(p, eol, "static")) {
			flags = DEP_STATIC;
			p = skip_blank(p + 6, eol);
		}
		/* @using X = A.B: the alias's target */
		t = p < eol ? memchr(p, '=', (size_t)(eol - p)) : NULL;
		if (t)
			p = skip_blank(t + 1, eol);
		if (eol > p && eol[-1] == ';')
			eol--;
		for (t = p;
		     t < eol && (is_ident((unsigned char)*t) || *t == '.');)
			t++;
		add(lx, at_p, DEP_IMPORT, p, (size_t)(t - p), flags, NULL);
	} else if (at_word(p, eol, "model") || at_word(p, eol, "inherits") ||
		   at_word(p, eol, "implements")) {
		const char *d = at_word(p, eol, "model")      ? "model"
				: at_word(p, eol, "inherits") ? "inherits"
							      : "implements";

		p = skip_blank(p + strlen(d), eol);
		razor_types(lx, at_p, p, (size_t)(eol - p), d);
	} else if (at_word(p, eol, "inject")) {
		/* @inject Type Name: the type is all but the last word */
		p = skip_blank(p + 6, eol);
		t = eol;
		while (t > p && is_ident((unsigned char)t[-1]))
			t--;
		razor_types(lx, at_p, p, (size_t)(t - p), "inject");
	}
}

/*
 * Html.Partial("x"), PartialAsync, RenderPartial(Async) and Layout =
 * "x" at p: a view named by a literal; Component.InvokeAsync("X") or
 * (typeof(X)): the view component's class (a type, as @model's).
 */
static const char *razor_call(struct vlex *lx, const char *p)
{
	static const struct {
		const char *s;
		size_t n; /* strlen(s) */
	} calls[] = {
		{ "Html.PartialAsync(", 18 },
		{ "Html.Partial(", 13 },
		{ "Html.RenderPartialAsync(", 24 },
		{ "Html.RenderPartial(", 19 },
	};
	const char *end = lx->end, *s, *q;
	size_t n;

	/* Ht(ml.), La(yout), Co(mponent.): most capitals start none */
	if (p + 1 >= end || p[1] != (*p == 'H' ? 't' : *p == 'L' ? 'a' : 'o'))
		return p + 1;
	for (size_t i = 0; *p == 'H' && i < 4; i++) {
		if ((size_t)(end - p) < calls[i].n ||
		    memcmp(p, calls[i].s, calls[i].n))
			continue;
		add_literal(lx, p, skip_space(p + calls[i].n, end), end, 0,
			    NULL);
		return p + calls[i].n;
	}
	if (at_word(p, end, "Layout") && (p == lx->buf || !is_ident(p[-1]))) {
		q = skip_blank(p + 6, end);
		if (q < end && *q == '=' && q + 1 < end && q[1] != '=') {
			add_literal(lx, p, skip_blank(q + 1, end), end, 0,
				    NULL);
		}
		return p + 6;
	}
	if (at(p, end, "Component.InvokeAsync(") &&
	    (p == lx->buf || !is_ident(p[-1]))) {
		/* a view component: "Cart" is class CartViewComponent */
		struct strbuf sb = STRBUF_INIT;

		q = skip_space(p + 22, end);
		if (literal(q, end, &s, &n, 0)) {
			strbuf_add(&sb, s, n);
			strbuf_addstr(&sb, "ViewComponent");
			add(lx, p, DEP_IMPORT, sb.buf, sb.len, 0, "component");
		} else if (at(q, end, "typeof(")) {
			q = skip_space(q + 7, end);
			for (s = q; q < end && (is_ident((unsigned char)*q) ||
						*q == '.');)
				q++;
			add(lx, p, DEP_IMPORT, s, (size_t)(q - s), 0,
			    "component");
		}
		strbuf_release(&sb);
		return p + 22;
	}
	return p + 1;
}

/* <partial name="x" ...>: the name attribute, wherever it stands. */
static const char *razor_partial_tag(struct vlex *lx, const char *p)
{
	const char *end = lx->end, *gt, *q, *s;

	/*
	 * A tag's attributes end at its '>', or at the next tag: each byte
	 * is looked at once, however many tags are left open.
	 */
	if (end - p > 4096)
		end = p + 4096;
	for (gt = p + 1; gt < end && *gt != '>' && *gt != '<'; gt++)
		;
	for (q = p + 8; q + 5 < gt; q++) {
		if (!is_blank((unsigned char)*q) && *q != '\n')
			continue;
		if (!at(q + 1, gt, "name"))
			continue;
		s = skip_blank(q + 5, gt);
		if (s >= gt || *s != '=')
			continue;
		add_literal(lx, p, skip_blank(s + 1, gt), gt, 0, NULL);
		break;
	}
	return p + 8;
}

/*
 * True when deps_razor() does more at p (one of @ < H L C) than step
 * over it: an @, or a pair that starts what it looks for (<! <p Ht La
 * Co); the last byte, whose pair is unknown, too.
 */
static inline int razor_stop(const char *p, const char *end)
{
	/* the byte after each first byte that starts something ('<': p) */
	static const char second[128] = {
		['<'] = 'p',
		['H'] = 't',
		['L'] = 'a',
		['C'] = 'o',
	};
	unsigned char c = (unsigned char)*p;

	if (c == '@' || p + 1 >= end)
		return 1;
	return c < 128 && second[c] &&
	       (p[1] == second[c] || (c == '<' && p[1] == '!'));
}

#ifdef __SSE2__
/*
 * The bytes of v that are @ < H L C, and D: (x & 0xf3) == 0x40 holds for
 * @ D H L (0x40 0x44 0x48 0x4c), one compare for four of the five.
 */
static inline __m128i razor_candidates(__m128i v)
{
	const __m128i f3 = _mm_set1_epi8((char)0xf3), x40 = _mm_set1_epi8(0x40);
	const __m128i lt = _mm_set1_epi8('<'), c = _mm_set1_epi8('C');

	return _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(v, f3), x40),
			    _mm_or_si128(_mm_cmpeq_epi8(v, lt),
					 _mm_cmpeq_epi8(v, c)));
}
#endif

/*
 * The first of @ < H L C at or after p where deps_razor() looks: those
 * razor_stop() rejects (and the D razor_candidates() lets through) are
 * stepped over here, each block of 32 bytes loaded once.
 */
static const char *razor_next(const char *p, const char *end)
{
#ifdef __SSE2__
	while (end - p >= 32) {
		const __m128i m0 = razor_candidates(
			_mm_loadu_si128((const __m128i *)(const void *)p));
		const __m128i m1 = razor_candidates(_mm_loadu_si128(
			(const __m128i *)(const void *)(p + 16)));
		unsigned bits;

		if (!_mm_movemask_epi8(_mm_or_si128(m0, m1))) {
			p += 32;
			continue;
		}
		bits = (unsigned)_mm_movemask_epi8(m0) |
		       (unsigned)_mm_movemask_epi8(m1) << 16;
		for (; bits; bits &= bits - 1) {
			const char *q = p + __builtin_ctz(bits);

			if (razor_stop(q, end))
				return q;
		}
		p += 32;
	}
#endif
	while (p < end && *p != '@' && *p != '<' && *p != 'H' && *p != 'L' &&
	       *p != 'C')
		p++;
	return p;
}

static void deps_razor(struct vlex *lx)
{
	const char *p = lx->buf, *end = lx->end;

	while ((p = razor_next(p, end)) < end) {
		char c = *p;

		if (c == '@' && p + 1 < end && p[1] == '*') {
			p = skip_past(p + 2, end, "*@");
		} else if (c == '@') {
			const char *b = p;

			/* the directives razor_directive() reads: @u @m @i */
			if (p + 1 < end &&
			    (p[1] == 'u' || p[1] == 'm' || p[1] == 'i')) {
				while (b > lx->buf &&
				       is_blank((unsigned char)b[-1]))
					b--;
				if (b == lx->buf || b[-1] == '\n')
					razor_directive(lx, p + 1);
			}
			p++;
		} else if (c == '<' && at(p, end, "<!--")) {
			p = skip_past(p + 4, end, "-->");
		} else if (c == '<' && at(p, end, "<partial") && p + 8 < end &&
			   (is_blank((unsigned char)p[8]) || p[8] == '\n')) {
			p = razor_partial_tag(lx, p);
		} else if (c == 'H' || c == 'L' || c == 'C') {
			p = razor_call(lx, p);
		} else {
			p++;
		}
	}
}

/* ---- ERB, Haml, Slim ---------------------------------------------------- */

/*
 * Ruby code at p..end that may call render: `render 'x'`, `render
 * partial: 'x'`, `render(:partial => "x")`, `render template: 'x'`,
 * `render layout: 'x'`. The statement's name says which ("partial" for
 * a partial or layout, "template" for a whole view).
 */
static void ruby_renders(struct vlex *lx, const char *p, const char *end)
{
	static const struct {
		const char *key;
		const char *name;
	} keys[] = {
		{ "partial:", "partial" },    { ":partial", "partial" },
		{ "\"partial\"", "partial" }, { "layout:", "partial" },
		{ "template:", "template" },  { ":template", "template" },
	};

	while (p < end) {
		const char *hit = memchr(p, 'r', (size_t)(end - p)), *q;

		if (!hit)
			return;
		p = hit + 1;
		if ((hit > lx->buf && (is_ident((unsigned char)hit[-1]) ||
				       hit[-1] == '.' || hit[-1] == ':')) ||
		    !at_word(hit, end, "render"))
			continue;
		q = skip_blank(hit + 6, end);
		if (q < end && *q == '(')
			q = skip_space(q + 1, end);
		if (add_literal(lx, hit, q, end, 0, "partial"))
			continue;
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			size_t kl = strlen(keys[k].key);

			if (!at(q, end, keys[k].key))
				continue;
			q = skip_blank(q + kl, end);
			if (at(q, end, "=>"))
				q = skip_blank(q + 2, end);
			add_literal(lx, hit, q, end, 0, keys[k].name);
			break;
		}
	}
}

/*
 * The Ruby code of a template, as a copy of the template's bytes with all
 * but the code blanked (newlines kept, so lines stay where they were),
 * read by the Ruby lexer: its constant references (DEP_USE, with their
 * lexical scope as name) are the template's, resolved by the Ruby
 * resolver; its other statements are no template's.
 */
static void ruby_constants(struct dep_list *out, struct arena *arena,
			   struct strbuf *code)
{
	size_t first = out->nr, kept;

	deps_ruby(out, arena, code->buf, code->len);
	kept = first;
	for (size_t i = first; i < out->nr; i++)
		if (out->refs[i].kind == DEP_USE &&
		    !(out->refs[i].flags & DEP_DECLARES))
			out->refs[kept++] = out->refs[i];
	out->nr = kept;
}

/* A copy of buf[0..len) with every byte blanked but newlines. */
static void blank_copy(struct strbuf *sb, const char *buf, size_t len)
{
	strbuf_reset(sb);
	strbuf_grow(sb, len);
	for (size_t i = 0; i < len; i++)
		sb->buf[i] = buf[i] == '\n' ? '\n' : ' ';
	strbuf_setlen(sb, len);
}

/* Copies buf's bytes [s, e) into the blanked copy at the same place. */
static void keep_code(struct strbuf *sb, const char *buf, const char *s,
		      const char *e)
{
	if (e > s)
		memcpy(sb->buf + (s - buf), s, (size_t)(e - s));
}

static void deps_erb(struct vlex *lx)
{
	struct strbuf code = STRBUF_INIT;
	const char *buf = lx->buf, *p = lx->buf, *end = lx->end;

	blank_copy(&code, buf, (size_t)(end - buf));
	while ((p = skip_past(p, end, "<%")) < end) {
		const char *close, *s = p;

		if (*p == '#' || *p == '%') { /* a comment, or a literal <% */
			p = skip_past(p, end, "%>");
			continue;
		}
		close = skip_past(p, end, "%>");
		ruby_renders(lx, p, close);
		if (s < close && (*s == '=' || *s == '-'))
			s++;
		/* the code, then a ; where %> was: blocks are statements */
		keep_code(&code, buf, s, close - (close < end ? 2 : 0));
		if (close < end)
			code.buf[close - 2 - buf] = ';';
		p = close;
	}
	ruby_constants(lx->out, lx->arena, &code);
	strbuf_release(&code);
}

/*
 * Where the Ruby code of a Haml or Slim line starts (s is its first
 * byte), or NULL: after - = ~ != &= ==, or after a Haml tag (%p, .a, #b)
 * at its attribute hash or its =. The code ends at *hash_end (the end
 * of a hash that text follows) or at the end of the line.
 */
static const char *haml_slim_code(const char *s, const char *eol, int haml,
				  const char **hash_end)
{
	const char *p = s;

	*hash_end = eol;
	if (*p == '-' || *p == '=' || *p == '~')
		return p + 1 + (p + 1 < eol && p[1] == '=');
	if ((*p == '!' || *p == '&') && p + 1 < eol && p[1] == '=')
		return p + 2;
	if (!haml || (*p != '%' && *p != '.' && *p != '#'))
		return NULL;
	if (*p == '#' && p + 1 < eol && p[1] == '{')
		return NULL; /* text with an interpolation */
	while (p < eol && (is_ident((unsigned char)*p) || *p == '%' ||
			   *p == '.' || *p == '#' || *p == '-' || *p == ':'))
		p++;
	if (p < eol && *p == '{') {
		/* the attribute hash is code; so is what follows an = */
		int depth = 0;
		const char *h = p;

		for (; p < eol; p++) {
			if (*p == '{')
				depth++;
			else if (*p == '}' && !--depth)
				break;
		}
		if (p < eol)
			p++;
		if (p < eol &&
		    (*p == '=' || *p == '~' ||
		     ((*p == '!' || *p == '&') && p + 1 < eol && p[1] == '=')))
			return h;
		*hash_end = p;
		return h;
	}
	if (p < eol && (*p == '=' || *p == '~'))
		return p + 1;
	if (p + 1 < eol && (*p == '!' || *p == '&') && p[1] == '=')
		return p + 2;
	return NULL;
}

/*
 * Haml and Slim: Ruby on the lines that run it (=, -, != ..., or after
 * a tag), so every line is searched for render, but for the comment
 * lines and their indented blocks (the line counter's rules).
 */
static void deps_haml_slim(struct vlex *lx, int haml)
{
	struct strbuf code = STRBUF_INIT;
	const char *buf = lx->buf, *p = lx->buf, *end = lx->end;
	size_t block = 0;
	int more = 0; /* the last code line ended with a comma */

	blank_copy(&code, buf, (size_t)(end - buf));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *s = p, *c, *stop;
		size_t indent = 0;

		for (; s < eol && is_blank((unsigned char)*s); s++)
			indent = *s == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
		if (s == eol) {
			p = nl ? nl + 1 : end;
			continue;
		}
		if (block && indent >= block) {
			p = nl ? nl + 1 : end;
			continue;
		}
		block = 0;
		if (*s == '/' || (haml && at(s, eol, "-#"))) {
			block = indent + 1; /* a comment and its block */
			more = 0;
			p = nl ? nl + 1 : end;
			continue;
		}
		ruby_renders(lx, s, eol);
		stop = eol;
		c = more ? s : haml_slim_code(s, eol, haml, &stop);
		if (c) {
			const char *t = stop;

			keep_code(&code, buf, c, stop);
			while (t > c && is_blank((unsigned char)t[-1]))
				t--;
			/* a line ending in a comma goes on on the next */
			more = t > c && t[-1] == ',';
		}
		p = nl ? nl + 1 : end;
	}
	ruby_constants(lx->out, lx->arena, &code);
	strbuf_release(&code);
}

/* ---- Go templates --------------------------------------------------------- */

/* Past the next "{{" from p, or the end: memchr for the first brace. */
static const char *skip_action(const char *p, const char *end)
{
	while ((p = memchr(p, '{', (size_t)(end - p))) && end - p > 1) {
		if (p[1] == '{')
			return p + 2;
		p++;
	}
	return end;
}

static void deps_gotmpl(struct vlex *lx)
{
	const char *p = lx->buf, *end = lx->end;

	lx->backtick = 1;
	while ((p = skip_action(p, end)) < end) {
		const char *a = p - 2;
		unsigned flags;

		if (*p == '-')
			p++;
		p = skip_space(p, end);
		/* most actions are none of these: one byte tells */
		switch (p < end ? *p : 0) {
		case '/':
			if (at(p, end, "/*"))
				p = skip_past(p + 2, end, "*/");
			continue;
		case 't':
			if (!at_word(p, end, "template"))
				continue;
			flags = 0;
			p += 8;
			break;
		case 'd':
			if (!at_word(p, end, "define"))
				continue;
			flags = DEP_DECLARES;
			p += 6;
			break;
		case 'b':
			if (!at_word(p, end, "block"))
				continue;
			flags = DEP_DECLARES;
			p += 5;
			break;
		default:
			continue;
		}
		add_literal(lx, a, skip_space(p, end), end, flags, NULL);
	}
}

/* ---- Django, Jinja, Twig -------------------------------------------------- */

/* The literals at p up to the tag's end: "x", or a list ['a', 'b']. */
static void jinja_names(struct vlex *lx, const char *a, const char *p,
			const char *end)
{
	const char *q;

	p = skip_space(p, end);
	if (p < end && *p == '(')
		p = skip_space(p + 1, end);
	if (p < end && *p == '[') {
		for (p++; p < end && *p != ']';) {
			p = skip_space(p, end);
			q = add_literal(lx, a, p, end, 0, NULL);
			if (!q)
				return;
			p = skip_space(q, end);
			if (p < end && *p == ',')
				p++;
		}
		return;
	}
	add_literal(lx, a, p, end, 0, NULL);
}

static void deps_jinja(struct vlex *lx)
{
	/* render and section are Liquid's (Shopify) */
	static const char *const tags[] = { "extends", "include", "import",
					    "from",    "embed",	  "use",
					    "render",  "section", NULL };
	const char *p = lx->buf, *end = lx->end;

	while (p < end) {
		const char *a = memchr(p, '{', (size_t)(end - p)), *close;

		if (!a || a + 1 >= end)
			return;
		p = a + 1;
		if (*p == '#') {
			p = skip_past(p + 1, end, "#}");
		} else if (*p == '%') {
			p++;
			if (p < end && (*p == '-' || *p == '+'))
				p++;
			p = skip_space(p, end);
			close = skip_past(p, end, "%}");
			if (at_word(p, close, "comment")) {
				p = skip_past(close, end, "endcomment");
				continue;
			}
			for (const char *const *t = tags; *t; t++)
				if (at_word(p, close, *t)) {
					jinja_names(lx, a, p + strlen(*t),
						    close);
					break;
				}
			p = close;
		} else if (*p == '{') {
			/* Twig's {{ include('x') }} and {{ source('x') }} */
			close = skip_past(p, end, "}}");
			p = skip_space(p + 1, close);
			if (at(p, close, "include(") || at(p, close, "source("))
				jinja_names(lx, a, strchr(p, '('), close);
			p = close;
		}
	}
}

/* ---- EJS ---------------------------------------------------------------- */

/* include('x') and include("x", {...}) in <% %> code. */
static void deps_ejs(struct vlex *lx)
{
	const char *p = lx->buf, *end = lx->end;

	while ((p = skip_past(p, end, "<%")) < end) {
		const char *close = skip_past(p, end, "%>"), *q = p;

		if (*p == '#') {
			p = close;
			continue;
		}
		while ((q = skip_past(q, close, "include")) < close) {
			const char *w = q - 7;

			if (w > p && (is_ident((unsigned char)w[-1]) ||
				      w[-1] == '.'))
				continue;
			q = skip_blank(q, close);
			if (q < close && *q == '(')
				q = skip_space(q + 1, close);
			add_literal(lx, w, q, close, 0, NULL);
		}
		p = close;
	}
}

/* ---- Handlebars, Mustache ------------------------------------------------ */

static void deps_handlebars(struct vlex *lx)
{
	const char *p = lx->buf, *end = lx->end;

	while ((p = skip_past(p, end, "{{")) < end) {
		const char *a = p - 2, *s;

		if (*p == '{')
			p++; /* {{{ raw }}} */
		if (*p == '~')
			p++;
		if (at(p, end, "!--")) {
			p = skip_past(p + 3, end, "--}}");
			continue;
		}
		if (*p == '!') {
			p = skip_past(p + 1, end, "}}");
			continue;
		}
		if (*p == '#' && p + 1 < end && p[1] == '>')
			p++; /* {{#> layout}}: a partial block */
		if (*p != '>')
			continue;
		p = skip_space(p + 1, end);
		if (add_literal(lx, a, p, end, 0, NULL))
			continue;
		/* a dynamic partial (x) or @partial-block is no plain name */
		for (s = p;
		     p < end && !is_blank((unsigned char)*p) && *p != '\n' &&
		     *p != '}' && *p != '~' && *p != '(' && *p != '@';
		     p++)
			;
		if (p > s && (p >= end || *p != '(') && *s != '@')
			add(lx, a, DEP_INCLUDE, s, (size_t)(p - s), 0, NULL);
	}
}

/* ---- Vue, Svelte ------------------------------------------------------- */

/*
 * Each <script> block's text through the JavaScript lexer (it reads TS
 * too), from a NUL-terminated copy; its statements' lines moved to the
 * component's.
 */
static void deps_component(struct vlex *lx)
{
	struct strbuf sb = STRBUF_INIT;
	struct dep_list *out = lx->out;
	const char *p = lx->buf, *end = lx->end;

	while (p < end) {
		const char *tag = memchr(p, '<', (size_t)(end - p)), *body;
		const char *close;
		size_t first;
		unsigned line;

		if (!tag)
			break;
		if (at(tag, end, "<!--")) {
			p = skip_past(tag + 4, end, "-->");
			continue;
		}
		p = tag + 1;
		if ((size_t)(end - p) < 7 || strncasecmp(p, "script", 6) ||
		    is_ident((unsigned char)p[6]) || p[6] == '-')
			continue;
		body = memchr(p, '>', (size_t)(end - p));
		if (!body)
			break;
		body++;
		for (close = body; close < end; close++) {
			close = memchr(close, '<', (size_t)(end - close));
			if (!close) {
				close = end;
				break;
			}
			if ((size_t)(end - close) >= 8 &&
			    !strncasecmp(close, "</script", 8))
				break;
		}
		line = line_of(lx, body);
		strbuf_reset(&sb);
		strbuf_add(&sb, body, (size_t)(close - body));
		first = out->nr;
		deps_js(out, lx->arena, sb.buf, sb.len);
		for (size_t i = first; i < out->nr; i++)
			out->refs[i].line += line - 1;
		p = close;
	}
	strbuf_release(&sb);
}

void deps_views(struct dep_list *out, struct arena *arena,
		const struct language *lang, const char *buf, size_t len)
{
	const char *name = lang->name;
	struct vlex lx;

	vlex_init(&lx, out, arena, buf, len);
	if (!strcmp(name, "Razor"))
		deps_razor(&lx);
	else if (!strcmp(name, "ERB"))
		deps_erb(&lx);
	else if (!strcmp(name, "Haml") || !strcmp(name, "Slim"))
		deps_haml_slim(&lx, !strcmp(name, "Haml"));
	else if (!strcmp(name, "Go Template"))
		deps_gotmpl(&lx);
	else if (!strcmp(name, "Django Template") ||
		 !strcmp(name, "Jinja Template") || !strcmp(name, "Twig") ||
		 !strcmp(name, "Nunjucks") || !strcmp(name, "Liquid"))
		deps_jinja(&lx);
	else if (!strcmp(name, "EJS"))
		deps_ejs(&lx);
	else if (!strcmp(name, "Handlebars") || !strcmp(name, "Mustache"))
		deps_handlebars(&lx);
	else if (!strcmp(name, "Vue") || !strcmp(name, "Svelte"))
		deps_component(&lx);
}
