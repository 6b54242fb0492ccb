/*
 * Writing the model's JSON with cJSON, the same way in every part:
 * strings made valid UTF-8 (invalid bytes become U+FFFD), counts as raw
 * digits (exact beyond 2^53, and no strtod round trip), fractions with
 * fixed decimals so that the same input always gives the same bytes.
 */
#ifndef CARVE_JSON_H
#define CARVE_JSON_H

struct cJSON;

/* key: value, made valid UTF-8 and copied; NULL gives null. */
void json_add_str(struct cJSON *o, const char *key, const char *value);
/*
 * The same without copies, for the large arrays of a model: `key` must
 * be a string literal and `value` outlive the tree (the model does).
 */
void json_add_str_ref(struct cJSON *o, const char *key, const char *value);

/* key: n as digits. */
void json_add_uint(struct cJSON *o, const char *key, unsigned long long n);
/* The same with a literal `key`, not copied. */
void json_add_uint_ref(struct cJSON *o, const char *key, unsigned long long n);
void json_add_int(struct cJSON *o, const char *key, long long n);

/* key: v with `decimals` decimals; NaN gives null. */
void json_add_fixed(struct cJSON *o, const char *key, double v, int decimals);

#endif
