/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * xfer.c: moving bytes between segments and the outside world.  Every copy
 * the commands make goes through here, so that a faster path for a kind of
 * descriptor is added in one place.
 *
 * The paths, fastest first, chosen by what the other descriptor is: splice
 * into a pipe (made larger first); copy_file_range, then sendfile, between
 * regular files; sendfile into character devices and sockets; large
 * read/write out of a pipe (made larger too), for a tty, and whenever the
 * bytes must be looked at or copied now.  A path the kernel refuses for a
 * pair of descriptors (EINVAL, EXDEV...) gives way to the next.
 */
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "diag.h"
#include "intr.h"
#include "parse.h"
#include "procfs.h"
#include "progress.h"
#include "segment.h"
#include "xfer.h"

#define BUFSZ	(1024 * 1024)		/* for read/write */
#define WINDOW	(8 * 1024 * 1024)	/* bytes mapped at a time */
#define CHUNK	(64 * 1024 * 1024)	/* bytes asked of one splice etc. */
#define PIPESZ	(1024 * 1024)		/* what we make pipes grow to */

enum method { M_SPLICE, M_COPY_RANGE, M_SENDFILE, M_RW };

static int	copy_out(int, off_t, off_t, int, int, enum xfer_side *);

static char *
xfer_buf(void)
{
	static char *buf;

	if (buf == NULL)
		buf = malloc(BUFSZ);
	return buf;
}

/*
 * Writes all n bytes, through short writes and signals: at offset off with
 * pwrite(2), or at the file position with write(2) when off < 0, adding
 * the bytes written to *took unless it is NULL.  A signal of intr_catch's
 * ends it with EINTR; it may have cut a write short rather than failing
 * one, so the flag is looked at before each.
 */
static int
write_all(int fd, const char *p, size_t n, off_t off, size_t *took)
{
	ssize_t w;

	while (n > 0) {
		if (intr_check() == -1)
			return -1;
		w = off < 0 ? write(fd, p, n) : pwrite(fd, p, n, off);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		progress_add(w);
		if (took != NULL)
			*took += (size_t)w;
		p += w;
		n -= (size_t)w;
		if (off >= 0)
			off += w;
	}
	return 0;
}

/*
 * Makes a pipe hold PIPESZ bytes, or as much as an unprivileged user may
 * (pipe-max-size), so that each splice moves more than 64 KiB.  A pipe that
 * stays small is only slower.
 */
static void
pipe_grow(int fd)
{
	int max;

	if (fcntl(fd, F_GETPIPE_SZ) >= PIPESZ ||
	    fcntl(fd, F_SETPIPE_SZ, PIPESZ) != -1)
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

/* errno values that say a path does not work for these descriptors. */
static bool
refused(int e)
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
		if (!refused(errno))
			return -1;
		*m = next_method(*m);
	}
	return -1;
}

/*
 * Copies [off, off + len) of the regular file fd to out.  A file that ends
 * before off + len shrank under us: E_SHRANK.  With XFER_STRING, stops
 * before the first NUL byte; with XFER_SNAPSHOT, copies the bytes now
 * rather than handing the pipe references to the pages, which the reader
 * would read as they are when it reads them.  Returns 0, or -1 with errno
 * and *side set.
 */
int
xfer_out(int fd, off_t off, off_t len, int out, int flags,
    enum xfer_side *side)
{
	enum method m = M_RW;
	ssize_t r;
	size_t n;

	if ((flags & (XFER_STRING | XFER_SNAPSHOT)) == 0 && len > 0)
		m = method_for(out, false);
	while (len > 0 && m != M_RW) {
		if (intr_check() == -1) {
			*side = XFER_OUT;
			return -1;
		}
		n = len < CHUNK ? (size_t)len : CHUNK;
		if ((r = move(&m, fd, &off, out, NULL, n)) == -1) {
			if (m == M_RW)
				break;
			*side = XFER_OUT;
			return -1;
		}
		if (r == 0) {
			errno = E_SHRANK;
			*side = XFER_IN;
			return -1;
		}
		len -= r;
	}
	return len > 0 ? copy_out(fd, off, len, out, flags, side) : 0;
}

