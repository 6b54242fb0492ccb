#!/bin/sh
# carve scan resolves Java, Kotlin and Scala imports through the index of
# declared types (package + file name): single-type, nested, wildcard and
# static imports, Kotlin aliases, Scala selectors; the rest is external,
# named by its package prefix. Expected edges are worked out by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
J=repo/src/main/java/com/acme
mkdir -p $J/orders $J/users $J/billing $J/util \
	repo/src/test/java/com/acme/orders \
	repo/src/main/kotlin/com/acme/app repo/src/main/scala/com/acme/report
# Order: a type (User), a package wildcard of which it uses Invoice only
# (Payment is in a comment and a string), a static member's class
# (Strings), a type the repo lacks (unresolved), itself (no edge), the
# JDK (java) and Spring (org.springframework).
cat >$J/orders/Order.java <<'EOF'
package com.acme.orders;

import com.acme.users.User;
import com.acme.billing.*;
import static com.acme.util.Strings.trim;
import com.acme.users.Missing;
import com.acme.orders.Order;
import java.util.List;
import org.springframework.stereotype.Service;

public class Order {
    public enum Status { NEW }
    String s = "import com.acme.util.Strings; Payment";
    /* Payment */ Invoice invoice;
}
EOF
# User: a nested type lives in its outer type's file.
cat >$J/users/User.java <<'EOF'
package com.acme.users;

import com.acme.orders.Order.Status;
import java.util.Map;

public class User {}
EOF
printf 'package com.acme.billing;\n\npublic class Invoice {}\n' \
	>$J/billing/Invoice.java
printf 'package com.acme.billing;\n\npublic class Payment {}\n' \
	>$J/billing/Payment.java
printf 'package com.acme.util;\n\npublic class Strings {}\n' \
	>$J/util/Strings.java
# A test in Order's package uses Order without an import: an edge (the
# old expectation, no edge, was the bug of issue 18).
cat >repo/src/test/java/com/acme/orders/OrderTest.java <<'EOF'
package com.acme.orders;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderTest { Order o; }
EOF
cat >repo/src/main/kotlin/com/acme/app/App.kt <<'EOF'
package com.acme.app

import com.acme.orders.Order as O
import org.springframework.boot.runApplication
import kotlinx.coroutines.launch
EOF
cat >repo/src/main/scala/com/acme/report/Report.scala <<'EOF'
package com.acme.report

import com.acme.billing.{Invoice, Payment => P}
import scala.collection.mutable
import java.time._
EOF
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a JVM repository" 0 "$CARVE" scan -q -f json repo
cp out scan.json

M=src/main/java/com/acme
expect_eq "edges: types, nested, wildcard to the type used, static, Kotlin, Scala, same package" \
"$M/orders/Order.java $M/billing/Invoice.java import 1 reference
$M/orders/Order.java $M/users/User.java import 1 
$M/orders/Order.java $M/util/Strings.java import 1 static
$M/users/User.java $M/orders/Order.java import 1 
src/main/kotlin/com/acme/app/App.kt $M/orders/Order.java import 1 
src/main/scala/com/acme/report/Report.scala $M/billing/Invoice.java import 1 
src/main/scala/com/acme/report/Report.scala $M/billing/Payment.java import 1 
src/test/java/com/acme/orders/OrderTest.java $M/orders/Order.java import 1 reference" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.kind) \(.weight) \(.flags // [] | join(","))"' scan.json | LC_ALL=C sort)"

expect_eq "externals: package prefixes, refs and files" \
"java 3 3
kotlinx.coroutines 1 1
org.junit 2 1
org.springframework 2 2
scala 1 1" \
	"$(jq -r '.externals[] | "\(.name) \(.refs) \(.files)"' scan.json | LC_ALL=C sort)"

expect_eq "an import of a repository package's missing type is unresolved" \
	1 "$(jq .totals.unresolved scan.json)"

# A broken file: unterminated comment, string and text block; an import
# of itself. The scan goes on and reads what precedes the damage.
cat >repo/src/main/java/com/acme/util/Broken.java <<'EOF'
package com.acme.util;
import com.acme.util.Broken;
import com.acme.users.User;
String s = "open
import com.acme.billing.Invoice;
String t = """
import com.acme.billing.Payment;
/* open
EOF
git -C repo add -A && git -C repo commit -qm broken
expect_status "scan with a broken Java file" 0 "$CARVE" scan -q --no-cache \
	-f json repo
expect_eq "broken file: edges before the damage, none to itself" \
"src/main/java/com/acme/billing/Invoice.java
src/main/java/com/acme/users/User.java" \
	"$(jq -r '.edges[] | select(.from | endswith("Broken.java")) | .to' out | LC_ALL=C sort)"

done_testing
