/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * wide.h: the number parsers of lib/parse.c with their values widened to
 * intmax_t, so that the unit tables (tests/unit.c) and the fuzz targets
 * drive every one of them the same way.  Each passes *val in and hands
 * back whatever the parser left there, so a parser that writes its result
 * on a refusal is caught.
 */
#ifndef SHMTOOLS_WIDE_H
#define SHMTOOLS_WIDE_H

#include <sys/types.h>

#include <stdint.h>
#include <time.h>

#include "parse.h"

typedef const char	*wide_parser(const char *, intmax_t *);

static inline const char *
parse_size_wide(const char *arg, intmax_t *val)
{
	off_t v = (off_t)*val;
	const char *errstr = parse_size(arg, &v);

	*val = v;
	return errstr;
}

static inline const char *
parse_age_wide(const char *arg, intmax_t *val)
{
	time_t v = (time_t)*val;
	const char *errstr = parse_age(arg, &v);

	*val = v;
	return errstr;
}

#endif
