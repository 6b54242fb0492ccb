/*
 * Leiden clustering through igraph, and what carve does around it:
 * best of several seeded runs, pinned groups kept apart, small leftovers
 * merged into their strongest neighbour, and the resolution searched for
 * a wanted number of communities. igraph is not thread-safe in Debian's
 * build (IGRAPH_THREAD_SAFE 0): everything here runs on one thread.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <igraph.h>

#include "carve/cluster.h"
#include "carve/error.h"
#include "carve/xmalloc.h"

/* Compressed adjacency: node v's links are adj[first[v] .. first[v+1]). */
struct adjacency {
	size_t *first;
	size_t *to;
	double *w;
	double *strength; /* sum of link weights per node */
	double two_m; /* twice the total weight */
};

static void adjacency_build(struct adjacency *a,
			    const struct cluster_problem *p)
{
	size_t *fill = xcalloc(p->n + 1, sizeof(*fill));

	a->first = xcalloc(p->n + 1, sizeof(*a->first));
	a->to = xmalloc((2 * p->links_nr + 1) * sizeof(*a->to));
	a->w = xmalloc((2 * p->links_nr + 1) * sizeof(*a->w));
	a->strength = xcalloc(p->n + 1, sizeof(*a->strength));
	a->two_m = 0;
	for (size_t k = 0; k < p->links_nr; k++) {
		a->first[p->links[k].a + 1]++;
		a->first[p->links[k].b + 1]++;
	}
	for (size_t v = 0; v < p->n; v++)
		a->first[v + 1] += a->first[v];
	for (size_t k = 0; k < p->links_nr; k++) {
		const struct cluster_link *l = &p->links[k];
		size_t x = a->first[l->a] + fill[l->a]++;
		size_t y = a->first[l->b] + fill[l->b]++;

		a->to[x] = l->b;
		a->w[x] = l->w;
		a->to[y] = l->a;
		a->w[y] = l->w;
		a->strength[l->a] += l->w;
		a->strength[l->b] += l->w;
		a->two_m += 2 * l->w;
	}
	free(fill);
}

static void adjacency_release(struct adjacency *a)
{
	free(a->first);
	free(a->to);
	free(a->w);
	free(a->strength);
}

/*
 * Renumbers membership 0 .. k-1 by first appearance; returns k. Labels
 * may reach past n (split_pinned labels a pinned node k + v).
 */
static size_t renumber(size_t *membership, size_t n)
{
	size_t max = 0, *map, k = 0;

	for (size_t v = 0; v < n; v++)
		if (membership[v] > max)
			max = membership[v];
	map = xmalloc((max + 1) * sizeof(*map));
	for (size_t v = 0; v <= max; v++)
		map[v] = SIZE_MAX;
	for (size_t v = 0; v < n; v++) {
		size_t c = membership[v];

		if (map[c] == SIZE_MAX)
			map[c] = k++;
		membership[v] = map[c];
	}
	free(map);
	return k;
}

double cluster_modularity(const size_t *membership, size_t k,
			  const struct cluster_problem *p, double resolution)
{
	double *in = xcalloc(k ? k : 1, sizeof(*in));
	double *tot = xcalloc(k ? k : 1, sizeof(*tot));
	double m = 0, q = 0;

	for (size_t e = 0; e < p->links_nr; e++) {
		const struct cluster_link *l = &p->links[e];

		m += l->w;
		tot[membership[l->a]] += l->w;
		tot[membership[l->b]] += l->w;
		if (membership[l->a] == membership[l->b])
			in[membership[l->a]] += l->w;
	}
	for (size_t c = 0; m > 0 && c < k; c++)
		q += in[c] / m -
		     resolution * (tot[c] / (2 * m)) * (tot[c] / (2 * m));
	free(in);
	free(tot);
	return q;
}

static int igraph_quiet;

static void igraph_setup(void)
{
	if (igraph_quiet)
		return;
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
	igraph_quiet = 1;
}

