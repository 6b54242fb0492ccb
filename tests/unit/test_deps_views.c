/*
 * Unit tests for the views' dependency lexers (deps_views.c): the
 * statements of small templates of each language written out by hand
 * (kind, target, line, flags, name), byte-order marks, comments that hide
 * references, and every prefix of each template (a file cut anywhere).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "carve/arena.h"
#include "carve/deps.h"
#include "carve/language.h"

#define INC DEP_INCLUDE
#define IMP DEP_IMPORT

struct want {
	enum dep_kind kind;
	const char *target;
	unsigned line, flags;
	const char *name;
};

struct example {
	const char *lang;
	const char *text;
	const struct want *want;
	size_t nr;
};

static const struct want razor[] = {
	{ IMP, "Shop.Models", 1, 0, NULL },
	{ IMP, "Shop.Models.ReviewModel", 2, 0, "model" },
	{ IMP, "IPriceService", 3, 0, "inject" },
	{ INC, "_Layout", 5, 0, NULL },
	{ INC, "_Box", 8, 0, NULL },
	{ INC, "_Reviews", 9, 0, NULL },
	{ IMP, "CartViewComponent", 10, 0, "component" },
};

static const struct want erb[] = {
	{ INC, "shared/nav", 2, 0, "partial" },
	{ INC, "a/b", 3, 0, "partial" },
	{ INC, "page", 4, 0, "template" },
};

static const struct want haml[] = {
	{ INC, "header", 2, 0, "partial" },
	{ INC, "shared/nav", 6, 0, "partial" },
};

static const struct want gotmpl[] = {
	{ INC, "base/head", 1, 0, NULL },
	{ INC, "row", 3, DEP_DECLARES, NULL },
	{ INC, "side", 5, DEP_DECLARES, NULL },
};

static const struct want django[] = {
	{ INC, "base.html", 1, 0, NULL },
	{ INC, "a.html", 5, 0, NULL },
	{ INC, "b.html", 5, 0, NULL },
	{ INC, "macros.html", 6, 0, NULL },
};

static const struct want twig[] = {
	{ INC, "base.twig", 1, 0, NULL },
	{ INC, "part.twig", 2, 0, NULL },
};

static const struct want hbs[] = {
	{ INC, "user/avatar", 2, 0, NULL },
	{ INC, "layout", 3, 0, NULL },
	{ INC, "post-card", 5, 0, NULL },
};

static const struct want vue[] = {
	{ IMP, "./Card.vue", 4, 0, NULL },
	{ IMP, "../api", 7, 0, NULL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct example examples[] = {
	{ "Razor",
	  "\xef\xbb\xbf@using Shop.Models\n"
	  "@model IList<Shop.Models.ReviewModel>\n"
	  "@inject IPriceService Prices\n"
	  "@{\n"
	  "    Layout = \"_Layout\";\n"
	  "}\n"
	  "@* <partial name=\"_Hidden\" /> *@\n"
	  "<partial name=\"_Box\" model=\"Model\" />\n"
	  "@await Html.PartialAsync(\"_Reviews\", Model)\n"
	  "@await Component.InvokeAsync(\"Cart\")\n"
	  "@using (Html.BeginForm()) { }\n"
	  "<!-- @Html.Partial(\"_Gone\") -->\n",
	  razor, N(razor) },
	{ "ERB",
	  "<%# render 'hidden' %>\n"
	  "<%= render 'shared/nav' %>\n"
	  "<%= render(partial: \"a/b\", locals: {}) %>\n"
	  "<% render template: 'page' %> <%= render @items %>\n"
	  "<%= render \"x#{y}\" %>\n",
	  erb, N(erb) },
	{ "Haml",
	  "-# = render 'hidden'\n"
	  "= render 'header'\n"
	  "-#\n"
	  "  = render 'also hidden'\n"
	  "%section\n"
	  "  %p= render partial: 'shared/nav'\n",
	  haml, N(haml) },
	{ "Go Template",
	  "{{template \"base/head\" .}}\n"
	  "{{/* {{template \"hidden\"}} */}}\n"
	  "{{define \"row\"}}<p>{{.X}}</p>{{end}}\n"
	  "{{template $name .}}\n"
	  "{{- block `side` . -}}{{end}}\n",
	  gotmpl, N(gotmpl) },
	{ "Django Template",
	  "{% extends \"base.html\" %}\n"
	  "{# {% include \"hidden.html\" %} #}\n"
	  "{% comment %}{% include \"hidden.html\" %}{% endcomment %}\n"
	  "{% include var_name %}\n"
	  "{% include ['a.html', \"b.html\"] %}\n"
	  "{%- from 'macros.html' import field -%}\n",
	  django, N(django) },
	{ "Twig",
	  "{% extends \"base.twig\" %}\n"
	  "{{ include('part.twig') }}\n",
	  twig, N(twig) },
	{ "Handlebars",
	  "{{!-- {{> hidden}} --}}\n"
	  "{{> user/avatar}}\n"
	  "{{#> layout title=\"x\"}}{{> @partial-block}}{{/layout}}\n"
	  "{{> (lookup . 'name')}}\n"
	  "{{> \"post-card\" post=this}}\n",
	  hbs, N(hbs) },
	{ "Vue",
	  "<template>\n"
	  "  <!-- <script>import x from './hidden'</script> -->\n"
	  "</template>\n"
	  "<script setup lang=\"ts\">import Card from './Card.vue'\n"
	  "</script>\n"
	  "<script>\n"
	  "import { api } from '../api'\n"
	  "</script>\n",
	  vue, N(vue) },
};

