/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fdcopy.c: copies between a regular file (a segment) and another
 * descriptor by the fastest path the kernel offers for the pair, so that
 * a faster path for a kind of descriptor is added in one place.
 *
 * The paths, fastest first, chosen by what the other descriptor is: splice
 * into a pipe (made larger first); copy_file_range, then sendfile, between
 * regular files; sendfile into character devices and sockets; large
 * read/write (copyloop.c) out of a pipe (made larger too), for a tty, and
 * whenever the bytes must be looked at or copied now.  A path the kernel
 * refuses for a pair of descriptors (EINVAL, EXDEV...) gives way to the
 * next.
 */
#include <sys/sendfile.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <unistd.h>

#include "compat.h"
#include "copyloop.h"
#include "diag.h"
#include "fdcopy.h"
#include "intr.h"
#include "procfs.h"
#include "progress.h"

#define CHUNK	(64 * 1024 * 1024)	/* bytes asked of one splice etc. */

enum method { M_SPLICE, M_COPY_RANGE, M_SENDFILE, M_RW };

/*
 * Makes a pipe hold FDCOPY_PIPESZ bytes, or as much as an unprivileged
 * user may (pipe-max-size), so that each splice moves more than 64 KiB.
 * A pipe that stays small is only slower.
 */
static void
pipe_grow(int fd)
{
	int max;

	if (fcntl(fd, F_GETPIPE_SZ) >= FDCOPY_PIPESZ ||
	    fcntl(fd, F_SETPIPE_SZ, FDCOPY_PIPESZ) != -1)
		return;
	if (procfs_int("/proc/sys/fs/pipe-max-size", &max) == 0 && max > 0)
		(void)fcntl(fd, F_SETPIPE_SZ, max);
}

/* The fastest way to move bytes between a regular file and fd. */
static enum method
method_for(int fd, bool in)
{
	struct stat st;

	if (fstat(fd, &st) == -1)
		return M_RW;
	if (S_ISFIFO(st.st_mode)) {
		pipe_grow(fd);
		/*
		 * Out of a pipe, read and write: splice(2) holds the pipe's
		 * lock while it writes into the file, so the writer could not
		 * refill the pipe meanwhile.
		 */
		return in ? M_RW : M_SPLICE;
	}
	if (S_ISREG(st.st_mode))
		return M_COPY_RANGE;
	if (in || isatty(fd))
		return M_RW;
	return M_SENDFILE;
}

/*
 * Whether fd is a pipe, which pages can be spliced into; one grows first,
 * so that what goes through it goes in larger pieces.
 */
bool
fdcopy_pipe_grow(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == -1 || !S_ISFIFO(st.st_mode))
		return false;
	pipe_grow(fd);
	return true;
}

/* errno values that say a path does not work for these descriptors. */
bool
fdcopy_refused(int e)
{
	return e == EINVAL || e == ENOSYS || e == EOPNOTSUPP || e == EXDEV ||
	    e == EBADF;
}

static enum method
next_method(enum method m)
{
	return m == M_COPY_RANGE ? M_SENDFILE : M_RW;
}

/*
 * Moves up to n bytes from in to out by the fast path *m, from and to the
 * offsets given (NULL: the file position), and gives way to the next path
 * when the kernel refuses this one for these descriptors.  Returns the
 * bytes moved, 0 at the end of input, or -1 with errno set; -1 with *m
 * now M_RW means no fast path is left and read/write must do the rest.
 */
