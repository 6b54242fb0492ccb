/*
 * carve init's starting carve.json written out (src/render/init_config.c).
 */
#ifndef CARVE_RENDER_INIT_CONFIG_H
#define CARVE_RENDER_INIT_CONFIG_H

#include <stdio.h>

#include "carve/init_config.h"

/* Writes c as commented JSON (carve.json accepts comments). */
void init_config_write(FILE *fp, const struct init_config *c);

#endif
