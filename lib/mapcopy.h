/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * mapcopy.h: copies through mappings of a file a window at a time, and
 * msync(2) of a range, for mapcat and mapsync.
 */
#ifndef SHMTOOLS_MAPCOPY_H
#define SHMTOOLS_MAPCOPY_H

#include <sys/types.h>

#include <stdbool.h>

#include "xfer.h"

int	mapcopy_out(int fd, off_t off, off_t len, int out, int advice,
	    enum xfer_side *side);
int	mapcopy_stream_out(int fd, off_t skip, off_t len, int out,
	    enum xfer_side *side);
int	mapcopy_in(int in, int fd, off_t off, off_t max, bool grow,
	    off_t *done, enum xfer_side *side);
int	mapcopy_msync(int fd, off_t off, off_t len, int flags);

#endif
