/*
 * Reading a clustering to compare with: RSF or JSON. Paths lose a
 * leading "./" so that they match the scan's; quotes around an RSF token
 * are dropped, as the MoJo tool drops them.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <string.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/partition.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

#define PARTITION_MAX_SIZE (1ULL << 30)

struct reader {
	struct partition *p;
	struct strmap objects; /* path -> 1 */
	struct strmap clusters; /* name -> index + 1 */
};

static const char *clean_path(const char *s)
{
	while (s[0] == '.' && s[1] == '/')
		s += 2;
	return s;
}

static void add(struct reader *r, const char *cluster, size_t clen,
		const char *object, size_t olen)
{
	struct partition *p = r->p;
	char *name = arena_strndup(&p->arena, cluster, clen);
	char *obj = arena_strndup(&p->arena, object, olen);
	const char *path = clean_path(obj);
	size_t c = (size_t)strmap_get(&r->clusters, name);

	size_t at = (size_t)strmap_get(&r->objects, path);

	if (!c) {
		ALLOC_GROW(p->clusters, p->clusters_nr + 1, p->clusters_alloc);
		p->clusters[p->clusters_nr++] = name;
		c = p->clusters_nr;
		strmap_put(&r->clusters, name, (void *)c);
	}
	/* listed again: the last assignment counts, as in the MoJo tool */
	if (at) {
		p->duplicates++;
		p->label[at - 1] = c - 1;
		return;
	}
	if (p->nr + 1 > p->alloc) {
		ALLOC_GROW(p->objects, p->nr + 1, p->alloc);
		p->label = xreallocarray(p->label, p->alloc, sizeof(*p->label));
	}
	p->objects[p->nr] = path;
	p->label[p->nr++] = c - 1;
	strmap_put(&r->objects, path, (void *)p->nr);
}

/* Splits the next white-space separated token, dropping its quotes. */
static const char *token(const char **s, size_t *len)
{
	const char *p = *s, *start;

	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	if (!*p || *p == '\n')
		return NULL;
	start = p;
	while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
		p++;
	*len = (size_t)(p - start);
	*s = p;
	if (*len >= 2 && start[0] == '"' && start[*len - 1] == '"') {
		*len -= 2;
		return start + 1;
	}
	return start;
}

/*
 * RSF: "contain CONTEXT FILE" lines. The file is the rest of the line
 * (trailing blanks and CR dropped, surrounding quotes too), so a path
 * with spaces reads whole.
 */
static int read_rsf(struct reader *r, const char *text, const char *path)
{
	const char *line = text;

	for (int no = 1; *line; no++) {
		const char *end = strchr(line, '\n'), *s = line, *t[2];
		const char *file, *stop;
		size_t len[2];
		int n = 0;

		while (n < 2 && (t[n] = token(&s, &len[n])))
			n++;
		if (n && t[0][0] != '#' && len[0] == 7 &&
		    !strncmp(t[0], "contain", 7)) {
			file = s;
			while (*file == ' ' || *file == '\t')
				file++;
			stop = end ? end : file + strlen(file);
			while (stop > file && (stop[-1] == ' ' ||
					       stop[-1] == '\t' ||
					       stop[-1] == '\r'))
				stop--;
			if (n != 2 || stop == file)
				return error("cannot read '%s' at line %d: "
					     "expected 'contain CONTEXT FILE'",
					     path, no);
			if (stop - file >= 2 && *file == '"' &&
			    stop[-1] == '"') {
				file++;
				stop--;
			}
			add(r, t[1], len[1], file, (size_t)(stop - file));
		}
		if (!end)
			break;
		line = end + 1;
	}
	return 0;
}

/* A carve model with contexts: a proposal written by carve seams -f json. */
static int read_model(struct reader *r, const cJSON *root, const char *path)
{
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(root, "contexts");
	const cJSON *c, *f;

	if (!cJSON_IsArray(ctx))
		return error("%s: a carve model without \"contexts\": write "
			     "one with 'carve seams -f json'",
			     path);
	cJSON_ArrayForEach (c, ctx) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "name");
		const cJSON *files = cJSON_GetObjectItemCaseSensitive(c, "files");

		if (!cJSON_IsString(name) || !cJSON_IsArray(files))
			return error("%s: each context needs a \"name\" and "
				     "\"files\"",
				     path);
		cJSON_ArrayForEach (f, files)
			if (cJSON_IsString(f))
				add(r, name->valuestring,
				    strlen(name->valuestring), f->valuestring,
				    strlen(f->valuestring));
	}
	return 0;
}

static int read_json(struct reader *r, const char *text, size_t len,
		     const char *path)
{
	cJSON *root = config_parse_jsonc(text, len, path);
	const cJSON *ctx, *f;
	int ret = 0;

	if (!root)
		return CARVE_EINVALID;
	if (!cJSON_IsObject(root)) {
		ret = error("%s: expected an object of context -> files", path);
		goto done;
	}
	if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "schema"))) {
		ret = read_model(r, root, path);
		goto done;
	}
	cJSON_ArrayForEach (ctx, root) {
		if (!cJSON_IsArray(ctx)) {
			ret = error("%s: context '%s' must be an array of "
				    "file paths",
				    path, ctx->string);
			goto done;
		}
		cJSON_ArrayForEach (f, ctx) {
			if (!cJSON_IsString(f)) {
				ret = error("%s: context '%s' must hold file "
					    "paths (strings)",
					    path, ctx->string);
				goto done;
			}
			add(r, ctx->string, strlen(ctx->string), f->valuestring,
			    strlen(f->valuestring));
		}
	}
done:
	cJSON_Delete(root);
	return ret;
}

int partition_load(struct partition *p, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct reader r = { p, STRMAP_INIT, STRMAP_INIT };
	size_t i = 0;
	int ret;

	ret = strbuf_read_file(&sb, path, PARTITION_MAX_SIZE);
	if (ret) {
		ret = error("cannot read '%s': %s", path, strerror(errno));
		goto done;
	}
	while (i < sb.len && strchr(" \t\r\n", sb.buf[i]))
		i++;
	if (i < sb.len && sb.buf[i] == '{')
		ret = read_json(&r, sb.buf, sb.len, path);
	else
		ret = read_rsf(&r, sb.buf, path);
	if (!ret && !p->nr)
		ret = error("'%s' assigns no file to a context", path);
done:
	strmap_release(&r.objects);
	strmap_release(&r.clusters);
	strbuf_release(&sb);
	return ret;
}

void partition_release(struct partition *p)
{
	if (!p)
		return;
	free(p->objects);
	free(p->label);
	free(p->clusters);
	arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}
