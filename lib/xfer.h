/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * xfer.h: what every copy shares, whichever way it moves the bytes: which
 * end of it failed, the range -o and -l pick, and the checks a writer
 * makes of its input.  The ways themselves: fdcopy.h (descriptor to
 * descriptor, for shmcat and shmwrite) and mapcopy.h (through mappings,
 * for mapcat and mapsync).
 */
#ifndef SHMTOOLS_XFER_H
#define SHMTOOLS_XFER_H

#include <sys/types.h>

/*
 * Which end of a copy an error came from: the source read or the
 * destination written.  Not stdin and stdout: shmcat's destination is
 * stdout, shmwrite's the segment.
 */
enum xfer_side { XFER_SOURCE = 1, XFER_DEST };

int	xfer_check_input(int in, int fd);
off_t	xfer_input_left(int in);
off_t	xfer_span(off_t size, off_t off, off_t max);

#endif
