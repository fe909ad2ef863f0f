/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * parse.c: sizes, offsets and modes from the command line.  Each parser
 * returns NULL on success or a short phrase for the error message.
 *
 * Sizes are decimal, or hexadecimal after 0x; a leading zero never means
 * octal.  A binary suffix (k, m, g, t, p, e, any case) multiplies, as
 * expand_number(3) does.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <libutil.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "parse.h"

const char *
parse_size(const char *arg, off_t *val)
{
	char buf[32];
	const char *p = arg;
	char *end;
	uintmax_t n;
	uint64_t v;
	int base = 10;

	if (*p == '\0')
		return "empty value";
	if (*p == '-')
		return "negative value";
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (!(base == 16 ? isxdigit((unsigned char)*p) :
	    isdigit((unsigned char)*p)))
		return "not a number";
	/* strtoumax would take a second 0x after the first. */
	if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return "not a number";
	errno = 0;
	n = strtoumax(p, &end, base);
	if (errno == ERANGE || n > OFF_MAX)
		return "too large";
	/*
	 * One suffix letter or none; expand_number itself would ignore what
	 * follows the letter.  It gets the number in plain decimal.
	 */
	if (end[0] != '\0' && (end[1] != '\0' || strchr("kmgtpeKMGTPE",
	    end[0]) == NULL))
		return "invalid suffix";
	snprintf(buf, sizeof(buf), "%ju%s", n, end);
	if (expand_number(buf, &v) == -1)
		return errno == ERANGE ? "too large" : "invalid suffix";
	if (v > OFF_MAX)
		return "too large";
	*val = (off_t)v;
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
	if (!isdigit((unsigned char)*arg) && strlen(arg) < sizeof(clause)) {
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

/* An madvise(2) advice by its name, as mapcat -a takes it. */
const char *
parse_advice(const char *arg, int *val)
{
	size_t i;

	for (i = 0; i < nitems(advices); i++) {
		if (strcmp(arg, advices[i].name) == 0) {
			*val = advices[i].advice;
			return NULL;
		}
	}
	return "unknown advice (normal, sequential, random, willneed, "
	    "dontneed, hugepage)";
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
	if (!isdigit((unsigned char)*p))
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
			if (strncasecmp(tok, names[i], len) == 0 &&
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
