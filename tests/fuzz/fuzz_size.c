/*
 * fuzz_size.c: parse_size (sizes, offsets, lengths) against a model of
 * what the man pages promise: decimal digits, or hexadecimal ones after
 * 0x, then at most one binary suffix letter (k m g t p e, any case); never
 * negative, never past OFF_MAX, and a leading zero never means octal.
 */
#include <sys/types.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"

/* What a failed parse must leave in *val: nothing it could return. */
#define UNTOUCHED	((off_t)-12345)

static int	 digit(char, int);
static bool	 model(const char *, off_t *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[32];
	const char *errstr, *errstr2;
	char *s;
	off_t v = UNTOUCHED, v2 = UNTOUCHED, want = UNTOUCHED;
	bool ok;

	s = fuzz_string(data, size);
	errstr = parse_size(s, &v);
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
	FUZZ_CHECK(v >= 0 && v <= OFF_MAX, s, "value %jd out of range",
	    (intmax_t)v);
	FUZZ_CHECK(strchr(s, '-') == NULL, s, "accepted a '-' as %jd",
	    (intmax_t)v);
	FUZZ_CHECK(ok, s, "accepted as %jd, but the model refuses it",
	    (intmax_t)v);
	FUZZ_CHECK(v == want, s, "read as %jd, the model reads %jd",
	    (intmax_t)v, (intmax_t)want);

	/* The value's own decimal rendering reads back as the value. */
	snprintf(buf, sizeof(buf), "%jd", (intmax_t)v);
	errstr2 = parse_size(buf, &v2);
	FUZZ_CHECK(errstr2 == NULL && v2 == v, s, "%jd rendered as \"%s\" "
	    "reads back as %s %jd", (intmax_t)v, buf,
	    errstr2 != NULL ? errstr2 : "", (intmax_t)v2);
	free(s);
	return 0;
}

/* The value of c as a digit in base, or -1; ASCII only, whatever locale. */
static int
digit(char c, int base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The grammar, written out by hand rather than through strtoumax. */
static bool
model(const char *s, off_t *val)
{
	static const char units[] = "kmgtpeKMGTPE";
	const char *p = s, *u;
	uint64_t n = 0;
	unsigned shift = 0;
	int base = 10, d;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (digit(*p, base) == -1)
		return false;
	for (; (d = digit(*p, base)) != -1; p++) {
		if (n > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return false;
		n = n * (uint64_t)base + (uint64_t)d;
	}
	if (*p != '\0') {
		if (p[1] != '\0' || (u = strchr(units, *p)) == NULL)
			return false;
		shift = 10 * (unsigned)((u - units) % 6 + 1);
	}
	if (n > (uint64_t)OFF_MAX >> shift)
		return false;
	*val = (off_t)(n << shift);
	return true;
}
