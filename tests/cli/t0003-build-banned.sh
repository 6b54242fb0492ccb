#!/bin/sh
# include/carve/banned.h: with the Makefile's own flags, a call of any
# banned function (sprintf, strcpy, strtok, gmtime, ...) is a compile
# error that names it, and the same file calling snprintf compiles.
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

unset MAKEFLAGS MFLAGS MAKELEVEL
cflags=$(make -s --no-print-directory -C "$CARVE_SRC" \
	--eval 'print-cflags: ; @echo $(CC) $(ALL_CFLAGS)' print-cflags)
ok $? "the Makefile's compiler flags"
case "$cflags" in
*"-include carve/banned.h"*) ok 0 "the flags force-include banned.h" ;;
*) ok 1 "the flags force-include banned.h"; echo "# $cflags" ;;
esac

# probe NAME CALL: a file whose one statement is CALL
probe() {
	cat >"$1.c" <<EOF2
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int probe(char *buf, size_t size, const time_t *t, char **save, va_list ap);

int probe(char *buf, size_t size, const time_t *t, char **save, va_list ap)
{
	(void)buf, (void)size, (void)t, (void)save, (void)ap;
	(void)$2;
	return 0;
}
EOF2
}

# compile NAME: with the Makefile's flags, from the source tree (-Iinclude)
compile() {
	(cd "$CARVE_SRC" && $cflags -c -o /dev/null "$TEST_DIR/$1.c") \
		>"$1.log" 2>&1
}

probe control 'snprintf(buf, size, "%d", 1)'
compile control
rc=$?
ok $rc "a file calling snprintf compiles with the same flags"
[ $rc -eq 0 ] || sed 's/^/# /' control.log

while read -r name call; do
	probe "$name" "$call"
	if compile "$name"; then
		ok 1 "$name does not compile"
	else
		grep -q "sorry_${name}_is_banned_in_carve" "$name.log"
		rc=$?
		ok $rc "$name does not compile, and the error names it"
		[ $rc -eq 0 ] || sed 's/^/# /' "$name.log" | head -5
	fi
done <<'EOF2'
sprintf sprintf(buf, "%d", 1)
vsprintf vsprintf(buf, "%d", ap)
strcpy strcpy(buf, "a")
strcat strcat(buf, "a")
strncpy strncpy(buf, "a", size)
strncat strncat(buf, "a", size)
strtok strtok(buf, " ")
strtok_r strtok_r(buf, " ", save)
gets gets(buf)
gmtime gmtime(t)
localtime localtime(t)
ctime ctime(t)
ctime_r ctime_r(t, buf)
asctime asctime((const struct tm *)0)
asctime_r asctime_r((const struct tm *)0, buf)
EOF2

done_testing
