/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * xfer.h: every byte the commands move goes through here, so that the
 * fast paths live in one place.
 */
#ifndef SHMTOOLS_XFER_H
#define SHMTOOLS_XFER_H

#include <sys/types.h>

#include <stdbool.h>

/* Flags for xfer_out. */
#define XFER_STRING	0x01	/* stop before the first NUL byte */
#define XFER_SNAPSHOT	0x02	/* copy the bytes now; never pass pages on */

/* Which side an error came from. */
enum xfer_side { XFER_IN = 1, XFER_OUT };

int	xfer_out(int fd, off_t off, off_t len, int out, int flags,
	    enum xfer_side *side);
int	xfer_guard(int (*fn)(void *), void *arg);
int	xfer_map_out(int fd, off_t off, off_t len, int out, int advice,
	    enum xfer_side *side);
int	xfer_stream_out(int fd, off_t skip, off_t len, int out,
	    enum xfer_side *side);
int	xfer_in(int in, int fd, off_t off, off_t room, off_t *done,
	    enum xfer_side *side);
int	xfer_check_input(int in, int fd);
off_t	xfer_input_left(int in);
off_t	xfer_span(off_t size, off_t off, off_t max);
int	xfer_map_in(int in, int fd, off_t off, off_t max, bool grow,
	    off_t *done, enum xfer_side *side);
int	xfer_msync(int fd, off_t off, off_t len, int flags);

#endif
