/*
 * seamsgen: writes a synthetic carve model for the carve seams benchmark,
 *   seamsgen FILES EDGES [SEED] > model.json
 * FILES Python files in 50 packages of 20 directories each, and EDGES
 * imports: 70% within a directory, 20% within a package, 10% anywhere
 * (a xorshift generator, so a seed always gives the same model).
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long long next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

int main(int argc, char **argv)
{
	long files, edges, per_dir;

	if (argc < 3) {
		fputs("usage: seamsgen FILES EDGES [SEED]\n", stderr);
		return 129;
	}
	files = atol(argv[1]);
	edges = atol(argv[2]);
	if (argc > 3)
		state ^= strtoull(argv[3], NULL, 10) * 2654435761ULL;
	if (files < 1000 || edges < 0) {
		fputs("seamsgen: at least 1000 files\n", stderr);
		return 129;
	}
	per_dir = files / 1000;
	printf("{ \"schema\": \"carve/1\", \"repo\": { \"root\": "
	       "\"/synthetic\" },\n"
	       "  \"files\": [\n");
	for (long f = 0; f < files; f++)
		printf("    { \"path\": \"p%02ld/d%02ld/f%05ld.py\", "
		       "\"status\": "
		       "\"counted\", \"language\": \"Python\", \"module\": "
		       "\"p%02ld/d%02ld\", \"code\": %llu }%s\n",
		       f / (per_dir * 20) % 50, f / per_dir % 20, f,
		       f / (per_dir * 20) % 50, f / per_dir % 20,
		       10 + next() % 300, f + 1 < files ? "," : "");
	printf("  ],\n  \"edges\": [\n");
	for (long e = 0; e < edges; e++) {
		long from = (long)(next() % (unsigned long long)files), to;
		unsigned long long r = next() % 100;

		if (r < 70)
			to = from - from % per_dir +
			     (long)(next() % (unsigned long long)per_dir);
		else if (r < 90)
			to = from - from % (per_dir * 20) +
			     (long)(next() %
				    (unsigned long long)(per_dir * 20));
		else
			to = (long)(next() % (unsigned long long)files);
		if (to >= files)
			to = files - 1;
		printf("    { \"from\": \"p%02ld/d%02ld/f%05ld.py\", \"to\": "
		       "\"p%02ld/d%02ld/f%05ld.py\", \"kind\": \"import\", "
		       "\"weight\": %llu }%s\n",
		       from / (per_dir * 20) % 50, from / per_dir % 20, from,
		       to / (per_dir * 20) % 50, to / per_dir % 20, to,
		       1 + next() % 3, e + 1 < edges ? "," : "");
	}
	printf("  ]\n}\n");
	return ferror(stdout) ? 128 : 0;
}
