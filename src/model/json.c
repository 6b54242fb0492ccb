/*
 * The model's JSON helpers (carve/json.h), shared by every part's
 * writer in src/model/.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/json.h"
#include "carve/utf8.h"

void json_add_str(cJSON *o, const char *key, const char *value)
{
	char *clean;

	if (!value) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	/* nearly every string is valid already: copy only the others */
	if (utf8_is_valid(value, strlen(value))) {
		cJSON_AddStringToObject(o, key, value);
		return;
	}
	clean = utf8_sanitize(value);
	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

void json_add_str_ref(cJSON *o, const char *key, const char *value)
{
	char *clean;

	if (!value) {
		cJSON_AddItemToObjectCS(o, key, cJSON_CreateNull());
		return;
	}
	if (utf8_is_valid(value, strlen(value))) {
		cJSON_AddItemToObjectCS(o, key,
					cJSON_CreateStringReference(value));
		return;
	}
	clean = utf8_sanitize(value);
	cJSON_AddItemToObjectCS(o, key, cJSON_CreateString(clean));
	free(clean);
}

/* The digits of n at the end of buf[24]; returns where they start. */
static char *digits(char *buf, unsigned long long n)
{
	char *p = buf + 23;

	*p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return p;
}

void json_add_uint(cJSON *o, const char *key, unsigned long long n)
{
	char buf[24];

	cJSON_AddRawToObject(o, key, digits(buf, n));
}

void json_add_uint_ref(cJSON *o, const char *key, unsigned long long n)
{
	char buf[24];

	cJSON_AddItemToObjectCS(o, key, cJSON_CreateRaw(digits(buf, n)));
}

void json_add_int(cJSON *o, const char *key, long long n)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", n);
	cJSON_AddRawToObject(o, key, buf);
}

void json_add_fixed(cJSON *o, const char *key, double v, int decimals)
{
	char buf[48];

	if (v != v) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	cJSON_AddRawToObject(o, key, buf);
}
