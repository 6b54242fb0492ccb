/*
 * What a file is for, from its path alone: product code, tests, or
 * schema migrations. Seams does not rank a context of tests or
 * migrations for extraction (they move with the code they test or the
 * data they shape), and estimate ports tests at their own rate.
 */
#ifndef CARVE_ROLE_H
#define CARVE_ROLE_H

enum file_role {
	ROLE_CODE,
	ROLE_TEST, /* test directories and the test file names of each
		    * ecosystem: test_x.py, x_test.go, x.spec.ts, XTest.java */
	ROLE_MIGRATION, /* migrations/, db/migrate/, alembic/versions/ */
	ROLE_NR,
};

enum file_role file_role(const char *path);
/* "code", "tests", "migrations" */
const char *file_role_name(enum file_role role);

#endif
