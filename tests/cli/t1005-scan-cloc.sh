#!/bin/sh
# Line counts against an independent counter: cloc 1.96 on the same files
# of the bundled samples must agree within 1% (code) and 2% (comments)
# per language, the tolerances carve promises on real repositories.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

if ! command -v cloc >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP cloc or python3 is not installed"
	exit 0
fi
for sample in shop cprog; do
	cp -r "$CARVE_SRC/samples/$sample" "$sample"
	make_repo "$sample" >/dev/null
	git -C "$sample" add -A && git -C "$sample" commit -qm sample
	"$CARVE_SRC/scripts/compare-cloc" --min-lines 100 \
		--languages 'Python,C,C/C++ Header,SQL' "$CARVE" "$sample" >cmp.txt 2>&1
	ok $? "$sample: per-language totals agree with cloc"
	sed 's/^/# /' cmp.txt
	grep -q ' ok$' cmp.txt
	ok $? "$sample: at least one language was judged"
done

done_testing
