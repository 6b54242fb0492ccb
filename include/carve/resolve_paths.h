/*
 * Path helpers the PHP, Rust and Ruby resolvers share (resolve_other.c,
 * resolve_ruby.c): a file's language, base name and directory, joining
 * a relative path, and adding the file a path names to a resolver's
 * output. Strings stay the caller's.
 */
#ifndef CARVE_RESOLVE_PATHS_H
#define CARVE_RESOLVE_PATHS_H

struct resolver;
struct resolve_out;
struct scan_file;
struct strbuf;

/* Whether f is counted and of language `name`. */
int resolve_lang_is(const struct scan_file *f, const char *name);
/* The last component of path (borrowed from it). */
const char *resolve_base_name(const char *path);
/* Sets sb to the directory of repository path `path` ("" at the root). */
void resolve_dir_of(struct strbuf *sb, const char *path);
/*
 * Appends relative path `rel` to directory sb, folding "." and ".."
 * components. Returns -1 when it climbs above the repository root.
 */
int resolve_path_join(struct strbuf *sb, const char *rel);
/* Whether s ends with suffix. */
int resolve_ends_with(const char *s, const char *suffix);
/* Adds the file at dir/rel (+ ext unless it ends so); 1 when found. */
int resolve_add_path(struct resolver *r, struct resolve_out *out,
		     const char *dir, const char *rel, const char *ext);

#endif
