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
	"activate",   "add",	  "apply",	"approve",    "authorize",
	"batch",      "block",	  "build",	"calculate",  "cancel",
	"check",      "clear",	  "compute",	"create",     "deactivate",
	"delete",     "deliver",  "destroy",	"disable",    "dispatch",
	"distribute", "edit",	  "enable",	"export",     "fetch",
	"find",	      "generate", "get",	"handle",     "import",
	"list",	      "load",	  "move",	"notify",     "parse",
	"perform",    "post",	  "precompute", "process",    "publish",
	"purge",      "push",	  "put",	"redownload", "refresh",
	"reject",     "remove",	  "render",	"report",     "reset",
	"resolve",    "revoke",	  "save",	"schedule",   "search",
	"send",	      "set",	  "suspend",	"sync",	      "unblock",
	"unfollow",   "unmute",	  "unsuspend",	"update",     "upload",
	"validate",   "verify",	  NULL,
};

/* Words that qualify the domain word after them: its kind or its store. */
static const char *const qualifiers[] = {
	"abstract",
	"base",
	"bulk",
	"custom",
	"default",
	"generic",
	"local",
	"new",
	"public",
	"remote",
	"scheduled",
	"simple",
	/* technologies: JpaOrderStore, RedisSessionCache */
	"grpc",
	"hibernate",
	"http",
	"jdbc",
	"jpa",
	"json",
	"kafka",
	"mongo",
	"redis",
	"rest",
	"sql",
	"xml",
	NULL,
};

/*
 * Whether word is one of list, case aside. The lists are lower case:
 * a first letter that differs rules a word out without a call.
 */
static int in_list(const char *const *list, const char *word)
{
	int c = tolower((unsigned char)word[0]);

	for (int i = 0; list[i]; i++)
		if (list[i][0] == c && !strcasecmp(word, list[i]))
			return 1;
	return 0;
}

static int qualifier_word(const char *word)
{
	return in_list(qualifiers, word);
}

