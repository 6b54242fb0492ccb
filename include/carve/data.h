/*
 * Data ownership: which code reads, writes and defines which database
 * tables (SQL in string literals and .sql files, ORM models and their
 * tables, migrations), per file and per context, the tables written by
 * more than one context (the single-writer rule broken) with a suggested
 * owner, and the database coupling score of each context.
 *
 * Extraction (src/scan/sql.c, src/scan/orm_*.c) fills a data_file whose
 * strings live in the arena it is given; the analysis
 * (src/analysis/data.c) maps files to the contexts of a seams proposal
 * and owns everything in its struct data_report (data_report_free()).
 */
#ifndef CARVE_DATA_H
#define CARVE_DATA_H

#include <stddef.h>
#include <stdio.h>

struct arena;
struct language;
struct scan;
struct seams;
struct cJSON;

enum data_kind {
	DATA_READ, /* SELECT ... FROM / JOIN, ORM queries */
	DATA_WRITE, /* INSERT, UPDATE, DELETE, MERGE, TRUNCATE, ORM writes */
	DATA_DEFINE, /* CREATE/ALTER TABLE, a model class, a migration */
	DATA_DROP, /* DROP TABLE, a migration's DeleteModel */
	DATA_KIND_NR,
};

/* Flags of struct data_access. */
enum {
	DATA_DYNAMIC = 1 << 0, /* the table name is computed: table NULL */
	DATA_ORM = 1 << 1, /* from an ORM model or query, not SQL text */
	DATA_MIGRATION = 1 << 2, /* in a migration (the schema source) */
	DATA_OTHER_SCHEMA = 1 << 3, /* schema.table outside the default */
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
	const char *table; /* explicit (db_table, __tablename__, @Table) */
	const char *app; /* Django app label, or NULL for the default */
	const char *framework; /* "django", "sqlalchemy", "rails", ... */
	const char **m2m; /* Django ManyToManyField names without through */
	size_t m2m_nr;
	unsigned line;
	int abstract; /* abstract model: no table of its own */
	int proxy; /* Django proxy model: the parent's table */
	int is_model; /* known to be a model without a base chain */
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

/* The ORM extractors, one per language family (src/scan/orm_*.c). */
void orm_python(struct data_file *out, struct arena *arena, const char *path,
		const struct language *lang, const char *buf, size_t len);
void orm_ruby(struct data_file *out, struct arena *arena, const char *path,
	      const struct language *lang, const char *buf, size_t len);
void orm_java(struct data_file *out, struct arena *arena,
	      const struct language *lang, const char *buf, size_t len);
void orm_go(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len);
void orm_js(struct data_file *out, struct arena *arena,
	    const struct language *lang, const char *buf, size_t len);

/* Table naming conventions shared by the ORM extractors (arena copies). */
char *orm_snake(struct arena *arena, const char *name, size_t n);
char *orm_plural(struct arena *arena, const char *word);

/* ---- the analysis ---- */

/* One context's accesses of one table. */
struct data_use {
	size_t context;
	unsigned long n[DATA_KIND_NR];
};

/* A file's accesses of one table, for the listing. */
struct data_ref {
	size_t file; /* scan index */
	enum data_kind kind;
	unsigned line;
	const char *via;
};

struct data_table {
	char *name;
	int other_schema;
	/*
	 * Not in the current schema: dropped or renamed by the last
	 * migration touching it, or created only by the migrations of an
	 * app whose models no longer declare it.
	 */
	int dropped;
	int code_defined; /* a model or CREATE TABLE outside migrations */
	size_t migration_file; /* last ORM migration defining it, or -1 */
	struct data_use *uses; /* by context index */
	size_t uses_nr;
	struct data_ref *refs; /* by file, line */
	size_t refs_nr, refs_alloc;
	long owner; /* suggested owner (context), -1 when nobody uses it */
	size_t writers; /* contexts that write it */
	int shared; /* written by more than one context */
};

struct data_context {
	const char *name; /* borrowed from the seams proposal */
	unsigned long reads, writes, defines; /* accesses */
	unsigned long crossing; /* reads and writes of others' tables */
	double coupling; /* crossing / (reads + writes), 0 if none */
	size_t *owned; /* table indexes owned, by name */
	size_t owned_nr;
	size_t *shared; /* shared tables it writes, by name */
	size_t shared_nr;
	size_t *foreign_reads; /* others' tables it reads: API calls */
	size_t foreign_reads_nr;
	unsigned long dynamic; /* SQL whose table is computed */
};

struct data_report {
	const struct scan *scan;
	const struct seams *seams;
	struct data_table *tables; /* by name */
	size_t tables_nr;
	struct data_context *contexts; /* parallel to seams->contexts */
	size_t contexts_nr;
	unsigned long accesses; /* reads and writes from contexts */
	unsigned long crossing;
	double coupling; /* crossing / accesses, 0 if none */
	size_t shared_nr; /* tables written by more than one context */
	unsigned long dynamic; /* SQL statements with computed tables */
	size_t files_read; /* files read for this analysis */
	size_t models, abstract_models; /* ORM classes with / without table */
	unsigned long unresolved_models; /* ORM queries of unknown classes */
	unsigned long test_accesses; /* from test code, left out */
	int with_tests;
};

struct data_options {
	int threads; /* 0: online CPUs */
	/*
	 * Count test code (file_role() of role.h: tests/ folders, test_*.py,
	 * *_test.go, *.test.js, *Test.java, *_spec.rb) among readers and
	 * writers; by default its
	 * accesses are listed but decide no owner, writer or coupling.
	 */
	int with_tests;
};

/*
 * Reads every counted file of `scan`, extracts its table accesses and
 * maps them to the contexts of `seams`. Returns 0 and sets *out (the
 * caller's: data_report_free), or <0 after reporting.
 */
int data_analyse(struct data_report **out, const struct scan *scan,
		 const struct seams *seams, const struct data_options *o);
void data_report_free(struct data_report *r);

/*
 * What the estimate and the roadmap read per context: the context named
 * `name` (tables owned, shared tables written, database coupling), or
 * NULL when the proposal has no such context.
 */
const struct data_context *data_context_find(const struct data_report *r,
					     const char *name);
/* Short name of an access kind: "read", "write", "define", "drop". */
const char *data_kind_name(enum data_kind kind);

/* Emitters (src/emit/data_*.c). */
void data_json_add(struct cJSON *root, const struct data_report *r);
void data_print_csv(FILE *fp, const struct data_report *r);
void data_print_dot(FILE *fp, const struct data_report *r);

#endif
