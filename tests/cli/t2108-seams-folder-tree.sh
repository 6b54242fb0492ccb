#!/bin/sh
# Folders hold their subfolders, and a domain term holds the folder named
# for it (issue 19). A layered application worked out by hand:
# - domain/model/cargo and domain/model/voyage hold each domain's
#   entities; infrastructure/persistence holds CargoRepositoryJPA and
#   VoyageRepositoryJPA, interfaces/ a folder per use: the layers.
# - Four domains (cargo, voyage, location, handling) of six entities each
#   under domain/model/<domain>, none named for its domain; each has a
#   repository in infrastructure/persistence (CargoRepositoryJPA) and a
#   service in application/ (CargoService), named for it, importing its
#   domain once and voyage's entities twice: the name of the folder
#   (cargo/) and the term the files lead with (Cargo) tie them to their
#   domain, against the imports.
# - interfaces/tracking/ws/TrackingDTO.java and TrackingService.java sit
#   in a subfolder of interfaces/tracking and import cargo's first entity three
#   times each, the tracking files nothing: the subfolder belongs to its
#   folder (interfaces/tracking), so they stay with tracking; without the
#   folder above them they were two files alone, folded into cargo.
# - domain/model/* are never tied to each other through domain/model
#   (a folder named for a layer), nor interfaces/* through interfaces/.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Java", "module": "%s", "code": %s, "complexity": 20 }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": %s }' "$1" "$2" "$3"; }
D=src/main/java/org/demo
P=$D/infrastructure/persistence A=$D/application T=$D/interfaces/tracking
C=$D/domain/model/cargo V=$D/domain/model/voyage
files= edges=
# four domains of six entities in a chain, none named for the domain
for d in cargo voyage location handling; do
	M=$D/domain/model/$d
	prev=
	for e in Alpha Beta Gamma Delta Epsilon Zeta; do
		files="$files $(file $M/$e${d#?}.java 100),"
		[ -n "$prev" ] && edges="$edges $(edge $M/$e${d#?}.java $M/$prev 2),"
		prev=$e${d#?}.java
	done
	D1=$(echo $d | cut -c1 | tr a-z A-Z)${d#?}
	# its repository and its service, in layer folders, named for it:
	# each imports its own domain once and voyage's first entity twice
	files="$files $(file $P/${D1}RepositoryJPA.java 80), $(file $A/${D1}Service.java 80),"
	edges="$edges $(edge $P/${D1}RepositoryJPA.java $M/Alpha${d#?}.java 1),"
	edges="$edges $(edge $A/${D1}Service.java $M/Beta${d#?}.java 1),"
	[ $d != voyage ] && edges="$edges $(edge $P/${D1}RepositoryJPA.java $V/Alphaoyage.java 2), $(edge $A/${D1}Service.java $V/Alphaoyage.java 2),"
done
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $files
             $(file $T/TrackingController.java 120),
             $(file $T/TrackCommand.java 40),
             $(file $T/TrackCommandValidator.java 40),
             $(file $T/ws/TrackingDTO.java 60),
             $(file $T/ws/TrackingService.java 60) ],
  "edges": [ $edges
             $(edge $T/TrackCommandValidator.java $T/TrackCommand.java 1),
             $(edge $T/TrackingController.java $T/TrackCommand.java 1),
             $(edge $T/ws/TrackingDTO.java $C/Alphaargo.java 3),
             $(edge $T/ws/TrackingService.java $C/Alphaargo.java 3),
             $(edge $T/ws/TrackingService.java $T/ws/TrackingDTO.java 1) ] }
JSON

"$CARVE" seams -q --no-history --hub-share 100 -f csv model.json >c.csv || fail "seams -f csv"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }
for d in cargo location handling; do
	D1=$(echo $d | cut -c1 | tr a-z A-Z)${d#?}
	expect_eq "$d's repository joins $d" \
		"$(ctx $D/domain/model/$d/Alpha${d#?}.java)" "$(ctx $P/${D1}RepositoryJPA.java)"
	expect_eq "$d's service joins $d" \
		"$(ctx $D/domain/model/$d/Alpha${d#?}.java)" "$(ctx $A/${D1}Service.java)"
	check "$d and voyage apart (domain/model is a layer, not a tie)" \
		test "$(ctx $D/domain/model/$d/Alpha${d#?}.java)" != "$(ctx $V/Alphaoyage.java)"
done
expect_eq "a subfolder stays with its folder" \
	"$(ctx $T/TrackingController.java)" "$(ctx $T/ws/TrackingDTO.java)"
expect_eq "both files of the subfolder" \
	"$(ctx $T/TrackingController.java)" "$(ctx $T/ws/TrackingService.java)"
check "tracking and cargo apart" \
	test "$(ctx $C/Alphaargo.java)" != "$(ctx $T/TrackingController.java)"
check "no name with a number suffix" sh -c "! cut -d, -f2 c.csv | grep -q -- '-[0-9]*\$'"
done_testing
