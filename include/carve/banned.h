/*
 * Functions carve does not call, made a compile error (git's banned.h):
 * each overflows a buffer or shares static state when misused, and a
 * reader has to check every call to know it is not. Use instead:
 * strbuf_addstr/strbuf_addf or memcpy with a known length (strcpy,
 * strcat, strncpy, strncat), snprintf or strbuf_addf (sprintf,
 * vsprintf), a tokenizer of our own or strsep (strtok, strtok_r), fgets
 * (gets), gmtime_r and strftime (gmtime, localtime, ctime, asctime).
 *
 * The Makefile force-includes this file into every compilation
 * (-include carve/banned.h). It includes the C library headers that
 * declare these functions first: their declarations are read before
 * the macros exist, and their include guards keep them from being read
 * again after.
 */
#ifndef CARVE_BANNED_H
#define CARVE_BANNED_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An undeclared identifier: the compiler names the banned function. */
#define BANNED(func) sorry_##func##_is_banned_in_carve

#undef strcpy
#define strcpy(dst, src) BANNED(strcpy)
#undef strcat
#define strcat(dst, src) BANNED(strcat)
#undef strncpy
#define strncpy(dst, src, n) BANNED(strncpy)
#undef strncat
#define strncat(dst, src, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(s, delim) BANNED(strtok)
#undef strtok_r
#define strtok_r(s, delim, save) BANNED(strtok_r)
#undef gets
#define gets(s) BANNED(gets)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef ctime_r
#define ctime_r(t, buf) BANNED(ctime_r)
#undef asctime
#define asctime(tm) BANNED(asctime)
#undef asctime_r
#define asctime_r(tm, buf) BANNED(asctime_r)

#endif
