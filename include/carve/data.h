/*
 * Data ownership: which code reads, writes and defines which database
 * tables (SQL in string literals and .sql files, ORM models and their
 * tables, migrations), per file and per context, the tables written by
 * more than one context (the single-writer rule broken) with a suggested
 * owner, and the database coupling score of each context.
 *
 * Extraction (src/scan/sql.c, src/scan/orm_*.c) fills a data_file whose
 * strings live in the arena it is given; the analysis
 * (src/analysis/data.c, carve/data_analysis.h) maps files to the
 * contexts of a seams proposal into a struct data_report, the data part
 * of the model (carve/model_data.h).
 */
#ifndef CARVE_DATA_H
#define CARVE_DATA_H

#include <stddef.h>

#include "carve/model_data.h"

struct arena;
struct language;

/* Flags of struct data_access. */
enum {
	DATA_DYNAMIC = 1 << 0, /* the table name is computed: table NULL */
	DATA_ORM = 1 << 1, /* from an ORM model or query, not SQL text */
	DATA_MIGRATION = 1 << 2, /* in a migration (the schema source) */
	DATA_OTHER_SCHEMA = 1 << 3, /* schema.table outside the default */
	DATA_CATALOG = 1 << 4, /* the database's own catalogue: pg_class */
	DATA_VIEW = 1 << 5, /* a view (db/schema.rb's create_view) */
};

struct data_access {
	const char *table; /* as the database names it; NULL if dynamic */
	const char *model; /* an ORM query's class name, resolved later */
	enum data_kind kind;
	unsigned flags;
	unsigned line;
	const char *via; /* "sql", "django", "sqlalchemy", "rails", ... */
};

/* An ORM class as written; data_analyse() resolves bases to tables. */
struct orm_class {
	const char *name;
	const char **bases; /* as written: "models.Model", "Base" */
	size_t bases_nr;
	/*
	 * Parallel to bases, or NULL: where each base was imported from, as
	 * a path without extension ("users/api/serializers_/mixins" of
	 * Python's from users.api.serializers_.mixins import OwnerMixin; a
	 * relative import from the file's folder), or NULL.
	 */
	const char **bases_from;
	const char *table; /* explicit (db_table, __tablename__, @Table) */
	const char *app; /* Django app label, or NULL for the default */
	const char *framework; /* "django", "sqlalchemy", "rails", ... */
	const char **m2m; /* Django ManyToManyField names without through */
	size_t m2m_nr;
	unsigned line;
	int abstract; /* abstract model: no table of its own */
	int proxy; /* Django proxy model: the parent's table */
	int is_model; /* known to be a model without a base chain */
	/*
	 * 0: the table is written (TableName(), ToTable, [Table], db_table);
	 * more: it is a naming convention, and a class of the same name and
	 * framework with a lower level wins (EF: 1 a DbSet property's name,
	 * 2 the class name).
	 */
	int conventional;
	const char *ns; /* Rails: the module around the class, or NULL */
};

struct data_file {
	struct data_access *acc;
	size_t nr, alloc;
	struct orm_class *classes;
	size_t classes_nr, classes_alloc;
};

/* Appends an access (strings must already live in the arena). */
struct data_access *data_file_add(struct data_file *f, const char *table,
				  enum data_kind kind, unsigned flags,
				  unsigned line, const char *via);
struct orm_class *data_file_add_class(struct data_file *f);
void data_file_release(struct data_file *f);

/*
 * Reads the table accesses and ORM classes of buf[0..len) (NUL at len),
 * the file `path` written in `lang`, into out.
 */
void data_extract(struct data_file *out, struct arena *arena, const char *path,
		  const struct language *lang, const char *buf, size_t len);

/*
 * SQL text sql[0..len) starting at `line`: every table it reads, writes,
 * defines or drops, with `flags` added. In code, `statement` is 1: the
 * text must start with a statement keyword to count as SQL at all. The
 * byte SQL_SPLICE marks code spliced into the text (concatenation,
 * interpolation): a table name there is reported as dynamic.
 */
#define SQL_SPLICE '\001'
void sql_extract(struct data_file *out, struct arena *arena, const char *sql,
		 size_t len, unsigned line, unsigned flags, int statement);
/* SQL in the string literals of code (adjacent and + joined). */
void sql_from_code(struct data_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len,
		   unsigned flags);

/*
 * Is `path` the schema's history: a migration (file_role()) or a folder
 * of upgrade scripts (upgradescripts/, upgrade/)?
 */
int data_migration_path(const char *path);

/* The ORM extractors, one per language family (src/scan/orm_*.c). */
void orm_python(struct data_file *out, struct arena *arena, const char *path,
		const struct language *lang, const char *buf, size_t len);
void orm_ruby(struct data_file *out, struct arena *arena, const char *path,
	      const struct language *lang, const char *buf, size_t len);
void orm_java(struct data_file *out, struct arena *arena,
	      const struct language *lang, const char *buf, size_t len);
void orm_csharp(struct data_file *out, struct arena *arena,
		const struct language *lang, const char *buf, size_t len);
void orm_go(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len);
void orm_js(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len);

/*
 * The database's own catalogue (PostgreSQL's pg_*, information_schema,
 * SQL Server's sys, MySQL's mysql, SQLite's sqlite_*): no application's.
 */
int data_catalog_table(const char *name);

/* Table naming conventions shared by the ORM extractors (arena copies). */
char *orm_snake(struct arena *arena, const char *name, size_t n);
char *orm_plural(struct arena *arena, const char *word);
/* xorm's GonicMapper: UserID -> user_id, OAuth2Grant -> o_auth2_grant. */
char *orm_gonic(struct arena *arena, const char *name, size_t n);

#endif
