/*
 * UTF-8 checks per RFC 3629: no overlongs, no surrogates, nothing past
 * U+10FFFF.
 */
#include <stdint.h>
#include <string.h>

#include "carve/strbuf.h"
#include "carve/utf8.h"

size_t utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t need;
	unsigned min, cp;

	if (!len)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2, min = 0x80, cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		need = 3, min = 0x800, cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4, min = 0x10000, cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return need;
}

int utf8_is_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n;

		/* ASCII, nearly every byte of a path, eight at a time */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		while (i < len && (unsigned char)s[i] < 0x80)
			i++;
		if (i == len)
			break;
		n = utf8_valid_prefix(s + i, len - i);

		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

/* C0 controls, DEL and C1 controls (U+0080..U+009F, two bytes) */
static int is_control(const unsigned char *s, size_t n)
{
	return (n == 1 && (s[0] < 0x20 || s[0] == 0x7f)) ||
	       (n == 2 && s[0] == 0xc2 && s[1] < 0xa0);
}

static char *sanitize(const char *s, int controls)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		size_t n = utf8_valid_prefix(s + i, len - i);

		if (n && controls &&
		    is_control((const unsigned char *)s + i, n)) {
			strbuf_addstr(&sb, "\xef\xbf\xbd");
			i += n;
		} else if (n) {
			strbuf_add(&sb, s + i, n);
			i += n;
		} else {
			strbuf_addstr(&sb, "\xef\xbf\xbd");
			i++;
		}
	}
	return strbuf_detach(&sb, NULL);
}

char *utf8_sanitize(const char *s)
{
	return sanitize(s, 0);
}

char *utf8_sanitize_text(const char *s)
{
	return sanitize(s, 1);
}
