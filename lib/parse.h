/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/* parse.h: numbers and modes given on the command line. */
#ifndef SHMTOOLS_PARSE_H
#define SHMTOOLS_PARSE_H

#include <sys/types.h>

#include <stdint.h>
#include <time.h>

#include "format.h"

int		 ascii_strcasecmp(const char *, const char *);
int		 ascii_strncasecmp(const char *, const char *, size_t);
const char	*parse_size(const char *arg, off_t *val);
const char	*parse_mode(const char *arg, mode_t *val);
const char	*parse_advice(const char *arg, int *val);
const char	*parse_age(const char *arg, time_t *val);
const char	*parse_timefmt(const char *arg, enum timefmt *val);
const char	*parse_names(const char *list, const char *const names[],
	    size_t n, size_t idx[], size_t *nidx, size_t *badlen);

#endif
