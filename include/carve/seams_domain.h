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

#endif
