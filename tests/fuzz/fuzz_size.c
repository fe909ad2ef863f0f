/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
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
#include "../wide.h"

/* What a failed parse must leave in *val: nothing it could return. */
#define UNTOUCHED	((off_t)-12345)

static int	 digit(char, int);
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
