/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_size.c: parse_size (sizes, offsets, lengths) against a model of
 * what the man pages promise: decimal digits with a fraction of at most 18
 * digits, or hexadecimal ones after 0x, then at most one suffix (k m g t
 * p e alone or with iB: powers of 1024; with B: of 1000; any case) that
 * makes a whole number of bytes; never negative, never past OFF_MAX, and
 * a leading zero never means octal.
 */
#include <sys/types.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "fuzz.h"
#include "parse.h"
#include "../wide.h"

/* What a failed parse must leave in *val: nothing it could return. */
#define UNTOUCHED	((off_t)-12345)

static int	 digit(char, int);
static int	 lower(char);
static bool	 suffix(const char *, unsigned *, unsigned *);
static bool	 model(const char *, off_t *);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	off_t want = UNTOUCHED;
	bool ok;

	s = fuzz_string(data, size);
	ok = model(s, &want);
	fuzz_number(s, parse_size_wide, ok, want, UNTOUCHED);
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

/* c in lower case, if it is an ASCII capital. */
static int
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The suffix at p: a letter of kmgtpe alone or with "ib" (1024 to the
 * power of its place), or with "b" (1000 to that power), in any case.
 */
static bool
suffix(const char *p, unsigned *base, unsigned *power)
{
	static const char letters[] = "kmgtpe";
	const char *l;

	*base = 1;
	*power = 0;
	if (*p == '\0')
		return true;
	for (l = letters; *l != '\0' && *l != lower(*p); l++)
		;
	if (*l == '\0')
		return false;
	*power = (unsigned)(l - letters) + 1;
	p++;
	if (*p == '\0' || (lower(p[0]) == 'i' && lower(p[1]) == 'b' &&
	    p[2] == '\0'))
		*base = 1024;
	else if (lower(p[0]) == 'b' && p[1] == '\0')
		*base = 1000;
	else
		return false;
	return true;
}

/*
 * The grammar, written out by hand rather than through strtoumax, and the
 * arithmetic another way than parse_size's: the digits before and after
 * the point, as one decimal number in an array, times the multiplier by
 * long multiplication, must end in as many zeros as the fraction has
 * digits; what is left is the value.
 */
static bool
model(const char *s, off_t *val)
{
	unsigned char num[96];	/* decimal digits, least significant first */
	const char *p = s, *ib, *ie, *fb = NULL, *fe = NULL;
	unsigned base, power, carry, i;
	size_t nd = 0, fd, j;
	uint64_t n = 0;
	int radix = 10, d;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		radix = 16;
		p += 2;
	}
	if (radix == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return false;
	for (ib = p; digit(*p, radix) != -1; p++)
		;
	if ((ie = p) == ib)
		return false;
	if (radix == 10 && *p == '.') {
		for (fb = ++p; digit(*p, 10) != -1; p++)
			;
		if ((fe = p) == fb)
			return false;
	}
	if (!suffix(p, &base, &power))
		return false;
	if (radix == 16) {
		for (p = ib; p < ie; p++) {
			d = digit(*p, 16);
			if (n > ((uint64_t)OFF_MAX - (uint64_t)d) / 16)
				return false;
			n = n * 16 + (uint64_t)d;
		}
		for (i = 0; i < power; i++) {
			if (n > (uint64_t)OFF_MAX / base)
				return false;
			n *= base;
		}
		*val = (off_t)n;
		return true;
	}
	/* Leading zeros and trailing ones of the fraction change nothing. */
	while (ib < ie - 1 && *ib == '0')
		ib++;
	while (fb != NULL && fe > fb && fe[-1] == '0')
		fe--;
	fd = fb != NULL ? (size_t)(fe - fb) : 0;
	/* The most parse_size takes; 20 digits before it are too large. */
	if (fd > 18 || ie - ib > 19)
		return false;
	for (p = fe; fb != NULL && p > fb; p--)
		num[nd++] = (unsigned char)(p[-1] - '0');
	for (p = ie; p > ib; p--)
		num[nd++] = (unsigned char)(p[-1] - '0');
	for (i = 0; i < power; i++) {
		carry = 0;
		for (j = 0; j < nd; j++) {
			carry += num[j] * base;
			num[j] = (unsigned char)(carry % 10);
			carry /= 10;
		}
		for (; carry > 0; carry /= 10)
			num[nd++] = (unsigned char)(carry % 10);
	}
	for (j = 0; j < fd; j++)
		if (num[j] != 0)
			return false;
	for (j = nd; j > fd; j--) {
		if (n > ((uint64_t)OFF_MAX - num[j - 1]) / 10)
			return false;
		n = n * 10 + num[j - 1];
	}
	*val = (off_t)n;
	return true;
}
