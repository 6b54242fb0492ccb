/*
 * The domain vocabulary of carve seams: the words of file and folder
 * names made comparable across layers (statuses_controller.rb,
 * status.rb and post_status_service.rb all say "status"; models/issues
 * and services/issue one domain), and the folder names that recur under
 * several layers of a layered monolith.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "carve/seams_domain.h"
#include "carve/seams_graph.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

size_t seams_singular(char *w)
{
	size_t n = strlen(w);

	if (n > 4 && !strcmp(w + n - 3, "ies")) {
		/* categories, policies */
		w[n - 3] = 'y';
		w[n - 2] = '\0';
		return n - 2;
	}
	/* statuses, addresses, aliases, boxes: the "es" is the plural's */
	if (n > 4 && !strcmp(w + n - 2, "es") &&
	    ((w[n - 3] == 's' &&
	      (w[n - 4] == 's' || w[n - 4] == 'u' || w[n - 4] == 'i')) ||
	     w[n - 3] == 'x')) {
		w[n - 2] = '\0';
		return n - 2;
	}
	if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
	    w[n - 2] != 'i') {
		w[n - 1] = '\0';
		return n - 1;
	}
	return n;
}

/*
 * Verbs that lead the names of service objects and jobs
 * (post_status_service.rb, RemoveAccountWorker, create_order.py): the
 * domain is the word after them.
 */
static const char *const verbs[] = {
	"activate", "add", "apply", "approve", "authorize", "batch",
	"block", "build", "calculate", "cancel", "check", "clear", "compute",
	"create", "deactivate", "delete", "deliver", "destroy", "disable",
	"dispatch", "distribute", "edit", "enable", "export", "fetch",
	"find", "generate", "get", "handle", "import", "list", "load",
	"move", "notify", "parse", "perform", "post", "precompute",
	"process", "publish", "purge", "push", "put", "redownload",
	"refresh", "reject", "remove", "render", "report", "reset",
	"resolve", "revoke", "save", "schedule", "search", "send", "set",
	"suspend", "sync", "unblock", "unfollow", "unmute", "unsuspend",
	"update", "upload", "validate", "verify", NULL,
};

int seams_verb_word(const char *word)
{
	for (int i = 0; verbs[i]; i++)
		if (!strcasecmp(word, verbs[i]))
			return 1;
	return 0;
}

/*
 * The word of a file name at p, after any '_' or '-': letters only,
 * split before an upper case letter that follows a lower case one or
 * that starts a capitalised word after an acronym (DTOAssembler: DTO,
 * Assembler). Returns its length (0: none) and sets *start.
 */
static size_t next_word(const char *p, const char **start)
{
	const char *b;

	while (*p == '_' || *p == '-')
		p++;
	b = p;
	for (; isalpha((unsigned char)*p); p++)
		if (p > b && isupper((unsigned char)*p) &&
		    (islower((unsigned char)p[-1]) ||
		     (p[1] && islower((unsigned char)p[1]))))
			break;
	*start = b;
	return (size_t)(p - b);
}

int seams_lead_term(char *buf, size_t size, const char *path)
{
	const char *b = strrchr(path, '/'), *w, *w2;
	size_t n, n2;

	b = b ? b + 1 : path;
	/* C#'s interface prefix: IOrderService */
	if (b[0] == 'I' && b[1] >= 'A' && b[1] <= 'Z' && b[2] >= 'a' &&
	    b[2] <= 'z')
		b++;
	while (*b == '_' || *b == '-' || *b == '.')
		b++;
	/* the first word: it ends at anything but a letter */
	n = next_word(b, &w);
	if (n + 1 > size)
		n = size - 1;
	memcpy(buf, w, n);
	buf[n] = '\0';
	/* a verb leads a service's name: the domain follows */
	if (n && seams_verb_word(buf) && (n2 = next_word(w + n, &w2)) >= 3 &&
	    n2 + 1 <= size) {
		memcpy(buf, w2, n2);
		buf[n2] = '\0';
		n = n2;
	}
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	n = seams_singular(buf);
	return n >= 3;
}

void seams_folder_term(char *buf, size_t size, const char *name)
{
	size_t n = 0;

	for (; name[n] && n + 1 < size; n++)
		buf[n] = (char)tolower((unsigned char)name[n]);
	buf[n] = '\0';
	seams_singular(buf);
}

/*
 * Whether folder terms a and b name one domain: equal, or one the
 * other's abbreviation (repo, repository; org, organization).
 */
int seams_same_domain(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na > nb) {
		const char *t = a;

		a = b;
		b = t;
		na = nb;
		nb = strlen(b);
	}
	if (na < 3)
		return 0;
	return !strncmp(a, b, na) && (na == nb || nb >= na + 4);
}
