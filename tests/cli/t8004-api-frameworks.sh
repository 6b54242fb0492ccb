#!/bin/sh
# carve api on one small application per framework
# (tests/fixtures/api/): prefixes composed across includes, mounts,
# groups and namespaces, and methods as each framework declares them.
# The expected routes are worked out by hand from the framework's rules,
# written beside each list.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/tests/fixtures/api" .

# routes DIR: "METHOD PATH" lines, sorted (a combined method kept whole)
routes() {
	"$CARVE" api -q -f json "api/$1" >"$1.json" &&
		jq -r '.api.endpoints[] | "\(.method) \(.path)"' "$1.json" |
		LC_ALL=C sort
}

# site/urls.py mounts shop.urls at shop/ and shop.api.urls at api/shop/,
# and plugins/urls.py's plugin_api_patterns, imported, at api/plugins/
# (its other_patterns, included nowhere, stays at /);
# v1_patterns is included twice (api/v1/, json/) and served only there;
# rest_path's upper-case keywords are its methods; re_path anchors go,
# adjacent literals join and "\." is a dot;
# the DefaultRouter serves its root; OrderViewSet is a ModelViewSet with
# ExportMixin's list action and its own detail action ship (POST, PUT);
# ProductViewSet lists and retrieves; AuditViewSet allows GET and DELETE
# only. Class-based views route the handlers their classes define:
# OrderListView a ListView (GET), OrderView get from its base and its own
# post, HealthView a TemplateView (GET); function views say theirs by
# decorators (export_orders @require_POST, feed GET and HEAD of which
# HEAD is not listed) or stay ANY (home).
# dev_urls.py and shop/tests/ are not the API served.
cat >django.want <<'EOF2'
ANY /
ANY /.well-known/jwks.json
ANY /api/plugins/installed/
ANY /api/v1/realm/subdomain/<subdomain>
ANY /debug/
ANY /json/realm/subdomain/<subdomain>
ANY /legacy/old/
ANY /other/
DELETE /api/shop/audit/{pk}/
DELETE /api/shop/orders/{pk}/
GET /api/shop/
GET /api/shop/audit/
GET /api/shop/audit/{pk}/
GET /api/shop/orders/
GET /api/shop/orders/export/
GET /api/shop/orders/{pk}/
GET /api/shop/products/
GET /api/shop/products/{pk}/
GET /api/v1/realm
GET /health/
GET /json/realm
GET /shop/orders/
GET /shop/orders/<int:pk>/
GET /shop/orders/feed/
PATCH /api/shop/orders/{pk}/
PATCH /api/v1/realm
PATCH /json/realm
POST /api/shop/orders/
POST /api/shop/orders/{pk}/ship/
POST /shop/orders/<int:pk>/
POST /shop/orders/<int:pk>/cancel/
POST /shop/orders/export/
PUT /api/shop/orders/{pk}/
PUT /api/shop/orders/{pk}/ship/
EOF2
routes django >django.got
check "django: include(), lists, rest_path, DRF router and viewsets" \
	diff -u django.want django.got

# photos: index and show, member like, collection recent, nested
# comments#create, preview on: :member; the singular profile without
# destroy and new (update is PATCH and PUT); api/v1 namespaces and a
# module-only scope; config/routes/admin.rb drawn inside namespace :api;
# match via get and post; the commentable concern's comments (index,
# create) nested in posts (show only) and in videos (no action of its
# own). mount and devise_for come from gems.
cat >rails.want <<'EOF2'
DELETE /api/v1/statuses/:id
GET /
GET /api/admin/reports
GET /api/v1/statuses/:id/context
GET /photos
GET /photos/:id
GET /photos/:id/preview
GET /photos/recent
GET /posts/:id
GET /posts/:parent_id/comments
GET /profile
GET /profile/edit
GET /search
GET /videos/:parent_id/comments
PATCH /api/admin/settings
PATCH /profile
POST /api/v1/statuses
POST /photos/:id/like
POST /photos/:parent_id/comments
POST /posts/:parent_id/comments
POST /profile
POST /search
POST /videos/:parent_id/comments
PUT /profile
EOF2
routes rails >rails.got
check "rails: resources, namespaces, member/collection, draw" \
	diff -u rails.want rails.got