/* xfer_out by pread and write, through a buffer. */
static int
copy_out(int fd, off_t off, off_t len, int out, int flags,
    enum xfer_side *side)
{
	char *buf, *nul;
	ssize_t r;
	size_t n;

	if ((buf = xfer_buf()) == NULL) {
		*side = XFER_IN;
		return -1;
	}
	while (len > 0) {
		n = len < BUFSZ ? (size_t)len : BUFSZ;
		if ((r = pread(fd, buf, n, off)) == -1) {
			if (errno == EINTR && !intr_caught())
				continue;
			*side = XFER_IN;
			return -1;
		}
		if (r == 0) {
			errno = E_SHRANK;
			*side = XFER_IN;
			return -1;
		}
		n = (size_t)r;
		if ((flags & XFER_STRING) &&
		    (nul = memchr(buf, '\0', n)) != NULL) {
			n = (size_t)(nul - buf);
			len = (off_t)n;
		}
		if (write_all(out, buf, n, -1, NULL) == -1) {
			*side = XFER_OUT;
			return -1;
		}
		off += (off_t)n;
		len -= (off_t)n;
	}
	return 0;
}

/*
 * Where copy_in puts what it reads: bytes n at p go to pos.  On failure
 * *took says how many of them went, so that the caller can say what was
 * stored.
 */
typedef int	sink_fn(void *ctx, const char *p, size_t n, off_t pos,
		    size_t *took);

/*
 * Reads in to its end, or for at most max bytes (max < 0: no limit), and
 * hands the bytes to sink for positions off, off + 1, ...  With room >= 0,
 * at most room bytes may go: input beyond that is E_PASTEND, after the
 * first room bytes went.  *done counts the bytes the sink took, a failed
 * sink's part included.  Returns 0, or -1 with errno and *side set; a
 * signal of intr_catch's is EINTR, from the side of the input.
 */
static int
copy_in(int in, off_t off, off_t room, off_t max, sink_fn *sink, void *ctx,
    off_t *done, enum xfer_side *side)
{
	char *buf;
	ssize_t r;
	size_t n, took;

	*done = 0;
	if ((buf = xfer_buf()) == NULL) {
		*side = XFER_IN;
		return -1;
	}
	for (;;) {
		n = BUFSZ;
		if (max >= 0 && max - *done < (off_t)n)
			n = (size_t)(max - *done);
		if (max >= 0 && n == 0)
			return 0;
		if (room >= 0 && room - *done < (off_t)n)
			n = (size_t)(room - *done);
		/* Out of room, one more byte tells whether input goes on. */
		if (intr_wait(in) == -1 ||
		    (r = read(in, buf, n > 0 ? n : 1)) == -1) {
			if (errno == EINTR && !intr_caught())
				continue;
			*side = XFER_IN;
			return -1;
		}
		if (r == 0)
			return 0;
		if (n == 0) {
			errno = E_PASTEND;
			*side = XFER_IN;
			return -1;
		}
		if (off + *done > OFF_MAX - r) {
			errno = EFBIG;
			*side = XFER_OUT;
			return -1;
		}
		took = 0;
		if (sink(ctx, buf, (size_t)r, off + *done, &took) == -1) {
			*done += (off_t)took;
			*side = errno == EINTR ? XFER_IN : XFER_OUT;
			return -1;
		}
		*done += r;
	}
}

static int
pwrite_sink(void *ctx, const char *p, size_t n, off_t pos, size_t *took)
{
	return write_all(*(int *)ctx, p, n, pos, took);
}

/*
 * Copies everything from in into the regular file fd at off with
 * pwrite(2); see copy_in for room and the rest.
 */