/*
 * Iterations of each Leiden run: a fixed number, because "until stable"
 * can oscillate forever at high resolutions (and a run usually settles
 * in two or three).
 */
#define LEIDEN_ITERATIONS 5

/* Best of o->runs Leiden runs into membership; returns k or <0. */
static long leiden(size_t *membership, const struct cluster_problem *p,
		   const struct adjacency *adj, const struct cluster_options *o)
{
	igraph_t graph;
	igraph_vector_int_t edges, memb;
	igraph_vector_t weights, strength;
	double best = -INFINITY;
	long k = 0;
	int runs = o->runs > 0 ? o->runs : 1, ret = 0;

	if (!p->links_nr) {
		for (size_t v = 0; v < p->n; v++)
			membership[v] = v;
		return (long)renumber(membership, p->n);
	}
	igraph_setup();
	igraph_vector_int_init(&edges, (igraph_integer_t)(2 * p->links_nr));
	igraph_vector_init(&weights, (igraph_integer_t)p->links_nr);
	igraph_vector_init(&strength, (igraph_integer_t)p->n);
	igraph_vector_int_init(&memb, (igraph_integer_t)p->n);
	for (size_t e = 0; e < p->links_nr; e++) {
		VECTOR(edges)[2 * e] = (igraph_integer_t)p->links[e].a;
		VECTOR(edges)[2 * e + 1] = (igraph_integer_t)p->links[e].b;
		VECTOR(weights)[e] = p->links[e].w;
	}
	for (size_t v = 0; v < p->n; v++)
		VECTOR(strength)[v] = adj->strength[v];
	if (igraph_create(&graph, &edges, (igraph_integer_t)p->n,
			  IGRAPH_UNDIRECTED)) {
		ret = error("igraph cannot make a graph of %zu nodes", p->n);
		goto done_vectors;
	}
	for (int r = 0; r < runs; r++) {
		igraph_integer_t nb = 0;
		igraph_real_t quality = 0;
		size_t *tmp;
		double q;

		igraph_rng_seed(igraph_rng_default(),
				(igraph_uint_t)(o->seed + (unsigned long)r));
		if (igraph_community_leiden(&graph, &weights, &strength,
					    o->resolution / adj->two_m, 0.01, 0,
					    LEIDEN_ITERATIONS, &memb, &nb,
					    &quality)) {
			ret = error("igraph's Leiden clustering failed");
			break;
		}
		tmp = xmalloc((p->n ? p->n : 1) * sizeof(*tmp));
		for (size_t v = 0; v < p->n; v++)
			tmp[v] = (size_t)VECTOR(memb)[v];
		nb = (igraph_integer_t)renumber(tmp, p->n);
		q = cluster_modularity(tmp, (size_t)nb, p, o->resolution);
		if (q > best + 1e-12) {
			best = q;
			memcpy(membership, tmp, p->n * sizeof(*tmp));
			k = (long)nb;
		}
		free(tmp);
	}
	igraph_destroy(&graph);
done_vectors:
	igraph_vector_int_destroy(&edges);
	igraph_vector_int_destroy(&memb);
	igraph_vector_destroy(&weights);
	igraph_vector_destroy(&strength);
	return ret ? ret : k;
}

/*
 * A community with several pinned nodes is split: pinned nodes keep
 * labels of their own, and its other nodes take, over a few passes, the
 * label they link to most within the community (staying with the
 * unpinned rest when that is as strong).
 */
