/*
 * Unit tests for a file's role from its path: the test directories and
 * test file names of each ecosystem, migrations, and names that only
 * look alike.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "carve/role.h"

static void test_directories(void **state)
{
	(void)state;
	assert_int_equal(file_role("tests/test_x.py"), ROLE_TEST);
	assert_int_equal(file_role("app/orders/tests/helpers.py"), ROLE_TEST);
	assert_int_equal(file_role("web/__tests__/cart.js"), ROLE_TEST);
	assert_int_equal(file_role("spec/models/user_spec.rb"), ROLE_TEST);
	assert_int_equal(file_role("pkg/testdata/in.go"), ROLE_TEST);
	/* a directory that merely starts with "test" is not one */
	assert_int_equal(file_role("testing_tools/x.py"), ROLE_CODE);
	assert_int_equal(file_role("contest/x.py"), ROLE_CODE);
}

static void test_file_names(void **state)
{
	(void)state;
	assert_int_equal(file_role("app/test_views.py"), ROLE_TEST);
	assert_int_equal(file_role("app/views_test.py"), ROLE_TEST);
	assert_int_equal(file_role("conftest.py"), ROLE_TEST);
	assert_int_equal(file_role("pkg/server_test.go"), ROLE_TEST);
	assert_int_equal(file_role("src/cart.test.ts"), ROLE_TEST);
	assert_int_equal(file_role("src/cart.spec.js"), ROLE_TEST);
	assert_int_equal(file_role("src/main/java/OrderTest.java"), ROLE_TEST);
	assert_int_equal(file_role("src/OrderTests.cs"), ROLE_TEST);
	assert_int_equal(file_role("lib/user_spec.rb"), ROLE_TEST);
	assert_int_equal(file_role("tests_util.py"), ROLE_TEST);
	assert_int_equal(file_role("src/test/java/a/FooTest.java"), ROLE_TEST);
	/* code whose names contain the words */
	assert_int_equal(file_role("app/latest.py"), ROLE_CODE);
	assert_int_equal(file_role("app/testimonials.py"), ROLE_CODE);
	assert_int_equal(file_role("src/Test.java"), ROLE_CODE);
	assert_int_equal(file_role("src/protest.c"), ROLE_CODE);
	assert_int_equal(file_role("src/attestation.c"), ROLE_CODE);
	assert_int_equal(file_role("app/models/account.rb"), ROLE_CODE);
	assert_int_equal(file_role("src/lang/parse.c"), ROLE_CODE);
	assert_int_equal(file_role("docs/example.py"), ROLE_CODE);
}

