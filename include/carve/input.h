/*
 * What every analysis command reads: a tree to scan (with carve.json at
 * its root, or -c FILE) or a model JSON written by an earlier command.
 */
#ifndef CARVE_INPUT_H
#define CARVE_INPUT_H

#include "carve/config.h"
#include "carve/model.h"

struct cli_command;
struct cli_opt;
struct common_options;
struct scan_options;

/*
 * The command line of a command reading a tree or a model: the options
 * by the table (cli_parse() of cli.h), at most one PATH or MODEL.json
 * into *in with -c and -j, and -q and --progress put into effect.
 * Returns 0, CLI_EHELP, or CARVE_EINVALID after reporting.
 */
int cli_parse_input(struct input_options *in, struct common_options *c,
		    const struct cli_command *cmd, const struct cli_opt *opts,
		    int argc, char **argv);

/*
 * Fills m->scan from the argument, loading cfg on the way unless it
 * was loaded before (it stays owned by the caller: release it after m).
 * Returns 0 or <0 after reporting.
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
 * The scan of an analysis command's tree (in->arg, or "."), as carve
 * scan's defaults but for libclang: guessed commands for a small C/C++
 * tree without a database (SYMDEPS_AUTO_GUESS_MAX).
 */
void input_scan_defaults(struct scan_options *opts,
			 const struct input_options *in);
/*
 * Points the scan at cfg's excludes and module rules; an explicit module
 * depth in opts wins over the file's.
 */
void input_apply_config(struct scan_options *opts, const struct config *cfg);

#endif
