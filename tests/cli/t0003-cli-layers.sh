#!/bin/sh
# scripts/check-layers passes on the tree and fails, naming file:line,
# on a copy where an include runs up the layers, a header spans two
# layers, or a header of types only is missing from its table; with
# --objects, on a call up the layers that no include shows.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

copy() {
	rm -rf tree && mkdir -p tree/scripts &&
		cp -R "$CARVE_SRC/src" "$CARVE_SRC/include" tree/ &&
		cp "$CARVE_SRC/scripts/check-layers" tree/scripts/
}

copy
check "the tree's includes follow the layers" tree/scripts/check-layers

# the model (layer 2) including a printer of the render layer: line 1
sed -i '1i #include "carve/roadmap_dot.h"' tree/src/model/json.c
tree/scripts/check-layers 2>err.txt
test $? -eq 1
ok $? "an upward include fails the check"
grep -q '^check-layers: src/model/json.c:1: model layer includes carve/roadmap_dot.h of the render layer$' err.txt
ok $? "the error names the file, the line and both layers"
sed 's/^/# /' err.txt

# the same include in a header of the model layer
copy
printf '#include "carve/seams.h"\n' >>tree/include/carve/model_api.h
n=$(wc -l <tree/include/carve/model_api.h)
tree/scripts/check-layers 2>err.txt
test $? -eq 1
ok $? "an upward include in a header fails the check"
grep -q "^check-layers: include/carve/model_api.h:$n: model layer includes carve/seams.h of the analysis layer\$" err.txt
ok $? "the error names the header and its line ($n)"

# a header whose functions live in two layers
copy
printf 'int twice_core(void);\nint twice_render(void);\n' >tree/include/carve/twice.h
printf 'int twice_core(void)\n{\n\treturn 0;\n}\n' >tree/src/core/twice.c
printf 'int twice_render(void)\n{\n\treturn 1;\n}\n' >tree/src/render/twice.c
tree/scripts/check-layers 2>err.txt
test $? -eq 1
ok $? "a header spanning two layers fails the check"
grep -q '^check-layers: include/carve/twice.h: spans layers: core (twice_core), render (twice_render)$' err.txt
ok $? "the error names the header and a function of each layer"

# types only, and no line in the table
copy
printf 'struct only_types { int x; };\n' >tree/include/carve/only_types.h
tree/scripts/check-layers 2>err.txt
test $? -eq 1
ok $? "a header of types only must be in the table"
grep -q 'only_types.h: no function defined in src/' err.txt
ok $? "the error says why"

# a folder under src/ that is no layer
copy
mkdir tree/src/misc && printf 'int misc;\n' >tree/src/misc/misc.c
tree/scripts/check-layers 2>/dev/null
test $? -eq 1
ok $? "a folder of src/ that is no layer fails the check"

# a call up the layers through a prototype of its own, which no include
# shows: only the objects (--objects BUILD) tell
rm -rf mini && mkdir -p mini/src/core mini/src/render mini/include/carve \
	mini-build/src/core mini-build/src/render
printf 'int up(void);\nint low(void)\n{\n\treturn up();\n}\n' >mini/src/core/low.c
printf 'int up(void)\n{\n\treturn 1;\n}\n' >mini/src/render/up.c
cc -c -o mini-build/src/core/low.o mini/src/core/low.c &&
	cc -c -o mini-build/src/render/up.o mini/src/render/up.c
ok $? "the small tree builds"
tree/scripts/check-layers mini 2>err.txt
ok $? "its includes alone pass"
tree/scripts/check-layers --objects mini-build mini 2>err.txt
test $? -eq 1
ok $? "its objects fail the check"
grep -q '^check-layers: src/core/low.c: core layer calls up() of src/render/up.c (render layer)$' err.txt
ok $? "the error names the caller's file and the function called"
sed 's/^/# /' err.txt

done_testing
