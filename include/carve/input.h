/*
 * What every analysis command reads: a tree to scan (with carve.json at
 * its root, or -c FILE) or a model JSON written by an earlier command.
 */
#ifndef CARVE_INPUT_H
#define CARVE_INPUT_H

#include "carve/config.h"
#include "carve/model.h"

struct common_options;
struct scan_options;

/*
 * Fills o from what is left of a command line after the options (at
 * most one PATH or MODEL.json) and the shared -c and -j. Returns 0, or
 * EXIT_USAGE after saying that `command` takes one operand.
 */
int input_from_args(struct input_options *o, const char *command, int argc,
		    char **argv, int first, const struct common_options *c);

/*
 * Fills m->scan from the argument, loading cfg on the way (which stays
 * owned by the caller: release it after m). Returns 0 or <0 after
 * reporting.
 */
int input_open(struct model *m, struct config *cfg,
	       const struct input_options *o);

/*
 * Loads `config` (-c FILE, required) or else carve.json at the root of the
 * work tree holding `path` (optional). Returns 0 or <0 after reporting.
 */
int input_load_config(struct config *cfg, const char *config,
		      const char *path);
/*
 * Points the scan at cfg's excludes and module rules; an explicit module
 * depth in opts wins over the file's.
 */
void input_apply_config(struct scan_options *opts, const struct config *cfg);

#endif
