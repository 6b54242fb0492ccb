/*
 * MoJo, MoJoFM, a2a and the adjusted Rand index. The contingency table
 * of two partitions is kept sparse (sorted label pairs), so comparing
 * 100,000 singletons with a handful of groups costs a sort.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <igraph.h>

#include "carve/mojo.h"
#include "carve/xmalloc.h"

struct cell {
	size_t i, j; /* cluster of A, group of B */
	size_t count; /* objects in both */
};

static int cmp_cell(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	if (a->j != b->j)
		return a->j < b->j ? -1 : 1;
	return 0;
}

/* The non-zero cells of the contingency table, by (i, j). */
static size_t contingency(struct cell **out, const size_t *a, const size_t *b,
			  size_t n)
{
	struct cell *c = xmalloc((n ? n : 1) * sizeof(*c));
	size_t m = 0;

	for (size_t k = 0; k < n; k++)
		c[k] = (struct cell){ a[k], b[k], 1 };
	if (n)
		qsort(c, n, sizeof(*c), cmp_cell);
	for (size_t k = 0; k < n; k++) {
		if (m && c[m - 1].i == c[k].i && c[m - 1].j == c[k].j)
			c[m - 1].count++;
		else
			c[m++] = c[k];
	}
	*out = c;
	return m;
}

/*
 * Maximum bipartite matching (Kuhn's augmenting paths, iterative) of
 * left nodes 0..l-1 with adjacency adj[first[i] .. first[i+1]) into
 * right nodes 0..r-1. Returns its size.
 */
static size_t max_matching(size_t l, size_t r, const size_t *first,
			   const size_t *adj)
{
	size_t *match_r = xmalloc((r ? r : 1) * sizeof(*match_r));
	size_t *match_l = xmalloc((l ? l : 1) * sizeof(*match_l));
	size_t *seen = xcalloc(r ? r : 1, sizeof(*seen));
	size_t *stack = xmalloc((l + 1) * sizeof(*stack));
	size_t *next = xmalloc((l ? l : 1) * sizeof(*next));
	size_t *via = xmalloc((l ? l : 1) * sizeof(*via));
	size_t size = 0;

	for (size_t j = 0; j < r; j++)
		match_r[j] = SIZE_MAX;
	for (size_t i = 0; i < l; i++) {
		match_l[i] = SIZE_MAX;
		/* greedy start: the first free right node */
		for (size_t e = first[i]; e < first[i + 1]; e++)
			if (match_r[adj[e]] == SIZE_MAX) {
				match_r[adj[e]] = i;
				match_l[i] = adj[e];
				size++;
				break;
			}
	}
	for (size_t root = 0; root < l; root++) {
		size_t sp = 0, stamp = root + 1;
		int found = 0;

		if (match_l[root] != SIZE_MAX)
			continue;
		stack[sp++] = root;
		next[root] = first[root];
		while (sp && !found) {
			size_t i = stack[sp - 1];

			if (next[i] == first[i + 1]) {
				sp--;
				continue;
			}
			{
				size_t j = adj[next[i]++];

				if (seen[j] == stamp)
					continue;
				seen[j] = stamp;
				via[i] = j;
				if (match_r[j] == SIZE_MAX) {
					found = 1;
					break;
				}
				stack[sp++] = match_r[j];
				next[match_r[j]] = first[match_r[j]];
			}
		}
		if (!found)
			continue;
		/* flip the path: each stacked left node takes its via */
		for (size_t k = sp; k-- > 0;) {
			size_t i = stack[k], j = via[i];

			match_r[j] = i;
			match_l[i] = j;
		}
		size++;
	}
	free(match_r);
	free(match_l);
	free(seen);
	free(stack);
	free(next);
	free(via);
	return size;
}