int
xfer_in(int in, int fd, off_t off, off_t room, off_t *done,
    enum xfer_side *side)
{
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
		/* Near the largest offset, copy_in says EFBIG, writing nothing. */
		if (m == M_RW || n == 0 || OFF_MAX - pos < (off_t)n)
			break;
		if (intr_check() == -1) {
			*side = XFER_IN;
			return -1;
		}
		if ((r = move(&m, in, NULL, fd, &pos, n)) == -1) {
			if (m == M_RW)
				break;
			*side = errno == ENOSPC || errno == EDQUOT ||
			    errno == EFBIG || errno == EIO ? XFER_OUT : XFER_IN;
			return -1;
		}
		if (r == 0)
			return 0;
		*done += r;
	}
	/* The rest, and the look past the room left, by read and pwrite. */
	ret = copy_in(in, off + *done, room < 0 ? -1 : room - *done, -1,
	    pwrite_sink, &fd, &more, side);
	*done += more;
	return ret;
}

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

/*
 * The SIGBUS guard.  Touching a page of a mapping beyond the end of its
 * file (because someone truncated it) or a page that cannot be allocated
 * raises SIGBUS; inside xfer_guard that becomes an error return instead of
 * a crash.  Every access to mapped memory from user space goes through it.
 */
static sigjmp_buf	 bus_env;
static volatile sig_atomic_t bus_armed;

static void
on_sigbus(int sig)
{
	if (bus_armed)
		siglongjmp(bus_env, 1);
	/* Not ours: die of it as we would have without the handler. */
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Runs fn(arg); returns what it returns, or -1 with errno E_MAPFAULT if it
 * touched a page that could not be had.
 */
int
xfer_guard(int (*fn)(void *), void *arg)
{
	static bool installed;
	struct sigaction sa;
	int r;

	if (!installed) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigbus;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, NULL) == -1)
			return -1;
		installed = true;
	}
	if (sigsetjmp(bus_env, 1) != 0) {
		bus_armed = 0;
		errno = E_MAPFAULT;
		return -1;
	}
	bus_armed = 1;
	r = fn(arg);
	bus_armed = 0;
	return r;
}

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

/* The file ended before end: it shrank under us. */
static bool
shrank(int fd, off_t end)
{
	struct stat st;

	return fstat(fd, &st) == 0 && st.st_size < end;
}

struct window {
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
	struct window *w = arg;
	struct iovec iov = { (void *)w->p, w->n };
	ssize_t r;

	while (w->pipe && iov.iov_len > 0) {
		if (intr_check() == -1)
			return -1;
		if ((r = vmsplice(w->out, &iov, 1, 0)) == -1) {
			if (errno == EINTR)
				continue;
			if (!refused(errno))
				return -1;
			w->pipe = false;
			break;
		}
		progress_add(r);
		iov.iov_base = (char *)iov.iov_base + r;
		iov.iov_len -= (size_t)r;
	}
	return write_all(w->out, iov.iov_base, iov.iov_len, -1, NULL);
}

/*
 * Zeros for the holes of sparse files.  Nothing ever writes here, so every
 * page of it stays the kernel's shared zero page: printing a hole costs no
 * memory, and a pipe can be given references to it.
 */
static char	 zeros[PIPESZ];

/*
 * Writes the n zero bytes of a hole of fd at off to out, as write_window
 * writes data.  A file cut short meanwhile would have us print zeros it no
 * longer has: its size is checked before each piece.  Returns 0, or -1
 * with errno and *side set.
 */
