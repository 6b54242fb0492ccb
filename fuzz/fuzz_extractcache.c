/*
 * Fuzz target: the extraction cache reader (data-extract.cache and
 * api-extract.cache). The first byte picks what the rest is: a data
 * payload, an api payload, or the records of a data or api file (past
 * its header, before its seal), each payload checked. A payload accepted
 * must be one the writer makes: encoding what was decoded gives back the
 * same bytes, and a check without an arena agrees with the decode.
 */
#include <stdlib.h>
#include <string.h>

#include "carve/api.h"
#include "carve/arena.h"
#include "carve/data.h"
#include "carve/extractcache.h"
#include "carve/strbuf.h"
#include "fuzz.h"

static int check_data(const unsigned char *p, size_t len)
{
	return extractcache_decode_data(NULL, NULL, p, len);
}

static int check_api(const unsigned char *p, size_t len)
{
	return extractcache_decode_api(NULL, NULL, p, len);
}

static void payload(int api, const unsigned char *p, size_t len)
{
	struct arena arena = ARENA_INIT;
	struct strbuf sb = STRBUF_INIT;
	struct data_file df = { 0 };
	struct api_file af = { 0 };
	int ok, checked;

	if (api) {
		ok = !extractcache_decode_api(&af, &arena, p, len);
		checked = !check_api(p, len);
		if (ok && extractcache_encode_api(&sb, &af))
			abort();
	} else {
		ok = !extractcache_decode_data(&df, &arena, p, len);
		checked = !check_data(p, len);
		if (ok && extractcache_encode_data(&sb, &df))
			abort();
	}
	if (ok != checked)
		abort();
	if (ok && (sb.len != len || memcmp(sb.buf, p, len)))
		abort();
	if (!ok && (df.nr || af.calls_nr || af.frameworks))
		abort(); /* a refused payload leaves nothing behind */
	data_file_release(&df);
	api_file_release(&af);
	strbuf_release(&sb);
	arena_release(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	switch (data[0] & 3) {
	case 0:
	case 1:
		payload(data[0] & 1, data + 1, size - 1);
		break;
	case 2:
		extractcache_parse((const char *)data + 1, size - 1,
				   check_data);
		break;
	default:
		extractcache_parse((const char *)data + 1, size - 1, check_api);
		break;
	}
	return 0;
}
