#!/bin/sh
# Views and templates as languages of the inventory: Razor, ERB, Haml,
# Slim, Go templates, Handlebars, Mustache, Vue, Svelte, Jinja, Django
# .html templates, Twig, EJS, Nunjucks and Liquid are counted with their comment syntaxes (as
# cloc 1.96 reads them, where cloc knows the language) and their plain
# references resolve to files. Expected edges are worked out by hand from
# tests/fixtures/views; bad templates warn at most and the scan goes on.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/tests/fixtures/views" repo
make_repo repo >/dev/null
# a Go template kept as .html in a templates folder, and a page elsewhere
mkdir -p repo/gotmpl/templates/mail repo/site
printf '{{define "mail/welcome"}}\n<p>{{.Name}}</p>\n{{end}}\n' \
	>repo/gotmpl/templates/mail/welcome.html
printf '<p>{%% not a template %%}</p>\n' >repo/site/index.html
git -C repo add -A && git -C repo commit -qm views

expect_status "scan a repository of views" 0 "$CARVE" scan -q -f json \
	--cache-dir "$TEST_DIR/cache" repo
cp out scan.json

lang() {
	jq -r --arg p "$1" '.files[] | select(.path == $p) | .language' \
		scan.json
}
expect_eq "Razor, ERB, Haml, Slim by extension" "Razor Razor ERB Haml Slim" \
	"$(lang aspnet/Views/Catalog/Product.cshtml) $(lang aspnet/Pages/Counter.razor) $(lang rails/app/views/shared/_nav.html.erb) $(lang rails/app/views/accounts/show.html.haml) $(lang rails/app/views/accounts/index.html.slim)"
expect_eq "Go, Handlebars, Mustache, Vue, Svelte, Jinja, Twig" \
	"Go Template|Handlebars|Mustache|Vue|Svelte|Jinja Template|Twig" \
	"$(lang gotmpl/templates/base/head.tmpl)|$(lang hbs/templates/user.hbs)|$(lang hbs/templates/plain.mustache)|$(lang vue/src/components/App.vue)|$(lang svelte/src/App.svelte)|$(lang jinja/templates/macros.j2)|$(lang twig/templates/page.twig)"
expect_eq ".html: Django in templates/, Go by its actions, HTML elsewhere" \
	"Django Template|Go Template|HTML" \
	"$(lang django/shop/templates/shop/base.html)|$(lang gotmpl/templates/mail/welcome.html)|$(lang site/index.html)"
# a Thymeleaf page in a Spring application's templates/: no {% and no
# {{, so neither Django's nor Go's (cloc says HTML too)
expect_eq ".html in templates/ without {% or {{: HTML" HTML \
	"$(lang spring/src/main/resources/templates/owners/ownerDetails.html)"

counts() {
	jq -r --arg p "$1" '.files[] | select(.path == $p) |
		"\(.code) \(.comment) \(.blank)"' scan.json
}
# Counted by hand: {{/* */}} and <!-- --> are a Go template's comments,
# {# #}, {% comment %} and <!-- --> a Django template's.
expect_eq "Go template: a three-line {{/* */}} and an HTML comment" \
	"7 4 0" "$(counts gotmpl/templates/user/profile.tmpl)"
expect_eq "Go template: {{- /* */ -}} is a comment" "2 1 0" \
	"$(counts gotmpl/templates/base/footer.tmpl)"
expect_eq "Django template: {% comment %} block and <!-- -->" "7 4 0" \
	"$(counts django/shop/templates/shop/product.html)"
expect_eq "Django template: {# #}" "5 1 0" \
	"$(counts django/shop/templates/shop/base.html)"

if command -v cloc >/dev/null && command -v python3 >/dev/null; then
	"$CARVE_SRC/scripts/compare-cloc" --min-lines 1 --languages \
		'Razor,ERB,Haml,Slim,Handlebars,Mustache,Vuejs Component,Svelte,Jinja Template,Twig,EJS,Nunjucks,liquid' \
		"$CARVE" repo >cmp.txt 2>&1
	ok $? "views' totals agree with cloc where cloc knows the language"
	sed 's/^/# /' cmp.txt
	expect_eq "13 view languages judged against cloc" 13 \
		"$(grep -c ' ok$' cmp.txt)"
