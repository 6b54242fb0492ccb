#!/bin/sh
# The public cases of shared/DESIGN.md from carve's defaults, end to end:
# a repository and a plan generated here, then carve estimate and carve
# roadmap with nothing but the team profile and the target.
#
# Khan Academy: 1,000,000 lines of Python in 40 services to Go; the team
# ramps 7 -> 100 engineers over 24 months, then 50 -> 4 over 18 months
# (monthly steps), and nobody is left after 2022-08-31 (the migration
# ended after about 3.6 years). Public figures: about 34,000
# engineer-days (148 engineer-years of 220 days is 32,560) and 3.6
# years: carve's P50 effort must lie within 20% of 34,000 (27,200 to
# 40,800) and its P50 finish within 20% of 3.6 years (2.88 to 4.32).
#
# The 500K-line e-commerce monolith (staff-level design exercise): 50
# developers, strangler fig in the exercise's order (user after
# notification, search after catalog, order after user, catalog and
# notification; the other 15 modules after order): "2-3 years" at P50.
#
# Then the three planning commands print the same total P50 and P10-P90
# for the same input, with and without --target.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# years DATE: years from START to DATE, by GNU date
years() {
	echo "scale=3; ($(date -u -d "$2" +%s) - $(date -u -d "$1" +%s)) / 86400 / 365.25" | bc
}
within() { echo "$1 >= $2 && $1 <= $3" | bc; }

# gen CONTEXT N DEP...: shop/CONTEXT/ with N files of 1,000 Python lines
# (a branch every 4 lines), each importing the contexts it depends on
gen() {
	ctx=$1 n=$2
	shift 2
	mkdir -p "src/$ctx"
	awk -v ctx="$ctx" -v n="$n" -v deps="$*" 'BEGIN {
		nd = split(deps, d, " ")
		for (f = 0; f < n; f++) {
			file = sprintf("src/%s/m%03d.py", ctx, f)
			for (i = 1; i <= nd; i++)
				printf "from src.%s import m%03d\n", d[i], f % 5 >file
			for (l = nd; l + 4 <= 1000; l += 4)
				printf "def f%d(x):\n    if x > %d:\n        return x - %d\n    return x + 1\n", l, l, l >file
			for (; l < 1000; l++)
				printf "V%d = %d\n", l, l >file
			close(file)
		}
	}'
}

# capacity START MONTHS-UP FROM TO MONTHS-DOWN FROM TO END: monthly steps
capacity() {
	awk -v up="$2" -v a="$3" -v b="$4" -v down="$5" -v c="$6" -v d="$7" -v end="$8" -v y0="${1%%-*}" 'BEGIN {
		for (m = 0; m < up + down; m++) {
			y = y0 + int(m / 12); mo = m % 12 + 1
			e = m < up ? a + (b - a) * m / (up - 1) : c - (c - d) * (m - up) / (down - 1)
			printf "{ \"from\": \"%d-%02d-01\", \"engineers\": %.1f },\n", y, mo, e
		}
		printf "{ \"from\": \"%s\", \"engineers\": 0 }\n", end
	}'
}

# --- Khan Academy ------------------------------------------------------
make_repo khan
(
	cd khan &&
	for i in $(seq -w 1 40); do
		if [ "$i" -ge 5 ] && [ $((1$i % 2)) -eq 1 ]; then
			gen "svc$i" 25 "svc0$((1$i % 4 + 1))"
		else
			gen "svc$i" 25
		fi
	done &&
	{
		printf '{ "target": "go", "legacy": ["src/**"],\n  "contexts": {\n'
		for i in $(seq -w 1 40); do
			printf '    "svc%s": ["src/svc%s/**"]%s\n' "$i" "$i" "$([ "$i" = 40 ] || echo ,)"
		done
		printf '  },\n  "plan": { "start": "2019-01-01", "capacity": [\n'
		capacity 2019 24 7 100 18 50 4 2022-09-01
		printf '  ] }\n}\n'
	} >carve.json &&
	git add -A && git commit -qm khan
)
expect_eq "Khan: 1,000,000 lines of Python" 1000000 \
	"$(cat khan/src/*/*.py | wc -l | tr -d ' ')"
expect_status "Khan: estimate" 0 "$CARVE" estimate -q -f json -o khan-est.json khan
p50=$(jq '.estimate.total.p50 | round' khan-est.json)
echo "# Khan: P50 $p50 engineer-days"
expect_eq "Khan: P50 effort within 20% of 34,000 engineer-days: $p50" 1 \
	"$(within "$p50" 27200 40800)"
expect_status "Khan: roadmap" 0 "$CARVE" roadmap -q -f json -o khan-rm.json khan
fin=$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p50' khan-rm.json)
f=$(years 2019-01-01 "$fin")
echo "# Khan: P50 finish $fin ($f years)"
expect_eq "Khan: P50 finish within 20% of 3.6 years: $f" 1 "$(within "$f" 2.88 4.32)"
expect_eq "Khan: the roadmap schedules the estimate's total" "$p50" \
	"$(jq '.roadmap.effort_p50 | round' khan-rm.json)"
