/*
 * Data ownership analysed (src/analysis/data.c): every counted file's
 * SQL and ORM accesses extracted (carve/data.h), mapped to the contexts
 * of a seams proposal, into the data part of the model
 * (carve/model_data.h).
 */
#ifndef CARVE_DATA_ANALYSIS_H
#define CARVE_DATA_ANALYSIS_H

#include "carve/model_data.h"

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

#endif
