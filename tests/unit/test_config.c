/*
 * Unit tests for carve.json: comments, trailing commas, error positions,
 * duplicate keys, wrong types, every section typed, malformed values
 * named with file, key and value, unknown keys with the key meant.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carve/calendar.h"
#include "carve/config.h"
#include "carve/error.h"
#include "carve/utf8.h"

static char tmpdir[] = "/tmp/carve-test-config-XXXXXX";

static const char *write_config(const char *text)
{
	static char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/carve.json", tmpdir);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* Captures stderr into a file so tests can read the error message. */
static char *capture(int (*fn)(const char *), const char *arg, int *ret)
{
	static char msg[1024];
	FILE *fp = tmpfile();
	int saved = dup(2);
	size_t n;

	fflush(stderr);
	dup2(fileno(fp), 2);
	*ret = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(fp);
	n = fread(msg, 1, sizeof(msg) - 1, fp);
	msg[n] = '\0';
	fclose(fp);
	return msg;
}

static int load(const char *path)
{
	struct config cfg = CONFIG_INIT;
	int ret = config_load(&cfg, path, 1);

	config_release(&cfg);
	return ret;
}

static void comments_and_trailing_commas(void **state)
{
	struct config cfg = CONFIG_INIT;
	const char *path = write_config(
		"// top comment\n"
		"{\n"
		"  /* block\n     comment */ \"exclude\": [\"a/**\", \"*.sql\",],\n"
		"  \"modules\": { \"depth\": 2, }, // after\n"
		"  \"note\": \"a // inside a string is not a comment\"\n"
		"}\n");

	(void)state;
	assert_int_equal(config_load(&cfg, path, 1), 0);
	assert_int_equal(cfg.exclude.nr, 2);
	assert_string_equal(cfg.exclude.patterns[1], "*.sql");
	assert_int_equal(cfg.module_depth, 2);
	config_release(&cfg);
}

static void error_names_line_and_column(void **state)
{
	/* the stray 'x' is on line 3, column 14 */
	const char *path = write_config("{\n  \"modules\": {\n    \"depth\": x\n"
					"  }\n}\n");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json' at line 3, column 14"));
}

static void truncated_file_says_end_of_file(void **state)
{
	const char *path = write_config("{ \"exclude\": [\"a\"");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "unexpected end of file"));
}

static void duplicate_keys_are_errors(void **state)
{
	const char *path = write_config("{ \"modules\": { \"depth\": 1, "
					"\"depth\": 2 } }");
	int ret;
	char *msg = capture(load, path, &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "duplicate key 'depth' in \"modules\""));
}

static void wrong_types_name_the_key(void **state)
{
	int ret;
	char *msg;

	(void)state;
	msg = capture(load, write_config("{ \"exclude\": \"vendor/**\" }"),
		      &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json: 'exclude': expected an array "
				    "of glob strings, got \"vendor/**\""));
	msg = capture(load, write_config("{ \"modules\": { \"depth\": 0.5 } }"),
		      &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "modules.depth"));
	msg = capture(load, write_config("[1, 2]"), &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "must be a JSON object"));
}

static void unknown_keys_are_reported(void **state)
{
	int ret;
	char *msg = capture(load, write_config("{ \"exlude\": [] }"), &ret);

	(void)state;
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg, "unknown key 'exlude'"));
}

static void deep_nesting_is_refused(void **state)
{
	char text[400];
	int ret;
	char *msg;

	(void)state;
	memset(text, '[', 100);
	memset(text + 100, ']', 100);
	text[200] = '\0';
	msg = capture(load, write_config(text), &ret);
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "nested deeper"));
}

static void missing_optional_file_is_fine(void **state)
{
	struct config cfg = CONFIG_INIT;

	(void)state;
	assert_int_equal(config_load(&cfg, "/nonexistent/carve.json", 0), 0);
	assert_null(cfg.path);
	assert_int_not_equal(config_load(&cfg, "/nonexistent/carve.json", 1),
			     0);
	config_release(&cfg);
}