# the capacity ends: the slow trials get no date, only what they lack
expect_status "Khan: roadmap text" 0 "$CARVE" roadmap -q khan
p90=$(awk '$1 == "finish" { print $5 }' out)
expect_eq "Khan: no P90 finish date past the capacity declared" "-" "$p90"
grep_q "Khan: the shortfall in engineer-months" \
	'falls short: by [0-9]* engineer-months at P90' out
expect_eq "Khan: no forecast date past the end of the capacity" 0 \
	"$(awk '$1 == "finish" { for (i = 2; i <= NF; i++) if ($i > "2022-09-01") n++ } END { print n + 0 }' out)"
# burndown's plan is the same schedule: its P90 has no date either
expect_status "Khan: burndown" 0 "$CARVE" burndown -q -f json -o khan-bd.json khan
expect_eq "Khan: burndown's plan P50 and P90 as the roadmap's" \
	"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | "\(.p50) \(.p90)"' khan-rm.json)" \
	"$(jq -r '.burndown.forecast | "\(.planned_p50) \(.planned_p90)"' khan-bd.json)"
expect_eq "Khan: burndown: the capacity's last day" 2022-08-31 \
	"$(jq -r .burndown.forecast.capacity_until khan-bd.json)"

# --- the 500K-line e-commerce monolith ---------------------------------
make_repo shop
(
	cd shop &&
	gen notification 10 && gen user 20 notification && gen catalog 30 &&
	gen search 40 catalog && gen order 10 user catalog notification &&
	for i in $(seq 6 20); do
		gen "module-$i" $((((i - 5) % 4 + 1) * 10)) order
	done &&
	{
		printf '{ "legacy": ["src/**"],\n  "contexts": {\n'
		for c in notification user catalog search order $(seq -f 'module-%g' 6 20); do
			printf '    "%s": ["src/%s/**"],\n' "$c" "$c"
		done | sed '$ s/,$//'
		printf '  },\n  "plan": { "start": "2027-01-04", "capacity": 50 }\n}\n'
	} >carve.json &&
	git add -A && git commit -qm shop
)
expect_eq "e-commerce: 500,000 lines" 500000 "$(cat shop/src/*/*.py | wc -l | tr -d ' ')"
expect_status "e-commerce: roadmap to Go" 0 "$CARVE" roadmap -q --target go -f json -o shop-rm.json shop
fin=$(jq -r '.roadmap.milestones[] | select(.name == "finish") | .p50' shop-rm.json)
f=$(years 2027-01-04 "$fin")
echo "# e-commerce: P50 finish $fin ($f years)"
expect_eq "e-commerce: 50 developers finish in 2-3 years at P50: $f" 1 "$(within "$f" 2 3)"

# --- one effort model: estimate, roadmap and report agree --------------
for target in "" go; do
	opt=${target:+--target $target}
	what=${target:-none}
	"$CARVE" estimate -q $opt shop >est.txt
	"$CARVE" roadmap -q $opt shop >rm.txt
	"$CARVE" report -q $opt -o report.html shop
	# estimate: "total LINES ... P50 P10-P90 SHARE"
	e=$(awk '$1 == "total" && NF == 5 { gsub(",", ""); print $3, $4 }' est.txt)
	# roadmap: "... N engineer-days P50 (P10-P90 A-B) ..."
	r=$(sed -n 's/.* \([0-9]*\) engineer-days P50 (P10-P90 \([0-9]*\)-\([0-9]*\)).*/\1 \2-\3/p' rm.txt)
	expect_eq "target $what: roadmap prints the estimate's P50 and P10-P90" "$e" "$r"
	# report: the estimate tile and the roadmap section, both
	# the report writes 12,345: the same figures with commas
	c=$(echo "$e" | sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|[ ,-]\)/\1,\2\3/; ta')
	p50c=${c%% *} rangec=${c#* }
	grep_q "target $what: the report's estimate tile is P50 $p50c" ">$p50c<" report.html
	grep_q "target $what: and P10-P90 $rangec" ">$rangec<" report.html
	grep_q "target $what: the report's roadmap is the same" \
		"$p50c engineer-days P50 (P10-P90 $rangec," report.html
	# burndown's plan: carve roadmap's finish, P10, P50 and P90
	"$CARVE" roadmap -q $opt -f json -o rm.json shop
	"$CARVE" burndown -q $opt -f json -o bd.json shop
	expect_eq "target $what: burndown's plan finishes as the roadmap" \
		"$(jq -r '.roadmap.milestones[] | select(.name == "finish") | "\(.p10) \(.p50) \(.p90)"' rm.json)" \
		"$(jq -r '.burndown.forecast | "\(.planned_p10) \(.planned_p50) \(.planned_p90)"' bd.json)"
	eval "fin_$what=\$(jq -r .burndown.forecast.planned_p50 bd.json)"
done
# and --target reaches it: a Go rewrite takes longer than a split
expect_eq "burndown --target go finishes after the split" 1 \
	"$(echo "$fin_go $fin_none" | awk '{ print ($1 > $2) }')"
"$CARVE" estimate -q shop >split.txt
"$CARVE" estimate -q --target golang shop >alias.txt
"$CARVE" estimate -q --target go shop >go.txt
expect_eq "golang is go" "$(grep '^total ' go.txt)" "$(grep '^total ' alias.txt)"
expect_status "an unknown target is an error" 128 "$CARVE" estimate -q --target klingon shop
grep_q "it says which" "'klingon' is not a language carve knows" err

done_testing
