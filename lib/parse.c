/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * parse.c: sizes, offsets, modes and keywords from the command line.
 * Each parser returns NULL on success or a short phrase for the error
 * message.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "parse.h"

/*
 * Keywords (column names, advice, time formats, size suffixes) are ASCII
 * words, matched in either case.  strcasecmp folds case by the locale,
 * and in a Turkish one 'I' is not the capital of 'i', so "size" would not
 * match SIZE: these fold A-Z alone, whatever the locale.
 */
static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
ascii_strncasecmp(const char *a, const char *b, size_t n)
{
	int d;

	for (; n > 0; a++, b++, n--) {
		d = ascii_lower((unsigned char)*a) -
		    ascii_lower((unsigned char)*b);
		if (d != 0 || *a == '\0')
			return d;
	}
	return 0;
}

int
ascii_strcasecmp(const char *a, const char *b)
{
	return ascii_strncasecmp(a, b, SIZE_MAX);
}

/* The value of c as a digit in base 10 or 16, or -1: ASCII only. */
static int
digit(int c, int base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A size suffix: a letter of k, m, g, t, p, e alone or followed by "iB"
 * (powers of 1024), or followed by "B" (powers of 1000), in any case, as
 * util-linux and coreutils take them.  The multiplier is 2^*two * 5^*five,
 * which is what the exact arithmetic of fractions needs.  Returns 0, or -1
 * if s is not a suffix; "" is a multiplier of 1.
 */
static int
size_suffix(const char *s, unsigned *two, unsigned *five)
{
	static const char letters[] = "kmgtpe";
	const char *l;
	unsigned k;

	*two = *five = 0;
	if (*s == '\0')
		return 0;
	if ((l = strchr(letters, ascii_lower((unsigned char)*s))) == NULL ||
	    *l == '\0')
		return -1;
	k = (unsigned)(l - letters) + 1;
	if (s[1] == '\0' || ascii_strcasecmp(s + 1, "iB") == 0)
		*two = 10 * k;
	else if (ascii_strcasecmp(s + 1, "B") == 0)
		*two = *five = 3 * k;
	else
		return -1;
	return 0;
}

/* n * 2^two * 5^five, or -1 if that is past OFF_MAX. */
static int64_t
scale(uint64_t n, unsigned two, unsigned five)
{
	for (; two > 0; two--) {
		if (n > (uint64_t)OFF_MAX / 2)
			return -1;
		n *= 2;
	}
	for (; five > 0; five--) {
		if (n > (uint64_t)OFF_MAX / 5)
			return -1;
		n *= 5;
	}
	return (int64_t)n;
}

/*
 * Sizes are decimal, or hexadecimal after 0x; a leading zero never means
 * octal.  A decimal number may have a fraction, which the suffix must make
 * a whole number of bytes (1.5k is 1536; 0.5 is refused).  The fraction is
 * worked out exactly, in integers: f / 10^d is f / (2^d * 5^d), so f times
 * the multiplier 2^two * 5^five is whole when f holds the factors of 2 and
 * 5 that the multiplier lacks.  At most FRAC_DIGITS digits of fraction
 * (trailing zeros aside), so that f fits in 64 bits.
 */
#define FRAC_DIGITS	18

const char *
parse_size(const char *arg, off_t *val)
{
	const char *p = arg, *frac = NULL;
	uint64_t n = 0, f = 0;
	unsigned two, five, d = 0, d2, d5;
	int64_t whole, part = 0;
	int base = 10, c;

	if (*p == '\0')
		return "empty value";
	if (*p == '-')
		return "negative value";
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	/* A second 0x is no number, rather than a 0 and a bad suffix. */
	if (digit((unsigned char)*p, base) == -1 || (base == 16 &&
	    p[0] == '0' && (p[1] == 'x' || p[1] == 'X')))
		return "not a number";
	for (; (c = digit((unsigned char)*p, base)) != -1; p++) {
		if (n > ((uint64_t)OFF_MAX - (uint64_t)c) / (uint64_t)base)
			n = UINT64_MAX;		/* too large, once the rest is read */
		else
			n = n * (uint64_t)base + (uint64_t)c;
	}
	if (base == 10 && *p == '.') {
		frac = ++p;
		while (digit((unsigned char)*p, 10) != -1)
			p++;
		if (p == frac)
			return "not a number";
	}
	if (size_suffix(p, &two, &five) == -1)
		return "invalid suffix";
	if (frac != NULL) {
		/* Trailing zeros change nothing: 1.50k is 1.5k. */
		while (p > frac && p[-1] == '0')
			p--;
		for (; frac < p; frac++, d++) {
			if (d == FRAC_DIGITS)
				return "too many digits after the point";
			f = f * 10 + (uint64_t)(*frac - '0');
		}
	}
	if (d > 0) {
		/* 10^d is 2^d * 5^d: what the multiplier lacks, f must hold. */
		for (d2 = d; d2 > two; d2--, f /= 2)
			if (f % 2 != 0)
				return "not a whole number of bytes";
		for (d5 = d; d5 > five; d5--, f /= 5)
			if (f % 5 != 0)
				return "not a whole number of bytes";
		/* Less than the multiplier, so it fits. */
		part = scale(f, two - d2, five - d5);
	}
	if (n == UINT64_MAX || part == -1 ||
	    (whole = scale(n, two, five)) == -1 || whole > OFF_MAX - part)
		return "too large";
	*val = (off_t)(whole + part);
	return NULL;
}

/*
 * One clause of a symbolic mode (no ','), applied to m.  setmode(3) leaves
 * the sticky bit alone in a clause for "o" only ("o+t", "o=rt"), where
 * chmod(1) sets or clears it as for any other who; we do as chmod does.
 */
static mode_t
apply_clause(const char *clause, mode_t m)
{
	const char *p;
	void *set;
	bool others = false, t;
	char op;

	if ((set = setmode(clause)) != NULL) {
		m = getmode(set, m);
		free(set);
	}
	for (p = clause; *p != '\0' && strchr("ugoa", *p) != NULL; p++)
		if (!(others = *p == 'o'))
			return m;
	while (others && (*p == '+' || *p == '-' || *p == '=')) {
		op = *p++;
		for (t = false; *p != '\0' && strchr("rwxXstugo", *p) != NULL;
		    p++)
			t = t || *p == 't';
		if (op == '=' || t)
			m = op != '-' && t ? m | S_ISVTX : m & ~S_ISVTX;
	}
	return m;
}

/*
 * An octal mode, or a symbolic one applied to 0 as install -m does: the
 * result is the mode given, whatever the umask.  A symbolic mode is
 * applied a clause at a time, for apply_clause.
 */
const char *
parse_mode(const char *arg, mode_t *val)
{
	char clause[256];
	const char *p;
	void *set;
	mode_t mask, m;
	size_t n;

	if (*arg == '\0')
		return "empty mode";
	mask = umask(0);
	set = setmode(arg);
	if (set == NULL) {
		umask(mask);
		return "invalid mode";
	}
	m = getmode(set, 0);
	free(set);
	if ((*arg < '0' || *arg > '9') && strlen(arg) < sizeof(clause)) {
		for (m = 0, p = arg; *p != '\0'; p += n + (p[n] == ',')) {
			n = strcspn(p, ",");
			memcpy(clause, p, n);
			clause[n] = '\0';
			m = apply_clause(clause, m);
		}
	}
	umask(mask);
	*val = m & ALLPERMS;
	return NULL;
}

static const struct {
	const char	*name;
	int		 advice;
} advices[] = {
	{ "normal",	MADV_NORMAL },
	{ "sequential",	MADV_SEQUENTIAL },
	{ "random",	MADV_RANDOM },
	{ "willneed",	MADV_WILLNEED },
	{ "dontneed",	MADV_DONTNEED },
	{ "hugepage",	MADV_HUGEPAGE },
};

/* An madvise(2) advice by its name, in any case, as mapcat -a takes it. */
const char *
parse_advice(const char *arg, int *val)
{
	size_t i;

	for (i = 0; i < nitems(advices); i++) {
		if (ascii_strcasecmp(arg, advices[i].name) == 0) {
			*val = advices[i].advice;
			return NULL;
		}
	}
	return "unknown advice (normal, sequential, random, willneed, "
	    "dontneed, hugepage)";
}

/* A time format by its name, in any case, as shmls --time-format takes it. */
const char *
parse_timefmt(const char *arg, enum timefmt *val)
{
	static const char *const names[] = {
		[TIME_SHORT] = "short", [TIME_FULL] = "full", [TIME_ISO] = "iso"
	};
	size_t i;

	for (i = 0; i < nitems(names); i++) {
		if (ascii_strcasecmp(arg, names[i]) == 0) {
			*val = (enum timefmt)i;
			return NULL;
		}
	}
	/* shmls's words before cli_timefmt: the move changes no message. */
	return "use short, full or iso";
}

/*
 * An age for shmrm --older-than: a number of seconds, or a number followed
 * by one unit, s, m, h or d (90s, 15m, 2h, 7d).
 */
const char *
parse_age(const char *arg, time_t *val)
{
	static const struct {
		char	 unit;
		time_t	 secs;
	} units[] = { { 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 } };
	const char *p = arg;
	char *end;
	uintmax_t n;
	time_t mult = 1;
	size_t i;

	if (*p == '\0')
		return "empty value";
	if (*p == '-')
		return "negative value";
	if (digit((unsigned char)*p, 10) == -1)
		return "not a number";
	errno = 0;
	n = strtoumax(p, &end, 10);
	if (*end != '\0') {
		for (i = 0; i < nitems(units); i++)
			if (end[0] == units[i].unit && end[1] == '\0')
				break;
		if (i == nitems(units))
			return "invalid unit (s, m, h or d)";
		mult = units[i].secs;
	}
	if (errno == ERANGE || n > (uintmax_t)(INT64_MAX / mult))
		return "too large";
	*val = (time_t)n * mult;
	return NULL;
}

/*
 * A comma-separated list of names out of names[0..n-1], in any case, as
 * shmls -o takes columns: each index goes to idx[] once, in the order
 * first given, and *nidx says how many (never more than n).  Returns NULL,
 * or the first token that is not a name (it ends at the next comma or at
 * the end), with its length in *badlen.
 */
const char *
parse_names(const char *list, const char *const names[], size_t n,
    size_t idx[], size_t *nidx, size_t *badlen)
{
	const char *tok = list;
	size_t i, j, len;

	*nidx = 0;
	for (;;) {
		len = strcspn(tok, ",");
		for (i = 0; i < n; i++)
			if (ascii_strncasecmp(tok, names[i], len) == 0 &&
			    names[i][len] == '\0')
				break;
		if (i == n) {
			*badlen = len;
			return tok;
		}
		for (j = 0; j < *nidx && idx[j] != i; j++)
			;
		if (j == *nidx)
			idx[(*nidx)++] = i;
		if (tok[len] == '\0')
			return NULL;
		tok += len + 1;
	}
}
