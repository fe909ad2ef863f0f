/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * mapcopy.c: copies through mappings of a file, a window at a time so
 * that memory stays flat whatever the file's size: a file to a descriptor
 * (mapcat), standard input into a file (mapsync -w), and msync(2) of a
 * range (mapsync).  Every touch of mapped memory is made inside the SIGBUS
 * guard (sigbus.c); what cannot be mapped goes through copyloop.c.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "copyloop.h"
#include "diag.h"
#include "fdcopy.h"
#include "intr.h"
#include "mapcopy.h"
#include "progress.h"
#include "segment.h"
#include "sigbus.h"

#define WINDOW	(8 * 1024 * 1024)	/* bytes mapped at a time */

static long
page_size(void)
{
	static long pagesz;

	if (pagesz == 0)
		pagesz = sysconf(_SC_PAGESIZE);
	return pagesz;
}

/*
 * Maps [off, off + len) of fd from the page boundary at or below off;
 * *delta is how far into the mapping off lies, *maplen its length.
 */
static char *
map_at(int fd, off_t off, size_t len, int prot, int flags, size_t *delta,
    size_t *maplen)
{
	off_t base = off & ~(off_t)(page_size() - 1);
	void *map;

	*delta = (size_t)(off - base);
	*maplen = *delta + len;
	if ((map = mmap(NULL, *maplen, prot, flags, fd, base)) == MAP_FAILED)
		return NULL;
	return map;
}

/*
 * A walk over [off, end) of a file, one mapped window of at most WINDOW
 * bytes at a time: the bytes at map + delta up to map + len are those from
 * off on.
 */
struct windows {
	int	 fd;
	int	 prot;
	int	 flags;
	off_t	 off;		/* where the window mapped now starts */
	off_t	 end;
	char	*map;		/* the window mapped now, or NULL */
	size_t	 delta;
	size_t	 len;
};

/*
 * Unmaps the window mapped now, if any, and maps the next.  Returns 1 when
 * there is one, 0 at the end, and -1 with errno set when it could not be
 * mapped (w->off is then where it starts).
 */
static int
windows_next(struct windows *w)
{
	if (w->map != NULL) {
		munmap(w->map, w->len);
		w->map = NULL;
		w->off += (off_t)(w->len - w->delta);
	}
	if (w->off >= w->end)
		return 0;
	w->map = map_at(w->fd, w->off, (size_t)(w->end - w->off < WINDOW ?
	    w->end - w->off : WINDOW), w->prot, w->flags, &w->delta, &w->len);
	return w->map == NULL ? -1 : 1;
}

/* Ends a walk early: unmaps the window mapped now. */
static void
windows_stop(struct windows *w)
{
	if (w->map != NULL)
		munmap(w->map, w->len);
	w->map = NULL;
}

/* The file ended before end: it shrank under us. */
static bool
shrank(int fd, off_t end)
{
	struct stat st;

	return fstat(fd, &st) == 0 && st.st_size < end;
}

/* What write_window writes, and where. */
struct piece {
	const char	*p;
	size_t		 n;
	int		 out;
	bool		 pipe;
};

/*
 * Into a pipe, vmsplice(2) hands over references to the mapped pages
 * instead of copying them; the reader copies them once, as it reads.
 */
static int
write_window(void *arg)
{
	struct piece *w = arg;
	struct iovec iov = { (void *)w->p, w->n };
	ssize_t r;

	while (w->pipe && iov.iov_len > 0) {
		if (intr_check() == -1)
			return -1;
		if ((r = vmsplice(w->out, &iov, 1, 0)) == -1) {
			if (errno == EINTR)
				continue;
			if (!fdcopy_refused(errno))
				return -1;
			w->pipe = false;
			break;
		}
		progress_add(r);
		iov.iov_base = (char *)iov.iov_base + r;
		iov.iov_len -= (size_t)r;
	}
	return copy_write_all(w->out, iov.iov_base, iov.iov_len, -1, NULL);
}

/*
 * Zeros for the holes of sparse files.  Nothing ever writes here, so every
 * page of it stays the kernel's shared zero page: printing a hole costs no
 * memory, and a pipe can be given references to it.
 */
static char	 zeros[FDCOPY_PIPESZ];

/*
 * Writes the n zero bytes of a hole of fd at off to out, as write_window
 * writes data.  A file cut short meanwhile would have us print zeros it no
 * longer has: its size is checked before each piece.  Returns 0, or -1
 * with errno and *side set.
 */
