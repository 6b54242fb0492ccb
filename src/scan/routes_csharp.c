/*
 * C# endpoints: ASP.NET routes.
 */
#include <string.h>

#include "carve/api.h"

void routes_csharp(struct api_file *out, struct arena *arena,
		   const struct language *lang, const char *buf, size_t len)
{
	(void)out; (void)arena; (void)lang; (void)buf; (void)len;
}
