/*
 * HTML text from untrusted strings: every path, name, author and symbol
 * of a repository goes through html_escape() before it reaches a page.
 */
#ifndef CARVE_HTML_H
#define CARVE_HTML_H

#include <stdio.h>

struct strbuf;

/*
 * Appends s to sb as HTML text, safe inside elements and quoted
 * attributes: & < > " ' become references, C0 controls and DEL become
 * their visible Unicode pictures (U+2400..U+2421), invalid UTF-8 bytes
 * become U+FFFD. NULL appends nothing.
 */
void html_escape(struct strbuf *sb, const char *s);
/* Writes s to fp escaped as html_escape() does. */
void html_puts(FILE *fp, const char *s);
/* Writes <tag>escaped s</tag> (tag may carry attributes: "td class=n"). */
void html_element(FILE *fp, const char *tag, const char *s);

#endif
