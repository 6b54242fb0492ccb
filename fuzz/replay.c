/*
 * Runs a fuzz target's LLVMFuzzerTestOneInput over files named on the
 * command line, without libFuzzer: how the normal build (and the ASan
 * build) replays the corpora and the crash reproducers of
 * tests/fixtures/fuzz/ as regression tests.
 */
#include <stdio.h>
#include <stdlib.h>

#include "carve/strbuf.h"
#include "fuzz.h"

int main(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 1; i < argc; i++) {
		strbuf_reset(&sb);
		if (strbuf_read_file(&sb, argv[i], 64 << 20)) {
			fprintf(stderr, "replay: cannot read '%s'\n", argv[i]);
			return 128;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)sb.buf, sb.len);
	}
	strbuf_release(&sb);
	return 0;
}