int seams_verb_word(const char *word)
{
	return in_list(verbs, word);
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
	const char *b = strrchr(path, '/'), *w, *w2, *w3;
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
	/*
	 * a verb or an adjective leads a service's name: the domain is the
	 * word after it, when a word (the kind: _service) follows that one
	 * (post_status_service, fetch_remote_account_service; not
	 * block_service)
	 */
	while (n && (seams_verb_word(buf) || qualifier_word(buf)) &&
	       (n2 = next_word(w + n, &w2)) >= 3 && n2 + 1 <= size &&
	       next_word(w2 + n2, &w3) >= 3) {
		memcpy(buf, w2, n2);
		buf[n2] = '\0';
		w = w2;
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

int seams_version_word(const char *word)
{
	if ((word[0] != 'v' && word[0] != 'V') ||
	    !isdigit((unsigned char)word[1]))
		return 0;
	for (word++; isdigit((unsigned char)*word); word++)
		;
	/* v1, v2, v1beta1, v2alpha */
	return !*word || !strncmp(word, "alpha", 5) ||
	       !strncmp(word, "beta", 4);
}

struct folder_seen {
	char *term;
	const char *parent; /* the layer's name, borrowed, not terminated */
	size_t parent_len;
};

static int cmp_folder_seen(const void *a, const void *b)
{
	const struct folder_seen *x = a, *y = b;
	int c = strcmp(x->term, y->term);
	size_t n = x->parent_len < y->parent_len ? x->parent_len
						 : y->parent_len;

	if (c)
		return c;
	c = memcmp(x->parent, y->parent, n);
	if (c)
		return c;
	return (x->parent_len > y->parent_len) -
	       (x->parent_len < y->parent_len);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void seams_domains_find(struct seams_domains *d, const char *const *in,
			size_t in_nr)
{
	struct strmap set = STRMAP_INIT;
	struct folder_seen *fs;
	char **dirs = NULL, buf[64], pbuf[64];
	const char *pb;
	size_t n = 0, dirs_alloc = 0, nr = 0, alloc = 0;

	/* each folder once, with its ancestors */
	for (size_t i = 0; i < in_nr; i++) {
		char *dir = xstrdup(in[i]), *slash;

		while (*dir && !strmap_get(&set, dir)) {
			ALLOC_GROW(dirs, n + 1, dirs_alloc);
			dirs[n++] = dir;
			strmap_put(&set, dir, dir);
			slash = strrchr(dir, '/');
			dir = xstrndup(dir, slash ? (size_t)(slash - dir) : 0);
		}
		free(dir);
	}
	strmap_release(&set);
	fs = xmalloc((n ? n : 1) * sizeof(*fs));
	d->terms = NULL;
	d->nr = 0;
	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(dirs[i], '/');
		const char *b = slash ? slash + 1 : dirs[i];

		if (!*b || *b == '.' || strlen(b) >= sizeof(buf) ||
		    seams_layer_word(b) || seams_version_word(b))
			continue;
		seams_folder_term(buf, sizeof(buf), b);
		if (strlen(buf) < 3 || seams_layer_word(buf))
			continue;
		/* only under a layer: models/issues, routers/api/v1/repo */
		if (!slash)
			continue;
		pb = slash;
		while (pb > dirs[i] && pb[-1] != '/')
			pb--;
		if ((size_t)(slash - pb) >= sizeof(pbuf))
			continue;
		memcpy(pbuf, pb, (size_t)(slash - pb));
		pbuf[slash - pb] = '\0';
		if (!seams_layer_word(pbuf) && !seams_version_word(pbuf))
			continue;
		fs[nr].term = xstrdup(buf);
		fs[nr].parent = pb;
		fs[nr].parent_len = (size_t)(slash - pb);
		nr++;
	}
	if (nr)
		qsort(fs, nr, sizeof(*fs), cmp_folder_seen);
	/*
	 * a family: a term and the longer ones it abbreviates (repo,
	 * repository), which follow it in sorted order; it names a domain
	 * when its folders stand in two layers or more (layers of
	 * different names: dcim/api/serializers_ and ipam/api/serializers_
	 * are one layer's part in each app)
	 */
	for (size_t i = 0; i < nr;) {
		size_t j = i + 1, parents = 1, k;
		size_t tl = strlen(fs[i].term);

		while (j < nr && !strncmp(fs[j].term, fs[i].term, tl))
			j++;
		for (k = i + 1; k < j; k++) {
			if (!seams_same_domain(fs[i].term, fs[k].term))
				continue;
			if (fs[k].parent_len != fs[i].parent_len ||
			    memcmp(fs[k].parent, fs[i].parent,
				   fs[i].parent_len)) {
				parents = 2;
				break;
			}
		}
		if (parents >= 2) {
			for (k = i; k < j; k++) {
				if (!seams_same_domain(fs[i].term,
						       fs[k].term) ||
				    (k > i &&
				     !strcmp(fs[k].term, fs[k - 1].term)))
					continue;
				ALLOC_GROW(d->terms, d->nr + 1, alloc);
				d->terms[d->nr++] = xstrdup(fs[k].term);
			}
		}
		/* the next term: past every folder of this one */
		k = i + 1;
		while (k < nr && !strcmp(fs[k].term, fs[i].term))
			k++;
		i = k;
	}
	for (size_t i = 0; i < nr; i++)
		free(fs[i].term);
	free(fs);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	if (d->nr)
		qsort(d->terms, d->nr, sizeof(*d->terms), cmp_str);
	/* a term found in two families is kept once */
	{
		size_t out = 0;

		for (size_t i = 0; i < d->nr; i++) {
			if (out && !strcmp(d->terms[out - 1], d->terms[i])) {
				free(d->terms[i]);
				continue;
			}
			d->terms[out++] = d->terms[i];
		}
		d->nr = out;
	}
}

int seams_domains_has(const struct seams_domains *d, const char *term)
{
	for (size_t i = 0; i < d->nr; i++)
		if (seams_same_domain(d->terms[i], term))
			return 1;
	return 0;
}

void seams_domains_release(struct seams_domains *d)
{
	for (size_t i = 0; i < d->nr; i++)
		free(d->terms[i]);
	free(d->terms);
	d->terms = NULL;
	d->nr = 0;
}