/* Every section read into the struct, in file order. */
static void every_section_is_typed(void **state)
{
	struct config cfg = CONFIG_INIT;
	struct plan plan;
	calendar_day jan4;
	const char *path = write_config(
		"{ \"legacy\": [\"app/**\"], \"new\": [\"svc/**\"],\n"
		"  \"contexts\": { \"orders\": [\"app/orders/**\", "
		"\"app/cart/**\"], \"users\": [\"app/users/**\"] },\n"
		"  \"rules\": [ { \"from\": \"orders\", \"to\": \"legacy\", "
		"\"allow\": true, \"except\": [\"x/**\"], \"name\": \"r1\" },\n"
		"             { \"cycles\": false } ],\n"
		"  \"teams\": { \"payments\": [\"ann@example.com\", "
		"\"*@pay.example.com\"] },\n"
		"  \"target\": { \"language\": \"go\" },\n"
		"  \"rates\": { \"python->go\": 30, \"ruby->go\": { "
		"\"optimistic\": 40, \"likely\": 30, \"pessimistic\": 20, "
		"\"distribution\": \"pert\" } },\n"
		"  \"estimate\": { \"distribution\": \"fixed\", \"service\": 12 "
		"},\n"
		"  \"plan\": { \"start\": \"2027-01-04\", \"capacity\": 8 } }\n");

	(void)state;
	assert_int_equal(config_load(&cfg, path, 1), 0);
	assert_true(cfg.has_legacy && cfg.has_new);
	assert_string_equal(cfg.legacy.patterns[0], "app/**");
	assert_string_equal(cfg.new_paths.patterns[0], "svc/**");
	assert_int_equal(cfg.contexts_nr, 2);
	assert_string_equal(cfg.contexts[0].name, "orders");
	assert_int_equal(cfg.contexts[0].globs.nr, 2);
	assert_string_equal(cfg.contexts[0].globs.patterns[1], "app/cart/**");
	assert_string_equal(cfg.contexts[1].name, "users");
	assert_true(cfg.has_rules);
	assert_int_equal(cfg.rules_nr, 2);
	assert_string_equal(cfg.rules[0].from, "orders");
	assert_string_equal(cfg.rules[0].to, "legacy");
	assert_true(cfg.rules[0].allow);
	assert_int_equal(cfg.rules[0].except.nr, 1);
	assert_string_equal(cfg.rules[0].name, "r1");
	assert_false(cfg.rules[0].cycles);
	assert_true(cfg.rules[1].cycles);
	assert_null(cfg.rules[1].name);
	assert_int_equal(cfg.teams_nr, 1);
	assert_string_equal(cfg.teams[0].name, "payments");
	assert_int_equal(cfg.teams[0].patterns_nr, 2);
	assert_string_equal(cfg.teams[0].patterns[1], "*@pay.example.com");
	assert_true(cfg.has_target);
	assert_string_equal(cfg.target_language, "go");
	assert_int_equal(cfg.rates_nr, 2);
	assert_string_equal(cfg.rates[0].key, "python->go");
	assert_false(cfg.rates[0].three);
	assert_true(cfg.rates[0].value == 30);
	assert_true(cfg.rates[1].three);
	assert_true(cfg.rates[1].optimistic == 40 &&
		    cfg.rates[1].likely == 30 &&
		    cfg.rates[1].pessimistic == 20);
	assert_true(cfg.rates[1].kind_set);
	assert_int_equal(cfg.rates[1].kind, DIST_PERT);
	assert_true(cfg.estimate_kind_set);
	assert_int_equal(cfg.estimate_kind, DIST_FIXED);
	assert_int_equal(cfg.factors_nr, 1);
	assert_string_equal(cfg.factors[0].key, "service");
	assert_true(cfg.factors[0].value == 12);
	assert_true(cfg.has_plan && cfg.plan.start_set);
	assert_int_equal(calendar_parse(&jan4, "2027-01-04"), 0);
	assert_int_equal(cfg.plan.cal.start, jan4);
	/* the command's copy: 8 engineers from the start on */
	assert_int_equal(plan_load(&plan, &cfg, 0), 0);
	assert_int_equal(plan.cal.start, jan4);
	assert_int_equal(plan.capacity_nr, 1);
	assert_int_equal(plan.capacity[0].from, jan4);
	assert_true(plan_engineers(&plan, 0) == 8);
	plan_release(&plan);
	config_release(&cfg);
}

/* Without plan.start the day the command runs starts it, on a workday. */
static void plan_start_defaults_to_today(void **state)
{
	struct config cfg = CONFIG_INIT;
	struct plan plan;
	calendar_day sat, mon;

	(void)state;
	assert_int_equal(calendar_parse(&sat, "2027-01-02"), 0);
	assert_int_equal(calendar_parse(&mon, "2027-01-04"), 0);
	assert_int_equal(config_load(&cfg,
				     write_config("{ \"plan\": { \"capacity\": "
						  "3, \"holidays\": "
						  "[\"2027-01-04\"] } }"),
				     1),
			 0);
	assert_false(cfg.plan.start_set);
	assert_int_equal(plan_load(&plan, &cfg, sat), 0);
	/* Saturday, Sunday, then the holiday on Monday: Tuesday */
	assert_int_equal(plan.cal.start, mon + 1);
	assert_true(plan_engineers(&plan, 0) == 3);
	plan_release(&plan);
	/* twice from one config: each copy its own */
	assert_int_equal(plan_load(&plan, &cfg, mon + 7), 0);
	assert_int_equal(plan.cal.start, mon + 7);
	plan_release(&plan);
	config_release(&cfg);
}

