/*
 * Fuzz target: the blob count cache reader (blobs.cache). Every record
 * it loads must be in range: a known language, counted 0 or 1; the
 * results found for the ids the input names agree with that.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/blobcount.h"
#include "carve/scancache.h"
#include "carve/strbuf.h"
#include "fuzz.h"

static int hex_id(unsigned char *id, const char *hex)
{
	for (int i = 0; i < 20; i++) {
		int v = 0;

		for (int j = 0; j < 2; j++) {
			char c = hex[2 * i + j];

			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= c - '0';
			else if (c >= 'a' && c <= 'f')
				v |= c - 'a' + 10;
			else
				return -1;
		}
		id[i] = (unsigned char)v;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf header = STRBUF_INIT;
	struct blobcount *bc;
	size_t counted, cached, missing, lines = 0;
	char *text = fuzz_cstring(data, size);

	scancache_header(&header, "blobs", BLOBCOUNT_FORMAT);
	fuzz_write_cache("blobs.cache", header.buf, data, size);
	bc = blobcount_new("/nonexistent", 1, fuzz_dir(), 1 << 20, NULL);
	blobcount_stats(bc, &counted, &cached, &missing);
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (counted || missing || cached > lines)
		abort();
	for (char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		unsigned char id[20];
		const struct blobcount_result *r;

		if (strlen(p) < 40 || hex_id(id, p))
			continue;
		r = blobcount_find(bc, id, "x.py");
		if (r && (r->counted != 0 && r->counted != 1))
			abort();
	}
	blobcount_free(bc);
	strbuf_release(&header);
	free(text);
	return 0;
}
