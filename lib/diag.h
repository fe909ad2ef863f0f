/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * diag.h: diagnostics, errors of our own beyond errno, and the exit
 * status: an operand fails by a message from here, and only so.
 */
#ifndef SHMTOOLS_DIAG_H
#define SHMTOOLS_DIAG_H

#include <sys/types.h>

/* errno values of our own, above any the kernel uses. */
enum {
	E_NOTREG = 0x10000,	/* not a regular file, so not a segment */
	E_SYMLINK,		/* a symbolic link, which we never follow */
	E_SHRANK,		/* the source ended before its size said */
	E_SHRANK_WRITE,		/* the file shrank while we stored into it */
	E_PASTEND,		/* input ran past the end: see warn_past_end */
	E_MAPFAULT,		/* a mapped page could not be had (SIGBUS) */
	E_SAMEFILE,		/* standard input is the object written */
	E_PROTECTED,		/* fs.protected_regular forbids the open */
	E_REPLACED		/* the name kept being replaced under a lock */
};

const char	*diag_strerror(int);
const char	*vis_str(const char *);
const char	*bytes_str(off_t);
void		 warn_name(const char *);
void		 warn_op(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
void		 warn_past_end(const char *, const char *, off_t, off_t, off_t,
		    off_t);
int		 diag_status(void);

#endif
