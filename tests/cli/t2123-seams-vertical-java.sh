#!/bin/sh
# A Java application in layers (domain/, application/, infrastructure/,
# web/ under one package, a folder per domain in each) is cut into one
# context per domain, each named for its domain (issue 19). Six
# domains, worked out by hand: each has three entities in
# domain/<d>/ (Order, OrderLine, OrderStatus), a service and a query in
# application/<d>/, a store named for its technology and a mapper in
# infrastructure/<d>/ (JpaOrderStore, OrderMapper), a controller and a
# form in web/<d>/; each file imports its domain's entities, and every
# service and controller one of the customer domain too. The folder
# name <d> is found under four folders named for layers: a domain
# across them, not a layer of the package (which would put each layer
# in one context); JpaOrderStore leads with "order" (Jpa names the
# store), so the stores do not make a context of their own. Every
# context has the package for its folder, so each is named for its
# domain beside it, the largest too.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Java", "module": "%s", "code": %s, "complexity": 5 }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": 1 }' "$1" "$2"; }
B=src/main/java/com/shop
files= edges=
for d in order customer catalog payment invoice shipment; do
	D=$(echo $d | cut -c1 | tr a-z A-Z)${d#?}
	M=$B/domain/$d A=$B/application/$d I=$B/infrastructure/$d W=$B/web/$d
	files="$files $(file $M/$D.java 120), $(file $M/${D}Line.java 60), $(file $M/${D}Status.java 30),"
	files="$files $(file $A/${D}Service.java 90), $(file $A/${D}Query.java 40),"
	files="$files $(file $I/Jpa${D}Store.java 80), $(file $I/${D}Mapper.java 50),"
	files="$files $(file $W/${D}Controller.java 70), $(file $W/${D}Form.java 30),"
	edges="$edges $(edge $M/${D}Line.java $M/$D.java), $(edge $M/$D.java $M/${D}Status.java),"
	edges="$edges $(edge $A/${D}Service.java $M/$D.java), $(edge $A/${D}Query.java $M/$D.java),"
	edges="$edges $(edge $I/Jpa${D}Store.java $M/$D.java), $(edge $I/${D}Mapper.java $M/${D}Line.java),"
	edges="$edges $(edge $W/${D}Controller.java $A/${D}Service.java), $(edge $W/${D}Form.java $M/${D}Status.java),"
	edges="$edges $(edge $A/${D}Service.java $B/application/customer/CustomerService.java),"
	edges="$edges $(edge $W/${D}Controller.java $B/web/customer/CustomerForm.java),"
done
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ ${files%,} ], "edges": [ ${edges%,} ] }
JSON
"$CARVE" seams -q --no-history --hub-share 100 -f csv model.json >c.csv || fail "seams -f csv"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }
for d in order customer catalog payment invoice shipment; do
	D=$(echo $d | cut -c1 | tr a-z A-Z)${d#?}
	c=$(ctx $B/domain/$d/$D.java)
	for f in domain/$d/${D}Line.java application/$d/${D}Service.java \
		 application/$d/${D}Query.java infrastructure/$d/Jpa${D}Store.java \
		 infrastructure/$d/${D}Mapper.java web/$d/${D}Controller.java \
		 web/$d/${D}Form.java; do
		expect_eq "$f with $d's entities" "$c" "$(ctx $B/$f)"
	done
	expect_eq "$d's context is named for it" "$B:$d" "$c"
done
expect_eq "six contexts" 6 "$(($(cut -d, -f2 c.csv | sed 1d | sort -u | wc -l)))"
done_testing