else
	ok 0 "# SKIP cloc or python3 is not installed"
	ok 0 "# SKIP cloc or python3 is not installed"
fi

edges() {
	jq -r --arg d "$1/" --arg k "${2:-}" '.edges[] |
		select(.from | startswith($d)) | select($k == "" or .kind == $k) |
		"\(.from) \(.to) \(.kind) \(.weight)"' scan.json |
		sed "s|$1/||g" | LC_ALL=C sort
}

# <partial>, PartialAsync, Html.Partial("~/..."), Layout = "...".
expect_eq "Razor: partials and layouts" \
"Views/Catalog/Product.cshtml Views/Catalog/_Reviews.cshtml include 1
Views/Catalog/Product.cshtml Views/Shared/_Footer.cshtml include 1
Views/Catalog/Product.cshtml Views/Shared/_Layout.cshtml include 1
Views/Catalog/Product.cshtml Views/Shared/_ProductBox.cshtml include 1
Views/Shared/_Layout.cshtml Views/Shared/_Footer.cshtml include 1" \
	"$(edges aspnet include)"

# @model ProductModel through _ViewImports' @using Shop.Models; @inject
# IPriceService (the view's own @using in Counter.razor); a qualified
# type inside a generic (IList<Shop.Models.ReviewModel>); the view
# component of Component.InvokeAsync("Cart"), the only CartViewComponent.
for e in "Pages/Counter.razor Services/IPriceService.cs" \
	"Views/Catalog/Product.cshtml Models/ProductModel.cs" \
	"Views/Catalog/Product.cshtml Services/IPriceService.cs" \
	"Views/Catalog/_Reviews.cshtml Models/ReviewModel.cs" \
	"Views/Shared/_ProductBox.cshtml Models/ProductModel.cs" \
	"Views/Catalog/Product.cshtml Components/CartViewComponent.cs"; do
	edges aspnet import | grep -q "^$e import"
	ok $? "Razor type: $e"
done

# A @using links as C#'s using does: _ViewImports has the usings of
# App/Startup.cs, so the same files (whatever C#'s rule for a using is).
expect_eq "Razor @using: the edges of the same usings in C#" \
	"$(edges aspnet import | grep '^App/Startup.cs ' | cut -d' ' -f2)" \
	"$(edges aspnet import | grep '^Views/_ViewImports.cshtml ' |
		cut -d' ' -f2)"

# render 'header' is accounts/_header.*; 'shared/nav' is from app/views;
# `render Account.new` names no partial; comments are not read.
expect_eq "Rails: render of partials from ERB, Haml and Slim" \
"app/views/accounts/index.html.slim app/views/accounts/_header.html.haml include 1
app/views/accounts/show.html.haml app/views/accounts/_header.html.haml include 1
app/views/accounts/show.html.haml app/views/shared/_nav.html.erb include 1
app/views/layouts/application.html.erb app/views/shared/_nav.html.erb include 1
app/views/shared/_nav.html.erb app/views/shared/_search.html.haml include 1" \
	"$(edges rails include)"

# The Ruby code of views goes through the Ruby lexer: where it reads
# constants (the controller's Account.find links to the model), so do
# the views (ERB <%= Account.count %>, Haml = render Account.new).
if [ -n "$(edges rails/app/controllers use)" ]; then
	expect_eq "Rails: constants in views' Ruby code" \
"app/views/accounts/show.html.haml app/models/account.rb use 1
app/views/layouts/application.html.erb app/models/account.rb use 1" \
		"$(edges rails use | grep '^app/views/')"
else
	expect_eq "Rails: no constants where Ruby's lexer reads none" "" \
		"$(edges rails use | grep '^app/views/')"
fi

# "shared/avatar" and "shared/user_name" are defined in avatar.tmpl;
# "base/head" is a path under templates/; "user/missing" is nowhere.
expect_eq "Go templates: {{template}} to {{define}}, else by path" \
"templates/user/profile.tmpl templates/base/footer.tmpl include 1
templates/user/profile.tmpl templates/base/head.tmpl include 1
templates/user/profile.tmpl templates/shared/avatar.tmpl include 2" \
	"$(edges gotmpl)"