/* What is not code to carve, by folder and by name. */
static void not_code(void **state)
{
	(void)state;
	assert_int_equal(file_role("README.md"), ROLE_DOCS);
	assert_int_equal(file_role("docs/features/api.rst"), ROLE_DOCS);
	assert_int_equal(file_role("doc/bash.1"), ROLE_DOCS);
	assert_int_equal(file_role("COPYING"), ROLE_DOCS);
	assert_int_equal(file_role(".github/workflows/ci.yml"), ROLE_CONFIG);
	assert_int_equal(file_role(".github/scripts/x.py"), ROLE_CONFIG);
	assert_int_equal(file_role("Dockerfile.dev"), ROLE_CONFIG);
	assert_int_equal(file_role("config/settings.toml"), ROLE_CONFIG);
	assert_int_equal(file_role("Makefile"), ROLE_BUILD);
	assert_int_equal(file_role("lib/sh/Makefile.in"), ROLE_BUILD);
	/* the wrappers Maven and Gradle generate are shell code of no
	 * domain: spring-petclinic's mvnw sat in its owner context */
	assert_int_equal(file_role("mvnw"), ROLE_BUILD);
	assert_int_equal(file_role("mvnw.cmd"), ROLE_BUILD);
	assert_int_equal(file_role("gradlew"), ROLE_BUILD);
	assert_int_equal(file_role("sub/gradlew.bat"), ROLE_BUILD);
	assert_int_equal(file_role("build.sbt"), ROLE_BUILD);
	assert_int_equal(file_role("src/Nop.Core/Nop.Core.csproj"),
			 ROLE_BUILD);
	assert_int_equal(file_role("netbox/translations/de/LC_MESSAGES/"
				   "django.po"),
			 ROLE_TRANSLATION);
	assert_int_equal(file_role("config/locales/en.yml"), ROLE_TRANSLATION);
	assert_int_equal(file_role("options/locale/locale_de-DE.ini"),
			 ROLE_TRANSLATION);
	assert_int_equal(file_role("Resources/Strings.resx"),
			 ROLE_TRANSLATION);
	assert_int_equal(file_role("zerver/webhooks/github/fixtures/push.json"),
			 ROLE_FIXTURE);
	assert_int_equal(file_role("tests/data/order.json"), ROLE_FIXTURE);
	assert_int_equal(file_role("saleor/tests/cassettes/pay.yaml"),
			 ROLE_FIXTURE);
	assert_int_equal(file_role("static/css/site.scss"), ROLE_ASSET);
	assert_int_equal(file_role("extras/data/iata.csv"), ROLE_DATA);
	/* .NET test projects: Tests/ in any case, a project's .Tests */
	assert_int_equal(file_role("src/Tests/Nop.Tests/TypeAssert.cs"),
			 ROLE_TEST);
	assert_int_equal(
		file_role("src/Shop.UnitTests/Orders/FakeOrderStore.cs"),
		ROLE_TEST);
	assert_int_equal(file_role("src/Shop.Testing/Clock.cs"), ROLE_CODE);
	assert_int_equal(file_role("src/Contests/Entry.cs"), ROLE_CODE);
	/* an API description in a swagger/ or openapi/ folder is docs,
	 * code there is code */
	assert_int_equal(file_role("templates/swagger/v1_json.tmpl"),
			 ROLE_DOCS);
	assert_int_equal(file_role("api/openapi/spec.yaml"), ROLE_DOCS);
	assert_int_equal(file_role("swagger/server.go"), ROLE_CODE);
	/* a service reference's schema and description are data, not code */
	assert_int_equal(file_role("Web References/PayPalSvc/eBL.xsd"),
			 ROLE_DATA);
	assert_int_equal(file_role("Web References/PayPalSvc/PayPal.wsdl"),
			 ROLE_DATA);
	assert_int_equal(file_role("netbox/templates/dcim/device.html"),
			 ROLE_VIEW);
	assert_int_equal(file_role("app/views/accounts/show.html.haml"),
			 ROLE_VIEW);
	assert_int_equal(file_role("Views/Product/Edit.cshtml"), ROLE_VIEW);
	assert_string_equal(file_role_name(ROLE_TRANSLATION), "translations");
	assert_string_equal(file_role_name(ROLE_PLATFORM), "platform");
}

static void migrations(void **state)
{
	(void)state;
	assert_int_equal(file_role("saleor/order/migrations/0001_initial.py"),
			 ROLE_MIGRATION);
	assert_int_equal(file_role("db/migrate/20200101_create_users.rb"),
			 ROLE_MIGRATION);
	assert_int_equal(file_role("alembic/versions/abc.py"), ROLE_MIGRATION);
	/* the innermost directory decides */
	assert_int_equal(file_role("app/migrations/tests/test_0002.py"),
			 ROLE_TEST);
	assert_int_equal(file_role("tests/migrations/0001.py"), ROLE_MIGRATION);
	assert_string_equal(file_role_name(ROLE_MIGRATION), "migrations");
	assert_string_equal(file_role_name(ROLE_TEST), "tests");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directories),
		cmocka_unit_test(test_file_names),
		cmocka_unit_test(not_code),
		cmocka_unit_test(migrations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
