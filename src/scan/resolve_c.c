/*
 * The C family's resolver: finds the file an #include names the way a
 * compiler would, in the including file's directory (quoted includes)
 * and then in the include directories, taken from compile_commands.json
 * when the repository has one and guessed from the tree otherwise.
 * Angle includes found nowhere are external packages named by their
 * first path component (stdio.h, sys, openssl).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "carve/deps.h"
#include "carve/error.h"
#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

/* compile_commands.json larger than this is not read */
#define MAX_COMPDB (256u << 20)

struct inc_dir {
	const char *path; /* repository path, "" for the root */
	int quote_only;   /* -iquote: searched for "..." only */
};

struct dir_list {
	struct inc_dir *dirs;
	size_t nr, alloc;
};

struct c_state {
	/* every file without its own list: guessed, or all of the compdb's */
	struct dir_list global;
	int guessed; /* no compdb: the global list is a guess */
	/* repository path -> struct dir_list *, from compile_commands.json */
	struct strmap per_file;
	struct dir_list **owned; /* lists to free */
	size_t owned_nr, owned_alloc;
};

/* How often a directory is used, to order the global list. */
struct dir_tally {
	const char *path;
	size_t votes;
	size_t first; /* order of first sight, to break ties */
	int quote_only;
};

static int is_c_family(const struct language *lang)
{
	static const char *const names[] = {
		"C", "C++", "C Header", "C++ Header", "Objective-C",
		"Objective-C++",
	};

	/* most languages are told by their first two bytes (C#, CSS) */
	if (!lang ||
	    (lang->name[0] != 'O' &&
	     (lang->name[0] != 'C' ||
	      (lang->name[1] && lang->name[1] != '+' && lang->name[1] != ' '))))
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(lang->name, names[i]))
			return 1;
	return 0;
}

/*
 * The headers of ISO C and POSIX: without a compdb, <stdint.h> is the
 * system's even when a copy for another platform is in the tree.
 */
static int is_system_header(const char *name)
{
	static const char *const names[] = {
		"aio.h", "arpa/inet.h", "assert.h", "complex.h", "cpio.h",
		"ctype.h", "dirent.h", "dlfcn.h", "errno.h", "fcntl.h",
		"fenv.h", "float.h", "fnmatch.h", "glob.h", "grp.h", "iconv.h",
		"inttypes.h", "iso646.h", "langinfo.h", "libgen.h", "limits.h",
		"locale.h", "math.h", "monetary.h", "mqueue.h", "netdb.h",
		"net/if.h", "netinet/in.h", "netinet/tcp.h", "nl_types.h",
		"poll.h", "pthread.h", "pwd.h", "regex.h", "sched.h",
		"search.h", "semaphore.h", "setjmp.h", "signal.h", "spawn.h",
		"stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h",
		"stddef.h", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h",
		"string.h", "strings.h", "syslog.h", "tar.h", "termios.h",
		"tgmath.h", "threads.h", "time.h", "uchar.h", "unistd.h",
		"utime.h", "wchar.h", "wctype.h", "wordexp.h",
	};

	if (!strncmp(name, "sys/", 4))
		return 1;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(name, names[i]))
			return 1;
	return 0;
}

/*
 * Writes the normalised repository path of `rel` in directory `dir`
 * ("" for the root) to out: "." and ".." segments folded. Returns -1
 * when it is absolute, leaves the repository or does not fit.
 */
static int join_path(char *out, size_t size, const char *dir, const char *rel)
{
	size_t len = 0;
	const char *parts[2] = { dir, rel };

	if (*rel == '/')
		return -1;
	for (int k = 0; k < 2; k++) {
		const char *s = parts[k];

		while (*s) {
			const char *slash = strchr(s, '/');
			size_t n = slash ? (size_t)(slash - s) : strlen(s);

			if (!n || (n == 1 && *s == '.')) {
				/* empty or "." segment */
			} else if (n == 2 && s[0] == '.' && s[1] == '.') {
				if (!len)
					return -1;
				while (len && out[len - 1] != '/')
					len--;
				if (len)
					len--; /* the slash */
			} else {
				if (len + n + 2 > size)
					return -1;
				if (len)
					out[len++] = '/';
				memcpy(out + len, s, n);
				len += n;
			}
			s += n;
			if (*s == '/')
				s++;
		}
	}
	out[len] = '\0';
	return 0;
}

