#!/bin/sh
# carve check reports one finding per import statement (issue 23). By
# hand: app/orders/a.py imports the forbidden payments context in three
# statements, at lines 1, 3 and 4; the one at line 4 names two modules
# of it (pay and refund) and is still one statement; line 2 imports
# nothing of payments. Three findings, at lines 1, 3 and 4.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

mkdir -p repo/app/orders repo/app/payments
: >repo/app/__init__.py
: >repo/app/orders/__init__.py
: >repo/app/payments/__init__.py
printf 'def pay():\n    return 1\n' >repo/app/payments/pay.py
printf 'def refund():\n    return 2\n' >repo/app/payments/refund.py
cat >repo/app/orders/a.py <<'PY'
import app.payments.pay
import os
from app.payments import pay
from app.payments import pay, refund
PY
cat >repo/carve.json <<'JSON'
{ "contexts": { "orders": ["app/orders/**"], "payments": ["app/payments/**"] },
  "rules": [ { "from": "orders", "to": "payments", "allow": false } ] }
JSON
make_repo repo >/dev/null
git -C repo add -A && git -C repo commit -qm orders

expect_status "violations fail" 1 "$CARVE" check repo
expect_eq "three findings" 3 "$(grep -c '^app/orders/a.py:' out)"
grep_q "line 1" "^app/orders/a.py:1: imports 'app.payments.pay'" out
grep_q "line 3" "^app/orders/a.py:3: " out
grep_q "line 4, once" "^app/orders/a.py:4: " out
expect_eq "line 4 once" 1 "$(grep -c '^app/orders/a.py:4:' out)"
check "nothing at line 2" sh -c "! grep -q '^app/orders/a.py:2:' out"
grep_q "the count says so" "^3 violations of 1 rule" out
done_testing
