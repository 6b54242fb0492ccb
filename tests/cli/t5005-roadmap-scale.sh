#!/bin/sh
# carve roadmap at scale: 10,000 tasks (1,428 contexts of 7 steps and
# phase 0) schedule in seconds with Monte Carlo trials, and the drawing
# collapses to one node per wave and phase.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

# context i depends on context i/3 unless i is a multiple of 3
awk 'BEGIN { n = 1428
	printf "{\"plan\": {\"start\": \"2027-01-04\", \"capacity\": 200, \"contexts\": [\n"
	for (i = 0; i < n; i++) {
		printf "{\"name\": \"c%04d\", \"days\": %d, \"p10\": %d, \"p90\": %d", i, 20 + i % 50, 15 + i % 50, 30 + i % 50 * 2
		if (i > 0 && i % 3) printf ", \"depends\": [\"c%04d\"]", int(i / 3)
		printf "}%s\n", i < n - 1 ? "," : ""
	}
	print "]}}" }' >big.json
start=$(date +%s)
expect_status "10,000 tasks" 0 "$CARVE" roadmap -c big.json -f json -o big-out.json
secs=$(($(date +%s) - start))
echo "# $secs s"
expect_eq "in seconds, not minutes (under 60 s on a loaded machine): $secs s" 1 "$([ "$secs" -lt 60 ] && echo 1)"
expect_eq "10,000 tasks" 10000 "$(jq '.roadmap.tasks | length' big-out.json)"
# 4,000,000 task-trials at most: 400 trials, said so
expect_eq "trials cut to fit" 400 "$(jq '.roadmap.trials' big-out.json)"
grep_q "and said so" "10000 tasks: 400 Monte Carlo trials instead of 1000" err
# every dependency is honoured: no task starts before a task it comes
# after has ended (a step may start the day the one before ends)
expect_eq "dependencies honoured" 0 "$(jq '.roadmap.tasks | (map({key: .name, value: .end}) | from_entries) as $ends | [.[] | .start as $s | .after[] | select($ends[.] > $s)] | length' big-out.json)"
expect_status "collapsed drawing" 0 "$CARVE" roadmap -c big.json --trials 0 -f dot -o big.dot
nodes=$(grep -c 'label="wave' big.dot)
expect_eq "one node per wave and phase (fewer than 30): $nodes" 1 "$([ "$nodes" -lt 30 ] && [ "$nodes" -gt 0 ] && echo 1)"
grep_q "the title says it is collapsed" "1428 contexts: one node per wave and phase" big.dot

done_testing