/* Each malformed value named with its file, key and what it was. */
static void malformed_values_are_named(void **state)
{
	static const struct {
		const char *json, *message;
	} cases[] = {
		{ "{ \"contexts\": [\"a/**\"] }",
		  "carve.json: 'contexts': expected an object of context name "
		  "-> globs, got an array" },
		{ "{ \"contexts\": { \"a\": \"a/**\" } }",
		  "carve.json: 'contexts.a': expected an array of glob "
		  "strings, got \"a/**\"" },
		{ "{ \"contexts\": { \"a\": [\"a/**\", \"\"] } }",
		  "carve.json: 'contexts.a[1]': expected a non-empty glob "
		  "string, got \"\"" },
		{ "{ \"legacy\": [1] }",
		  "carve.json: 'legacy[0]': expected a non-empty glob string, "
		  "got 1" },
		{ "{ \"modules\": { \"map\": { \"web\": \"x\" } } }",
		  "carve.json: 'modules.map.web': expected an array of glob "
		  "strings, got \"x\"" },
		{ "{ \"rules\": {} }",
		  "carve.json: 'rules': expected an array of rules, got an "
		  "object" },
		{ "{ \"contexts\": { \"a\": [\"a/**\"] }, \"rules\": [ { "
		  "\"from\": \"a\", \"to\": \"legacy\" } ] }",
		  "carve.json: 'rules[0].to': expected a declared context "
		  "(\"contexts\", \"legacy\" or \"new\") or \"*\", got "
		  "\"legacy\"" },
		{ "{ \"rules\": [ { \"to\": \"*\" } ] }",
		  "carve.json: 'rules[0].from': expected a context or \"*\"\n" },
		{ "{ \"rules\": [ { \"from\": \"*\", \"to\": \"*\", \"allow\": "
		  "\"yes\" } ] }",
		  "carve.json: 'rules[0].allow': expected true or false, got "
		  "\"yes\"" },
		{ "{ \"rules\": [ { \"cycles\": true } ] }",
		  "carve.json: 'rules[0].cycles': expected false (no cycles "
		  "between contexts), the only value it takes, got true" },
		{ "{ \"teams\": { \"a\": [\"x@y\", 3] } }",
		  "carve.json: 'teams.a[1]': expected an email or a pattern (a "
		  "string), got 3" },
		{ "{ \"target\": 5 }",
		  "carve.json: 'target': expected a language name or an object "
		  "({\"language\": \"go\", \"javascript\": \"typescript\"}), "
		  "got 5" },
		{ "{ \"target\": { \"python\": 3 } }",
		  "carve.json: 'target.python': expected a language name "
		  "(\"go\"), got 3" },
		{ "{ \"estimate\": { \"price\": \"docs\" } }",
		  "carve.json: 'estimate.price': expected an array of file roles "
		  "([\"translations\", \"fixtures\"]), got \"docs\"" },
		{ "{ \"estimate\": { \"price\": [\"views\"] } }",
		  "carve.json: 'estimate.price': expected roles that can be "
		  "priced (docs, config, build, translations, fixtures, assets, "
		  "data), got \"views\"" },
		{ "{ \"target\": { \"language\": \"\" } }",
		  "carve.json: 'target.language': expected a language name "
		  "(\"go\"), got \"\"" },
		{ "{ \"rates\": { \"python->go\": { \"optimistic\": 40, "
		  "\"likely\": 30, \"pessimistic\": 20, \"mode\": 1 } } }",
		  "carve.json: 'rates.python->go.mode': unknown key (expected "
		  "\"optimistic\", \"likely\", \"pessimistic\" or "
		  "\"distribution\")" },
		{ "{ \"rates\": { \"python->go\": { \"optimistic\": 40, "
		  "\"likely\": 30, \"pessimistic\": 20, \"distribution\": "
		  "\"normal\" } } }",
		  "carve.json: 'rates.python->go.distribution': expected "
		  "\"lognormal\", \"pert\" or \"fixed\", got \"normal\"" },
		{ "{ \"rates\": { \"python->go\": null } }",
		  "carve.json: 'rates.python->go': expected a number above 0 "
		  "or an object with \"optimistic\", \"likely\" and "
		  "\"pessimistic\", got null" },
		{ "{ \"rates\": { \"->go\": 3 } }",
		  "carve.json: 'rates.->go': expected a language pair FROM->TO "
		  "(\"python->go\")" },
		{ "{ \"estimate\": { \"distribution\": 1 } }",
		  "carve.json: 'estimate.distribution': expected "
		  "\"lognormal\", \"pert\" or \"fixed\", got 1" },
		{ "{ \"estimate\": { \"table\": { \"optimistic\": 9, "
		  "\"likely\": 5, \"pessimistic\": 12 } } }",
		  "carve.json: 'estimate.table': expected optimistic <= likely "
		  "<= pessimistic (engineer-days)" },
		{ "{ \"plan\": [] }",
		  "carve.json: 'plan': expected an object, got an array" },
		{ "{ \"plan\": { \"start\": \"tomorrow\" } }",
		  "carve.json: 'plan.start': expected an ISO 8601 date "
		  "(YYYY-MM-DD, a real day), got \"tomorrow\"" },
		{ "{ \"plan\": { \"start\": 20270104 } }",
		  "carve.json: 'plan.start': expected a date (YYYY-MM-DD), got "
		  "20270104" },
		{ "{ \"plan\": { \"focus\": 2 } }",
		  "carve.json: 'plan.focus': expected a number from 0.01 to 1, "
		  "got 2" },
		{ "{ \"plan\": { \"priority\": \"fifo\" } }",
		  "carve.json: 'plan.priority': expected \"rank\" or "
		  "\"critical-path\", got \"fifo\"" },
	};
	int ret;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *msg = capture(load, write_config(cases[i].json), &ret);

		if (ret == 0 || !strstr(msg, cases[i].message))
			fail_msg("%s\n  wanted: %s\n  got: %s", cases[i].json,
				 cases[i].message, msg);
	}
}