# [Route("api/[controller]")] with [HttpGet], [HttpGet("{id:int}")],
# [HttpPost, Authorize], [HttpPut("{id}"), HttpPatch("{id}")],
# "~/health" from the root with AcceptVerbs GET and HEAD, [action];
# an action without attributes is not routed. The Admin area's
# [area]/[controller]/[action] and an absolute template; minimal APIs
# with a MapGroup; conventional routes: any method, unless the action
# their defaults name says otherwise (PollController.Vote of namespace
# Shop.Controllers is [HttpPost]; Admin.Controllers' Vote is not the one
# meant).
cat >aspnet.want <<'EOF2'
ANY /p/{productId}/{SeName}
ANY /{controller=Home}/{action=Index}/{id?}
DELETE /api/Orders/Purge
GET /Admin/Users/Index
GET /api/Orders
GET /api/Orders/{id:int}
GET /health
GET /ping
HEAD /health
PATCH /api/Orders/{id}
PATCH /api/v2/carts/{id}
POST /admin/users/{id}/lock
POST /api/Orders
POST /api/v2/carts
POST /poll/vote
PUT /api/Orders/{id}
PUT /api/v2/carts/{id}
EOF2
routes aspnet >aspnet.got
check "asp.net: attribute routes, areas, minimal APIs, MapRoute" \
	diff -u aspnet.want aspnet.got

# gitea-style m.Group with m.Get(""), a Combo chain, ".diff" appended,
# m.Methods("HEAD,GET"), and the closure addAdmin() walked under the
# group calling it; addHooks() calls itself and teamRouter() mounts
# itself, and recursion is not walked again (one /hooks and one
# /members, not 32 nested); chi Route and Group; a gin
# group variable; gorilla Methods; http.Get is a client call.
cat >go.want <<'EOF2'
DELETE /v2/items/{id}
GET /orgs/{org}/hooks
GET /repos/{owner}/{repo}
GET /repos/{owner}/{repo}.diff
GET /repos/{owner}/{repo}/admin
GET /repos/{owner}/{repo}/archive
GET /repos/{owner}/{repo}/issues
GET /teams/members
GET /users
GET /v2/items/{id}
HEAD /repos/{owner}/{repo}/archive
POST /repos/{owner}/{repo}/issues
POST /users
POST /v1/login
EOF2
routes go >go.got
check "go: groups, combos, closures, chi, gin, gorilla" \
	diff -u go.want go.got

# cmd/main.go mounts package example.com/shop/api's Routes() at /api:
# Routes' routes and those of register(), which it calls, go under /api;
# Debug() is mounted nowhere and keeps its own path; adminRouter() of the
# same file at /admin, metricsRouter() of another file of the package at
# /metrics
cat >gomod.want <<'EOF2'
GET /admin/stats
GET /api/items
GET /debug/vars
GET /health
GET /metrics/prom
POST /api/items
EOF2
routes gomod >gomod.got
check "go: a mount of another package's function" diff -u gomod.want gomod.got

# a local router mounted at /api, a required one at /api/users (after a
# middleware), route('/:id').get().delete(), require() inline at /admin;
# a NestJS controller whose path is given in an object
cat >express.want <<'EOF2'
DELETE /api/users/:id
GET /api/status
GET /api/users/
GET /api/users/:id
GET /users/:id
POST /admin/flush
POST /login
POST /users
EOF2
routes express >express.got
check "express: routers and their mount paths" \
	diff -u express.want express.got

# register_blueprint(api_bp, url_prefix="/api/v1") of an imported
# blueprint; pages' own url_prefix; the app's own route
cat >flask.want <<'EOF2'
DELETE /api/v1/items/<int:item_id>
GET /health
GET /pages/about
GET,POST /api/v1/items
EOF2
routes flaskapp >flask.got
check "flask: blueprint prefixes" diff -u flask.want flask.got

# include_router(items.router, prefix="/api") and APIRouter(prefix=)
cat >fastapi.want <<'EOF2'
GET /
GET /api/items/
PUT /api/items/{item_id}
EOF2
routes fastapi >fastapi.got
check "fastapi: router prefixes composed" diff -u fastapi.want fastapi.got

# name="Query" and a class named Mutation are roots; OrderType is not
cat >strawberry.want <<'EOF2'
MUTATION cancel_order
QUERY order
QUERY order_count
QUERY order_list
EOF2
routes strawberry >strawberry.got
check "strawberry: root fields" diff -u strawberry.want strawberry.got

# Tornado is a web framework carve does not read: said, not "0 endpoints"
expect_status "tornado" 0 "$CARVE" api -q api/tornado
grep_q "notice names what was looked for" \
	'^no endpoint found: carve reads the routes of Flask, FastAPI, Django' out
grep_q "notice names Tornado" 'uses Tornado (1 file), whose routes carve does not read' out
expect_status "tornado json" 0 "$CARVE" api -q -f json api/tornado
expect_eq "json frameworks" "Tornado false 1" \
	"$(jq -r '.api.frameworks[] | "\(.name) \(.routes_read) \(.files)"' out)"
# a framework read: no notice
expect_status "fastapi text" 0 "$CARVE" api -q api/fastapi
check "no notice when understood" sh -c "! grep -q 'not understood\|no endpoint' out"

expect_status "the notice in the report" 0 "$CARVE" report -q -o r.html api/tornado
grep_q "report names Tornado" 'uses Tornado (1 file)' r.html

# files cut off inside a block, a call or an attribute: read, not a crash
expect_status "truncated route files" 0 "$CARVE" api -q -f json api/broken

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
