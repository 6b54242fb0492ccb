/*
 * The API surface: the endpoints each file declares (Flask/FastAPI
 * decorators, Django URL patterns, Express/Koa and NestJS routes, Go
 * net/http, gorilla/mux, chi and gin, Spring mappings, Rails routes,
 * GraphQL schema fields and graphene root fields), the contexts that
 * serve them and the contexts whose code calls them (a string literal
 * naming the path). Extraction (src/scan/routes_*.c) fills an api_file
 * whose strings live in the given arena; api_analyse() owns everything
 * in its struct api_report (api_report_free()).
 */
#ifndef CARVE_API_H
#define CARVE_API_H

#include <stddef.h>
#include <stdio.h>

struct arena;
struct language;
struct scan;
struct seams;
struct cJSON;

struct api_endpoint {
	const char *method; /* "GET", "ANY", "QUERY", "MUTATION", ... */
	const char *path; /* as declared; a GraphQL field's name */
	const char *framework; /* "flask", "django", "express", ... */
	unsigned line;
};

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

/* One endpoint with its file, serving context and calling contexts. */
struct api_entry {
	const struct api_endpoint *ep;
	size_t file; /* scan index */
	long context; /* serving context, -1 if none */
	size_t *callers; /* other contexts calling it, by index */
	size_t callers_nr;
	unsigned long calls; /* path literals matching it elsewhere */
};

struct api_report {
	const struct scan *scan;
	const struct seams *seams;
	struct api_entry *entries; /* by context, path, method */
	size_t nr;
	size_t *per_context; /* endpoints served, per context */
	size_t contexts_nr;
	size_t calls; /* path literals matched to an endpoint elsewhere */
	size_t files_read;
};

/*
 * Reads every counted file of scan (on `threads` threads) for declared
 * endpoints and maps them to the contexts of `seams`. Returns 0 and sets
 * *out (the caller's: api_report_free), or <0 after reporting.
 */
int api_analyse(struct api_report **out, const struct scan *scan,
		const struct seams *seams, int threads);
void api_report_free(struct api_report *r);

/* Emitters (src/emit/api_*.c). */
void api_json_add(struct cJSON *root, const struct api_report *r);
void api_print_csv(FILE *fp, const struct api_report *r);
void api_print_dot(FILE *fp, const struct api_report *r);

#endif
