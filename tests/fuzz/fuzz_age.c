/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_age.c: parse_age (shmrm --older-than) against a model of what its
 * comment promises: decimal seconds, or decimal digits followed by exactly
 * one unit, s, m, h or d; never negative, never past INT64_MAX seconds.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz.h"
#include "parse.h"
#include "../wide.h"

#define UNTOUCHED	((time_t)-12345)

static bool	 model(const char *, time_t *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[32];
	const char *errstr;
	char *s;
	time_t v = UNTOUCHED, want = UNTOUCHED, v2 = UNTOUCHED;
	bool ok;

	s = fuzz_string(data, size);
	ok = model(s, &want);
	if (fuzz_number(s, parse_age_wide, ok, want, UNTOUCHED)) {
		/* The age with the s unit reads back too. */
		parse_age(s, &v);
		snprintf(buf, sizeof(buf), "%jds", (intmax_t)v);
		errstr = parse_age(buf, &v2);
		FUZZ_CHECK(errstr == NULL && v2 == v, s, "%jd rendered as "
		    "\"%s\" reads back as %s %jd", (intmax_t)v, buf,
		    errstr != NULL ? errstr : "", (intmax_t)v2);
	}
	free(s);
	return 0;
}

/* The grammar, by hand: ASCII digits, then at most one unit letter. */
static bool
model(const char *s, time_t *val)
{
	const char *p = s;
	uint64_t n = 0, mult = 1;

	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (*p != '\0') {
		if (p[1] != '\0')
			return false;
		if (*p == 's')
			mult = 1;
		else if (*p == 'm')
			mult = 60;
		else if (*p == 'h')
			mult = 3600;
		else if (*p == 'd')
			mult = 86400;
		else
			return false;
	}
	if (n > (uint64_t)INT64_MAX / mult)
		return false;
	*val = (time_t)(n * mult);
	return true;
}
