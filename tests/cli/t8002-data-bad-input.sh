#!/bin/sh
# carve data on awkward input: SQL built by concatenation (dynamic, not
# guessed), tables in other schemas, quoted identifiers, a very long SQL
# string, abstract models, and the ORMs of other languages. Each expected
# table follows from the rules in man/carve-data.1, worked out by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

mkdir -p r/app r/blog r/db/migrate r/models r/ent r/web
cat >r/app/repo.py <<'PY'
def find(db, table, ident):
    db.q("SELECT * FROM " + table)
    db.q(f"DELETE FROM {table} WHERE id = %s", ident)
    db.q("SELECT * FROM billing.invoices JOIN public.orders o ON 1")
    db.q('SELECT * FROM "Order Items" JOIN `legacy`.`users` ON 1')
    db.q("Update the cache from the orders")
PY
# a 200 KB statement: 10,000 joins of t0 .. t9999
awk 'BEGIN { printf "Q = \"SELECT * FROM t0"; for (i = 1; i < 10000; i++) printf " JOIN t%d", i; print "\"" }' >r/app/long.py
cat >r/blog/models.py <<'PY'
from django.db import models
class Stamped(models.Model):
    class Meta:
        abstract = True
class Post(Stamped):
    pass
class Draft(Post):
    class Meta:
        proxy = True
PY
cat >r/models/user.rb <<'RB'
class ApplicationRecord < ActiveRecord::Base
  self.abstract_class = true
end
class Person < ApplicationRecord
end
class LineItem < ApplicationRecord
  self.table_name = "order_lines"
end
RB
cat >r/db/migrate/001_create.rb <<'RB'
class Create < ActiveRecord::Migration[7.0]
  def change
    create_table :people
  end
end
RB
cat >r/ent/Invoice.java <<'JAVA'
@Entity
@Table(name = "invoices")
public class Invoice {}
@MappedSuperclass
abstract class Base {}
@Entity
class CreditNote {}
JAVA
cat >r/ent/model.go <<'GO'
package ent
type Shipment struct {
	gorm.Model
}
type Parcel struct {
	ID int
}
func (Parcel) TableName() string { return "parcels_v2" }
GO
cat >r/web/models.ts <<'TS'
@Entity("accounts")
export class Account {}
@Entity()
export class AuditLog {}
const Tag = sequelize.define("Tag", {}, { tableName: "tags" });
TS
cat >r/carve.json <<'JSON'
{ "contexts": { "app": ["app/**"], "blog": ["blog/**"],
  "rb": ["models/**", "db/**"], "web": ["web/**"] } }
JSON

expect_status "data" 0 "$CARVE" data -q -f json r
names() { jq -r '[.data.tables[] | .name] | join(" ")' out; }
# two dynamic statements: the concatenated FROM and the f-string DELETE
expect_eq "computed tables are dynamic, not guessed" "2" "$(jq .data.dynamic out)"
expect_eq "app's dynamic count" "2" \
	"$(jq '.data.contexts[] | select(.name == "app") | .dynamic' out)"
expect_eq "another schema keeps its name and is flagged" "true" \
	"$(jq '.data.tables[] | select(.name == "billing.invoices") | .other_schema' out)"
expect_eq "public. is the default schema" "1" \
	"$(jq '[.data.tables[] | select(.name == "orders")] | length' out)"
expect_eq "quoted identifiers keep case and spaces" "Order Items,legacy.users" \
	"$(jq -r '[.data.tables[] | select(.name == "Order Items" or .name == "legacy.users") | .name] | join(",")' out)"
expect_eq "the long statement: all 10,000 tables" "10000" \
	"$(jq '[.data.tables[] | select(.name | test("^t[0-9]+$"))] | length' out)"
expect_eq "prose is no SQL" "0" \
	"$(jq '[.data.tables[] | select(.name == "the" or .name == "cache")] | length' out)"
# Django: Stamped is abstract, Draft a proxy: only Post has a table
expect_eq "django: blog_post only" "blog_post" \
	"$(jq -r '[.data.tables[] | select(.name | startswith("blog_")) | .name] | join(",")' out)"
# Stamped (abstract), Draft (proxy), ApplicationRecord (abstract_class)
# and Base (@MappedSuperclass)
expect_eq "abstract and proxy models counted" "4" "$(jq .data.abstract_models out)"
# Rails: ApplicationRecord is abstract; Person -> people
expect_eq "rails tables" "order_lines people" \
	"$(jq -r '[.data.tables[] | select(.name == "people" or .name == "order_lines" or .name == "application_records") | .name] | join(" ")' out)"
expect_eq "the migration creates people" "db/migrate/001_create.rb" \
	"$(jq -r '.data.tables[] | select(.name == "people") | .files[] | select(.path | startswith("db/")) | .path' out)"
# JPA: @Table names one, CreditNote snake case, MappedSuperclass none
expect_eq "jpa tables" "credit_note invoices" \
	"$(jq -r '[.data.tables[] | select(.name == "invoices" or .name == "credit_note" or .name == "base") | .name] | join(" ")' out)"
# GORM: gorm.Model -> plural snake case; TableName() wins
expect_eq "gorm tables" "parcels_v2 shipments" \
	"$(jq -r '[.data.tables[] | select(.name == "shipments" or .name == "parcels_v2" or .name == "parcels") | .name] | join(" ")' out)"
# TypeORM: named or snake case; Sequelize tableName
expect_eq "typeorm and sequelize tables" "accounts audit_log tags" \
	"$(jq -r '[.data.tables[] | select(.name == "accounts" or .name == "audit_log" or .name == "tags") | .name] | join(" ")' out)"

# no tables at all: an empty report, not a crash
mkdir -p empty/a && echo 'x = 1' >empty/a/x.py
expect_status "no tables" 0 "$CARVE" data -q -f json empty
expect_eq "zero tables" "0" "$(jq '.data.tables | length' out)"
expect_status "no endpoints" 0 "$CARVE" api -q empty
grep_q "zero endpoints" "0 endpoints" out

expect_status "a missing path" 128 "$CARVE" data -q nowhere
grep_q "names the path" "nowhere" err
expect_status "a bad carve.json" 128 "$CARVE" data -q -c nowhere.json r
expect_status "--top takes a number" 129 "$CARVE" data --top x r

echo "1..$test_count"
[ "$test_failed" -eq 0 ]
