/*
 * carve seams' part of the model JSON: "contexts" and "seams", with the
 * release of a proposal and the names of its criteria and comparisons.
 * Numbers with a fraction are printed with four decimals, counts as
 * digits, so the same proposal always gives the same bytes.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve/json.h"
#include "carve/model_scan.h"
#include "carve/model_seams.h"
#include "carve/utf8.h"

static cJSON *crossings_json(const struct seams *s, size_t ctx, int out)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < s->crossings_nr; i++) {
		const struct seams_crossing *c = &s->crossings[i];
		cJSON *o, *imports;

		if ((out ? c->from : c->to) != ctx)
			continue;
		o = cJSON_CreateObject();
		json_add_str(o, "context",
			     s->contexts[out ? c->to : c->from].name);
		json_add_uint(o, "refs", c->refs);
		json_add_uint(o, "edges", c->edges);
		if (c->cut)
			cJSON_AddTrueToObject(o, "cut");
		imports = cJSON_AddArrayToObject(o, "imports");
		for (size_t j = 0; j < c->targets_nr; j++) {
			cJSON *t = cJSON_CreateObject();

			json_add_str(t, "path", c->targets[j].path);
			json_add_uint(t, "refs", c->targets[j].refs);
			cJSON_AddItemToArray(imports, t);
		}
		if (c->symbols_nr) {
			cJSON *syms = cJSON_AddArrayToObject(o, "symbols");

			for (size_t j = 0; j < c->symbols_nr; j++) {
				cJSON *t = cJSON_CreateObject();

				json_add_str(t, "name", c->symbols[j].path);
				json_add_uint(t, "files", c->symbols[j].refs);
				cJSON_AddItemToArray(syms, t);
			}
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *owners_json(const struct seams_owner *o, size_t nr)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; i < nr; i++) {
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "name", o[i].name);
		json_add_fixed(x, "share", o[i].share, 4);
		cJSON_AddItemToArray(arr, x);
	}
	return arr;
}

static cJSON *context_json(const struct seams *s, size_t i)
{
	const struct seams_context *x = &s->contexts[i];
	cJSON *o = cJSON_CreateObject(), *arr, *seam, *scores;

	json_add_str(o, "name", x->name);
	if (x->kernel)
		cJSON_AddTrueToObject(o, "shared_kernel");
	if (x->declared)
		cJSON_AddTrueToObject(o, "declared");
	if (x->unlinked)
		cJSON_AddTrueToObject(o, "unlinked");
	if (x->role != ROLE_CODE)
		cJSON_AddStringToObject(o, "role", file_role_name(x->role));
	json_add_uint(o, "units", x->units);
	json_add_uint(o, "code", x->code);
	if (x->other)
		json_add_uint(o, "other_lines", x->other);
	arr = cJSON_AddArrayToObject(o, "languages");
	for (size_t j = 0; j < x->langs_nr; j++) {
		cJSON *l = cJSON_CreateObject();

		json_add_str(l, "name", x->langs[j].name);
		json_add_uint(l, "files", x->langs[j].files);
		json_add_uint(l, "code", x->langs[j].code);
		cJSON_AddItemToArray(arr, l);
	}
	json_add_uint(o, "refs_inside", x->internal);
	json_add_uint(o, "refs_out", x->refs_out);
	json_add_uint(o, "refs_in", x->refs_in);
	json_add_uint(o, "edges_out", x->edges_out);
	json_add_uint(o, "edges_in", x->edges_in);
	json_add_uint(o, "contexts_out", x->fan_out);
	json_add_uint(o, "contexts_in", x->fan_in);
	json_add_fixed(o, "cohesion", x->cohesion, 4);
	json_add_fixed(o, "cluster_factor", x->factor, 4);
	if (x->cycle >= 0)
		json_add_uint(o, "cycle", (unsigned long long)x->cycle + 1);
	if (s->options.history) {
		cJSON *h = cJSON_AddObjectToObject(o, "history");

		json_add_uint(h, "changes", x->changes);
		json_add_uint(h, "coupled_changes", x->coupled);
		json_add_uint(h, "leaked_changes", x->leaked);
		if (x->coupled)
			json_add_fixed(h, "coupling_leak",
				       (double)x->leaked / (double)x->coupled,
				       4);
		cJSON_AddItemToObject(h, "authors",
				      owners_json(x->authors, x->authors_nr));
		cJSON_AddItemToObject(h, "teams",
				      owners_json(x->teams, x->teams_nr));
	}
	if (x->rank) {
		json_add_uint(o, "rank", x->rank);
		json_add_fixed(o, "score", x->rank_score, 4);
		scores = cJSON_AddObjectToObject(o, "scores");
		for (int c = 0; c < CRIT_NR; c++) {
			if (x->score[c] < 0)
				cJSON_AddNullToObject(scores,
						      rank_criterion_name(c));
			else
				json_add_fixed(scores, rank_criterion_name(c),
					       x->score[c], 4);
		}
	}
	seam = cJSON_AddObjectToObject(o, "seam");
	cJSON_AddItemToObject(seam, "out", crossings_json(s, i, 1));
	cJSON_AddItemToObject(seam, "in", crossings_json(s, i, 0));
	arr = cJSON_AddArrayToObject(o, "files");
	for (size_t j = 0; j < x->files_nr; j++) {
		char *p = utf8_sanitize(s->scan->files[x->files[j]].path);

		cJSON_AddItemToArray(arr, cJSON_CreateString(p));
		free(p);
	}
	return o;
}

static cJSON *comparison_json(const struct compare_result *r)
{
	cJSON *o = cJSON_CreateObject(), *arr;

	json_add_str(o, "file", r->path);
	json_add_uint(o, "files", r->files);
	json_add_uint(o, "contexts", r->clusters);
	json_add_uint(o, "common", r->common);
	json_add_uint(o, "not_in_scan", r->missing_nr);
	json_add_uint(o, "not_in_file", r->only_ours);
	json_add_uint(o, "repeated", r->duplicates);
	json_add_uint(o, "max_mno", r->max_mno);
	arr = cJSON_AddArrayToObject(o, "results");
	for (int i = 0; i < COMPARE_NR; i++) {
		cJSON *x = cJSON_CreateObject();

		json_add_str(x, "clustering", compare_name(i));
		json_add_uint(x, "contexts", r->k[i]);
		json_add_uint(x, "mno", r->mno[i]);
		json_add_fixed(x, "mojofm", r->fm[i], 4);
		json_add_fixed(x, "a2a", r->a2a[i], 4);
		json_add_fixed(x, "ari", r->ari[i], 4);
		cJSON_AddItemToArray(arr, x);
	}
	if (r->approximate)
		cJSON_AddTrueToObject(o, "a2a_approximate");
	arr = cJSON_AddArrayToObject(o, "missing");
	for (size_t i = 0; i < r->missing_nr; i++) {
		char *p = utf8_sanitize(r->missing[i]);

		cJSON_AddItemToArray(arr, cJSON_CreateString(p));
		free(p);
	}
	return o;
}

void seams_json_add(cJSON *root, const struct seams *s)
{
	cJSON *ctx = cJSON_AddArrayToObject(root, "contexts");
	cJSON *o = cJSON_AddObjectToObject(root, "seams"), *arr;
	double share =
		s->refs_total ? (double)s->refs_crossing / (double)s->refs_total
			      : 0;

	for (size_t i = 0; i < s->nr; i++)
		cJSON_AddItemToArray(ctx, context_json(s, i));
	json_add_uint(o, "contexts", s->nr);
	json_add_uint(o, "units", s->graph.nr - s->graph.folders_nr);
	json_add_uint(o, "hubs", s->graph.hubs_nr);
	json_add_uint(o, "links", s->graph.links_nr);
	json_add_uint(o, "runs", (unsigned long long)s->runs);
	json_add_fixed(o, "resolution", s->resolution, 4);
	json_add_fixed(o, "modularity", s->modularity, 4);
	json_add_fixed(o, "fused_modularity", s->fused_modularity, 4);
	json_add_fixed(o, "turbo_mq", s->turbo_mq, 4);
	json_add_uint(o, "refs", s->refs_total);
	json_add_uint(o, "refs_crossing", s->refs_crossing);
	json_add_fixed(o, "crossing_share", share, 4);
	arr = cJSON_AddArrayToObject(o, "cycles");
	for (size_t i = 0; i < s->cycles_nr; i++) {
		const struct seams_cycle *c = &s->cycles[i];
		cJSON *x = cJSON_CreateObject(), *names, *cuts;

		names = cJSON_AddArrayToObject(x, "contexts");
		for (size_t j = 0; j < c->nr; j++) {
			char *n =
				utf8_sanitize(s->contexts[c->contexts[j]].name);

			cJSON_AddItemToArray(names, cJSON_CreateString(n));
			free(n);
		}
		cuts = cJSON_AddArrayToObject(x, "cuts");
		for (size_t j = 0; j < c->cuts_nr; j++) {
			const struct seams_crossing *e =
				&s->crossings[c->cuts[j]];
			cJSON *cut = cJSON_CreateObject();

			json_add_str(cut, "from", s->contexts[e->from].name);
			json_add_str(cut, "to", s->contexts[e->to].name);
			json_add_uint(cut, "refs", e->refs);
			cJSON_AddItemToArray(cuts, cut);
		}
		json_add_uint(x, "cut_refs", c->cut_refs);
		cJSON_AddItemToArray(arr, x);
	}
	arr = cJSON_AddArrayToObject(o, "ranking");
	for (size_t r = 0; r < s->ranking_nr; r++) {
		char *n = utf8_sanitize(s->contexts[s->ranking[r]].name);

		cJSON_AddItemToArray(arr, cJSON_CreateString(n));
		free(n);
	}
	if (s->comparison)
		cJSON_AddItemToObject(o, "comparison",
				      comparison_json(s->comparison));
}

void seams_free(struct seams *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nr; i++) {
		free(s->contexts[i].name);
		free(s->contexts[i].files);
		free(s->contexts[i].langs);
	}
	free(s->contexts);
	for (size_t i = 0; i < s->crossings_nr; i++) {
		free(s->crossings[i].targets);
		free(s->crossings[i].symbols);
	}
	free(s->crossings);
	for (size_t i = 0; i < s->cycles_nr; i++) {
		free(s->cycles[i].contexts);
		free(s->cycles[i].cuts);
	}
	free(s->cycles);
	free(s->ranking);
	free(s->context_of);
	seams_graph_release(&s->graph);
	free(s);
}

void seams_graph_release(struct seams_graph *g)
{
	if (!g)
		return;
	for (size_t u = 0; u < g->nr; u++)
		free((char *)g->units[u].dir);
	free(g->units);
	free(g->unit_of);
	free(g->unit_files);
	free(g->links);
	free(g->pending);
	memset(g, 0, sizeof(*g));
}

static const char *const compare_names[COMPARE_NR] = {
	"carve",
	"folders",
	"one cluster",
	"singletons",
};

const char *compare_name(int i)
{
	return i >= 0 && i < COMPARE_NR ? compare_names[i] : "?";
}

static const char *const criterion_names[CRIT_NR] = {
	[CRIT_COUPLING] = "coupling",
	[CRIT_CHANGE] = "change",
	[CRIT_BOUNDARY] = "boundary",
	[CRIT_DEPENDENTS] = "dependents",
};

const char *rank_criterion_name(int c)
{
	return c >= 0 && c < CRIT_NR ? criterion_names[c] : "?";
}
