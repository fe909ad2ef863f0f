/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fdcopy.h: copies between descriptors by the fastest path the kernel
 * offers, for shmcat (segment to stdout) and shmwrite (stdin to segment).
 */
#ifndef SHMTOOLS_FDCOPY_H
#define SHMTOOLS_FDCOPY_H

#include <sys/types.h>

#include <stdbool.h>

#include "xfer.h"

/* Flags for fdcopy_out. */
#define FDCOPY_STRING	0x01	/* stop before the first NUL byte */
#define FDCOPY_SNAPSHOT	0x02	/* copy the bytes now; never pass pages on */

#define FDCOPY_PIPESZ	(1024 * 1024)	/* what we make pipes grow to */

int	fdcopy_out(int fd, off_t off, off_t len, int out, int flags,
	    enum xfer_side *side);
int	fdcopy_in(int in, int fd, off_t off, off_t room, off_t *done,
	    enum xfer_side *side);

/* For mapcopy.c, which splices pages into pipes too. */
bool	fdcopy_pipe_grow(int fd);
bool	fdcopy_refused(int e);

#endif
