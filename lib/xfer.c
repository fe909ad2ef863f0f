/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * xfer.c: what every copy shares, whichever way it moves the bytes: the
 * range -o and -l pick out of a file, and the checks of standard input a
 * writer makes before it writes.  The copies: fdcopy.c, mapcopy.c, and
 * the buffered loop both end in, copyloop.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <unistd.h>

#include "diag.h"
#include "xfer.h"

/*
 * Refuses, as cat does, input that is the object written: reading what we
 * write would go on until the file system is full.  Any overlap is
 * possible (-a reads from the start and writes at the end), so the same
 * regular file (device and inode) is refused whatever the offsets.
 */
int
xfer_check_input(int in, int fd)
{
	struct stat ist, st;

	if (fstat(in, &ist) == -1 || !S_ISREG(ist.st_mode))
		return 0;
	if (fstat(fd, &st) == -1)
		return -1;
	if (ist.st_dev == st.st_dev && ist.st_ino == st.st_ino) {
		errno = E_SAMEFILE;
		return -1;
	}
	return 0;
}

/*
 * Bytes left to read on in when it is a regular file, whose size is known
 * before reading; -1 when it is not.
 */
off_t
xfer_input_left(int in)
{
	struct stat st;
	off_t pos;

	if (fstat(in, &st) == -1 || !S_ISREG(st.st_mode))
		return -1;
	if ((pos = lseek(in, 0, SEEK_CUR)) == -1)
		return -1;
	return pos >= st.st_size ? 0 : st.st_size - pos;
}

/*
 * How many bytes of a file of size bytes there are from off on, at most
 * max (max < 0: no limit): what -o and -l pick, none past the end.
 */
off_t
xfer_span(off_t size, off_t off, off_t max)
{
	off_t len = off >= size ? 0 : size - off;

	return max >= 0 && max < len ? max : len;
}