static void extract(struct dep_list *out, struct arena *arena, const char *lang,
		    const char *text, size_t len)
{
	const struct language *l = language_by_name(lang);

	assert_non_null(l);
	assert_true(language_is_view(l));
	deps_extract(out, arena, l, text, len);
}

static void statements(void **state)
{
	(void)state;
	for (size_t e = 0; e < N(examples); e++) {
		const struct example *x = &examples[e];
		struct dep_list deps = DEP_LIST_INIT;
		struct arena arena = ARENA_INIT;

		extract(&deps, &arena, x->lang, x->text, strlen(x->text));
		for (size_t i = 0; i < deps.nr && i < x->nr; i++) {
			const struct dep_ref *d = &deps.refs[i];
			const struct want *w = &x->want[i];

			if (strcmp(d->target, w->target) || d->line != w->line)
				print_message("# %s: %s on line %u\n", x->lang,
					      d->target, d->line);
			assert_int_equal(d->kind, w->kind);
			assert_string_equal(d->target, w->target);
			assert_int_equal(d->line, w->line);
			assert_int_equal(d->flags, w->flags);
			if (w->name)
				assert_string_equal(d->name, w->name);
			else
				assert_null(d->name);
		}
		assert_int_equal(deps.nr, x->nr);
		dep_list_release(&deps);
		arena_release(&arena);
	}
}

/* A template cut anywhere: no statement past the cut, no crash. */
static void every_prefix(void **state)
{
	(void)state;
	for (size_t e = 0; e < N(examples); e++) {
		const char *text = examples[e].text;
		size_t len = strlen(text);

		for (size_t cut = 0; cut <= len; cut++) {
			struct dep_list deps = DEP_LIST_INIT;
			struct arena arena = ARENA_INIT;
			char buf[1024];
			unsigned lines = 1;

			assert_true(cut < sizeof(buf));
			memcpy(buf, text, cut);
			buf[cut] = '\0';
			for (size_t i = 0; i < cut; i++)
				lines += buf[i] == '\n';
			extract(&deps, &arena, examples[e].lang, buf, cut);
			for (size_t i = 0; i < deps.nr; i++)
				assert_true(deps.refs[i].line >= 1 &&
					    deps.refs[i].line <= lines);
			dep_list_release(&deps);
			arena_release(&arena);
		}
	}
}

/*
 * The Razor example after a first line of 0 to 100 bytes of text whose
 * @ < H L C D start nothing read (the lexer finds those bytes 32 at a
 * time; the references then stand at every offset of a block), and
 * with a call cut at the end of the buffer: the same statements, one
 * line down.
 */
static void razor_at_every_offset(void **state)
{
	static const char filler[] = "<p>D H L C <b>@x Ho La Co<!x @@ HtLaCo ";
	const char *text = examples[0].text + 3; /* without its BOM */
	size_t len = strlen(text);

	(void)state;
	for (size_t k = 0; k <= 100; k++) {
		static const char *const tails[] = {
			"", "H", "Ht", "<", "@", "Html.Partial(\"_C"
		};
		for (size_t t = 0; t < N(tails); t++) {
			struct dep_list deps = DEP_LIST_INIT;
			struct arena arena = ARENA_INIT;
			char buf[1024];
			size_t n = 0;

			for (size_t i = 0; i < k; i++)
				buf[n++] = filler[i % (sizeof(filler) - 1)];
			buf[n++] = '\n';
			memcpy(buf + n, text, len);
			n += len;
			memcpy(buf + n, tails[t], strlen(tails[t]));
			n += strlen(tails[t]);
			buf[n] = '\0';
			extract(&deps, &arena, "Razor", buf, n);
			assert_int_equal(deps.nr, N(razor));
			for (size_t i = 0; i < deps.nr; i++) {
				assert_int_equal(deps.refs[i].kind,
						 razor[i].kind);
				assert_string_equal(deps.refs[i].target,
						    razor[i].target);
				assert_int_equal(deps.refs[i].line,
						 razor[i].line + 1);
			}
			dep_list_release(&deps);
			arena_release(&arena);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statements),
		cmocka_unit_test(every_prefix),
		cmocka_unit_test(razor_at_every_offset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
