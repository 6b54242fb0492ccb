#!/bin/sh
# carve roadmap's output formats on the e-commerce plan: CSV, Mermaid,
# DOT/SVG/PNG (Graphviz), TaskJuggler, MS Project XML, and the model
# JSON read by the other commands.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp "$CARVE_SRC/samples/cases/ecommerce-plan.json" plan.json
run() { "$CARVE" roadmap -c plan.json "$@"; }

# CSV: a header and one row per task (4 phase 0 + 5 x 7 steps + 1 data)
expect_status "csv" 0 run -f csv
expect_eq "csv rows" 41 "$(wc -l <out | tr -d ' ')"
expect_eq "csv header" "task,context,phase,wave,effort,start,end,engineers,p50_end,p85_end,critical" \
	"$(head -1 out | tr -d '\r')"
# order: 6 months x 21.740625 working days x 40 = 5217.75, port 50%
grep_q "a step row" "^order: port,order,MVE,3,2608.88,2028-02-01," out

# Mermaid Gantt: one bar per context, phase 0 task and data task,
# milestones; names carry no ':' (it ends a Mermaid task name)
expect_status "mermaid" 0 run -f mermaid
expect_eq "starts a gantt" "gantt" "$(head -1 out)"
expect_eq "bars" 10 "$(grep -c ':\(crit, \)\?[tc][0-9]*, [0-9-]*, [0-9-]*$' out)"
expect_eq "milestones" 2 "$(grep -c ':milestone, m[0-9], [0-9-]*, 0d$' out)"
expect_eq "no colon inside a name" 0 "$(grep -c '^    [^:]*:[^:]*:' out)"

# Graphviz: clusters per phase, one node per context, milestones
expect_status "dot" 0 run -f dot
expect_eq "phase clusters" 2 "$(grep -c 'subgraph cluster_' out)"
grep_q "context node with effort and dates" "order" out
grep_q "milestone diamonds" "shape=diamond" out
grep_q "critical path bold" "penwidth=3" out
expect_status "svg" 0 run -f svg -o roadmap.svg
check "svg is well-formed XML" xmllint --noout roadmap.svg
grep_q "svg draws the order context" "5218 engineer" roadmap.svg
expect_status "png" 0 run -f png -o roadmap.png
expect_eq "png signature" "89504e47" "$(od -An -tx1 -N4 roadmap.png | tr -d ' \n')"

# MS Project XML: well-formed, 4 + 1 tasks, 5 summaries of 7 steps, 3
# milestones; every predecessor link names a task
expect_status "msproject" 0 run -f msproject -o plan.xml
check "msproject is well-formed XML" xmllint --noout plan.xml
expect_eq "tasks" 48 "$(grep -c '<Task>' plan.xml)"
uids=$(sed -n 's/.*<UID>\([0-9]*\)<.*/\1/p' plan.xml | sort -n | tr '\n' ' ')
missing=0
for p in $(sed -n 's/.*<PredecessorUID>\([0-9]*\)<.*/\1/p' plan.xml | sort -u); do
	case " $uids" in *" $p "*) ;; *) missing=$((missing + 1)) ;; esac
done
expect_eq "links name tasks" 0 "$missing"

# TaskJuggler: braces balance, every task has a start before its end
expect_status "tjp" 0 run -f tjp -o plan.tjp
expect_eq "braces balance" "$(grep -o '{' plan.tjp | wc -l)" "$(grep -o '}' plan.tjp | wc -l)"
expect_eq "starts before ends" 0 "$(awk '/^ *start /{s=$2} /^ *end /{if ($2 <= s) bad++} END {print bad + 0}' plan.tjp)"
grep_q "a milestone" "^  milestone" plan.tjp
grep_q "order waits for user, catalog and notification" "^    depends t0, t1, t2, t3, c1, c2, c0$" plan.tjp
# TaskJuggler itself reads it, schedules it and finds every dependency
# met by carve's dates (it fails on a task that starts too early)
tj3 --no-color plan.tjp >tj3.out 2>&1
ok $? "tj3 accepts the project"
expect_eq "tj3 reports no error" 0 "$(grep -c 'Error' tj3.out)"
sed 's/start 2028-01-13/start 2027-05-03/' plan.tjp >early.tjp
tj3 --no-color early.tjp >tj3.out 2>&1
expect_eq "tj3 catches an order that starts before user ends" 1 "$(grep -c 'c4.s0 .* must start after end' tj3.out)"

# the model JSON: the roadmap part beside the assumptions
expect_status "json" 0 run -f json -o model.json
expect_eq "schema" "carve/1" "$(jq -r .schema model.json)"
expect_eq "assumptions recorded" 1 "$(jq '[.assumptions[] | select(.name == "capacity")] | length' model.json)"
expect_eq "utilisation months" 20 "$(jq '.roadmap.utilisation | length' model.json)"

# a later command reading the model keeps the roadmap part as it was
expect_status "the model loads" 0 "$CARVE" estimate -f json -o again.json model.json
expect_eq "roadmap kept" "$(jq -c .roadmap model.json)" "$(jq -c .roadmap again.json)"
jq '.roadmap.remaining[1].date = "2000-01-01"' model.json >broken.json
expect_status "a roadmap part out of order" 128 "$CARVE" estimate broken.json
grep_q "named" "'broken.json': roadmap: a \"remaining\" entry without a date after the one before" err

# bad format, -o into a missing directory leaves nothing
expect_status "unknown format" 129 run -f html
expect_status "unwritable output" 128 run -o nowhere/plan.txt
test ! -e nowhere
ok $? "nothing written"

done_testing
