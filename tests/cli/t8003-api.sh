#!/bin/sh
# carve api: the shop sample's routes (samples/README.md, "HTTP routes",
# written by hand: 29 endpoints) and one small service per framework,
# with a client in another context calling one endpoint by its path.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -r "$CARVE_SRC/samples/shop" shop
cat >shop/carve.json <<'JSON'
{ "contexts": {
	"users": ["shop/users/**"], "catalog": ["shop/catalog/**"],
	"cart": ["shop/cart/**"], "orders": ["shop/orders/**"],
	"payments": ["shop/payments/**"],
	"notifications": ["shop/notifications/**"],
	"search": ["shop/search/**"], "utils": ["shop/utils/**"],
	"tests": ["tests/**"], "schema": ["migrations/**"],
	"root": ["shop/app.py", "shop/__init__.py", "manage.py"]
} }
JSON
expect_status "api as csv" 0 "$CARVE" api -q -f csv shop
tr -d '\r' <out >shop.csv
expect_eq "29 endpoints" "29" "$(tail -n +2 shop.csv | wc -l | tr -d ' ')"
# users 5, notifications 2, catalog 6, cart 3, orders 5, payments 3,
# search 3, and app.py's two in root
for pair in users:5 notifications:2 catalog:6 cart:3 orders:5 payments:3 search:3 root:2; do
	expect_eq "${pair%:*} serves ${pair#*:}" "${pair#*:}" \
		"$(grep -c "^${pair%:*}," shop.csv)"
done
# the blueprint's url_prefix="/cart" is part of each of its routes
grep_q "cart's PUT and DELETE of one rule, under the blueprint's prefix" \
	'^cart,"PUT,DELETE",/cart/items/<int:product_id>,flask,shop/cart/views.py,44' shop.csv
grep_q "Django patterns" '^users,ANY,/me/addresses,django,shop/users/urls.py,13' shop.csv
grep_q "path(..., methods=(\"POST\",)) says the method" \
	'^users,POST,/register,django,shop/users/urls.py,10' shop.csv

mkdir -p s/go s/js s/java/src s/rb/config s/gql s/client
cat >s/go/main.go <<'GO'
package main
func main() {
	http.HandleFunc("/health", h)
	mux.HandleFunc("GET /orders/{id}", h)
	r.GET("/carts/:id", h)
	fmt.Println("/not/a/route")
}
GO
cat >s/js/server.js <<'JS'
const router = express.Router();
router.get('/invoices/:id', show);
app.post("/invoices", create);
axios.get("/invoices/7"); // a client call, no route
JS
cat >s/java/src/Api.java <<'JAVA'
@RestController
@RequestMapping("/api/users")
public class Api {
	@GetMapping("/{id}")
	public User get(@PathVariable long id) { return null; }
	@RequestMapping(value = "/search", method = RequestMethod.POST)
	public List<User> search() { return null; }
}
JAVA
cat >s/rb/config/routes.rb <<'RB'
Rails.application.routes.draw do
  get "/status", to: "status#show"
  resources :photos
end
RB
cat >s/gql/schema.graphql <<'GQL'
"""The root"""
type Query {
  order(id: ID!): Order @doc(category: "Orders")
  orders(first: Int): [Order!]!
}
type Mutation { orderCreate(input: OrderInput!): Order }
type Order { id: ID! }
GQL
cat >s/client/use.py <<'PY'
import requests
requests.get(BASE + "/invoices/42")
PY
cat >s/carve.json <<'JSON'
{ "contexts": { "go": ["go/**"], "js": ["js/**"], "java": ["java/**"],
  "rb": ["rb/**"], "gql": ["gql/**"], "client": ["client/**"] } }
JSON
expect_status "api on five frameworks" 0 "$CARVE" api -q -f json s
ep() { jq -r --arg c "$1" '[.api.endpoints[] | select(.context == $c) | "\(.method) \(.path)"] | join("; ")' out; }
expect_eq "go: net/http, Go 1.22 pattern, gin" \
	"GET /carts/:id; ANY /health; GET /orders/{id}" "$(ep go)"
expect_eq "express routes, not the axios call" \
	"POST /invoices; GET /invoices/:id" "$(ep js)"
expect_eq "spring with the class prefix" \
	"POST /api/users/search; GET /api/users/{id}" "$(ep java)"
# resources :photos routes its seven actions, update as PATCH and PUT
expect_eq "rails routes" \
	"GET /photos; POST /photos; DELETE /photos/:id; GET /photos/:id; PATCH /photos/:id; PUT /photos/:id; GET /photos/:id/edit; GET /photos/new; GET /status" \
	"$(ep rb)"
# graphql-core 3.2 counts the same fields: Query 2, Mutation 1
expect_eq "graphql root fields, directives left out" \
	"QUERY order; MUTATION orderCreate; QUERY orders" "$(ep gql)"
# "/invoices/42" matches /invoices/:id from its last two segments; the
# js file's own "/invoices/7" is in the serving context and not a call
expect_eq "client calls /invoices/:id" "client" \
	"$(jq -r '.api.endpoints[] | select(.path == "/invoices/:id") | .callers | join(",")' out)"
expect_eq "nobody calls /invoices" "" \
	"$(jq -r '.api.endpoints[] | select(.path == "/invoices") | .callers | join(",")' out)"

expect_status "dot" 0 "$CARVE" api -q -f dot s
grep_q "client -> js edge" '^  c[0-9]* -> c[0-9]* \[label="1"\];' out
expect_status "text" 0 "$CARVE" api -q s
# go 3, js 2, java 2, rb 9, gql 3
grep_q "summary line" "19 endpoints in 5 contexts" out
expect_status "bad --top" 129 "$CARVE" api --top -1 s

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
