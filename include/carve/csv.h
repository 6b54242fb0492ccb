/*
 * CSV per RFC 4180 (CRLF line ends, quotes doubled), safe to open in a
 * spreadsheet: text cells starting with = + - @ (or a tab or carriage
 * return) get a leading apostrophe so they are never run as formulas.
 */
#ifndef CARVE_CSV_H
#define CARVE_CSV_H

#include <stdio.h>

/* Writes a text cell (quoted when needed, invalid UTF-8 replaced). */
void csv_text(FILE *fp, const char *s);
/* Writes a number cell. */
void csv_number(FILE *fp, unsigned long long n);
/* Writes the separator before every cell but the first. */
void csv_sep(FILE *fp);
/* Ends the record. */
void csv_end(FILE *fp);

#endif