static int
write_zeros(struct window *w, int fd, off_t off, off_t n,
    enum xfer_side *side)
{
	while (n > 0) {
		w->p = zeros;
		w->n = n < (off_t)sizeof(zeros) ? (size_t)n : sizeof(zeros);
		if (shrank(fd, off + (off_t)w->n)) {
			errno = E_SHRANK;
			*side = XFER_IN;
			return -1;
		}
		if (write_window(w) == -1) {
			*side = XFER_OUT;
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
xfer_map_out(int fd, off_t off, off_t len, int out, int advice,
    enum xfer_side *side)
{
	struct window w;
	off_t end = off + len, last, stop, data, hole;
	size_t maplen, delta;
	char *map;
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
	w.pipe = len > 0 && method_for(out, false) == M_SPLICE;
	/* A hole, then data up to the next hole, a window at a time. */
	while (off < stop) {
		if (find_data(fd, off, stop, &data, &hole) == -1) {
			*side = XFER_IN;
			return -1;
		}
		if (write_zeros(&w, fd, off, data - off, side) == -1)
			return -1;
		for (off = data; off < hole; off += (off_t)w.n) {
			map = map_at(fd, off, (size_t)(hole - off < WINDOW ?
			    hole - off : WINDOW), PROT_READ, MAP_PRIVATE,
			    &delta, &maplen);
			if (map == NULL) {
				if (first && (errno == ENODEV ||
				    errno == EACCES || errno == EINVAL) &&
				    lseek(fd, off, SEEK_SET) != -1)
					return xfer_stream_out(fd, 0, end - off,
					    out, side);
				*side = XFER_IN;
				return -1;
			}
			first = false;
			if (advice != -1 && madvise(map, maplen, advice) ==
			    -1 && errno != EINVAL) {
				munmap(map, maplen);
				*side = XFER_IN;
				return -1;
			}
			w.p = map + delta;
			w.n = maplen - delta;
			r = xfer_guard(write_window, &w);
			munmap(map, maplen);
			if (r == -1) {
				if (errno == EFAULT || errno == E_MAPFAULT) {
					errno = map_fault_errno(fd, end);
					*side = XFER_IN;
				} else
					*side = XFER_OUT;
				return -1;
			}
		}
	}
	return off < end ? copy_out(fd, off, end - off, out, 0, side) : 0;
}

/*
 * Copies a stream (a pipe, a tty, a /proc file: anything that cannot be
 * mapped) to out, after skipping skip bytes, for at most len bytes
 * (len < 0: to the end).
 */
int
xfer_stream_out(int fd, off_t skip, off_t len, int out, enum xfer_side *side)
{
	char *buf;
	ssize_t r;
	size_t n;

	if ((buf = xfer_buf()) == NULL) {
		*side = XFER_IN;
		return -1;
	}
	if (skip > 0 && lseek(fd, skip, SEEK_CUR) != -1)
		skip = 0;
	while (len != 0) {
		n = BUFSZ;
		if (skip > 0 && skip < (off_t)n)
			n = (size_t)skip;
		else if (skip == 0 && len > 0 && len < (off_t)n)
			n = (size_t)len;
		if ((r = read(fd, buf, n)) == -1) {
			if (errno == EINTR && !intr_caught())
				continue;
			*side = XFER_IN;
			return -1;
		}
		if (r == 0)
			break;
		if (skip > 0) {
			skip -= r;
			continue;
		}
		if (write_all(out, buf, (size_t)r, -1, NULL) == -1) {
			*side = XFER_OUT;
			return -1;
		}
		if (len > 0)
			len -= r;
	}
	return 0;
}

/* A shared, writable window onto a file, moved along as copy_in goes. */
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
	if (xfer_guard(copy_window, m) == -1) {
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
xfer_map_in(int in, int fd, off_t off, off_t max, bool grow, off_t *done,
    enum xfer_side *side)
{
	struct map_sink m = { .fd = fd, .grow = grow };
	struct stat st;
	off_t room = -1;
	int r;

	if (fstat(fd, &st) == -1) {
		*side = XFER_OUT;
		return -1;
	}
	m.size = st.st_size;
	(void)method_for(in, true);	/* a pipe grows: larger reads */
	if (!grow)
		room = off >= st.st_size ? 0 : st.st_size - off;
	r = copy_in(in, off, room, max, map_sink, &m, done, side);
	if (m.map != NULL)
		munmap(m.map, m.len);
	return r;
}

/* msync(2) [off, off + len) of fd through shared mappings, a window each. */
int
xfer_msync(int fd, off_t off, off_t len, int flags)
{
	off_t end = off + len;
	size_t delta, maplen;
	char *map;
	int r;

	while (off < end) {
		map = map_at(fd, off,
		    (size_t)(end - off < WINDOW ? end - off : WINDOW), PROT_READ,
		    MAP_SHARED, &delta, &maplen);
		if (map == NULL)
			return -1;
		r = msync(map, maplen, flags);
		munmap(map, maplen);
		if (r == -1)
			return -1;
		off += (off_t)(maplen - delta);
	}
	return 0;
}
