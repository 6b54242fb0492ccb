/*
 * carve init's starting carve.json written out as JSON with a comment
 * on each key (src/render/init_config_json.c).
 */
#ifndef CARVE_INIT_CONFIG_JSON_H
#define CARVE_INIT_CONFIG_JSON_H

#include <stdio.h>

#include "carve/init_config.h"

void init_config_write(FILE *fp, const struct init_config *c);

#endif
