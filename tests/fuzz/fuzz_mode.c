/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_mode.c: parse_mode, as shmcreate -m and shmwrite -m take it.  The
 * mode given is the mode the object gets, whatever the umask: a symbolic
 * mode starts from 0.  Checked: the result has no bits outside 07777, is
 * the same under two different umasks, leaves the umask as it was, reads
 * back from its own octal rendering, and agrees with a model for octal
 * modes and for symbolic ones made of who, op and rwx (the copy letters
 * u, g, o after an operator, and X, s, t, are left to the other checks).
 * setmode(3) mallocs, so LeakSanitizer watches every path out of it.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"

#define UNTOUCHED	((mode_t)0123456)

enum model { M_OK, M_BAD, M_UNKNOWN };

static const char	*parse_under(const char *, mode_t, mode_t *);
static enum model	 model(const char *, mode_t *);
static enum model	 model_octal(const char *, mode_t *);
static enum model	 model_symbolic(const char *, mode_t *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[16];
	const char *errstr, *errstr2, *errstr3;
	char *s;
	mode_t m = UNTOUCHED, m2 = UNTOUCHED, m3 = UNTOUCHED, want = 0;
	enum model mm;

	s = fuzz_string(data, size);
	errstr = parse_under(s, 022, &m);
	errstr2 = parse_under(s, 0777, &m2);
	FUZZ_CHECK((errstr == NULL) == (errstr2 == NULL), s,
	    "umask 022: %s, umask 0777: %s", errstr ? errstr : "ok",
	    errstr2 ? errstr2 : "ok");
	mm = model(s, &want);
	if (errstr != NULL) {
		FUZZ_CHECK(*errstr != '\0', s, "empty error message");
		FUZZ_CHECK(m == UNTOUCHED && m2 == UNTOUCHED, s, "refused "
		    "(%s) but set the mode", errstr);
		FUZZ_CHECK(mm != M_OK, s, "refused (%s), the model reads %04o",
		    errstr, (unsigned)want);
		free(s);
		return 0;
	}
	FUZZ_CHECK((m & ~(mode_t)07777) == 0, s, "mode %o has bits outside "
	    "07777", (unsigned)m);
	FUZZ_CHECK(m == m2, s, "umask 022 gives %04o, umask 0777 gives %04o",
	    (unsigned)m, (unsigned)m2);
	FUZZ_CHECK(mm != M_BAD, s, "accepted as %04o, the model refuses it",
	    (unsigned)m);
	FUZZ_CHECK(mm != M_OK || m == want, s, "read as %04o, the model "
	    "reads %04o", (unsigned)m, (unsigned)want);

	snprintf(buf, sizeof(buf), "%04o", (unsigned)m);
	errstr3 = parse_under(buf, 077, &m3);
	FUZZ_CHECK(errstr3 == NULL && m3 == m, s, "%04o rendered as \"%s\" "
	    "reads back as %s %04o", (unsigned)m, buf,
	    errstr3 ? errstr3 : "", (unsigned)m3);
	free(s);
	return 0;
}

/* parse_mode with the umask set to mask; the umask must be left so. */
static const char *
parse_under(const char *s, mode_t mask, mode_t *m)
{
	const char *errstr;
	mode_t after;

	umask(mask);
	errstr = parse_mode(s, m);
	after = umask(mask);
	FUZZ_CHECK(after == mask, s, "umask %04o became %04o", (unsigned)mask,
	    (unsigned)after);
	return errstr;
}

/* setmode's grammar: a leading digit means an octal mode. */
static enum model
model(const char *s, mode_t *m)
{
	if (*s == '\0')
		return M_BAD;
	if (*s >= '0' && *s <= '9')
		return model_octal(s, m);
	return model_symbolic(s, m);
}

/* Octal digits only, any number of leading zeros, at most 07777. */
static enum model
model_octal(const char *s, mode_t *m)
{
	unsigned long v = 0;

	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '7')
			return M_BAD;
		v = v * 8 + (unsigned long)(*s - '0');
		if (v > 07777)
			return M_BAD;
	}
	*m = (mode_t)v;
	return M_OK;
}

/*
 * clause[,clause]..., clause = [ugoa]... op [rwx]... [op [rwx]...]...,
 * op one of + - =, applied in order to 0.  No who means all of ugo (the
 * umask is out of it).  A trailing or doubled comma is an error.
 */
static enum model
model_symbolic(const char *p, mode_t *m)
{
	mode_t mode = 0, who, perm;
	char op;

	for (;;) {
		for (who = 0;; p++) {
			if (*p == 'u')
				who |= 0700;
			else if (*p == 'g')
				who |= 0070;
			else if (*p == 'o')
				who |= 0007;
			else if (*p == 'a')
				who |= 0777;
			else
				break;
		}
		if (who == 0)
			who = 0777;
		do {
			op = *p++;
			if (op != '+' && op != '-' && op != '=')
				return M_BAD;
			for (perm = 0;; p++) {
				if (*p == 'r')
					perm |= 0444;
				else if (*p == 'w')
					perm |= 0222;
				else if (*p == 'x')
					perm |= 0111;
				else if (strchr("ugoXst", *p) != NULL &&
				    *p != '\0')
					return M_UNKNOWN;
				else
					break;
			}
			if (op == '-')
				mode &= ~(who & perm);
			else if (op == '=')
				mode = (mode & ~who) | (who & perm);
			else
				mode |= who & perm;
		} while (*p != '\0' && *p != ',');
		if (*p == '\0')
			break;
		p++;
	}
	*m = mode;
	return M_OK;
}
