/*
 * The api part of the model: the endpoints each context serves (found by
 * the scan, carve/api.h) and the contexts calling them. api_analyse()
 * (carve/api_analysis.h) makes one and owns it (api_report_free());
 * api_json_add() writes it (src/model/api_json.c).
 */
#ifndef CARVE_MODEL_API_H
#define CARVE_MODEL_API_H

#include <stddef.h>

struct cJSON;
struct scan;
struct seams;

/* An endpoint as a route declares it (strings in the scan's arena). */
struct api_endpoint {
	const char *method; /* "GET", "ANY", "QUERY", "MUTATION", ... */
	const char *path; /* as declared; a GraphQL field's name */
	const char *framework; /* "flask", "django", "express", ... */
	unsigned line;
	/* " F G ": the Go functions of its file declaring it or calling
	 * the one that does (a mount of pkg.Routes() takes only those of
	 * Routes), or NULL */
	const char *scope;
};

/* One endpoint with its file, serving context and calling contexts. */
struct api_entry {
	const struct api_endpoint *ep;
	size_t file; /* scan index */
	long context; /* serving context, -1 if none */
	size_t *callers; /* other contexts calling it, by index */
	size_t callers_nr;
	unsigned long calls; /* path literals matching it elsewhere */
};

/* A web framework the repository's files show (carve/api.h's table). */
struct api_framework_use {
	const char *name;
	size_t files;
	int read; /* carve reads its routes */
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
	/* files showing each framework of api_frameworks[] (carve/api.h) */
	size_t *framework_files;
	/* the frameworks shown, by name, in the table's order */
	struct api_framework_use *frameworks;
	size_t frameworks_nr;
	/*
	 * What carve did not understand, for people: the web frameworks
	 * found whose routes it does not read, or with no endpoint found,
	 * the frameworks it looked for. NULL when there is nothing to say.
	 */
	char *notice;
};

void api_json_add(struct cJSON *root, const struct api_report *r);

#endif
