/*
 * carve.json loading. Comments and trailing commas are blanked out in a
 * copy of the text (offsets stay the same), so cJSON's error position maps
 * straight back to a line and column in the user's file.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "carve/config.h"
#include "carve/error.h"
#include "carve/strbuf.h"
#include "carve/xmalloc.h"

#define CONFIG_MAX_SIZE (16u << 20)
#define CONFIG_MAX_DEPTH 64

static const char *const top_keys[] = {
	"exclude",  "modules", "legacy", "new",	  "contexts",
	"rules",    "teams",   "target", "rates", "plan",
	"estimate", "$schema", NULL,
};

static const char *const module_keys[] = { "depth", "map", NULL };

/* Overwrites comments (and commas before a closing bracket) with spaces. */
static void blank_comments(char *s, size_t len)
{
	size_t last_comma = (size_t)-1;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\' && i + 1 < len)
					i++;
			last_comma = (size_t)-1;
		} else if (c == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				s[i++] = ' ';
		} else if (c == '/' && i + 1 < len && s[i + 1] == '*') {
			s[i] = s[i + 1] = ' ';
			for (i += 2; i < len; i++) {
				if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
					s[i] = s[i + 1] = ' ';
					i++;
					break;
				}
				if (s[i] != '\n')
					s[i] = ' ';
			}
		} else if (c == ',') {
			last_comma = i;
		} else if (c == '}' || c == ']') {
			if (last_comma != (size_t)-1)
				s[last_comma] = ' ';
			last_comma = (size_t)-1;
		} else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			last_comma = (size_t)-1;
		}
	}
}

static void position(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

static int nesting_too_deep(const char *s, size_t len)
{
	int depth = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '{' || s[i] == '[') {
			if (++depth > CONFIG_MAX_DEPTH)
				return 1;
		} else if (s[i] == '}' || s[i] == ']') {
			depth--;
		}
	}
	return 0;
}

static const char *find_duplicate(const cJSON *node, const char **where)
{
	const cJSON *a, *b;

	cJSON_ArrayForEach(a, node) {
		if (cJSON_IsObject(node) && a->string)
			for (b = a->next; b; b = b->next)
				if (b->string && !strcmp(a->string, b->string)) {
					*where = node->string ? node->string : "";
					return a->string;
				}
		if (cJSON_IsObject(a) || cJSON_IsArray(a)) {
			const char *dup = find_duplicate(a, where);

			if (dup)
				return dup;
		}
	}
	return NULL;
}

/* Reports through error() or, for files a scan only consults, warning(). */
static void complain(int as_warning, const char *fmt, ...)
	CARVE_PRINTF(2, 3);

static void complain(int as_warning, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (as_warning)
		warning("%s", sb.buf);
	else
		error("%s", sb.buf);
	strbuf_release(&sb);
}

static cJSON *parse_jsonc(const char *text, size_t len, const char *name,
			  int as_warning)
{
	char *copy = xstrndup(text, len);
	const char *end = NULL;
	const char *dup, *where = "", *nul;
	cJSON *root;
	int line, col;

	blank_comments(copy, len);
	/* cJSON would end a string at a NUL and read on after it */
	if ((nul = memchr(text, '\0', len))) {
		position(text, (size_t)(nul - text), &line, &col);
		complain(as_warning,
			 "cannot parse '%s' at line %d, column %d: "
			 "a NUL byte in the text",
			 name, line, col);
		free(copy);
		return NULL;
	}
	if (nesting_too_deep(copy, len)) {
		complain(as_warning, "cannot parse '%s': nested deeper than %d "
			 "levels", name, CONFIG_MAX_DEPTH);
		free(copy);
		return NULL;
	}
	/* the length includes the NUL, which cJSON requires to end the text */
	root = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
	if (!root) {
		size_t off = end && end >= copy ? (size_t)(end - copy) : 0;
		const char *what;

		if (off >= len)
			what = "unexpected end of file";
		else if (memchr(copy, '\0', len))
			what = "a NUL byte in the text";
		else
			what = "expected a JSON value, ',' or a closing bracket";
		position(text, off > len ? len : off, &line, &col);
		complain(as_warning, "cannot parse '%s' at line %d, column %d: "
			 "%s", name, line, col, what);
		free(copy);
		return NULL;
	}
	free(copy);
	if ((dup = find_duplicate(root, &where))) {
		complain(as_warning, "cannot parse '%s': duplicate key '%s'%s%s%s",
			 name, dup, *where ? " in \"" : "", where,
			 *where ? "\"" : "");
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *config_parse_jsonc(const char *text, size_t len, const char *name)
{
	return parse_jsonc(text, len, name, 0);
}

cJSON *config_parse_jsonc_warn(const char *text, size_t len, const char *name)
{
	return parse_jsonc(text, len, name, 1);
}

static int known(const char *const *keys, const char *key)
{
	for (; *keys; keys++)
		if (!strcmp(*keys, key))
			return 1;
	return 0;
}

static void report_unknown(const char *path, const cJSON *obj,
			   const char *const *keys, const char *where)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, obj)
		if (!known(keys, item->string))
			warning("%s: unknown key '%s%s%s' ignored", path, where,
				*where ? "." : "", item->string);
}

