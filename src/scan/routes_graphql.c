/*
 * GraphQL schema files: the fields of type Query, Mutation and
 * Subscription (and extend type ...), each an endpoint named after the
 * field; directives (@doc(...)) are not fields.
 */
#include "carve/api.h"
#include "carve/srctok.h"

void routes_graphql(struct api_file *out, struct arena *arena,
		    const struct language *lang, const char *buf, size_t len)
{
	struct srctok tz;
	struct tok t = { 0 }, prev = { 0 };
	const char *root = NULL;
	int depth = 0, paren = 0;

	srctok_init(&tz, lang, buf, len);
	srctok_next(&tz, &t);
	while (t.kind != TOK_EOF) {
		struct tok a = t;

		srctok_next(&tz, &t);
		if (tok_is(&a, "type") && depth == 0) {
			root = tok_is(&t, "Query")	    ? "QUERY"
			       : tok_is(&t, "Mutation")	    ? "MUTATION"
			       : tok_is(&t, "Subscription") ? "SUBSCRIPTION"
							    : NULL;
		} else if (tok_punct(&a, '{')) {
			depth++;
		} else if (tok_punct(&a, '}')) {
			if (depth && !--depth)
				root = NULL;
		} else if (tok_punct(&a, '(')) {
			paren++;
		} else if (tok_punct(&a, ')')) {
			if (paren)
				paren--;
		} else if (root && depth == 1 && !paren &&
			   a.kind == TOK_IDENT && !tok_punct(&prev, '@') &&
			   (tok_punct(&t, ':') || tok_punct(&t, '('))) {
			api_file_add(out, arena, root, a.p, a.n, "graphql",
				     a.line);
		}
		prev = a;
	}
}
