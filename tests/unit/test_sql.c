/*
 * Unit tests for the SQL reader and the Python, Go and C# ORM extractors:
 * each expected table, kind and line worked out by hand from the text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/arena.h"
#include "carve/data.h"
#include "carve/language.h"

struct want {
	const char *table; /* NULL: dynamic */
	enum data_kind kind;
	unsigned line;
};

static void check(const struct data_file *f, const struct want *w, size_t nr)
{
	for (size_t i = 0; i < nr && i < f->nr; i++) {
		const struct data_access *a = &f->acc[i];

		if (w[i].table)
			assert_non_null(a->table);
		if (w[i].table)
			assert_string_equal(a->table, w[i].table);
		else
			assert_true(a->flags & DATA_DYNAMIC);
		assert_int_equal(a->kind, w[i].kind);
		assert_int_equal(a->line, w[i].line);
	}
	assert_int_equal(f->nr, nr);
}

static void sql_text(const char *sql, const struct want *w, size_t nr)
{
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	sql_extract(&f, &a, sql, strlen(sql), 1, 0, 0);
	check(&f, w, nr);
	data_file_release(&f);
	arena_release(&a);
}

static void statements(void **state)
{
	/* line 1: a join with aliases, line 2: insert, 3: update, 4:
	 * delete, 5: the FROM of EXTRACT is no table, 6: a CTE is not a
	 * table but what it reads is */
	static const char sql[] =
		"SELECT * FROM Orders o JOIN order_line AS l ON l.o = o.id;\n"
		"INSERT OR REPLACE INTO prefs (a, b) VALUES (1, 2);\n"
		"UPDATE orders SET status = 'x' WHERE id IN (SELECT id FROM "
		"stale);\n"
		"DELETE FROM sessions WHERE expires < now(); -- FROM comment\n"
		"SELECT EXTRACT(YEAR FROM d) FROM public.events, "
		"\"Quoted Name\";\n"
		"WITH recent AS (SELECT * FROM orders) SELECT * FROM recent;\n";
	static const struct want w[] = {
		{ "orders", DATA_READ, 1 }, { "order_line", DATA_READ, 1 },
		{ "prefs", DATA_WRITE, 2 }, { "orders", DATA_WRITE, 3 },
		{ "stale", DATA_READ, 3 },  { "sessions", DATA_WRITE, 4 },
		{ "events", DATA_READ, 5 }, { "Quoted Name", DATA_READ, 5 },
		{ "orders", DATA_READ, 6 },
	};

	(void)state;
	sql_text(sql, w, sizeof(w) / sizeof(*w));
}

static void schema(void **state)
{
	/* ON DELETE / ON UPDATE are no statements; REFERENCES no access;
	 * other schemas keep their prefix */
	static const char sql[] = "CREATE TABLE IF NOT EXISTS users (\n"
				  "  id INT REFERENCES accounts (id) ON DELETE "
				  "CASCADE ON UPDATE "
				  "CASCADE\n"
				  ");\n"
				  "ALTER TABLE ONLY billing.invoices ADD "
				  "COLUMN x INT;\n"
				  "DROP TABLE IF EXISTS old_a, old_b;\n"
				  "TRUNCATE TABLE logs;\n"
				  "MERGE INTO stock USING deliveries ON "
				  "stock.id = deliveries.id "
				  "WHEN MATCHED THEN UPDATE SET n = 1;\n";
	static const struct want w[] = {
		{ "users", DATA_DEFINE, 1 },
		{ "billing.invoices", DATA_DEFINE, 4 },
		{ "old_a", DATA_DROP, 5 },
		{ "old_b", DATA_DROP, 5 },
		{ "logs", DATA_WRITE, 6 },
		{ "stock", DATA_WRITE, 7 },
		{ "deliveries", DATA_READ, 7 },
	};

	(void)state;
	sql_text(sql, w, sizeof(w) / sizeof(*w));
}

static void in_code(void **state)
{
	/* line 1: adjacent literals; 2: concatenated table name (dynamic);
	 * 3: a %s placeholder outside the table is fine; 4: an f-string
	 * table (dynamic); 5: English text is no SQL; 6: a comment */
	static const char py[] = "db.q(\"SELECT a FROM \" \"carts\" \" WHERE "
				 "x\")\n"
				 "db.q(\"SELECT * FROM \" + table)\n"
				 "db.q(\"DELETE FROM items WHERE id IN (%s)\" "
				 "% ids)\n"
				 "db.q(f\"UPDATE {name} SET a = 1\")\n"
				 "log(\"Update the order from the cart\")\n"
				 "# SELECT * FROM hidden\n";
	static const struct want w[] = {
		{ "carts", DATA_READ, 1 },
		{ NULL, DATA_READ, 2 },
		{ "items", DATA_WRITE, 3 },
		{ NULL, DATA_WRITE, 4 },
	};
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	sql_from_code(&f, &a, language_by_name("Python"), py, strlen(py), 0);
	check(&f, w, sizeof(w) / sizeof(*w));
	data_file_release(&f);
	arena_release(&a);
}