static void split_pinned(size_t *membership, size_t k,
			 const struct cluster_problem *p,
			 const struct adjacency *adj)
{
	size_t *pins, *label, *touched;
	double *score;

	if (!p->pinned)
		return;
	pins = xcalloc(k ? k : 1, sizeof(*pins));
	label = xmalloc((p->n ? p->n : 1) * sizeof(*label));
	score = xcalloc(k + p->n + 1, sizeof(*score));
	touched = xmalloc((2 * p->links_nr + 1) * sizeof(*touched));
	for (size_t v = 0; v < p->n; v++)
		pins[membership[v]] += p->pinned[v] != 0;
	for (size_t v = 0; v < p->n; v++)
		label[v] = p->pinned[v] ? k + v : membership[v];
	for (int pass = 0; pass < 20; pass++) {
		int changed = 0;

		for (size_t v = 0; v < p->n; v++) {
			size_t c = membership[v], nt = 0, best;
			double best_w;

			if (pins[c] < 2 || p->pinned[v])
				continue;
			for (size_t e = adj->first[v]; e < adj->first[v + 1];
			     e++) {
				size_t u = adj->to[e];

				if (membership[u] != c)
					continue;
				if (!score[label[u]])
					touched[nt++] = label[u];
				score[label[u]] += adj->w[e];
			}
			best = label[v];
			best_w = score[best];
			for (size_t t = 0; t < nt; t++)
				if (score[touched[t]] > best_w) {
					best = touched[t];
					best_w = score[best];
				}
			for (size_t t = 0; t < nt; t++)
				score[touched[t]] = 0;
			if (best != label[v]) {
				label[v] = best;
				changed = 1;
			}
		}
		if (!changed)
			break;
	}
	for (size_t v = 0; v < p->n; v++)
		if (pins[membership[v]] >= 2)
			membership[v] = label[v];
	free(pins);
	free(label);
	free(score);
	free(touched);
}

