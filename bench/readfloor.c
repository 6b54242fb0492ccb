/*
 * The floor for `make bench`: reads every file named in LIST (NUL
 * separated, relative to the current directory) once, single-threaded,
 * and counts newlines. Nothing that reads every file can be much faster.
 *   readfloor LIST
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	char *name = NULL;
	size_t cap = 0;
	unsigned long long lines = 0, bytes = 0, files = 0;
	ssize_t n;
	FILE *list = argc > 1 ? fopen(argv[1], "r") : stdin;

	if (!list) {
		perror(argv[1]);
		return 1;
	}

	while (getdelim(&name, &cap, '\0', list) > 0) {
		int fd = open(name, O_RDONLY | O_NOFOLLOW);

		if (fd < 0)
			continue;
		while ((n = read(fd, buf, sizeof(buf))) > 0) {
			const char *p = buf, *end = buf + n;

			bytes += (unsigned long long)n;
			while ((p = memchr(p, '\n', (size_t)(end - p)))) {
				lines++;
				p++;
			}
		}
		close(fd);
		files++;
	}
	free(name);
	printf("%llu files, %llu bytes, %llu lines\n", files, bytes, lines);
	return 0;
}