/* A terminal escape in a value is not written to the terminal. */
static void values_shown_are_sanitized(void **state)
{
	int ret;
	char *msg = capture(load,
			    write_config("{ \"plan\": { \"start\": "
					 "\"\\u001b[31mred\" } }"),
			    &ret);

	(void)state;
	assert_int_not_equal(ret, 0);
	assert_non_null(strstr(msg, "'plan.start'"));
	assert_null(strchr(msg, '\033'));
	/* "x" and 50 two-byte characters: byte 60 is inside the 30th */
	msg = capture(load,
		      write_config(
			      "{ \"plan\": { \"start\": \"x"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
			      "\u00e9\u00e9\" } }"),
		      &ret);
	assert_true(utf8_is_valid(msg, strlen(msg)));
	assert_non_null(strstr(msg, "got \"x\xc3\xa9"));
	assert_non_null(strstr(msg, "\xc3\xa9...\"\n"));
}

/* A typo gets the key it was meant to be; each is warned about once. */
static void unknown_keys_suggest_the_key_meant(void **state)
{
	int ret;
	char *msg;

	(void)state;
	msg = capture(load, write_config("{ \"contxts\": {} }"), &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg,
			       "carve.json:1:3: unknown key 'contxts' ignored "
			       "(did you mean 'contexts'?)\n"));
	assert_null(strstr(strstr(msg, "contxts") + 1, "contxts"));
	msg = capture(load,
		      write_config("{ \"plan\": { \"strat\": \"2027-01-04\" } "
				   "}"),
		      &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json:1:13: unknown key 'plan.strat' "
				    "ignored (did "
				    "you mean 'plan.start'?)"));
	msg = capture(load,
		      write_config("{ \"rules\": [ { \"from\": \"*\", \"to\": "
				   "\"*\", \"alow\": true } ] }"),
		      &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json:1:40: unknown key "
				    "'rules[0].alow' ignored (did "
				    "you mean 'rules[0].allow'?)"));
	/* nothing near: no guess */
	msg = capture(load, write_config("{ \"zebra\": 1 }"), &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(msg, "carve.json:1:3: unknown key 'zebra' "
				    "ignored\n"));
	msg = capture(load, write_config("{ \"estimate\": { \"servce\": 3 } }"),
		      &ret);
	assert_non_null(strstr(msg, "carve.json:1:17: unknown key "
				    "'estimate.servce' ignored "
				    "(did you mean 'estimate.service'?)"));
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/carve.json", tmpdir);
	unlink(path);
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(comments_and_trailing_commas),
		cmocka_unit_test(error_names_line_and_column),
		cmocka_unit_test(truncated_file_says_end_of_file),
		cmocka_unit_test(duplicate_keys_are_errors),
		cmocka_unit_test(wrong_types_name_the_key),
		cmocka_unit_test(unknown_keys_are_reported),
		cmocka_unit_test(deep_nesting_is_refused),
		cmocka_unit_test(missing_optional_file_is_fine),
		cmocka_unit_test(every_section_is_typed),
		cmocka_unit_test(plan_start_defaults_to_today),
		cmocka_unit_test(malformed_values_are_named),
		cmocka_unit_test(values_shown_are_sanitized),
		cmocka_unit_test(unknown_keys_suggest_the_key_meant),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
