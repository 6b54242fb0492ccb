#!/bin/sh
# carve scan resolves Ruby requires (lib/ and spec/ load paths,
# require_relative), PHP use through composer.json PSR-4 maps and
# include paths, C# using through declared namespaces, and Rust mod/use
# paths to module files; the rest is external (gem, vendor, first
# namespace component, crate). Expected edges are worked out by hand.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_repo repo
mkdir -p repo/ruby/lib/shop repo/ruby/spec \
	repo/php/src/Models repo/php/src/Support repo/php/src/Http \
	repo/php/tests repo/php/public \
	repo/cs/Orders repo/cs/Users repo/cs/Util repo/cs/App \
	repo/rs/src/models/user

# Ruby: load paths ruby/lib and ruby/spec.
printf "require 'shop/cart'\nrequire 'json'\nrequire 'active_support/core_ext/string'\n" \
	>repo/ruby/lib/shop.rb
printf "require_relative 'item'\nrequire_relative '../shop'\nrequire_relative 'missing'\n" \
	>repo/ruby/lib/shop/cart.rb
printf "require 'json'\n" >repo/ruby/lib/shop/item.rb
printf "require 'shop'\n" >repo/ruby/spec/spec_helper.rb
printf "require 'spec_helper'\nrequire 'shop/cart'\n" \
	>repo/ruby/spec/cart_spec.rb

# PHP: App\ is src/, App\Tests\ is tests/.
cat >repo/php/composer.json <<'EOF'
{
  "name": "acme/shop",
  "autoload": { "psr-4": { "App\\": "src/" } },
  "autoload-dev": { "psr-4": { "App\\Tests\\": ["tests/"] } }
}
EOF
cat >repo/php/src/Models/User.php <<'EOF'
<?php
namespace App\Models;
use App\Support\Str;
use Illuminate\Support\Collection;
class User {}
EOF
cat >repo/php/src/Support/Str.php <<'EOF'
<?php
namespace App\Support;
require_once __DIR__ . '/helpers.php';
class Str {}
EOF
printf '<?php\nfunction str_slug() {}\n' >repo/php/src/Support/helpers.php
cat >repo/php/src/Http/Controller.php <<'EOF'
<?php
namespace App\Http;
use App\Models\{User, Order};
use function App\Support\str_slug;
use Symfony\Component\HttpFoundation\Request;
use Exception;
EOF
cat >repo/php/tests/UserTest.php <<'EOF'
<?php
namespace App\Tests;
use App\Models\User;
use PHPUnit\Framework\TestCase;
EOF
cat >repo/php/public/index.php <<'EOF'
<?php
require __DIR__ . '/../src/Support/helpers.php';
require 'missing.php';
EOF

# C#: block and file-scoped namespaces.
printf 'namespace Acme.Orders;\nusing Acme.Users;\nusing System;\npublic class Order {}\n' \
	>repo/cs/Orders/Order.cs
cat >repo/cs/Orders/OrderService.cs <<'EOF'
using System.Linq;
using Newtonsoft.Json;
using static Acme.Util.Guard;
namespace Acme.Orders
{
    class OrderService { void F() { using (var x = Open()) { } } }
}
EOF
printf 'namespace Acme.Users { public class User {} }\n' >repo/cs/Users/User.cs
printf 'namespace Acme.Users { public class Role {} }\n' >repo/cs/Users/Role.cs
printf 'namespace Acme.Util { public static class Guard {} }\n' \
	>repo/cs/Util/Guard.cs
printf 'namespace Acme.Util { public static class Text {} }\n' \
	>repo/cs/Util/Text.cs
cat >repo/cs/App/Program.cs <<'EOF'
using Acme.Orders;
using Acme;
using Acme.Orders.Missing;
using U = Acme.Users.User;
namespace Acme.App { }
EOF

# Rust: one crate, root rs/src/main.rs.
cat >repo/rs/src/main.rs <<'EOF'
mod config;
mod models;
mod missing;
use crate::models::user::User;
use config::Settings;
use serde::Deserialize;
use std::collections::HashMap;
fn main() {}
EOF
printf 'use crate::models::order::{self, Order};\npub struct Settings;\n' \
	>repo/rs/src/config.rs
printf 'pub mod user;\npub mod order;\nuse super::config;\n' \
	>repo/rs/src/models/mod.rs