static long find_in(const struct resolver *r, const char *dir,
		    const char *target)
{
	char path[PATH_MAX];

	if (join_path(path, sizeof(path), dir, target))
		return -1;
	return resolver_file(r, path);
}

/* Copies the directory part of `path` ("" at the root) to out. */
static void dir_of(char *out, size_t size, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;

	if (n >= size)
		n = 0;
	memcpy(out, path, n);
	out[n] = '\0';
}

static struct dir_tally *tally_get(struct strmap *map, struct arena *arena,
				   const char *path, size_t *seen)
{
	struct dir_tally *t = strmap_get(map, path);

	if (!t) {
		t = arena_alloc(arena, sizeof(*t));
		t->path = arena_strdup(arena, path);
		t->first = (*seen)++;
		strmap_put(map, t->path, t);
	}
	return t;
}

static int cmp_tally(const void *a, const void *b)
{
	const struct dir_tally *x = *(const struct dir_tally *const *)a;
	const struct dir_tally *y = *(const struct dir_tally *const *)b;

	if (x->votes != y->votes)
		return x->votes < y->votes ? 1 : -1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Fills list from the tallies, most used first. */
static void list_from_tally(struct dir_list *list, struct strmap *map)
{
	struct dir_tally **v = NULL;
	struct strmap_entry *e;
	size_t nr = 0, alloc = 0;

	strmap_for_each(map, e) {
		ALLOC_GROW(v, nr + 1, alloc);
		v[nr++] = e->value;
	}
	if (nr)
		qsort(v, nr, sizeof(*v), cmp_tally);
	for (size_t i = 0; i < nr; i++) {
		ALLOC_GROW(list->dirs, list->nr + 1, list->alloc);
		list->dirs[list->nr].path = v[i]->path;
		list->dirs[list->nr++].quote_only = v[i]->quote_only;
	}
	free(v);
}

/*
 * Repository path of absolute or `base`-relative `p`, through realpath
 * so symbolic links and ".." agree with the root; NULL when outside.
 */
static const char *repo_path(struct resolver *r, const char *root,
			     const char *base, const char *p)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret = NULL;
	size_t n = strlen(root);
	char *real;

	if (*p != '/' && base)
		strbuf_addf(&sb, "%s/", base);
	strbuf_addstr(&sb, p);
	real = realpath(sb.buf, NULL);
	strbuf_release(&sb);
	if (!real)
		return NULL;
	if (!strncmp(real, root, n) && (!real[n] || real[n] == '/'))
		ret = arena_strdup(&r->arena, real[n] ? real + n + 1 : "");
	free(real);
	return ret;
}

/* Splits a shell command line into words (quotes and backslashes). */
static void split_command(const char *s, char ***argv, size_t *argc)
{
	struct strbuf word = STRBUF_INIT;
	size_t alloc = 0;

	*argv = NULL;
	*argc = 0;
	while (*s) {
		int in_word = 0;
		char q = 0;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		strbuf_reset(&word);
		for (; *s; s++) {
			if (q) {
				if (*s == q)
					q = 0;
				else if (*s == '\\' && q == '"' && s[1])
					strbuf_addch(&word, *++s);
				else
					strbuf_addch(&word, *s);
			} else if (*s == '"' || *s == '\'') {
				q = *s;
			} else if (*s == '\\' && s[1]) {
				strbuf_addch(&word, *++s);
			} else if (*s == ' ' || *s == '\t' || *s == '\n') {
				break;
			} else {
				strbuf_addch(&word, *s);
			}
			in_word = 1;
		}
		if (in_word) {
			ALLOC_GROW(*argv, *argc + 1, alloc);
			(*argv)[(*argc)++] = xstrndup(word.buf, word.len);
		}
	}
	strbuf_release(&word);
}

