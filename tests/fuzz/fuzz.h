/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz.h: what every libFuzzer target shares: the input made into the
 * C string a command line would give, and the check that stops the run,
 * with the input shown, when an invariant does not hold.
 */
#ifndef SHMTOOLS_FUZZ_H
#define SHMTOOLS_FUZZ_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vis.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * An invariant failed.  abort() is what libFuzzer (and ASan) report as a
 * crash, so the input is saved and the run fails.
 */
#define FUZZ_CHECK(cond, input, ...) do {				\
	if (!(cond))							\
		fuzz_fail(__FILE__, __LINE__, #cond, (input), __VA_ARGS__); \
} while (0)

static void	 fuzz_fail(const char *, int, const char *, const char *,
		    const char *, ...) __attribute__((format(printf, 5, 6),
		    noreturn, unused));
static char	*fuzz_string(const uint8_t *, size_t) __attribute__((unused));

/* A number parser run on a string, its value widened to intmax_t. */
typedef const char	*fuzz_parser(const char *, intmax_t *);
static bool	 fuzz_number(const char *, fuzz_parser *, bool, intmax_t,
		    intmax_t) __attribute__((unused));

/*
 * The input as argv would hold it: bytes up to the first NUL.  The copy is
 * exactly size + 1 bytes, so ASan sees any read past the terminator.
 */
static char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static void
fuzz_fail(const char *file, int line, const char *cond, const char *input,
    const char *fmt, ...)
{
	va_list ap;
	char *vis;

	/* Inputs hold any byte: escape them so the message can be read. */
	if ((vis = malloc(4 * strlen(input) + 1)) == NULL)
		abort();
	strvis(vis, input, VIS_CSTYLE | VIS_TAB | VIS_NL | VIS_OCTAL | VIS_DQ);
	fprintf(stderr, "%s:%d: invariant failed: %s\n  input \"%s\": ",
	    file, line, cond, vis);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	free(vis);
	abort();
}

/*
 * The checks every parser of non-negative numbers must pass against a
 * model of its grammar (ok, want: what the model says of s).  A refusal
 * has a message, leaves the value alone (untouched) and is the model's
 * refusal too; an acceptance is non-negative, holds no '-', is the model's
 * value, and its decimal rendering parses back to it.  Returns whether s
 * was accepted, for checks of the parser's own.
 */
static bool
fuzz_number(const char *s, fuzz_parser *parse, bool ok, intmax_t want,
    intmax_t untouched)
{
	char buf[32];
	const char *errstr;
	intmax_t v = untouched, v2 = untouched;

	if ((errstr = parse(s, &v)) != NULL) {
		FUZZ_CHECK(*errstr != '\0', s, "empty error message");
		FUZZ_CHECK(v == untouched, s, "refused (%s) but set the "
		    "value to %jd", errstr, v);
		FUZZ_CHECK(!ok, s, "refused (%s), but the model reads %jd",
		    errstr, want);
		return false;
	}
	FUZZ_CHECK(v >= 0, s, "negative value %jd", v);
	FUZZ_CHECK(strchr(s, '-') == NULL, s, "accepted a '-' as %jd", v);
	FUZZ_CHECK(ok, s, "accepted as %jd, but the model refuses it", v);
	FUZZ_CHECK(v == want, s, "read as %jd, the model reads %jd", v, want);
	snprintf(buf, sizeof(buf), "%jd", v);
	errstr = parse(buf, &v2);
	FUZZ_CHECK(errstr == NULL && v2 == v, s, "%jd rendered as \"%s\" "
	    "reads back as %s %jd", v, buf, errstr != NULL ? errstr : "", v2);
	return true;
}

#endif