cat >repo/rs/src/models/user.rs <<'EOF'
use super::order::Order;
use self::inner::X;
use crate::Thing;
use Status::*;
extern crate log;
mod inner;
EOF
printf 'use super::super::order::Order;\n' >repo/rs/src/models/user/inner.rs
printf 'use crate::config::Settings;\n' >repo/rs/src/models/order.rs
git -C repo add -A && git -C repo commit -qm init

expect_status "scan a Ruby, PHP, C# and Rust repository" 0 \
	"$CARVE" scan -q -f json repo
cp out scan.json

edges() {
	jq -r --arg d "$1/" '.edges[] | select(.from | startswith($d)) |
		"\(.from) \(.to) \(.kind) \(.weight) \(.flags // [] | join(","))"' \
		scan.json | sed "s|$1/||g" | LC_ALL=C sort
}

expect_eq "Ruby edges: load paths nearest first, require_relative" \
"lib/shop.rb lib/shop/cart.rb require 1 
lib/shop/cart.rb lib/shop.rb require 1 
lib/shop/cart.rb lib/shop/item.rb require 1 
spec/cart_spec.rb lib/shop/cart.rb require 1 
spec/cart_spec.rb spec/spec_helper.rb require 1 
spec/spec_helper.rb lib/shop.rb require 1 " "$(edges ruby)"

expect_eq "PHP edges: PSR-4 classes, __DIR__ includes" \
"public/index.php src/Support/helpers.php require 1 
src/Http/Controller.php src/Models/User.php use 1 
src/Models/User.php src/Support/Str.php use 1 
src/Support/Str.php src/Support/helpers.php require 1 
tests/UserTest.php src/Models/User.php use 1 " "$(edges php)"

# A using of a namespace links to the types used (none here: Order uses
# nothing of Acme.Users), not to every file of the namespace; types used
# have tests of their own (t1131).
expect_eq "C# edges: using static, the alias of a type" \
"App/Program.cs Users/User.cs import 1 
Orders/OrderService.cs Util/Guard.cs import 1 static" "$(edges cs)"

expect_eq "Rust edges: mod files, crate/self/super paths" \
"src/config.rs src/models/order.rs use 2 
src/main.rs src/config.rs mod 1 
src/main.rs src/config.rs use 1 
src/main.rs src/models/mod.rs mod 1 
src/main.rs src/models/user.rs use 1 
src/models/mod.rs src/config.rs use 1 
src/models/mod.rs src/models/order.rs mod 1 
src/models/mod.rs src/models/user.rs mod 1 
src/models/order.rs src/config.rs use 1 
src/models/user.rs src/main.rs use 1 
src/models/user.rs src/models/order.rs use 1 
src/models/user.rs src/models/user/inner.rs mod 1 
src/models/user.rs src/models/user/inner.rs use 1 
src/models/user/inner.rs src/models/order.rs use 1 " "$(edges rs)"

expect_eq "externals: gems, vendors, namespaces, crates" \
"Newtonsoft 1 1
System 2 2
active_support 1 1
illuminate 1 1
json 2 2
log 1 1
php 1 1
phpunit 1 1
serde 1 1
std 1 1
symfony 1 1" \
	"$(jq -r '.externals[] | "\(.name) \(.refs) \(.files)"' scan.json | LC_ALL=C sort)"

# unresolved: ruby missing (1); PHP App\Models\Order, str_slug and
# missing.php (3); C# Acme.Orders.Missing (1: Acme encloses declared
# namespaces, so it is one); Rust mod missing
expect_eq "references inside the repository that find no file" \
	6 "$(jq .totals.unresolved scan.json)"

# A malformed composer.json: reported with its name and line, the scan
# goes on without the PSR-4 map.
printf '{\n  "autoload": { "psr-4": { "App\\\\": src/ } }\n}\n' \
	>repo/php/composer.json
git -C repo commit -qam broken
expect_status "scan with a malformed composer.json" 0 "$CARVE" scan \
	--no-cache -f json repo
grep_q "the file and line are named" "php/composer.json' at line 2" err
grep_q "as a warning, not an error" "^warning: cannot parse '.*composer.json'" err
grep_q "a warning says the map is ignored" \
	"warning: .*composer.json.*autoload map is ignored" err
expect_eq "includes still resolve, PSR-4 classes no longer do" \
"php/public/index.php php/src/Support/helpers.php
php/src/Support/Str.php php/src/Support/helpers.php" \
	"$(jq -r '.edges[] | select(.from | startswith("php/")) | "\(.from) \(.to)"' out | LC_ALL=C sort)"

done_testing
