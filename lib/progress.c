/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * progress.c: --progress.  The copy loops in xfer.c count every byte they
 * hand on here; once a second has passed since the last report, a line
 * goes to standard error.  Counting costs one clock read (vDSO) per chunk
 * moved, so it is there whether or not a report is wanted.
 */
#include <inttypes.h>
#include <libutil.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static bool	 on, tty;
static off_t	 total;
static double	 start, last;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * One line: "N bytes (H) copied, S s, R/s".  On a terminal each line
 * replaces the last, as dd does; into a file or pipe each is its own line,
 * so that a log keeps them readable.
 */
static void
report(bool final)
{
	/* Seven bytes: humanize_number then fits the unit, as "1.0GiB". */
	char human[7], rate[7];
	double secs = now() - start;

	humanize_number(human, sizeof(human), total, "B", HN_AUTOSCALE,
	    HN_DECIMAL | HN_NOSPACE | HN_IEC_PREFIXES);
	humanize_number(rate, sizeof(rate),
	    secs > 0 ? (int64_t)((double)total / secs) : 0, "B",
	    HN_AUTOSCALE, HN_DECIMAL | HN_NOSPACE | HN_IEC_PREFIXES);
	fprintf(stderr, "%s%s: %jd bytes (%s) copied, %.1f s, %s/s%s%s",
	    tty ? "\r" : "", getprogname(), (intmax_t)total, human, secs, rate,
	    tty ? "\033[K" : "", tty && !final ? "" : "\n");
	fflush(stderr);
}

void
progress_start(void)
{
	on = true;
	tty = isatty(STDERR_FILENO);
	start = last = now();
	/*
	 * The last line comes however the command ends: errx and
	 * stdout_error too.
	 */
	if (atexit(progress_end) != 0)
		on = false;
}

void
progress_add(off_t n)
{
	double t;

	total += n;
	if (!on)
		return;
	if ((t = now()) - last >= 1.0) {
		last = t;
		report(false);
	}
}

/* The last line, whether the transfer ended well or not; once. */
void
progress_end(void)
{
	if (on)
		report(true);
	on = false;
}
