/*
 * The domain vocabulary of carve seams: file and folder names reduced to
 * the domain word they carry, lower case and singular, so that a model,
 * its controller, its service and its folder in every layer compare
 * equal. Functions write into buffers the caller owns.
 */
#ifndef CARVE_SEAMS_DOMAIN_H
#define CARVE_SEAMS_DOMAIN_H

#include <stddef.h>

/*
 * Makes lower case word w singular in place (categories: category,
 * statuses: status, forms: form; status and class stay); returns its
 * new length.
 */
size_t seams_singular(char *w);

/*
 * Whether word (any case) is a verb that leads the names of service
 * objects and jobs (post, create, remove, fetch ...): the domain word
 * is the one after it.
 */
int seams_verb_word(const char *word);

/*
 * The domain term of folder name `name`: lower case and singular
 * (Issues: issue), written into buf (size bytes).
 */
void seams_folder_term(char *buf, size_t size, const char *name);

/*
 * Whether folder terms a and b name one domain: equal, or the shorter
 * (three letters or more) an abbreviation the longer starts with, four
 * letters or more shorter (repo: repository, org: organization).
 */
int seams_same_domain(const char *a, const char *b);

/* Whether a folder name is an API version: v1, v2, v1beta1. */
int seams_version_word(const char *word);

/*
 * The domains of a layered monolith's folders: the folder terms (see
 * seams_folder_term()) found in two layer folders of different names or
 * more (a layer word or an API version: models/issues, services/issue;
 * models/repo, routers/api/v1/repository), an abbreviation and its long
 * form counting as one. Layer words and version folders are never
 * domains. The terms are sorted and owned by the set.
 */
struct seams_domains {
	char **terms;
	size_t nr;
};

/* Finds the domains among dirs[0 .. n) and their ancestors. */
void seams_domains_find(struct seams_domains *d, const char *const *dirs,
			size_t n);

/* Whether term names one of the domains (or abbreviates one). */
int seams_domains_has(const struct seams_domains *d, const char *term);

/* Frees the terms; d is empty afterwards. */
void seams_domains_release(struct seams_domains *d);

#endif
