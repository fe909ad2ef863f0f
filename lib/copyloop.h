/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * copyloop.h: the one loop that copies through a buffer, for fdcopy.c and
 * mapcopy.c (commands use those).
 */
#ifndef SHMTOOLS_COPYLOOP_H
#define SHMTOOLS_COPYLOOP_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>

#include "xfer.h"

/*
 * A destination other than a descriptor: stores the n bytes at p at
 * position pos.  On failure *took says how many of them went, so that the
 * caller can say what was stored.
 */
typedef int	copy_put_fn(void *ctx, const char *p, size_t n, off_t pos,
		    size_t *took);

/* One copy: where from, how much, where to. */
struct copy {
	int		 in;		/* the source */
	off_t		 inpos;		/* pread(2) from here; < 0: read(2) */
	off_t		 skip;		/* input bytes read and dropped first */
	off_t		 max;		/* copy at most this; < 0: no limit */
	off_t		 room;		/* >= 0: more input is E_PASTEND */
	int		 short_err;	/* errno if input ends first; 0: none */
	bool		 wait;		/* input may block: intr_wait for it */
	bool		 string;	/* stop before the first NUL byte */
	int		 out;		/* the destination, unless put is set */
	off_t		 outpos;	/* pwrite(2) from here; < 0: write(2) */
	copy_put_fn	*put;		/* stores instead of writing out */
	void		*ctx;		/* put's */
};

int	copy_loop(const struct copy *c, off_t *done, enum xfer_side *side);
int	copy_write_all(int fd, const char *p, size_t n, off_t off,
	    size_t *took);

#endif