unsigned long mojo_mno(const size_t *a, size_t ka, const size_t *b, size_t kb,
		       size_t n)
{
	struct cell *c;
	size_t m = contingency(&c, a, b, n), l = 0, moves = 0, matched;
	size_t *first = xcalloc(ka + 2, sizeof(*first));
	size_t *adj = xmalloc((m ? m : 1) * sizeof(*adj)), e = 0;
	size_t *left = xmalloc((ka + 1) * sizeof(*left));

	/* per non-empty cluster of A: its largest tag and the groups with it */
	for (size_t k = 0; k < m;) {
		size_t i = c[k].i, end = k, max = 0, total = 0;

		while (end < m && c[end].i == i) {
			if (c[end].count > max)
				max = c[end].count;
			total += c[end].count;
			end++;
		}
		moves += total - max;
		first[l] = e;
		for (; k < end; k++)
			if (c[k].count == max)
				adj[e++] = c[k].j;
		left[l++] = i;
	}
	first[l] = e;
	matched = max_matching(l, kb, first, adj);
	free(c);
	free(first);
	free(adj);
	free(left);
	return (unsigned long)(moves + l - matched);
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

unsigned long mojo_max_mno(const size_t *b, size_t kb, size_t n)
{
	size_t *size = xcalloc(kb ? kb : 1, sizeof(*size)), g = 0;

	for (size_t k = 0; k < n; k++)
		size[b[k]]++;
	if (kb)
		qsort(size, kb, sizeof(*size), cmp_size);
	for (size_t j = 0; j < kb; j++)
		if (size[j] && g < size[j])
			g++;
	free(size);
	return (unsigned long)(n - g);
}

double mojo_fm(const size_t *a, size_t ka, const size_t *b, size_t kb, size_t n)
{
	unsigned long max = mojo_max_mno(b, kb, n);
	unsigned long mno = mojo_mno(a, ka, b, kb, n);

	if (!max)
		return mno ? 0.0 : 100.0;
	return (1.0 - (double)mno / (double)max) * 100.0;
}

/* Above this many cells, the Hungarian algorithm gives way to greedy. */
#define HUNGARIAN_MAX_WORK 2e9

/*
 * Largest total weight of a one-to-one matching of rows to columns of
 * the dense rows x cols matrix w (rows <= cols): the Hungarian algorithm
 * on costs -w, with potentials (O(rows^2 cols)).
 */
static double hungarian_max(const double *w, size_t rows, size_t cols)
{
	double *u = xcalloc(rows + 1, sizeof(*u));
	double *v = xcalloc(cols + 1, sizeof(*v));
	double *minv = xmalloc((cols + 1) * sizeof(*minv));
	size_t *p = xcalloc(cols + 1, sizeof(*p));
	size_t *way = xcalloc(cols + 1, sizeof(*way));
	char *used = xmalloc(cols + 1);
	double total = 0;

	for (size_t i = 1; i <= rows; i++) {
		size_t j0 = 0;

		p[0] = i;
		for (size_t j = 0; j <= cols; j++) {
			minv[j] = INFINITY;
			used[j] = 0;
		}
		do {
			size_t i0 = p[j0], j1 = 0;
			double delta = INFINITY;

			used[j0] = 1;
			for (size_t j = 1; j <= cols; j++) {
				double cur;

				if (used[j])
					continue;
				cur = -w[(i0 - 1) * cols + (j - 1)] - u[i0] -
				      v[j];
				if (cur < minv[j]) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j] < delta) {
					delta = minv[j];
					j1 = j;
				}
			}
			for (size_t j = 0; j <= cols; j++) {
				if (used[j]) {
					u[p[j]] += delta;
					v[j] -= delta;
				} else {
					minv[j] -= delta;
				}
			}
			j0 = j1;
		} while (p[j0]);
		do {
			size_t j1 = way[j0];

			p[j0] = p[j1];
			j0 = j1;
		} while (j0);
	}
	for (size_t j = 1; j <= cols; j++)
		if (p[j])
			total += w[(p[j] - 1) * cols + (j - 1)];
	free(u);
	free(v);
	free(minv);
	free(p);
	free(way);
	free(used);
	return total;
}

static int cmp_cell_count(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return cmp_cell(x, y);
}

double mojo_a2a(const size_t *a, size_t ka, const size_t *b, size_t kb,
		size_t n, int *approximate)
{
	struct cell *c;
	size_t m = contingency(&c, a, b, n);
	size_t rows = ka < kb ? ka : kb, cols = ka < kb ? kb : ka;
	double overlap = 0, moves, mto, aco;

	*approximate = 0;
	if ((double)rows * (double)rows * (double)cols <= HUNGARIAN_MAX_WORK &&
	    (double)rows * (double)cols <= 5e7) {
		double *w = xcalloc(rows * cols + 1, sizeof(*w));

		for (size_t k = 0; k < m; k++) {
			size_t r = ka < kb ? c[k].i : c[k].j;
			size_t q = ka < kb ? c[k].j : c[k].i;

			w[r * cols + q] = (double)c[k].count;
		}
		if (rows)
			overlap = hungarian_max(w, rows, cols);
		free(w);
	} else {
		char *ua = xcalloc(ka + 1, 1), *ub = xcalloc(kb + 1, 1);

		*approximate = 1;
		qsort(c, m, sizeof(*c), cmp_cell_count);
		for (size_t k = 0; k < m; k++)
			if (!ua[c[k].i] && !ub[c[k].j]) {
				ua[c[k].i] = ub[c[k].j] = 1;
				overlap += (double)c[k].count;
			}
		free(ua);
		free(ub);
	}
	free(c);
	moves = (double)n - overlap;
	mto = fabs((double)ka - (double)kb) + moves;
	aco = (double)ka + 2.0 * (double)n + (double)kb + 2.0 * (double)n;
	return aco > 0 ? (1.0 - mto / aco) * 100.0 : 100.0;
}

double mojo_ari(const size_t *a, size_t ka, const size_t *b, size_t kb,
		size_t n)
{
	igraph_vector_int_t x, y;
	igraph_real_t res = 1.0;

	(void)ka;
	(void)kb;
	if (n < 2)
		return 1.0;
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_vector_int_init(&x, (igraph_integer_t)n);
	igraph_vector_int_init(&y, (igraph_integer_t)n);
	for (size_t k = 0; k < n; k++) {
		VECTOR(x)[k] = (igraph_integer_t)a[k];
		VECTOR(y)[k] = (igraph_integer_t)b[k];
	}
	if (igraph_compare_communities(&x, &y, &res,
				       IGRAPH_COMMCMP_ADJUSTED_RAND))
		res = NAN;
	igraph_vector_int_destroy(&x);
	igraph_vector_int_destroy(&y);
	return res;
}
