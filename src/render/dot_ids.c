/*
 * cgraph id discipline numbering named objects in creation order (even
 * ids, as cgraph's own named ids are) and anonymous ones with odd ids,
 * so that layouts do not depend on where the heap put the names.
 */
#include <stdint.h>
#include <stdlib.h>

#include "carve/dot_ids.h"
#include "carve/strmap.h"
#include "carve/xmalloc.h"

struct ids {
	Agraph_t *root;
	struct strmap by_name; /* name -> index + 1 */
	char **names; /* interned in the graph (agstrdup), as cgraph's own:
		       * agwrite looks at the pool's mark of HTML labels */
	size_t nr, alloc;
	IDTYPE anonymous; /* the next odd id */
};

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	struct ids *s = xcalloc(1, sizeof(*s));

	(void)disc;
	s->root = g;
	s->anonymous = 1;
	return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id,
		    int createflag)
{
	struct ids *s = state;
	uintptr_t at;

	(void)objtype;
	if (!str) {
		*id = s->anonymous;
		s->anonymous += 2;
		return 1;
	}
	at = (uintptr_t)strmap_get(&s->by_name, str);
	if (!at) {
		if (!createflag)
			return 0;
		if (s->nr == s->alloc) {
			s->alloc = s->alloc ? 2 * s->alloc : 16;
			s->names = xreallocarray(s->names, s->alloc,
						 sizeof(*s->names));
		}
		s->names[s->nr] = agstrdup(s->root, str);
		strmap_put(&s->by_name, s->names[s->nr], (void *)(s->nr + 1));
		at = ++s->nr;
	}
	*id = (IDTYPE)(2 * at);
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 1;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	struct ids *s = state;

	(void)objtype;
	if (id % 2 || id / 2 == 0 || id / 2 > s->nr)
		return NULL;
	return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
	struct ids *s = state;

	/* the names go with the graph's string pool, closed after this */
	free(s->names);
	strmap_release(&s->by_name);
	free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t ids_disc = { ids_open,  ids_map,   ids_alloc,	  ids_free,
			       ids_print, ids_close, ids_register };

Agdisc_t dot_ids = { &AgMemDisc, &ids_disc, &AgIoDisc };
