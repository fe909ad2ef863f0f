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

#define UNTOUCHED	((time_t)-12345)

static bool	 model(const char *, time_t *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[32];
	const char *errstr, *errstr2;
	char *s;
	time_t v = UNTOUCHED, v2 = UNTOUCHED, want = UNTOUCHED;
	bool ok;

	s = fuzz_string(data, size);
	errstr = parse_age(s, &v);
	ok = model(s, &want);
	if (errstr != NULL) {
		FUZZ_CHECK(*errstr != '\0', s, "empty error message");
		FUZZ_CHECK(v == UNTOUCHED, s, "refused (%s) but set the "
		    "value to %jd", errstr, (intmax_t)v);
		FUZZ_CHECK(!ok, s, "refused (%s), but the model reads %jd",
		    errstr, (intmax_t)want);
		free(s);
		return 0;
	}
	FUZZ_CHECK(v >= 0, s, "negative age %jd", (intmax_t)v);
	FUZZ_CHECK(strchr(s, '-') == NULL, s, "accepted a '-' as %jd",
	    (intmax_t)v);
	FUZZ_CHECK(ok, s, "accepted as %jd, but the model refuses it",
	    (intmax_t)v);
	FUZZ_CHECK(v == want, s, "read as %jd s, the model reads %jd s",
	    (intmax_t)v, (intmax_t)want);

	/* The age in plain seconds, and with the s unit, reads back. */
	snprintf(buf, sizeof(buf), "%jd", (intmax_t)v);
	errstr2 = parse_age(buf, &v2);
	FUZZ_CHECK(errstr2 == NULL && v2 == v, s, "%jd rendered as \"%s\" "
	    "reads back as %s %jd", (intmax_t)v, buf,
	    errstr2 != NULL ? errstr2 : "", (intmax_t)v2);
	snprintf(buf, sizeof(buf), "%jds", (intmax_t)v);
	v2 = UNTOUCHED;
	errstr2 = parse_age(buf, &v2);
	FUZZ_CHECK(errstr2 == NULL && v2 == v, s, "%jd rendered as \"%s\" "
	    "reads back as %s %jd", (intmax_t)v, buf,
	    errstr2 != NULL ? errstr2 : "", (intmax_t)v2);
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