static void long_sql(void **state)
{
	/* 20,000 joins in one statement: every one read, in order */
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;
	size_t n = 20000, len = 0;
	char *buf = malloc(n * 32 + 32);

	(void)state;
	len += (size_t)snprintf(buf, n * 32 + 32, "SELECT * FROM t0");
	for (size_t i = 1; i < n; i++)
		len += (size_t)snprintf(buf + len, n * 32 + 32 - len,
					" JOIN t%zu", i);
	sql_extract(&f, &a, buf, len, 1, 0, 1);
	assert_int_equal(f.nr, n);
	assert_string_equal(f.acc[n - 1].table, "t19999");
	data_file_release(&f);
	arena_release(&a);
	free(buf);
}

static void django_models(void **state)
{
	/* Order: a model (line 4) with M2M tags (no through) and a Meta;
	 * Base is abstract; Proxy is a proxy; queries on lines 15 and 16 */
	static const char py[] = "from django.db import models\n"
				 "class Base(models.Model):\n"
				 "    class Meta:\n"
				 "        abstract = True\n"
				 "class Order(Base):\n"
				 "    tags = models.ManyToManyField(Tag)\n"
				 "    lines = models.ManyToManyField(X, "
				 "through=\"Line\")\n"
				 "    class Meta:\n"
				 "        db_table = \"shop_orders\"\n"
				 "class Proxy(Order):\n"
				 "    class Meta:\n"
				 "        proxy = True\n"
				 "def f():\n"
				 "    pass\n"
				 "    Order.objects.filter(a=1).update(b=2)\n"
				 "    Order.objects.get(pk=1)\n";
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	orm_python(&f, &a, "shop/orders/models.py", language_by_name("Python"),
		   py, strlen(py));
	assert_int_equal(f.classes_nr, 3);
	assert_string_equal(f.classes[0].name, "Base");
	assert_true(f.classes[0].abstract);
	assert_string_equal(f.classes[0].bases[0], "models.Model");
	assert_string_equal(f.classes[1].table, "shop_orders");
	assert_string_equal(f.classes[1].app, "orders");
	assert_int_equal(f.classes[1].m2m_nr, 1);
	assert_string_equal(f.classes[1].m2m[0], "tags");
	assert_true(f.classes[2].proxy);
	assert_int_equal(f.nr, 2);
	assert_string_equal(f.acc[0].model, "Order");
	assert_int_equal(f.acc[0].kind, DATA_WRITE);
	assert_int_equal(f.acc[0].line, 15);
	assert_int_equal(f.acc[1].kind, DATA_READ);
	data_file_release(&f);
	arena_release(&a);
}

static void naming(void **state)
{
	struct arena a = ARENA_INIT;

	(void)state;
	assert_string_equal(orm_snake(&a, "OrderLine", 9), "order_line");
	assert_string_equal(orm_snake(&a, "HTTPRequest", 11), "http_request");
	assert_string_equal(orm_plural(&a, "category"), "categories");
	assert_string_equal(orm_plural(&a, "address"), "addresses");
	assert_string_equal(orm_plural(&a, "day"), "days");
	assert_string_equal(orm_plural(&a, "person"), "people");
	arena_release(&a);
}

static void not_tables(void **state)
{
	/* line 1: a temporary table is no table, but what fills it is; 2:
	 * a cursor is no table; 3: a WITH query with a column list is no
	 * table; 4: pg_class is flagged as the catalogue */
	static const char sql[] =
		"CREATE TEMPORARY TABLE tmp_ids (id int); INSERT INTO tmp_ids "
		"SELECT id FROM Product;\n"
		"DECLARE cur CURSOR FOR SELECT id FROM tmp_ids; FETCH NEXT "
		"FROM cur;\n"
		"WITH counts(d, n) AS (SELECT d, 1 FROM accounts) SELECT * "
		"FROM counts;\n"
		"SELECT relname FROM pg_class;\n";
	static const struct want w[] = {
		{ "product", DATA_READ, 1 },
		{ "accounts", DATA_READ, 3 },
		{ "pg_class", DATA_READ, 4 },
	};
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	sql_extract(&f, &a, sql, strlen(sql), 1, 0, 0);
	check(&f, w, sizeof(w) / sizeof(*w));
	assert_true(f.acc[2].flags & DATA_CATALOG);
	assert_false(f.acc[0].flags & DATA_CATALOG);
	data_file_release(&f);
	arena_release(&a);
}

static void quoted_splices(void **state)
{
	/* a quoted name around spliced code or a placeholder is dynamic;
	 * a quoted name that is no identifier is nothing */
	static const char go[] = "x.Exec(\"DELETE FROM `\" + name + \"`\")\n"
				 "x.Exec(\"SELECT * FROM \\\"%s\\\"\")\n"
				 "x.Exec(\"SELECT * FROM \\\"a > b\\\"\")\n";
	static const struct want w[] = {
		{ NULL, DATA_WRITE, 1 },
		{ NULL, DATA_READ, 2 },
	};
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	sql_from_code(&f, &a, language_by_name("Go"), go, strlen(go), 0);
	check(&f, w, sizeof(w) / sizeof(*w));
	data_file_release(&f);
	arena_release(&a);
}