/* Adds the include directories of one compdb entry. */
static void compdb_entry(struct resolver *r, struct c_state *c,
			 const char *root, cJSON *entry, struct strmap *tally,
			 size_t *seen)
{
	cJSON *dir = cJSON_GetObjectItemCaseSensitive(entry, "directory");
	cJSON *file = cJSON_GetObjectItemCaseSensitive(entry, "file");
	cJSON *args = cJSON_GetObjectItemCaseSensitive(entry, "arguments");
	cJSON *cmd = cJSON_GetObjectItemCaseSensitive(entry, "command");
	struct dir_list *list;
	const char *base, *path;
	char **argv = NULL;
	size_t argc = 0;

	if (!cJSON_IsString(dir) || !cJSON_IsString(file))
		return;
	base = dir->valuestring;
	path = repo_path(r, root, base, file->valuestring);
	if (!path)
		return;
	if (cJSON_IsArray(args)) {
		cJSON *a;

		argv = xcalloc((size_t)cJSON_GetArraySize(args) + 1,
			       sizeof(*argv));
		cJSON_ArrayForEach(a, args)
			if (cJSON_IsString(a))
				argv[argc++] = xstrdup(a->valuestring);
	} else if (cJSON_IsString(cmd)) {
		split_command(cmd->valuestring, &argv, &argc);
	}
	list = arena_alloc(&r->arena, sizeof(*list));
	for (size_t i = 0; i < argc; i++) {
		static const struct {
			const char *flag;
			int quote_only;
		} flags[] = {
			{ "-iquote", 1 }, { "-isystem", 0 }, { "-idirafter", 0 },
			{ "-I", 0 },
		};
		const char *value = NULL, *inc;
		int quote_only = 0;

		for (size_t k = 0; k < sizeof(flags) / sizeof(*flags); k++) {
			size_t n = strlen(flags[k].flag);

			if (strncmp(argv[i], flags[k].flag, n))
				continue;
			if (argv[i][n])
				value = argv[i] + n;
			else if (i + 1 < argc)
				value = argv[++i];
			quote_only = flags[k].quote_only;
			break;
		}
		if (!value)
			continue;
		inc = repo_path(r, root, base, value);
		if (!inc)
			continue;
		ALLOC_GROW(list->dirs, list->nr + 1, list->alloc);
		list->dirs[list->nr].path = inc;
		list->dirs[list->nr++].quote_only = quote_only;
		tally_get(tally, &r->arena, inc, seen)->votes++;
		tally_get(tally, &r->arena, inc, seen)->quote_only = quote_only;
	}
	for (size_t i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	ALLOC_GROW(c->owned, c->owned_nr + 1, c->owned_alloc);
	c->owned[c->owned_nr++] = list;
	strmap_put(&c->per_file, path, list);
}

/*
 * Reads compile_commands.json at the scanned directory, the root, or
 * their build/ directories. Returns 1 when one was used, 0 when there is
 * none; a malformed one is reported and skipped.
 */
static int load_compdb(struct resolver *r, struct c_state *c)
{
	const struct scan *scan = r->scan;
	static const char *const where[] = { "compile_commands.json",
					     "build/compile_commands.json" };
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct strmap tally = STRMAP_INIT;
	cJSON *json = NULL, *entry;
	char *root = NULL;
	size_t seen = 0;
	int ret = 0;

	if (!scan->root)
		return 0;
	for (size_t i = 0; i < 4 && !ret; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s%s%s", scan->root,
			    i < 2 && scan->prefix ? scan->prefix : "",
			    i < 2 && scan->prefix && *scan->prefix ? "/" : "",
			    where[i % 2]);
		ret = !resolver_read_file(r, &text, path.buf, MAX_COMPDB);
	}
	if (!ret)
		goto done;
	json = cJSON_ParseWithLength(text.buf, text.len);
	if (!cJSON_IsArray(json)) {
		warning("cannot parse '%s': expected an array of commands",
			path.buf);
		ret = 0;
		goto done;
	}
	root = realpath(scan->root, NULL);
	if (!root) {
		ret = 0;
		goto done;
	}
	cJSON_ArrayForEach(entry, json)
		compdb_entry(r, c, root, entry, &tally, &seen);
	list_from_tally(&c->global, &tally);
done:
	cJSON_Delete(json);
	free(root);
	strmap_release(&tally);
	strbuf_release(&path);
	strbuf_release(&text);
	return ret;
}

/* Files by base name, for matching "a/b.h" against the tree. */
struct name_files {
	size_t *files;
	size_t nr, alloc;
};

/*
 * Without a compdb: every directory named include, and the directories
 * that make the quoted and angle spellings found nowhere else resolve,
 * each voted for when it is the only directory that makes a spelling
 * resolve; the most voted first.
 */
