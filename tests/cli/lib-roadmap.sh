# Inputs for the roadmap tests, built from the case studies in
# shared/DESIGN.md (sourced after lib.sh).

# khan_config FILE [MVE_SHARE]: Khan Academy's migration as carve.json:
# 1,000,000 lines in 40 contexts (context i holds a share proportional
# to 1/(i+6), rounded), ported at 30 lines per engineer-day (DESIGN.md's
# "python->go": 30), so P50 effort = lines / 30 with P10 0.75x and P90
# 1.5x; the team ramps 7 -> 100 engineers over 24 months and then 50 ->
# 4 over 18 months (monthly steps), all of them on the migration (focus
# 1), at most 8 on one context; year-end holidays. Every other context
# from the fifth on depends on one of the first four (the core services
# its code calls); the others were ported side by side behind the
# gateway and wait for nothing.
khan_config() {
	awk -v share="${2:-0.8}" 'BEGIN {
		n = 40; total = 1000000
		for (i = 0; i < n; i++) { w[i] = 1 / (i + 6); sum += w[i] }
		printf "{\n  \"plan\": {\n    \"start\": \"2019-01-07\",\n"
		printf "    \"focus\": 1,\n    \"max_engineers_per_context\": 8,\n"
		printf "    \"mve_share\": %s,\n", share
		printf "    \"holidays\": [\"2019-12-23..2020-01-03\", \"2020-12-21..2021-01-01\", \"2021-12-20..2021-12-31\", \"2022-12-19..2022-12-30\"],\n"
		printf "    \"capacity\": [\n"
		for (m = 0; m < 42; m++) {
			y = 2019 + int(m / 12); mo = m % 12 + 1
			if (m < 24) e = 7 + (100 - 7) * m / 23
			else e = 50 - (50 - 4) * (m - 24) / 17
			printf "      { \"from\": \"%d-%02d-01\", \"engineers\": %.1f }%s\n", y, mo, e, m < 41 ? "," : ""
		}
		printf "    ],\n    \"contexts\": [\n"
		for (i = 0; i < n; i++) {
			loc = int(total * w[i] / sum + 0.5)
			d = loc / 30
			printf "      { \"name\": \"svc%02d\", \"loc\": %d, \"days\": %.1f, \"p10\": %.1f, \"p90\": %.1f, \"rank\": %d", i + 1, loc, d, d * 0.75, d * 1.5, i + 1
			if (i >= 4 && i % 2) printf ", \"depends\": [\"svc%02d\"]", i % 4 + 1
			printf " }%s\n", i < n - 1 ? "," : ""
		}
		printf "    ]\n  }\n}\n"
	}' >"$1"
}
