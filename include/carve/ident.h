/*
 * What a byte of an identifier is, for every lexer of the scan layer
 * (src/scan/deps_*.c, language.c, module.c, srctok.c): one table of byte
 * classes, and inline tests where each language names the extra bytes
 * it allows ('$' in JS and Java, UTF-8 bytes in most, '.' in a Java
 * package name). Nothing here allocates or owns anything.
 */
#ifndef CARVE_IDENT_H
#define CARVE_IDENT_H

/* Byte classes; the last three are what a language may add. */
enum {
	IDENT_ALPHA = 1 << 0, /* A-Z, a-z, _ */
	IDENT_DIGIT = 1 << 1, /* 0-9 */
	IDENT_DOLLAR = 1 << 2, /* $ */
	IDENT_HIGH = 1 << 3, /* 0x80-0xff: UTF-8 letters, taken whole */
	IDENT_DOT = 1 << 4, /* . (dotted names read as one word) */
};

/* clang-format off */
#define IC_A IDENT_ALPHA
#define IC_D IDENT_DIGIT
#define IC_S IDENT_DOLLAR
#define IC_P IDENT_DOT
#define IC_H IDENT_HIGH
#define IC_H16 IC_H, IC_H, IC_H, IC_H, IC_H, IC_H, IC_H, IC_H, \
	IC_H, IC_H, IC_H, IC_H, IC_H, IC_H, IC_H, IC_H
static const unsigned char ident_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, IC_S, 0, 0, 0,
	0, 0, 0, 0, 0, 0, IC_P, 0,
	IC_D, IC_D, IC_D, IC_D, IC_D, IC_D, IC_D, IC_D,
	IC_D, IC_D, 0, 0, 0, 0, 0, 0,
	0, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, 0, 0, 0, 0, IC_A,
	0, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A, IC_A,
	IC_A, IC_A, IC_A, 0, 0, 0, 0, 0,
	IC_H16, IC_H16, IC_H16, IC_H16, IC_H16, IC_H16, IC_H16, IC_H16,
};
#undef IC_H16
#undef IC_H
#undef IC_P
#undef IC_S
#undef IC_D
#undef IC_A
/* clang-format on */

/* Whether byte c may start an identifier that allows the bytes `extra`. */
static inline int ident_start(int c, unsigned extra)
{
	return (ident_class[(unsigned char)c] & (IDENT_ALPHA | extra)) != 0;
}

/* Whether byte c may continue an identifier that allows `extra`. */
static inline int ident_char(int c, unsigned extra)
{
	return (ident_class[(unsigned char)c] &
		(IDENT_ALPHA | IDENT_DIGIT | extra)) != 0;
}

#endif