static void guess_dirs(struct resolver *r, struct c_state *c)
{
	const struct scan *scan = r->scan;
	struct strmap names = STRMAP_INIT, tally = STRMAP_INIT;
	const struct strmap *dirs;
	struct strmap_entry *e;
	struct arena tmp = ARENA_INIT;
	char dir[PATH_MAX];
	size_t seen = 0;

	for (size_t i = 0; i < scan->nr; i++) {
		const char *path = scan->files[i].path;
		const char *slash = strrchr(path, '/');
		const char *base = slash ? slash + 1 : path;
		struct name_files *nf;

		if (resolver_file(r, path) != (long)i)
			continue;
		nf = strmap_get(&names, base);
		if (!nf) {
			nf = arena_alloc(&tmp, sizeof(*nf));
			strmap_put(&names, base, nf);
		}
		ALLOC_GROW(nf->files, nf->nr + 1, nf->alloc);
		nf->files[nf->nr++] = i;
	}
	for (size_t i = 0; i < scan->nr; i++) {
		const struct scan_file *f = &scan->files[i];

		if (!is_c_family(f->lang) || resolver_file(r, f->path) != (long)i)
			continue;
		dir_of(dir, sizeof(dir), f->path);
		for (size_t k = 0; k < f->deps.nr; k++) {
			const struct dep_ref *d = &f->deps.refs[k];
			const char *t = d->target, *slash = strrchr(t, '/');
			const struct name_files *nf;
			size_t tlen = strlen(t), hits = 0;
			const char *hit = NULL;

			/*
			 * <stdint.h> found somewhere in the tree is a copy
			 * for another platform: it votes for nothing.
			 */
			if (d->kind != DEP_INCLUDE || (d->flags & DEP_DYNAMIC) ||
			    *t == '/' || strstr(t, "..") || !strncmp(t, "./", 2) ||
			    ((d->flags & DEP_ANGLE) && is_system_header(t)))
				continue;
			if (!(d->flags & DEP_ANGLE) && find_in(r, dir, t) >= 0)
				continue;
			nf = strmap_get(&names, slash ? slash + 1 : t);
			for (size_t j = 0; nf && j < nf->nr; j++) {
				const char *p = scan->files[nf->files[j]].path;
				size_t plen = strlen(p);

				if (plen == tlen && !strcmp(p, t)) {
					hits++;
					hit = p;
				} else if (plen > tlen && p[plen - tlen - 1] == '/' &&
					   !strcmp(p + plen - tlen, t)) {
					hits++;
					hit = p;
				}
			}
			if (hits != 1)
				continue;
			{
				size_t n = strlen(hit) - tlen;
				char *key = arena_strndup(&tmp, hit, n ? n - 1 : 0);
				struct dir_tally *v;

				v = tally_get(&tally, &tmp, key, &seen);
				/* "x.h" alone opens a directory to "..." only */
				if (!v->votes++)
					v->quote_only = 1;
				if (slash || (d->flags & DEP_ANGLE))
					v->quote_only = 0;
			}
		}
	}
	/* directories named include, with no votes unless voted for above */
	dirs = resolver_dirs(r);
	strmap_for_each (dirs, e) {
		const char *p = e->key;

		for (const char *s = p; *s;) {
			const char *slash = strchr(s, '/');
			size_t n = slash ? (size_t)(slash - s) : strlen(s);

			if (n == 7 && !memcmp(s, "include", 7)) {
				char *key = arena_strndup(&tmp, p,
							  (size_t)(s - p) + n);

				tally_get(&tally, &tmp, key, &seen)->quote_only = 0;
			}
			s += n;
			if (*s)
				s++;
		}
	}
	list_from_tally(&c->global, &tally);
	/* the tallies lived in tmp: keep the paths in the resolver */
	for (size_t i = 0; i < c->global.nr; i++)
		c->global.dirs[i].path = arena_strdup(&r->arena,
						      c->global.dirs[i].path);
	strmap_for_each(&names, e) {
		struct name_files *nf = e->value;

		free(nf->files);
	}
	strmap_release(&names);
	strmap_release(&tally);
	arena_release(&tmp);
}

