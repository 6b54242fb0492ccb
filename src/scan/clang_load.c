/*
 * Loading libclang at run time: dlopen of the library, dlsym of each
 * function carve calls (include/carve/libclang.h), once per process.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#include "carve/error.h"
/* the table itself: its members, not calls through it */
#define LIBCLANG_NO_MACROS
#include "carve/libclang.h"

#ifndef CARVE_LIBCLANG
#define CARVE_LIBCLANG "libclang.so.1"
#endif

struct libclang_api libclang;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *loaded; /* the path dlopen took */
static const char *failure; /* dlerror() of the last attempt */
static const char *missing; /* a function the library lacks */

static void load(void)
{
	const char *env = getenv("CARVE_LIBCLANG");
	const char *const names[] = { env ? env : CARVE_LIBCLANG,
				      env ? NULL : "libclang.so.1",
				      env ? NULL : "libclang-14.so.1" };
	void *handle = NULL;

	for (size_t i = 0; i < 3 && !handle; i++) {
		if (!names[i])
			continue;
		handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
		if (handle)
			loaded = names[i];
		else
			failure = dlerror();
	}
	if (!handle)
		return;
#define LIBCLANG_RESOLVE(f)                                             \
	if (!missing && !((*(void **)&libclang.f) = dlsym(handle, #f))) \
		missing = #f;
	LIBCLANG_FUNCTIONS(LIBCLANG_RESOLVE)
#undef LIBCLANG_RESOLVE
	/* the library stays loaded for the life of the process */
}

int libclang_load(void)
{
	pthread_once(&once, load);
	if (!loaded)
		return error_code(CARVE_ENOTFOUND,
				  "cannot load libclang ('%s'): %s; install "
				  "libclang1-14 or set CARVE_LIBCLANG",
				  CARVE_LIBCLANG, failure ? failure : "");
	if (missing)
		return error_code(CARVE_ENOTFOUND,
				  "'%s' has no %s: carve needs libclang 7 or "
				  "later",
				  loaded, missing);
	return 0;
}

const char *libclang_path(void)
{
	return loaded && !missing ? loaded : NULL;
}
