/*
 * Helpers shared by the libFuzzer targets in fuzz/: a NUL-terminated copy
 * of the input (the lexers and parsers stop at a NUL, as a strbuf ends),
 * a per-process temporary file for APIs that read a path, and a language
 * picked by the first byte of the input.
 */
#ifndef CARVE_FUZZ_H
#define CARVE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct language;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A malloc'd copy of data[0..size) with data[size] = '\0'. */
char *fuzz_cstring(const uint8_t *data, size_t size);
/*
 * Writes data to a file named `name` in this process's temporary
 * directory and returns its path (static storage, valid until the next
 * call); the directory is made on first use.
 */
const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size);
/*
 * As fuzz_write_file(), with `header` (a cache file's first line, so
 * that the input reaches the records) written before the data.
 */
const char *fuzz_write_cache(const char *name, const char *header,
			     const uint8_t *data, size_t size);
/* This process's temporary directory. */
const char *fuzz_dir(void);
/* The language the byte selects (every language of the table in turn). */
const struct language *fuzz_language(uint8_t byte);

#endif
