/*
 * carve --version: carve's version and the libraries it was built with,
 * each as found at run time beside the one its headers named
 * (src/cli/version.c).
 */
#ifndef CARVE_VERSION_H
#define CARVE_VERSION_H

#include <stdio.h>

/*
 * "carve X.Y.Z", then one line per library: libgit2, libclang (loaded
 * now, as a scan would: its own version string and file, or why not),
 * cJSON, Graphviz, igraph, librsvg and cairo.
 */
void version_print(FILE *fp);

#endif