static size_t find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static int cmp_by_size(const void *a, const void *b, void *ctx)
{
	const double *size = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (size[x] != size[y])
		return size[x] < size[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * Communities smaller than min_size (by p->size) join the community
 * they link to most, smallest first; a community holding a pinned node
 * stays. Merged communities are chained so each is walked once per pass.
 */
static void merge_small(size_t *membership, size_t k,
			const struct cluster_problem *p,
			const struct adjacency *adj, double min_size)
{
	size_t *parent = xmalloc((k ? k : 1) * sizeof(*parent));
	size_t *next = xmalloc((k ? k : 1) * sizeof(*next));
	size_t *tail = xmalloc((k ? k : 1) * sizeof(*tail));
	double *size = xcalloc(k ? k : 1, sizeof(*size));
	int *pinned = xcalloc(k ? k : 1, sizeof(*pinned));
	size_t *first = xcalloc(k + 1, sizeof(*first));
	size_t *nodes = xmalloc((p->n ? p->n : 1) * sizeof(*nodes));
	size_t *fill = xcalloc(k ? k : 1, sizeof(*fill));
	double *score = xcalloc(k ? k : 1, sizeof(*score));
	size_t *touched = xmalloc((k ? k : 1) * sizeof(*touched));
	size_t *order = xmalloc((k ? k : 1) * sizeof(*order));

	for (size_t c = 0; c < k; c++) {
		parent[c] = c;
		next[c] = SIZE_MAX;
		tail[c] = c;
		order[c] = c;
	}
	for (size_t v = 0; v < p->n; v++) {
		size[membership[v]] += p->size ? p->size[v] : 1.0;
		pinned[membership[v]] |= p->pinned && p->pinned[v];
		first[membership[v] + 1]++;
	}
	for (size_t c = 0; c < k; c++)
		first[c + 1] += first[c];
	for (size_t v = 0; v < p->n; v++)
		nodes[first[membership[v]] + fill[membership[v]]++] = v;
	for (int pass = 0; pass < 8; pass++) {
		int changed = 0;

		if (k)
			qsort_r(order, k, sizeof(*order), cmp_by_size, size);
		for (size_t i = 0; i < k; i++) {
			size_t r = order[i], nt = 0, best = SIZE_MAX;
			double best_w = 0;

			if (find(parent, r) != r || size[r] >= min_size ||
			    pinned[r])
				continue;
			for (size_t x = r; x != SIZE_MAX; x = next[x])
				for (size_t j = first[x]; j < first[x + 1];
				     j++) {
					size_t v = nodes[j];

					for (size_t e = adj->first[v];
					     e < adj->first[v + 1]; e++) {
						size_t o = find(
							parent,
							membership[adj->to[e]]);

						if (o == r)
							continue;
						if (!score[o])
							touched[nt++] = o;
						score[o] += adj->w[e];
					}
				}
			for (size_t t = 0; t < nt; t++) {
				size_t o = touched[t];

				if (score[o] > best_w ||
				    (score[o] == best_w &&
				     (size[o] > size[best] ||
				      (size[o] == size[best] && o < best)))) {
					best = o;
					best_w = score[o];
				}
			}
			for (size_t t = 0; t < nt; t++)
				score[touched[t]] = 0;
			if (best == SIZE_MAX)
				continue;
			parent[r] = best;
			next[tail[best]] = r;
			tail[best] = tail[r];
			size[best] += size[r];
			changed = 1;
		}
		if (!changed)
			break;
	}
	for (size_t v = 0; v < p->n; v++)
		membership[v] = find(parent, membership[v]);
	free(parent);
	free(next);
	free(tail);
	free(size);
	free(pinned);
	free(first);
	free(nodes);
	free(fill);
	free(score);
	free(touched);
	free(order);
}

static long run(size_t *membership, const struct cluster_problem *p,
		const struct adjacency *adj, const struct cluster_options *o)
{
	long k = leiden(membership, p, adj, o);

	if (k < 0)
		return k;
	split_pinned(membership, (size_t)k, p, adj);
	k = (long)renumber(membership, p->n);
	if (o->min_size > 1) {
		merge_small(membership, (size_t)k, p, adj, o->min_size);
		k = (long)renumber(membership, p->n);
	}
	return k;
}

long cluster_run(size_t *membership, const struct cluster_problem *p,
		 const struct cluster_options *o, double *q)
{
	struct adjacency adj;
	long k;

	adjacency_build(&adj, p);
	k = run(membership, p, &adj, o);
	if (k >= 0 && q)
		*q = cluster_modularity(membership, (size_t)k, p, 1.0);
	adjacency_release(&adj);
	return k;
}

/* Communities with at least one linked node. */
static size_t count_linked(const size_t *membership, size_t k,
			   const struct cluster_problem *p,
			   const struct adjacency *adj)
{
	char *linked = xcalloc(k ? k : 1, 1);
	size_t n = 0;

	for (size_t v = 0; v < p->n; v++)
		if (adj->strength[v] > 0 && !linked[membership[v]]) {
			linked[membership[v]] = 1;
			n++;
		}
	free(linked);
	return n;
}

/* Above this many communities, agglomeration would need too much memory. */
#define AGGLOMERATE_MAX 2000

/*
 * Merges the pair of linked communities whose merge raises modularity
 * most (or lowers it least) until `want` linked communities are left;
 * two communities holding pinned nodes never merge.
 */
static size_t agglomerate(size_t *membership, size_t k, size_t want,
			  const struct cluster_problem *p,
			  const struct adjacency *adj)
{
	double *w, *tot = xcalloc(k ? k : 1, sizeof(*tot));
	int *pinned = xcalloc(k ? k : 1, sizeof(*pinned));
	char *alive = xcalloc(k ? k : 1, 1);
	size_t *into = xmalloc((k ? k : 1) * sizeof(*into));
	size_t linked = 0;

	if (k > AGGLOMERATE_MAX || adj->two_m <= 0) {
		free(tot);
		free(pinned);
		free(alive);
		free(into);
		return k;
	}
	w = xcalloc(k * k, sizeof(*w));
	for (size_t c = 0; c < k; c++)
		into[c] = c;
	for (size_t v = 0; v < p->n; v++) {
		tot[membership[v]] += adj->strength[v];
		pinned[membership[v]] |= p->pinned && p->pinned[v];
	}
	for (size_t c = 0; c < k; c++)
		if (tot[c] > 0) {
			alive[c] = 1;
			linked++;
		}
	for (size_t e = 0; e < p->links_nr; e++) {
		size_t a = membership[p->links[e].a];
		size_t b = membership[p->links[e].b];

		if (a != b) {
			w[a * k + b] += p->links[e].w;
			w[b * k + a] += p->links[e].w;
		}
	}
	while (linked > want) {
		size_t ba = SIZE_MAX, bb = SIZE_MAX;
		double best = -INFINITY, m2 = adj->two_m;

		for (size_t a = 0; a < k; a++) {
			if (!alive[a])
				continue;
			for (size_t b = a + 1; b < k; b++) {
				double dq;

				if (!alive[b] || !(w[a * k + b] > 0) ||
				    (pinned[a] && pinned[b]))
					continue;
				dq = 2 * (w[a * k + b] / m2 -
					  (tot[a] / m2) * (tot[b] / m2));
				if (dq > best) {
					best = dq;
					ba = a;
					bb = b;
				}
			}
		}
		if (ba == SIZE_MAX)
			break;
		/* bb joins ba */
		for (size_t c = 0; c < k; c++) {
			w[ba * k + c] += w[bb * k + c];
			w[c * k + ba] = w[ba * k + c];
			w[bb * k + c] = w[c * k + bb] = 0;
		}
		w[ba * k + ba] = 0;
		tot[ba] += tot[bb];
		pinned[ba] |= pinned[bb];
		alive[bb] = 0;
		into[bb] = ba;
		linked--;
	}
	for (size_t v = 0; v < p->n; v++) {
		size_t c = membership[v];

		while (into[c] != c)
			c = into[c];
		membership[v] = c;
	}
	free(w);
	free(tot);
	free(pinned);
	free(alive);
	free(into);
	return renumber(membership, p->n);
}

long cluster_run_k(size_t *membership, const struct cluster_problem *p,
		   struct cluster_options *o, size_t want, double *q)
{
	struct adjacency adj;
	struct cluster_options t = *o;
	double lo = 0, hi = 0, gamma = o->resolution > 0 ? o->resolution : 1;
	double chosen;
	size_t c;
	long k;

	adjacency_build(&adj, p);
	if (t.runs > 3)
		t.runs = 3; /* the search needs the count, not the best Q */
#define EVAL(g)                                                   \
	do {                                                      \
		t.resolution = (g);                               \
		if ((k = run(membership, p, &adj, &t)) < 0)       \
			goto done;                                \
		c = count_linked(membership, (size_t)k, p, &adj); \
	} while (0)
	EVAL(gamma);
	if (c < want) {
		lo = gamma;
		while (c < want && gamma < 1e4) {
			lo = gamma;
			gamma *= 2;
			EVAL(gamma);
		}
		hi = c >= want ? gamma : 0;
	} else if (c > want) {
		hi = gamma;
		while (c > want && gamma > 1e-4) {
			hi = gamma;
			gamma /= 2;
			EVAL(gamma);
		}
		lo = c <= want ? gamma : 0;
	}
	chosen = gamma;
	if (c != want && lo > 0 && hi > 0) {
		for (int i = 0; i < 24 && c != want; i++) {
			double mid = sqrt(lo * hi);

			EVAL(mid);
			if (c < want)
				lo = mid;
			else
				hi = mid;
		}
		/* more communities than wanted can be merged down to it */
		chosen = c == want ? t.resolution : hi;
	} else if (c != want) {
		chosen = c > want || !hi ? gamma : hi;
	}
	o->resolution = chosen;
	if ((k = run(membership, p, &adj, o)) < 0)
		goto done;
	c = count_linked(membership, (size_t)k, p, &adj);
	if (c > want)
		k = (long)agglomerate(membership, (size_t)k, want, p, &adj);
#undef EVAL
	if (q)
		*q = cluster_modularity(membership, (size_t)k, p, 1.0);
done:
	adjacency_release(&adj);
	return k;
}