# {% extends base_template %} names a variable: no plain reference.
expect_eq "Django: extends and include across apps' templates folders" \
"shop/templates/shop/product.html blog/templates/blog/teaser.html include 1
shop/templates/shop/product.html shop/templates/shop/_price.html include 1
shop/templates/shop/product.html shop/templates/shop/base.html include 1" \
	"$(edges django)"

expect_eq "Jinja import and from, Twig extends and include()" \
"templates/page.jinja templates/macros.j2 include 2|templates/page.twig templates/base.twig include 1
templates/page.twig templates/part.twig include 1" \
	"$(edges jinja)|$(edges twig)"

# {{> @partial-block}} is Handlebars' own; {{#> layout}} is a partial
expect_eq "Handlebars and Mustache partials" \
"templates/plain.mustache templates/user/avatar.hbs include 1
templates/user.hbs templates/layout.handlebars include 1
templates/user.hbs templates/user/avatar.hbs include 1" "$(edges hbs)"

expect_eq "Vue and Svelte: the <script> blocks' imports" \
"src/components/App.vue src/api.js import 1
src/components/App.vue src/components/UserCard.vue import 1
src/components/UserCard.vue src/types.ts import 1|src/App.svelte src/Button.svelte import 1" \
	"$(edges vue)|$(edges svelte)"

# EJS includes are relative to the file (.ejs added); a <%# comment
# hides one; Liquid's render finds snippets/icon.liquid by its name.
expect_eq "EJS include(), Nunjucks extends and include, Liquid render" \
"views/index.ejs views/partials/header.ejs include 1|templates/page.njk templates/base.njk include 1
templates/page.njk templates/part.njk include 1|sections/header.liquid snippets/icon.liquid include 1" \
	"$(edges ejs)|$(edges njk)|$(edges liquid)"

expect_eq "externals: a namespace of @using, a package of a script" \
	"Microsoft axios" \
	"$(jq -r '[.externals[].name] | sort | join(" ")' scan.json)"
expect_eq "one reference finds no file (user/missing)" 1 \
	"$(jq .totals.unresolved scan.json)"

# The same result from the caches, and a cache whose statement has a
# kind this carve does not know is left out with a warning.
expect_status "scan again from the caches" 0 "$CARVE" scan -q -f json \
	--cache-dir "$TEST_DIR/cache" repo
expect_eq "same edges from the caches" "$(jq -c .edges scan.json)" \
	"$(jq -c .edges out)"
python3 - "$TEST_DIR/cache/scan.cache" <<'EOF'
import sys
p = sys.argv[1]
data = open(p, "rb").read()
recs = data.split(b"\0")
for i, r in enumerate(recs):
    if r.endswith(b"\tgotmpl/templates/user/profile.tmpl"):
        f = r.split(b"\t")
        f[11] = b"99" + f[11][f[11].index(b"\x1f"):]
        recs[i] = b"\t".join(f)
open(p, "wb").write(b"\0".join(recs))
EOF
rm -f "$TEST_DIR"/cache/deps.cache*
expect_status "scan with a damaged statement in the cache" 0 "$CARVE" scan \
	--progress=never -f json --cache-dir "$TEST_DIR/cache" repo
# a damaged record is a miss (issue 22): the file is read again
grep_q "the damaged record is reported" \
	"damaged record of the scan cache" err
expect_eq "every view keeps its edges (profile.tmpl read again)" \
	"$(jq '.edges | length' scan.json)" "$(jq '.edges | length' out)"

# Bad input: templates left open, a byte-order mark, invalid UTF-8, a
# 50 MiB view. Each is counted; no error, the scan goes on.
make_repo bad >/dev/null
mkdir -p bad/Views/Shared bad/app/views/a bad/templates bad/src
printf '\357\273\277@model Shop.X\n<partial name="_P" />\n' \
	>bad/Views/Home.cshtml
printf '<p>p</p>\n' >bad/Views/Shared/_P.cshtml
printf '\357\273\277\n@* c *@\n<p></p>\n' >bad/Views/Bom.cshtml
printf '@* never closed\n<partial name="_P" />\n' >bad/Views/Open.cshtml
printf '<%% render "x"\n<%%# open\n' >bad/app/views/a/open.html.erb
printf '%%p= render "b"\n\377\376 %%p invalid bytes\n' \
	>bad/app/views/a/utf.html.haml
