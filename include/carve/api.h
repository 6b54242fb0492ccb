/*
 * The API surface: the endpoints each file declares (Flask/FastAPI
 * decorators, Django URL patterns, Express/Koa and NestJS routes, Go
 * net/http, gorilla/mux, chi and gin, Spring mappings, Rails routes,
 * GraphQL schema fields and graphene root fields), the contexts that
 * serve them and the contexts whose code calls them (a string literal
 * naming the path). Extraction (src/scan/routes_*.c) fills an api_file
 * whose strings live in the given arena; api_analyse()
 * (carve/api_analysis.h) maps them to contexts, into the api part of
 * the model (carve/model_api.h).
 */
#ifndef CARVE_API_H
#define CARVE_API_H

#include <stddef.h>

#include "carve/model_api.h"

struct arena;
struct language;

/* A string literal in code that looks like a URL path: a possible call. */
struct api_call {
	const char *path;
	unsigned line;
};

struct api_file {
	struct api_endpoint *ep;
	size_t nr, alloc;
	struct api_call *calls;
	size_t calls_nr, calls_alloc;
};

void api_file_add(struct api_file *f, struct arena *arena, const char *method,
		  const char *path, size_t path_len, const char *framework,
		  unsigned line);
void api_file_release(struct api_file *f);

/* Endpoints and path literals of buf[0..len) (NUL at len). */
void routes_extract(struct api_file *out, struct arena *arena, const char *path,
		    const struct language *lang, const char *buf, size_t len);
void routes_python(struct api_file *out, struct arena *arena, const char *path,
		   const struct language *lang, const char *buf, size_t len);
void routes_js(struct api_file *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len);
void routes_go(struct api_file *out, struct arena *arena,
	       const struct language *lang, const char *buf, size_t len);
void routes_java(struct api_file *out, struct arena *arena,
		 const struct language *lang, const char *buf, size_t len);
void routes_ruby(struct api_file *out, struct arena *arena,
		 const struct language *lang, const char *buf, size_t len);
void routes_graphql(struct api_file *out, struct arena *arena,
		    const struct language *lang, const char *buf, size_t len);

#endif
