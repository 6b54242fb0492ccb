/*
 * Path helpers the PHP, Rust and Ruby resolvers share (resolve_paths.h).
 */
#include <string.h>

#include "carve/language.h"
#include "carve/resolve.h"
#include "carve/resolve_paths.h"
#include "carve/scan.h"
#include "carve/strbuf.h"

int resolve_lang_is(const struct scan_file *f, const char *name)
{
	return f->status == FILE_COUNTED && f->lang &&
	       !strcmp(f->lang->name, name);
}

const char *resolve_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Sets sb to the directory of repository path `path` ("" at the root). */
void resolve_dir_of(struct strbuf *sb, const char *path)
{
	const char *slash = strrchr(path, '/');

	strbuf_reset(sb);
	if (slash)
		strbuf_add(sb, path, (size_t)(slash - path));
}

/*
 * Appends relative path `rel` to directory sb, folding "." and ".."
 * components. Returns -1 when it climbs above the repository root.
 */
int resolve_path_join(struct strbuf *sb, const char *rel)
{
	const char *p = rel;

	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (!n || (n == 1 && *p == '.')) {
			/* empty or "." */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *up;

			if (!sb->len)
				return -1;
			up = strrchr(sb->buf, '/');
			strbuf_setlen(sb, up ? (size_t)(up - sb->buf) : 0);
		} else {
			if (sb->len)
				strbuf_addch(sb, '/');
			strbuf_add(sb, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

int resolve_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/* Adds the file at dir/rel (+ ext unless it ends so); 1 when found. */
int resolve_add_path(struct resolver *r, struct resolve_out *out,
		     const char *dir, const char *rel, const char *ext)
{
	struct strbuf sb = STRBUF_INIT;
	long file = -1;

	strbuf_addstr(&sb, dir);
	if (!resolve_path_join(&sb, rel)) {
		if (ext && !resolve_ends_with(sb.buf, ext))
			strbuf_addstr(&sb, ext);
		file = resolver_file(r, sb.buf);
	}
	strbuf_release(&sb);
	if (file < 0)
		return 0;
	resolve_out_add(out, (size_t)file);
	return 1;
}
