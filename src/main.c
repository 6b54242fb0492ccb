/*
 * carve's entry point: the command table, global help and version.
 */
#include <errno.h>
#include <git2.h>
#include <stdio.h>
#include <string.h>

#include "carve/cmd.h"
#include "carve/error.h"
#include "carve/outfile.h"
#include "carve/version.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "scan", cmd_scan,
	  "files, languages, code/comment/blank lines, complexity, modules" },
	{ "graph", cmd_graph,
	  "dependency graph: cycles and cuts, fan-in/out, hubs, DOT/SVG/PNG" },
	{ "history", cmd_history,
	  "git history: churn, hotspots, change coupling, ownership, teams" },
	{ "merge", cmd_merge,
	  "combine models: the shards of a scan, several repositories" },
	{ "seams", cmd_seams,
	  "proposed bounded contexts, their seams, what to extract first" },
	{ "check", cmd_check,
	  "hold the declared context boundaries in CI, with a baseline" },
	{ "estimate", cmd_estimate,
	  "engineer-days per context with P10-P90 ranges and assumptions" },
	{ "roadmap", cmd_roadmap,
	  "schedule for the real team: waves, milestones, critical path" },
	{ "burndown", cmd_burndown,
	  "migration burndown: legacy and new code over git history, forecast" },
	{ "data", cmd_data,
	  "database tables: readers, writers, owners, shared tables" },
	{ "api", cmd_api,
	  "declared endpoints per context and the contexts calling them" },
	{ "init", cmd_init,
	  "write a starting carve.json for the repository, keys explained" },
	{ "report", cmd_report,
	  "everything above in one self-contained HTML page" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *fp)
{
	fputs("usage: carve <command> [options] [PATH]\n"
	      "       carve --version\n"
	      "       carve help [<command>]\n\n"
	      "carve plans the migration of a monolith into services.\n\n"
	      "commands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\n'carve <command> -h' and 'man carve-<command>' describe "
	      "each command's options.\n", fp);
}

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int finish(int status)
{
	if (fflush(stdout) || ferror(stdout)) {
		if (errno == EPIPE)
			outfile_broken_pipe();
		/* a command that failed has said why already */
		if (!status)
			error("cannot write to standard output: %s",
			      strerror(errno));
		return status ? status : EXIT_FATAL;
	}
	return status;
}

int main(int argc, char **argv)
{
	const struct command *cmd;
	int status;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		version_print(stdout);
		return finish(0);
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		if (argc > 2 && strcmp(argv[1], "help") == 0) {
			char *help[] = { argv[2], "-h", NULL };

			if (!(cmd = find(argv[2]))) {
				error("'%s' is not a carve command", argv[2]);
				return EXIT_USAGE;
			}
			return finish(cmd->fn(2, help));
		}
		usage(stdout);
		return finish(0);
	}
	cmd = find(argv[1]);
	if (!cmd) {
		error("'%s' is not a carve command; see 'carve help'", argv[1]);
		return EXIT_USAGE;
	}
	git_libgit2_init();
	status = cmd->fn(argc - 1, argv + 1);
	git_libgit2_shutdown();
	return finish(status);
}
