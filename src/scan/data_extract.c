/*
 * The entry of data extraction: picks the SQL reader and the ORM
 * extractor of a file's language, and holds the helpers they share
 * (the access list and the table naming conventions of the ORMs).
 */
#include <string.h>
#include <strings.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/language.h"
#include "carve/role.h"
#include "carve/xmalloc.h"

struct data_access *data_file_add(struct data_file *f, const char *table,
				  enum data_kind kind, unsigned flags,
				  unsigned line, const char *via)
{
	struct data_access *a;

	if (f->nr == f->alloc) {
		f->alloc = f->alloc ? 2 * f->alloc : 16;
		f->acc = xreallocarray(f->acc, f->alloc, sizeof(*f->acc));
	}
	a = &f->acc[f->nr++];
	memset(a, 0, sizeof(*a));
	a->table = table;
	a->kind = kind;
	a->flags = flags;
	a->line = line;
	a->via = via;
	return a;
}

struct orm_class *data_file_add_class(struct data_file *f)
{
	struct orm_class *c;

	if (f->classes_nr == f->classes_alloc) {
		f->classes_alloc = f->classes_alloc ? 2 * f->classes_alloc : 8;
		f->classes = xreallocarray(f->classes, f->classes_alloc,
					   sizeof(*f->classes));
	}
	c = &f->classes[f->classes_nr++];
	memset(c, 0, sizeof(*c));
	return c;
}

void data_file_release(struct data_file *f)
{
	free(f->acc);
	free(f->classes);
	memset(f, 0, sizeof(*f));
}

/*
 * The database's own catalogue (PostgreSQL's pg_*, information_schema,
 * SQL Server's sys, MySQL's mysql and performance_schema, SQLite's
 * sqlite_*): read by code that inspects the schema, owned by nobody.
 */
int data_catalog_table(const char *name)
{
	static const char *const schemas[] = { "information_schema.",
					       "pg_catalog.", "sys.", "mysql.",
					       "performance_schema." };
	const char *dot = strrchr(name, '.');
	const char *last = dot ? dot + 1 : name;

	for (size_t i = 0; i < sizeof(schemas) / sizeof(*schemas); i++)
		if (!strncmp(name, schemas[i], strlen(schemas[i])))
			return 1;
	return !strncmp(last, "pg_", 3) || !strncmp(last, "sqlite_", 7);
}

/* OrderLine -> order_line, HTTPRequest -> http_request. */
char *orm_snake(struct arena *arena, const char *name, size_t n)
{
	char *out = arena_alloc(arena, 2 * n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		int upper = c >= 'A' && c <= 'Z';

		if (upper && i &&
		    ((name[i - 1] >= 'a' && name[i - 1] <= 'z') ||
		     (name[i - 1] >= '0' && name[i - 1] <= '9') ||
		     (i + 1 < n && name[i + 1] >= 'a' && name[i + 1] <= 'z' &&
		      name[i - 1] >= 'A' && name[i - 1] <= 'Z')))
			out[o++] = '_';
		out[o++] = upper ? (char)(c + 32) : c;
	}
	out[o] = '\0';
	return out;
}

/* English plurals as Rails' inflector makes the common ones. */
char *orm_plural(struct arena *arena, const char *word)
{
	size_t n = strlen(word);
	char *out = arena_alloc(arena, n + 4);
	char last = n ? word[n - 1] : 0;
	char before = n > 1 ? word[n - 2] : 0;

	memcpy(out, word, n);
	if (n >= 6 && !strcmp(word + n - 6, "person")) {
		memcpy(out + n - 6, "people", 7);
	} else if (last == 'y' && !strchr("aeiou", before)) {
		memcpy(out + n - 1, "ies", 4);
	} else if (last == 's' || last == 'x' || last == 'z' ||
		   (last == 'h' && (before == 'c' || before == 's'))) {
		memcpy(out + n, "es", 3);
	} else {
		memcpy(out + n, "s", 2);
	}
	return out;
}

/*
 * A migration: file_role()'s migrations/, db/migrate/, alembic/, Rails'
 * db/post_migrate/, and the upgrade scripts of projects that ship their schema changes as SQL
 * (upgradescripts/1.90-2.00/upgrade.sql).
 */
int data_migration_path(const char *path)
{
	if (file_role(path) == ROLE_MIGRATION || strstr(path, "post_migrate/"))
		return 1;
	for (const char *p = path; *p; p++)
		if ((p == path || p[-1] == '/') &&
		    !strncasecmp(p, "upgrade", 7))
			return strchr(p, '/') != NULL;
	return 0;
}

void data_extract(struct data_file *out, struct arena *arena, const char *path,
		  const struct language *lang, const char *buf, size_t len)
{
	unsigned flags = data_migration_path(path) ? DATA_MIGRATION : 0;
	const char *name;

	if (!lang)
		return;
	name = lang->name;
	if (!strcmp(name, "SQL")) {
		sql_extract(out, arena, buf, len, 1, flags, 0);
		return;
	}
	if (!(lang->flags & LANG_PROGRAMMING) || !strcmp(name, "Shell") ||
	    !strcmp(name, "Bash") || !strcmp(name, "Zsh"))
		return;
	sql_from_code(out, arena, lang, buf, len, flags);
	if (!strcmp(name, "Python"))
		orm_python(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "Ruby"))
		orm_ruby(out, arena, path, lang, buf, len);
	else if (!strcmp(name, "Java") || !strcmp(name, "Kotlin"))
		orm_java(out, arena, lang, buf, len);
	else if (!strcmp(name, "C#"))
		orm_csharp(out, arena, lang, buf, len);
	else if (!strcmp(name, "Go"))
		orm_go(out, arena, lang, buf, len);
	else if (!strcmp(name, "JavaScript") || !strcmp(name, "TypeScript"))
		orm_js(out, arena, lang, buf, len);
}