static int
write_zeros(struct piece *w, int fd, off_t off, off_t n,
    enum xfer_side *side)
{
	while (n > 0) {
		w->p = zeros;
		w->n = n < (off_t)sizeof(zeros) ? (size_t)n : sizeof(zeros);
		if (shrank(fd, off + (off_t)w->n)) {
			errno = E_SHRANK;
			*side = XFER_SOURCE;
			return -1;
		}
		if (write_window(w) == -1) {
			*side = XFER_DEST;
			return -1;
		}
		off += (off_t)w->n;
		n -= (off_t)w->n;
	}
	return 0;
}

/*
 * Where the next data of fd at or after off starts and ends, as
 * [*data, *hole), both at most end; *data == end when the rest up to end
 * is a hole.  Reading a hole through a mapping would allocate its pages
 * (tmpfs does, on a read fault), so holes are found first and never
 * mapped.  A file system that cannot tell holes holds data everywhere.
 * Returns 0, or -1 with errno set (E_SHRANK when the file ends before
 * end).
 */
static int
find_data(int fd, off_t off, off_t end, off_t *data, off_t *hole)
{
	*hole = end;
	if ((*data = lseek(fd, off, SEEK_DATA)) == -1) {
		if (errno != ENXIO) {
			if (errno != EINVAL && errno != EOPNOTSUPP)
				return -1;
			*data = off;
			return 0;
		}
		/* No data after off: a hole to the end, or the end moved. */
		if (shrank(fd, end)) {
			errno = E_SHRANK;
			return -1;
		}
		*data = end;
		return 0;
	}
	if (*data >= end) {
		*data = end;
		return 0;
	}
	if ((*hole = lseek(fd, *data, SEEK_HOLE)) == -1) {
		if (errno == ENXIO)	/* cut short between the two calls */
			errno = E_SHRANK;
		return -1;
	}
	if (*hole > end)
		*hole = end;
	return 0;
}

/*
 * What a fault in a mapped page was: the file shrank under us, or it
 * could not be read.  write(2) and vmsplice(2) say EFAULT ("Bad address")
 * of a page they could not fault in, the SIGBUS guard E_MAPFAULT.
 */
static int
map_fault_errno(int fd, off_t end)
{
	return shrank(fd, end) ? E_SHRANK : EIO;
}

/*
 * Copies [off, off + len) of the regular file fd to out through private
 * read-only mappings of WINDOW bytes at a time, so memory stays flat, with
 * advice given to madvise(2) for each window (-1 for none).  Only data is
 * mapped: holes are written as zeros without touching them (find_data),
 * so reading a sparse file allocates nothing.  A page that faults is
 * reported as the file shrinking when it did, else as an I/O error.  A
 * file that cannot be mapped at all (sysfs, for one) is read instead, and
 * so is the last page below 2^63.
 */
int
mapcopy_out(int fd, off_t off, off_t len, int out, int advice,
    enum xfer_side *side)
{
	struct copy c = { .in = fd, .room = -1, .short_err = E_SHRANK,
	    .out = out, .outpos = -1 };
	struct windows win = { .fd = fd, .prot = PROT_READ,
	    .flags = MAP_PRIVATE };
	struct piece w;
	off_t end = off + len, last, stop, data, hole, done;
	bool first = true;
	int r;

	/*
	 * The page that ends at 2^63 can be neither mapped (EOVERFLOW) nor
	 * seen by SEEK_DATA (Linux says ENXIO, a hole, of data there): that
	 * page is read with pread(2), which allocates nothing either.
	 */
	last = OFF_MAX & ~(off_t)(page_size() - 1);
	stop = end <= last ? end : off > last ? off : last;
	w.out = out;
	w.pipe = len > 0 && fdcopy_pipe_grow(out);
	/* A hole, then data up to the next hole, a window at a time. */
	while (off < stop) {
		if (find_data(fd, off, stop, &data, &hole) == -1) {
			*side = XFER_SOURCE;
			return -1;
		}
		if (write_zeros(&w, fd, off, data - off, side) == -1)
			return -1;
		win.off = data;
		win.end = hole;
		while ((r = windows_next(&win)) == 1) {
			first = false;
			if (advice != -1 && madvise(win.map, win.len, advice) ==
			    -1 && errno != EINVAL) {
				windows_stop(&win);
				*side = XFER_SOURCE;
				return -1;
			}
			w.p = win.map + win.delta;
			w.n = win.len - win.delta;
			if (sigbus_guard(write_window, &w) == -1) {
				windows_stop(&win);
				if (errno == EFAULT || errno == E_MAPFAULT) {
					errno = map_fault_errno(fd, end);
					*side = XFER_SOURCE;
				} else
					*side = XFER_DEST;
				return -1;
			}
		}
		if (r == -1) {
			if (first && (errno == ENODEV || errno == EACCES ||
			    errno == EINVAL) && lseek(fd, win.off, SEEK_SET) !=
			    -1)
				return mapcopy_stream_out(fd, 0, end - win.off,
				    out, side);
			*side = XFER_SOURCE;
			return -1;
		}
		off = hole;
	}
	if (off >= end)
		return 0;
	c.inpos = off;
	c.max = end - off;
	return copy_loop(&c, &done, side);
}

