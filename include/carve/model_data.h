/*
 * The data part of the model: the tables the code reads, writes and
 * defines, per file and per context, the tables written by more than one
 * context with a suggested owner, and each context's database coupling.
 * data_analyse() (carve/data_analysis.h) makes one and owns it
 * (data_report_free()); data_json_add() writes it
 * (src/model/data_json.c), which also names the kinds of access.
 */
#ifndef CARVE_MODEL_DATA_H
#define CARVE_MODEL_DATA_H

#include <stddef.h>

struct cJSON;
struct scan;
struct seams;

enum data_kind {
	DATA_READ, /* SELECT ... FROM / JOIN, ORM queries */
	DATA_WRITE, /* INSERT, UPDATE, DELETE, MERGE, TRUNCATE, ORM writes */
	DATA_DEFINE, /* CREATE/ALTER TABLE, a model class, a migration */
	DATA_DROP, /* DROP TABLE, a migration's DeleteModel */
	DATA_KIND_NR,
};

/*
 * Why a file's reads and writes decide no owner and make no table shared:
 * the schema's history (migrations), test code (unless counted), fixtures
 * and the seeding of development or sample data.
 */
enum data_aside {
	DATA_ASIDE_NONE,
	DATA_ASIDE_MIGRATION,
	DATA_ASIDE_TEST,
	DATA_ASIDE_FIXTURE,
	DATA_ASIDE_SEED,
	DATA_ASIDE_NR,
};

/* What the ORM extractors recognise, for the notice when none matched. */
#define DATA_ORMS_LOOKED_FOR                                                 \
	"Django models, SQLAlchemy declarative classes and Table(), Rails "  \
	"ActiveRecord models and db/schema.rb, JPA @Entity classes, Entity " \
	"Framework entities (DbSet, ToTable, [Table], BaseEntity), GORM, "   \
	"xorm (RegisterModel, TableName), Sequelize and TypeORM"

/* How many ORM frameworks data_report counts models of. */
#define DATA_MAX_FRAMEWORKS 16

/* One context's accesses of one table. */
struct data_use {
	size_t context;
	unsigned long n[DATA_KIND_NR];
	unsigned long models; /* of n[DATA_DEFINE]: ORM models and mappings */
};

/* A file's accesses of one table, for the listing. */
struct data_ref {
	size_t file; /* scan index */
	enum data_kind kind;
	unsigned line;
	const char *via;
	enum data_aside aside; /* DATA_ASIDE_NONE: it counts */
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
	int view; /* a view, not a table (Rails' create_view) */
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
	/* reads and writes set aside, by why (enum data_aside) */
	unsigned long aside_reads[DATA_ASIDE_NR];
	unsigned long aside_writes[DATA_ASIDE_NR];
	unsigned long catalog; /* accesses of the database's catalogue */
	/* ORM models with a table, by framework ("django", "ef", ...) */
	struct data_framework {
		const char *name; /* static */
		size_t models;
	} frameworks[DATA_MAX_FRAMEWORKS];
	size_t frameworks_nr;
};

/* "migration", "test", "fixture", "seed" (NULL for DATA_ASIDE_NONE). */
const char *data_aside_name(enum data_aside why);

/* Short name of an access kind: "read", "write", "define", "drop". */
const char *data_kind_name(enum data_kind kind);

void data_json_add(struct cJSON *root, const struct data_report *r);

#endif
