/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * format.h: values made text for display: numbers, sizes, times, modes,
 * owners and JSON strings, as shmls's cells show them.
 */
#ifndef SHMTOOLS_FORMAT_H
#define SHMTOOLS_FORMAT_H

#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* How a time is shown: see fmt_time. */
enum timefmt { TIME_SHORT, TIME_FULL, TIME_ISO };

/*
 * The last size fmt_size made readable, kept by the caller, one for each
 * column: leaked segments tend to share their size.
 */
struct fmt_size_last {
	off_t	size;
	char	buf[8];
};
#define FMT_SIZE_LAST_INIT	{ -1, "" }

/*
 * How a list is written in one cell: "1,2" as text, [1, 2] in JSON; what
 * stands for an item no longer known, and how a string item is escaped.
 */
struct fmt_list {
	const char	*open, *sep, *close;
	const char	*unknown;
	void		 (*string)(FILE *, const char *);
};

/* What a list of the processes that hold a segment shows of each. */
enum fmt_holder { HOLDER_PID, HOLDER_NSPID, HOLDER_COMM };

struct procscan_holder;

char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
const char	*fmt_asis(const char *);
char		*fmt_num(uintmax_t);
const char	*fmt_human(off_t, struct fmt_size_last *);
char		*fmt_size(off_t, bool bytes, struct fmt_size_last *);
char		*fmt_perms(mode_t);
char		*fmt_mode(mode_t);
char		*fmt_time(const struct timespec *, enum timefmt);
const char	*fmt_owner(bool group, unsigned int id);
char		*fmt_holders(const struct procscan_holder *, size_t,
		    enum fmt_holder, const struct fmt_list *);
void		 fmt_json_string(FILE *, const char *);

#endif