/*
 * Copies a stream (a pipe, a tty, a /proc file: anything that cannot be
 * mapped) to out, after skipping skip bytes, for at most len bytes
 * (len < 0: to the end).
 */
int
mapcopy_stream_out(int fd, off_t skip, off_t len, int out, enum xfer_side *side)
{
	struct copy c = { .in = fd, .inpos = -1, .max = len, .room = -1,
	    .out = out, .outpos = -1 };
	off_t done;

	if (skip > 0 && lseek(fd, skip, SEEK_CUR) != -1)
		skip = 0;
	c.skip = skip;
	return copy_loop(&c, &done, side);
}

/* A shared, writable window onto a file, moved along as copy_loop goes. */
struct map_sink {
	int	 fd;
	bool	 grow;
	off_t	 size;		/* of the file, as far as we know */
	char	*map;
	off_t	 base;
	size_t	 len;
	/* what copy_window copies, and how much of it it has */
	char		*dst;
	const char	*src;
	size_t		 n;
	volatile size_t	 copied;
};

/*
 * A page of the mapping at a time, so that when a page cannot be had, the
 * bytes stored before it are known exactly: none of a page whose first
 * touch faults was stored.
 */
static int
copy_window(void *arg)
{
	struct map_sink *m = arg;
	size_t pagesz = (size_t)page_size(), step;

	while (m->copied < m->n) {
		step = pagesz - ((uintptr_t)(m->dst + m->copied) & (pagesz - 1));
		if (step > m->n - m->copied)
			step = m->n - m->copied;
		memcpy(m->dst + m->copied, m->src + m->copied, step);
		m->copied += step;
	}
	progress_add((off_t)m->n);
	return 0;
}

static int
map_sink(void *ctx, const char *p, size_t n, off_t pos, size_t *took)
{
	struct map_sink *m = ctx;
	size_t delta;

	/* Growing: allocate first, so a full disk is ENOSPC, not SIGBUS. */
	if (m->grow && pos + (off_t)n > m->size) {
		if (seg_reserve(m->fd, pos, (off_t)n) == -1)
			return -1;
		m->size = pos + (off_t)n;
	}
	if (m->map == NULL || pos < m->base ||
	    pos + (off_t)n > m->base + (off_t)m->len) {
		if (m->map != NULL)
			munmap(m->map, m->len);
		m->map = map_at(m->fd, pos, n > WINDOW ? n : WINDOW,
		    PROT_READ | PROT_WRITE, MAP_SHARED, &delta, &m->len);
		if (m->map == NULL)
			return -1;
		m->base = pos - (off_t)delta;
	}
	m->dst = m->map + (pos - m->base);
	m->src = p;
	m->n = n;
	m->copied = 0;
	if (sigbus_guard(copy_window, m) == -1) {
		*took = m->copied;
		if (shrank(m->fd, pos + (off_t)n))
			errno = E_SHRANK_WRITE;
		return -1;
	}
	return 0;
}

/*
 * Copies in into the regular file fd at off by storing through a shared
 * mapping, for at most max bytes (max < 0: to the end of input).  With
 * grow, the file is extended (posix_fallocate) as input runs past its end;
 * without, input past the end is E_PASTEND.
 */
int
mapcopy_in(int in, int fd, off_t off, off_t max, bool grow, off_t *done,
    enum xfer_side *side)
{
	struct map_sink m = { .fd = fd, .grow = grow };
	struct copy c = { .in = in, .inpos = -1, .max = max, .room = -1,
	    .wait = true, .outpos = off, .put = map_sink, .ctx = &m };
	struct stat st;
	int r;

	if (fstat(fd, &st) == -1) {
		*side = XFER_DEST;
		return -1;
	}
	m.size = st.st_size;
	(void)fdcopy_pipe_grow(in);	/* larger reads */
	if (!grow)
		c.room = off >= st.st_size ? 0 : st.st_size - off;
	r = copy_loop(&c, done, side);
	if (m.map != NULL)
		munmap(m.map, m.len);
	return r;
}

/* msync(2) [off, off + len) of fd through shared mappings, a window each. */
int
mapcopy_msync(int fd, off_t off, off_t len, int flags)
{
	struct windows win = { .fd = fd, .prot = PROT_READ,
	    .flags = MAP_SHARED, .off = off, .end = off + len };
	int r;

	while ((r = windows_next(&win)) == 1)
		if (msync(win.map, win.len, flags) == -1) {
			windows_stop(&win);
			return -1;
		}
	return r;
}