/* 1 for a header extension, 2 for a source one, else 0; *stem set. */
static int pair_side(const char *path, const char **stem, size_t *len)
{
	static const char *const headers[] = { "h", "hh", "hpp", "hxx" };
	static const char *const sources[] = { "c", "cc", "cpp", "cxx" };
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');

	if (!dot || dot == base)
		return 0;
	*stem = base;
	*len = (size_t)(dot - base);
	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(dot + 1, headers[i]))
			return 1;
		if (!strcmp(dot + 1, sources[i]))
			return 2;
	}
	return 0;
}

struct pair_slot {
	long header, source; /* index, -1 none, -2 more than one */
};

static void pair_note(long *slot, size_t i)
{
	*slot = *slot == -1 ? (long)i : -2;
}

void resolve_c_pairs(struct scan *scan)
{
	struct strmap stems = STRMAP_INIT;
	struct arena arena = ARENA_INIT;

	for (size_t i = 0; i < scan->nr; i++) {
		struct scan_file *f = &scan->files[i];
		struct pair_slot *slot;
		const char *stem;
		char *key;
		size_t len;
		int side;

		f->pair = 0;
		if (f->status != FILE_COUNTED || !is_c_family(f->lang))
			continue;
		side = pair_side(f->path, &stem, &len);
		if (!side)
			continue;
		key = arena_strndup(&arena, stem, len);
		slot = strmap_get(&stems, key);
		if (!slot) {
			slot = arena_alloc(&arena, sizeof(*slot));
			slot->header = slot->source = -1;
			strmap_put(&stems, key, slot);
		}
		pair_note(side == 1 ? &slot->header : &slot->source, i);
	}
	for (size_t i = 0; i < scan->nr; i++) {
		struct scan_file *f = &scan->files[i];
		const struct pair_slot *slot;
		const char *stem;
		char key[256];
		size_t len;

		if (f->status != FILE_COUNTED || !is_c_family(f->lang) ||
		    pair_side(f->path, &stem, &len) != 1 || len >= sizeof(key))
			continue;
		memcpy(key, stem, len);
		key[len] = '\0';
		slot = strmap_get(&stems, key);
		if (slot && slot->header == (long)i && slot->source >= 0)
			f->pair = (size_t)slot->source + 1;
	}
	strmap_release(&stems);
	arena_release(&arena);
}

int resolve_c_prepare(struct resolver *r)
{
	struct c_state *c;
	int any = 0;

	for (size_t i = 0; i < r->langs_nr && !any; i++)
		any = is_c_family(r->langs[i].lang);
	if (!any)
		return 0;
	c = xcalloc(1, sizeof(*c));
	r->c = c;
	if (!load_compdb(r, c)) {
		c->guessed = 1;
		guess_dirs(r, c);
	}
	return 0;
}

void resolve_c(struct resolver *r, size_t from, const struct dep_ref *d,
	       struct resolve_out *out)
{
	const struct c_state *c = r->c;
	const struct dir_list *dirs;
	const char *t = d->target;
	char dir[PATH_MAX];
	long k;

	if (!c || d->kind != DEP_INCLUDE || (d->flags & DEP_DYNAMIC))
		return;
	if (!(d->flags & DEP_ANGLE)) {
		dir_of(dir, sizeof(dir), r->scan->files[from].path);
		k = find_in(r, dir, t);
		if (k >= 0) {
			resolve_out_add(out, (size_t)k);
			return;
		}
	}
	if (c->guessed && (d->flags & DEP_ANGLE) && is_system_header(t))
		goto external;
	dirs = strmap_get(&c->per_file, r->scan->files[from].path);
	if (!dirs)
		dirs = &c->global;
	for (size_t i = 0; i < dirs->nr; i++) {
		if (dirs->dirs[i].quote_only && (d->flags & DEP_ANGLE))
			continue;
		k = find_in(r, dirs->dirs[i].path, t);
		if (k >= 0) {
			resolve_out_add(out, (size_t)k);
			return;
		}
	}
external:
	if (d->flags & DEP_ANGLE) {
		const char *slash = strchr(t, '/');

		resolve_out_external(r, out, t,
				     slash ? (size_t)(slash - t) : strlen(t));
	}
}

void resolve_c_release(struct resolver *r)
{
	struct c_state *c;

	if (!r || !r->c)
		return;
	c = r->c;
	for (size_t i = 0; i < c->owned_nr; i++)
		free(c->owned[i]->dirs);
	free(c->owned);
	free(c->global.dirs);
	strmap_release(&c->per_file);
	free(c);
	r->c = NULL;
}
