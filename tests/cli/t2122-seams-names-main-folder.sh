#!/bin/sh
# A context is named for the folder that holds most of its code, not
# the one that holds most files (issue 19: zulip's billing context was
# named zilencer/management/commands). One context, worked out by hand:
# corporate/lib (2 files, 1,800 lines) and corporate/views (2 files, 700
# lines) hold the billing code; zilencer/management/commands holds 4
# commands of 20 lines and zerver/lib one helper of 50, all importing
# both files of the billing library. No folder holds half of the 9 files (the
# commands 4, corporate's tree 4), so the name is the folder whose tree
# holds most code: corporate (2,500 of 2,630 lines), where the old rule
# (most files) said zilencer/management/commands. A second context
# under a layer folder (app/models: a layer word) whose files lead with
# "invoice" is named for the term beside the folder: app/models:invoice.
# A third under a dotted .NET project folder whose last part is a layer
# word (Acme.Services: three of its five files lead with "topic") is
# named the same way: src/Libraries/Acme.Services:topic. A fourth
# (Acme.Core, a layer too) has three of five files leading with "fake":
# a test double, never a domain, so it keeps its folder's name.
# A fifth is named for its layer folder, models (four of its six files),
# and most of its files sit in folders of one domain, repo: models/repo
# and services/repository. The word is common to the repository (a
# sixth context holds routers/repo), which alone would rule it out, but
# it is a domain across layers (models, services, routers), the very
# name a layer folder's context wants: models:repo (gitea's was models).
# Folders are left out (--no-folders): the imports alone make the two.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

file() { printf '{ "path": "%s", "status": "counted", "language": "Python", "module": "%s", "code": %s, "complexity": 5 }' "$1" "${1%/*}" "$2"; }
edge() { printf '{ "from": "%s", "to": "%s", "kind": "import", "weight": 1 }' "$1" "$2"; }
L=corporate/lib V=corporate/views Z=zilencer/management/commands
I=app/models
N=src/Libraries/Acme.Services C=src/Libraries/Acme.Core
# the files of each .NET project all use one another
nest=
clique() { # FOLDER FILE...
	d=$1
	shift
	for a; do
		for b; do
			[ "$a" = "$b" ] || nest="$nest $(edge $d/$a.cs $d/$b.cs),"
		done
	done
}
clique $N TopicService ITopicService TopicCache Paging Sorting
clique $C FakeContext FakeRequest FakeSession Paths Files
py_clique() { # FILE...
	for a; do
		for b; do
			[ "$a" = "$b" ] || nest="$nest $(edge $a.py $b.py),"
		done
	done
}
py_clique models/repo/repo models/repo/fork models/db/engine models/db/context \
	services/repository/create services/repository/delete
py_clique routers/repo/view routers/repo/edit routers/repo/list routers/repo/blame
nest=${nest%,}
# each of the others imports both files of the library
billing=
for f in $V/billing_page.py $V/upgrade.py $Z/sync_plans.py $Z/invoice_all.py \
	 $Z/refund_plans.py $Z/audit_plans.py zerver/lib/remote.py; do
	billing="$billing $(edge $f $L/stripe.py), $(edge $f $L/plans.py),"
done
cat >model.json <<JSON
{ "schema": "carve/1", "repo": { "root": "/demo" },
  "files": [ $(file $L/stripe.py 1000), $(file $L/plans.py 800),
	     $(file $V/billing_page.py 400), $(file $V/upgrade.py 300),
	     $(file $Z/sync_plans.py 20), $(file $Z/invoice_all.py 20),
	     $(file $Z/refund_plans.py 20), $(file $Z/audit_plans.py 20),
	     $(file zerver/lib/remote.py 50),
	     $(file $I/invoice.py 300), $(file $I/invoice_line.py 200),
	     $(file $I/invoice_tax.py 100), $(file $I/receipt.py 80),
	     $(file $N/TopicService.cs 400), $(file $N/ITopicService.cs 40),
	     $(file $N/TopicCache.cs 90), $(file $N/Paging.cs 30), $(file $N/Sorting.cs 30),
	     $(file $C/FakeContext.cs 30), $(file $C/FakeRequest.cs 30),
	     $(file $C/FakeSession.cs 30), $(file $C/Paths.cs 60), $(file $C/Files.cs 60),
	     $(file models/repo/repo.py 200), $(file models/repo/fork.py 100),
	     $(file models/db/engine.py 150), $(file models/db/context.py 80),
	     $(file services/repository/create.py 120), $(file services/repository/delete.py 90),
	     $(file routers/repo/view.py 100), $(file routers/repo/edit.py 100),
	     $(file routers/repo/list.py 100), $(file routers/repo/blame.py 100) ],
  "edges": [ $(edge $L/plans.py $L/stripe.py), $(edge $V/upgrade.py $V/billing_page.py),
	     $billing
	     $(edge $I/invoice_line.py $I/invoice.py), $(edge $I/invoice_tax.py $I/invoice.py),
	     $(edge $I/receipt.py $I/invoice.py), $(edge $I/receipt.py $I/invoice_line.py),
	     $nest ] }
JSON
"$CARVE" seams -q --no-history --no-folders --hub-share 100 -f csv model.json >c.csv || fail "seams -f csv"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }
expect_eq "the commands are with the billing library" \
	"$(ctx $L/stripe.py)" "$(ctx $Z/sync_plans.py)"
expect_eq "named for the folder that holds most code" corporate "$(ctx $L/stripe.py)"
expect_eq "a layer folder's context is named for its term" \
	app/models:invoice "$(ctx $I/receipt.py)"
expect_eq "a dotted project folder's layer is named for its term" \
	$N:topic "$(ctx $N/TopicService.cs)"
expect_eq "a fake is a test double, never a domain: the folder's name" \
	$C "$(ctx $C/FakeContext.cs)"
expect_eq "the repository's models with their services" \
	"$(ctx models/repo/repo.py)" "$(ctx services/repository/create.py)"
expect_eq "a layer's context named for a domain across layers" \
	models:repo "$(ctx models/db/engine.py)"
done_testing
