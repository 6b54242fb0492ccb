/*
 * SHA-1 seals and keys of carve's caches, hashed by libgit2 as blobs.
 */
#include <git2.h>
#include <string.h>

#include "carve/seal.h"
#include "carve/strbuf.h"

int seal_hash(unsigned char *out, const void *buf, size_t len)
{
	git_oid id;

	if (git_odb_hash(&id, buf, len, GIT_OBJECT_BLOB) < 0) {
		git_error_clear();
		return -1;
	}
	memcpy(out, id.id, 20);
	return 0;
}

int seal_append(struct strbuf *sb)
{
	unsigned char sum[20];

	if (seal_hash(sum, sb->buf, sb->len))
		return -1;
	strbuf_add(sb, sum, 20);
	return 0;
}

int seal_ok(const void *buf, size_t len)
{
	unsigned char sum[20];

	return len >= 20 && !seal_hash(sum, buf, len - 20) &&
	       !memcmp(sum, (const char *)buf + len - 20, 20);
}
