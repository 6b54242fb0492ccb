#!/bin/sh
# --compare reads RSF paths that hold spaces: the file is the rest of the
# line (trailing blanks and CR dropped, quotes stripped), and the RSF
# file's own name may hold a space too. Three files, two declared
# contexts; all three are found in the scan (coverage 100%).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1
mkdir -p "app/my orders" app/pay
printf 'import os\nX = 1\n' >"app/my orders/models.py"
printf 'Y = 2\n' >"app/my orders/views.py"
printf 'Z = 3\n' >app/pay/api.py
printf 'contain orders app/my orders/models.py\ncontain orders "app/my orders/views.py"\ncontain pay app/pay/api.py  \r\n# contain x y\n' >"my arch.rsf"
expect_status "--compare with spaces" 0 "$CARVE" seams -q --compare "my arch.rsf" .
grep_q "every file is found" "3 files in 2 contexts; 3 of them counted by the scan (100.0%)" "$TEST_DIR/out"
printf 'contain orders\n' >bad.rsf
expect_status "a line without a file" 128 "$CARVE" seams -q --compare bad.rsf .
grep_q "names the line" "cannot read 'bad.rsf' at line 1: expected 'contain CONTEXT FILE'" "$TEST_DIR/err"
done_testing
