/*
 * The commands. Each lives in src/cmd/<name>.c, exports only its
 * cmd_<name>() and returns an exit status (0, 1, 128 or 129).
 */
#ifndef CARVE_CMD_H
#define CARVE_CMD_H

int cmd_burndown(int argc, char **argv);
int cmd_api(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_estimate(int argc, char **argv);
int cmd_data(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_roadmap(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_seams(int argc, char **argv);

#endif
