#!/bin/sh
# carve scan links C# files to the types they use: through the enclosing
# namespaces (Shop.Core.Domain.Catalog sees Shop.Core), usings (to the
# files that declare the types used, not to every file of the namespace),
# a global using (for the files below it only), file-scoped namespaces,
# partial classes (every file of the type), an alias, generics, an
# attribute (Cached for CachedAttribute), a qualified name; never a name
# in a comment or a string. Expected edges are worked out by hand from
# the fixture (tests/fixtures/deps/csharp-types).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

make_fixture_repo repo deps/csharp-types

expect_status "scan a C# repository" 0 "$CARVE" scan -q -f json repo
cp out scan.json

# Product: BaseEntity (enclosing namespace), Category (same namespace,
# `Category Category` once). Category: Shop.Core.BaseEntity, qualified.
# IProductService and ProductService use Product through a using: both
# files of the partial class; ProductService also IProductService (same
# namespace) and CachedAttribute ([Cached], enclosing Shop.Services), not
# Unused (a comment and a string). CatalogController: Product and
# Category through Web/GlobalUsings.cs. Alias: the alias statement and
# the name P (weight 2 to each part of Product). ApiController is not
# under Web/: no global using, no edge.
C=Core/Domain/Catalog
expect_eq "edges: namespaces, usings, global using, partial, alias, attribute" \
"$C/Category.cs Core/BaseEntity.cs 1 reference
$C/Product.cs Core/BaseEntity.cs 1 reference
$C/Product.cs $C/Category.cs 1 reference
Services/Catalog/IProductService.cs $C/Product.Pricing.cs 1 reference
Services/Catalog/IProductService.cs $C/Product.cs 1 reference
Services/Catalog/ProductService.cs $C/Product.Pricing.cs 1 reference
Services/Catalog/ProductService.cs $C/Product.cs 1 reference
Services/Catalog/ProductService.cs Services/CachedAttribute.cs 1 reference
Services/Catalog/ProductService.cs Services/Catalog/IProductService.cs 1 reference
Web/Alias.cs $C/Product.Pricing.cs 2 
Web/Alias.cs $C/Product.cs 2 
Web/Controllers/CatalogController.cs $C/Category.cs 1 reference
Web/Controllers/CatalogController.cs $C/Product.Pricing.cs 1 reference
Web/Controllers/CatalogController.cs $C/Product.cs 1 reference" \
	"$(jq -r '.edges[] | "\(.from) \(.to) \(.weight) \(.flags // [] | join(","))"' scan.json |
		LC_ALL=C sort)"

expect_eq "a using of a repository namespace is not unresolved" \
	0 "$(jq .totals.unresolved scan.json)"

expect_eq "externals: the using statements of System only" \
	"System 2 2" \
	"$(jq -r '.externals[] | "\(.name) \(.refs) \(.files)"' scan.json)"

# A byte-order mark changes no edge (engineer goc reads past it for
# every lexer; this checks the C# side of it).
printf '\357\273\277' >bom
for f in Core/Domain/Catalog/Product.cs Web/Alias.cs; do
	cat bom "repo/$f" >tmp && mv tmp "repo/$f"
done
git -C repo commit -qam bom
expect_status "scan with byte-order marks" 0 "$CARVE" scan -q -f json repo
expect_eq "the same edges with byte-order marks" \
	"$(jq -c .edges scan.json)" "$(jq -c .edges out)"

# a rescan reads every file's type references back from the scan cache:
# no record refused as damaged (their flags, DEP_REFERENCE and
# DEP_GLOBAL, are above the older DEP_DECLARES), the same edges
expect_status "a cached rescan" 0 "$CARVE" scan -f json repo
test ! -s err
ok $? "the cached rescan warns of nothing"
sed 's/^/# /' err | head -3
expect_eq "the cached rescan has the same edges" \
	"$(jq -c .edges scan.json)" "$(jq -c .edges out)"

done_testing
