/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * compat.h: small definitions that libc or libbsd might one day give us
 * (BSD's <sys/param.h> has nitems), each defined here only if missing, so
 * that a newer header wins rather than clashing.
 */
#ifndef SHMTOOLS_COMPAT_H
#define SHMTOOLS_COMPAT_H

#include <stdint.h>

/* The largest offset or size: off_t is 64 bits. */
#ifndef OFF_MAX
#define OFF_MAX	INT64_MAX
#endif

/* The number of elements of an array, as BSD's <sys/param.h> has it. */
#ifndef nitems
#define nitems(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#endif