static ssize_t
move(enum method *m, int in, off_t *inoff, int out, off_t *outoff, size_t n)
{
	ssize_t r;

	while (*m != M_RW) {
		if (*m == M_SPLICE)
			r = splice(in, inoff, out, outoff, n,
			    SPLICE_F_MOVE | SPLICE_F_MORE);
		else if (*m == M_COPY_RANGE)
			r = copy_file_range(in, inoff, out, outoff, n, 0);
		else if (outoff != NULL && lseek(out, *outoff, SEEK_SET) == -1)
			r = -1;
		else if ((r = sendfile(out, in, inoff, n)) > 0 &&
		    outoff != NULL)
			*outoff += r;	/* sendfile wrote at the position */
		if (r != -1) {
			progress_add(r);
			return r;
		}
		if (errno == EINTR && !intr_caught())
			continue;
		if (!fdcopy_refused(errno))
			return -1;
		*m = next_method(*m);
	}
	return -1;
}

/*
 * Copies [off, off + len) of the regular file fd to out.  A file that ends
 * before off + len shrank under us: E_SHRANK.  With FDCOPY_STRING, stops
 * before the first NUL byte; with FDCOPY_SNAPSHOT, copies the bytes now
 * rather than handing the pipe references to the pages, which the reader
 * would read as they are when it reads them.  Returns 0, or -1 with errno
 * and *side set.
 */
int
fdcopy_out(int fd, off_t off, off_t len, int out, int flags,
    enum xfer_side *side)
{
	struct copy c = { .in = fd, .room = -1, .short_err = E_SHRANK,
	    .string = (flags & FDCOPY_STRING) != 0, .out = out, .outpos = -1 };
	enum method m = M_RW;
	off_t done;
	ssize_t r;
	size_t n;

	if ((flags & (FDCOPY_STRING | FDCOPY_SNAPSHOT)) == 0 && len > 0)
		m = method_for(out, false);
	while (len > 0 && m != M_RW) {
		if (intr_check() == -1) {
			*side = XFER_DEST;
			return -1;
		}
		n = len < CHUNK ? (size_t)len : CHUNK;
		if ((r = move(&m, fd, &off, out, NULL, n)) == -1) {
			if (m == M_RW)
				break;
			*side = XFER_DEST;
			return -1;
		}
		if (r == 0) {
			errno = E_SHRANK;
			*side = XFER_SOURCE;
			return -1;
		}
		len -= r;
	}
	if (len <= 0)
		return 0;
	c.inpos = off;
	c.max = len;
	return copy_loop(&c, &done, side);
}

/*
 * Copies everything from in into the regular file fd at off.  With
 * room >= 0, at most room bytes may go: input beyond that is E_PASTEND,
 * after the first room bytes went.  *done counts the bytes written, a
 * failed write's part included.  Returns 0, or -1 with errno and *side
 * set; a signal of intr_catch's is EINTR, from the side of the source.
 */
int
fdcopy_in(int in, int fd, off_t off, off_t room, off_t *done,
    enum xfer_side *side)
{
	struct copy c = { .in = in, .inpos = -1, .max = -1, .wait = true,
	    .out = fd };
	enum method m;
	off_t pos, more;
	ssize_t r;
	size_t n;
	int ret;

	*done = 0;
	m = method_for(in, true);
	for (;;) {
		n = CHUNK;
		if (room >= 0 && room - *done < (off_t)n)
			n = (size_t)(room - *done);
		pos = off + *done;
		/*
		 * Near the largest offset, copy_loop says EFBIG, writing
		 * nothing.
		 */
		if (m == M_RW || n == 0 || OFF_MAX - pos < (off_t)n)
			break;
		if (intr_check() == -1) {
			*side = XFER_SOURCE;
			return -1;
		}
		if ((r = move(&m, in, NULL, fd, &pos, n)) == -1) {
			if (m == M_RW)
				break;
			*side = errno == ENOSPC || errno == EDQUOT ||
			    errno == EFBIG || errno == EIO ? XFER_DEST :
			    XFER_SOURCE;
			return -1;
		}
		if (r == 0)
			return 0;
		*done += r;
	}
	/* The rest, and the look past the room left, by read and pwrite. */
	c.room = room < 0 ? -1 : room - *done;
	c.outpos = off + *done;
	ret = copy_loop(&c, &more, side);
	*done += more;
	return ret;
}
