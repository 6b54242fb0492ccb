#!/bin/sh
# carve data on one small fixture per ORM (tests/fixtures/data-orms):
# the tables each framework's conventions give, written down by reading
# the fixture: Django (db_table, app label of a models package, a proxy
# and a GraphQL type are no tables; writes inside methods, obj.save()),
# xorm (RegisterModel with GonicMapper names, TableName()), EF (ToTable,
# convention, [Table], a Map join table, a repository's Insert), Rails
# (db/schema.rb, a view, a module's table_name_prefix, Tag's
# has_and_belongs_to_many :accounts join table), SQL (temporary
# tables, catalogue, spliced names), and front-end define()/init().
# api/serializers/models.py's PlanSerializer is no model: its base is
# the OwnerMixin it imports from users/api/mixins.py, not the abstract
# model mixin of the same name nearer to it, in api/models/owners.py.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
cp -r "$CARVE_SRC/tests/fixtures/data-orms/." repo/
git -C repo add -A && git -C repo commit -qm fixture

expect_status "data as json" 0 "$CARVE" data -q -f json repo
cp out data.json
names=$(jq -r '[.data.tables[].name] | sort | join(" ")' data.json)
expect_eq "the tables" "OrderLine Order_Tag_Mapping Sales_Order account_summaries accounts accounts_tags admin_action_logs billing_customer billing_plan_v2 lfs_lock product pull_request repo_mirror tags tbl_invoice" "$names"
owner() { jq -r --arg t "$1" '.data.tables[] | select(.name == $t) | .owner' data.json; }
expect_eq "the join table is owned with Tag's table" "$(owner tags)" \
	"$(owner accounts_tags)"
expect_eq "account_summaries is a view" "true" \
	"$(jq '.data.tables[] | select(.name == "account_summaries") | .view' data.json)"
w() {
	jq -r --arg t "$1" --arg p "$2" '[.data.tables[] | select(.name == $t) | .files[] | select(.kind == "write" and .path == $p) | (.set_aside // "counted")] | join(",")' data.json
}
expect_eq "Plan.objects.create in a method writes" "counted" \
	"$(w billing_plan_v2 billing/lib/stripe.py)"
expect_eq "customer.save() writes" "counted" \
	"$(w billing_customer billing/lib/stripe.py)"
expect_eq "populate_db is dev seeding, set aside" "seed" \
	"$(w billing_customer billing/management/commands/populate_db.py)"
expect_eq "seeding writes counted" "2" \
	"$(jq '.data.set_aside.seed.writes' data.json)"
expect_eq "xorm Insert(&PullRequest{}) writes" "counted" \
	"$(w pull_request gitmodels/repo.go)"
expect_eq "a repository's Insert writes the entity's table" "counted" \
	"$(w Sales_Order Shop/Services/OrderService.cs)"
expect_eq "spliced and %s names are dynamic" "2" \
	"$(jq '.data.dynamic' data.json)"
expect_eq "pg_class is the catalogue" "1" \
	"$(jq '.data.catalog_accesses' data.json)"
expect_eq "ORM models by framework" "django=2 ef=3 rails=2 xorm=3" \
	"$(jq -r '.data.orm_models | to_entries | map("\(.key)=\(.value)") | sort | join(" ")' data.json)"

# a repository with SQL only gets the notice, not a bare "0 tables"
make_repo plain
printf 'SELECT * FROM users;\n' >plain/q.sql
git -C plain add -A && git -C plain commit -qm sql
expect_status "data as text" 0 "$CARVE" data -q plain
grep_q "the notice names what was looked for" \
	"notice: no ORM model recognised; looked for Django models" out
expect_status "data as json" 0 "$CARVE" data -q -f json plain
expect_eq "the notice in JSON" "true" \
	"$(jq '.data.notice | startswith("no ORM model recognised")' out)"
expect_status "report" 0 "$CARVE" report -q -o report.html plain
grep_q "the report says it too" "No ORM model recognised; looked for" \
	report.html

done_testing