printf '<b></b>\n' >bad/app/views/a/_b.html.erb
printf '{{template "a" .\n{{define "b"}}\n{{/* open\n' \
	>bad/templates/open.tmpl
printf '{%% extends "base.html"\n{%% include "x.html" %%}\n{#\n' \
	>bad/templates/open.html
printf '{{> ( \n{{!-- never\n' >bad/templates/open.hbs
printf '<script>\nimport a from "./a"\n' >bad/src/Open.vue
printf 'export default 1\n' >bad/src/a.js
python3 - bad/templates/big.tmpl <<'EOF'
import sys
block = ('{{/* a comment */}}\n<div>{{template "row" .}}</div>\n\n'
         '{{define "row"}}<p>{{.X}}</p>{{end}}\n')
n = 50 * 1024 * 1024 // len(block) + 1
open(sys.argv[1], "w").write(block * n)
EOF
git -C bad add -A && git -C bad commit -qm bad
big_blocks=$(python3 -c 'b=len("{{/* a comment */}}\n<div>{{template \"row\" .}}</div>\n\n{{define \"row\"}}<p>{{.X}}</p>{{end}}\n"); print(50*1024*1024//b+1)')
expect_status "scan bad views with room for 50 MiB" 0 "$CARVE" scan -q \
	--max-file-size 64M -f json --no-cache bad
cp out bad.json
expect_eq "no error on stderr" "" "$(grep -v '^warning' err)"
expect_eq "the 50 MiB view is counted: 2 code, 1 comment, 1 blank a block" \
	"$((2 * big_blocks)) $big_blocks $big_blocks" \
	"$(jq -r '.files[] | select(.path == "templates/big.tmpl") |
		"\(.code) \(.comment) \(.blank)"' bad.json)"
expect_eq "a BOM before @model keeps the directive and the partial" \
"Views/Home.cshtml Views/Shared/_P.cshtml include 1
app/views/a/utf.html.haml app/views/a/_b.html.erb include 1
src/Open.vue src/a.js import 1" \
	"$(jq -r '.edges[] | select(.from != "templates/big.tmpl") |
		"\(.from) \(.to) \(.kind) \(.weight)"' bad.json | LC_ALL=C sort)"
expect_eq "a line of only a byte-order mark is blank (as in cloc)" \
	"1 1 1" "$(jq -r '.files[] | select(.path == "Views/Bom.cshtml") |
		"\(.code) \(.comment) \(.blank)"' bad.json)"
expect_eq "an unclosed @* hides what follows it" "0 2 0" \
	"$(jq -r '.files[] | select(.path == "Views/Open.cshtml") |
		"\(.code) \(.comment) \(.blank)"' bad.json)"

# Templates left open thousands of times on one long line (4 MiB each):
# every lexer reads each byte a bounded number of times, so the scan
# ends in seconds (a quadratic one would take hours).
make_repo worst >/dev/null
mkdir -p worst/templates worst/app/views/a
python3 - worst <<'EOF'
import os, sys
d = sys.argv[1]
size = 4 * 1024 * 1024
units = {
    "a.cshtml": '<partial @ Html.Partial(" Layout = "',
    "b.cshtml": "@model A<B<C<" + " " * 50 + "\n",
    "u.cshtml": "@using N%d\n@model T\n",
    "templates/c.html": '{% include "x {{ include( {# ',
    "d.hbs": "{{> {{!-- {{#> ",
    "e.tmpl": '{{template "a {{define {{/* ',
    "app/views/a/f.html.erb": '<% render "x render partial: <%# ',
    "app/views/a/g.html.haml": '%p{ a: { b: { c: - render "x", \n',
    "i.vue": "<script><script <!-- ",
    "j.ejs": '<% include( include("x <%# ',
}
for name, unit in units.items():
    with open(os.path.join(d, name), "w") as f:
        if "%d" in unit:
            f.write("".join(unit % i for i in range(size // 20)))
        else:
            f.write((unit * (size // len(unit) + 1))[:size])
EOF
git -C worst add -A && git -C worst commit -qm worst
expect_status "scan 40 MiB of templates left open" 0 within 120 \
	"$CARVE" scan -q --no-cache --max-file-size 8M -f csv worst
expect_eq "all ten are counted" 10 "$(grep -c ',counted,' out)"

done_testing