static int load_globs(struct glob_list *out, const cJSON *arr,
		      const char *path, const char *key)
{
	const cJSON *item;

	if (!cJSON_IsArray(arr))
		return error("%s: \"%s\" must be an array of glob strings",
			     path, key);
	cJSON_ArrayForEach(item, arr) {
		if (!cJSON_IsString(item) || !*item->valuestring)
			return error("%s: \"%s\" must hold non-empty glob "
				     "strings", path, key);
		glob_list_add(out, item->valuestring);
	}
	return 0;
}

static int load_modules(struct config *cfg, const cJSON *mod)
{
	const cJSON *depth, *map, *item;
	int i = 0;

	if (!cJSON_IsObject(mod))
		return error("%s: \"modules\" must be an object", cfg->path);
	report_unknown(cfg->path, mod, module_keys, "modules");
	depth = cJSON_GetObjectItemCaseSensitive(mod, "depth");
	if (depth) {
		if (!cJSON_IsNumber(depth) || depth->valuedouble < 1 ||
		    depth->valuedouble > 64 ||
		    depth->valuedouble != (int)depth->valuedouble)
			return error("%s: \"modules.depth\" must be a whole "
				     "number from 1 to 64", cfg->path);
		cfg->module_depth = depth->valueint;
	}
	map = cJSON_GetObjectItemCaseSensitive(mod, "map");
	if (!map)
		return 0;
	if (!cJSON_IsObject(map))
		return error("%s: \"modules.map\" must be an object of module "
			     "name -> globs", cfg->path);
	cfg->module_nr = cJSON_GetArraySize(map);
	cfg->module_names = xcalloc((size_t)cfg->module_nr + 1,
				    sizeof(*cfg->module_names));
	cfg->module_globs = xcalloc((size_t)cfg->module_nr + 1,
				    sizeof(*cfg->module_globs));
	cJSON_ArrayForEach(item, map) {
		cfg->module_names[i] = item->string;
		if (load_globs(&cfg->module_globs[i], item, cfg->path,
			       "modules.map"))
			return CARVE_EINVALID;
		i++;
	}
	return 0;
}

int config_load(struct config *cfg, const char *path, int required)
{
	struct strbuf sb = STRBUF_INIT;
	const cJSON *item;
	int ret;

	ret = strbuf_read_file(&sb, path, CONFIG_MAX_SIZE);
	if (ret == CARVE_ENOTFOUND && !required) {
		ret = 0;
		goto done;
	}
	if (ret == CARVE_ETOOBIG) {
		ret = error("cannot read '%s': larger than %u MiB", path,
			    CONFIG_MAX_SIZE >> 20);
		goto done;
	}
	if (ret) {
		int err = errno;
		struct stat st;

		if (!lstat(path, &st) && !S_ISREG(st.st_mode))
			ret = error("cannot read '%s': %s", path,
				    S_ISDIR(st.st_mode) ? "a directory, not a "
							  "JSON file"
				    : S_ISLNK(st.st_mode) ? "a symbolic link, "
							    "which carve "
							    "does not follow"
							  : "not a regular "
							    "file");
		else
			ret = error("cannot read '%s': %s", path,
				    strerror(err));
		goto done;
	}
	cfg->path = xstrdup(path);
	cfg->root = config_parse_jsonc(sb.buf, sb.len, path);
	if (!cfg->root) {
		ret = CARVE_EINVALID;
		goto done;
	}
	if (!cJSON_IsObject(cfg->root)) {
		ret = error("%s: the top level must be a JSON object", path);
		goto done;
	}
	report_unknown(path, cfg->root, top_keys, "");
	item = cJSON_GetObjectItemCaseSensitive(cfg->root, "exclude");
	if (item && load_globs(&cfg->exclude, item, path, "exclude")) {
		ret = CARVE_EINVALID;
		goto done;
	}
	item = cJSON_GetObjectItemCaseSensitive(cfg->root, "modules");
	if (item && load_modules(cfg, item)) {
		ret = CARVE_EINVALID;
		goto done;
	}
done:
	strbuf_release(&sb);
	return ret;
}

void config_release(struct config *cfg)
{
	if (!cfg)
		return;
	for (int i = 0; i < cfg->module_nr; i++)
		glob_list_release(&cfg->module_globs[i]);
	free(cfg->module_globs);
	free(cfg->module_names);
	glob_list_release(&cfg->exclude);
	cJSON_Delete(cfg->root);
	free(cfg->path);
	memset(cfg, 0, sizeof(*cfg));
}

unsigned long long json_count(const cJSON *v)
{
	const double max = 9007199254740992.0; /* 2^53 */

	if (!cJSON_IsNumber(v) || !(v->valuedouble > 0))
		return 0;
	return v->valuedouble >= max ? (unsigned long long)max
				     : (unsigned long long)v->valuedouble;
}