static void django_methods(void **state)
{
	/* writes inside methods (lines 4, 7 and 8), a read bound to a name
	 * whose save() writes (lines 9 and 10); a call of an unknown name's
	 * save() is nothing; the ")" closing a multi-line signature (line
	 * 14) does not end the def: line 15 writes */
	static const char py[] = "class Billing:\n"
				 "    active = True\n"
				 "    def start(self, c):\n"
				 "        plan = Plan.objects.create(c=c)\n"
				 "        return plan\n"
				 "    def rename(self, name):\n"
				 "        c = Customer(name=name)\n"
				 "        c.save()\n"
				 "        p = Plan.objects.get(pk=1)\n"
				 "        p.delete()\n"
				 "        other.save()\n"
				 "    def end(\n"
				 "        self,\n"
				 "    ) -> None:\n"
				 "        plan = Plan.objects.create(c=1)\n";
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	orm_python(&f, &a, "billing/lib/stripe.py", language_by_name("Python"),
		   py, strlen(py));
	assert_int_equal(f.nr, 5);
	assert_int_equal(f.acc[4].kind, DATA_WRITE);
	assert_int_equal(f.acc[4].line, 15);
	assert_string_equal(f.acc[0].model, "Plan");
	assert_int_equal(f.acc[0].kind, DATA_WRITE);
	assert_int_equal(f.acc[0].line, 4);
	assert_string_equal(f.acc[1].model, "Customer");
	assert_int_equal(f.acc[1].kind, DATA_WRITE);
	assert_int_equal(f.acc[1].line, 8);
	assert_int_equal(f.acc[2].kind, DATA_READ);
	assert_int_equal(f.acc[3].kind, DATA_WRITE);
	assert_string_equal(f.acc[3].model, "Plan");
	assert_int_equal(f.acc[3].line, 10);
	data_file_release(&f);
	arena_release(&a);
}

static void go_and_csharp(void **state)
{
	/* xorm: GonicMapper names, TableName() wins; EF: ToTable for Order,
	 * a Map join table, a repository's Insert writes Order */
	static const char go[] = "type LFSLock struct{}\n"
				 "func (Mirror) TableName() string { return "
				 "\"repo_mirror\" }\n"
				 "func init() {\n"
				 "\tdb.RegisterModel(new(LFSLock))\n"
				 "\tdb.RegisterModel(new(Mirror))\n"
				 "}\n";
	static const char cs[] =
		"class OrderMap : EntityTypeConfiguration<Order> {\n"
		"  OrderMap() { this.ToTable(\"Sales_Order\");\n"
		"    HasMany(o => o.Tags).WithMany().Map(m => "
		"m.ToTable(\"Order_Tag\")); }\n"
		"}\n"
		"class S { IRepository<Order> _orders;\n"
		"  void F(Order o) { _orders.Insert(o); var q = _orders.Table; }\n"
		"}\n";
	struct data_file f = { 0 };
	struct arena a = ARENA_INIT;

	(void)state;
	orm_go(&f, &a, language_by_name("Go"), go, strlen(go));
	assert_int_equal(f.classes_nr, 2);
	assert_string_equal(f.classes[0].name, "Mirror");
	assert_string_equal(f.classes[0].table, "repo_mirror");
	assert_string_equal(f.classes[1].table, "lfs_lock");
	assert_true(f.classes[1].conventional);
	assert_string_equal(orm_gonic(&a, "OAuth2Grant", 11), "o_auth2_grant");
	assert_string_equal(orm_gonic(&a, "UserID", 6), "user_id");
	data_file_release(&f);

	orm_csharp(&f, &a, language_by_name("C#"), cs, strlen(cs));
	/* classes: OrderMap, the Order mapping, S */
	assert_int_equal(f.classes_nr, 3);
	assert_string_equal(f.classes[1].name, "Order");
	assert_string_equal(f.classes[1].table, "Sales_Order");
	assert_int_equal(f.classes[1].conventional, 0);
	assert_int_equal(f.nr, 3);
	assert_string_equal(f.acc[0].table, "Order_Tag");
	assert_int_equal(f.acc[0].kind, DATA_DEFINE);
	assert_string_equal(f.acc[1].model, "Order");
	assert_int_equal(f.acc[1].kind, DATA_WRITE);
	assert_int_equal(f.acc[1].line, 6);
	assert_int_equal(f.acc[2].kind, DATA_READ);
	data_file_release(&f);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statements),
		cmocka_unit_test(schema),
		cmocka_unit_test(in_code),
		cmocka_unit_test(long_sql),
		cmocka_unit_test(django_models),
		cmocka_unit_test(naming),
		cmocka_unit_test(not_tables),
		cmocka_unit_test(quoted_splices),
		cmocka_unit_test(django_methods),
		cmocka_unit_test(go_and_csharp),
	};

	return cmocka_run_group_tests_name("sql", tests, NULL, NULL);
}
