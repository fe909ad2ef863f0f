/*
 * xfer.c: moving bytes between segments and the outside world.  Every copy
 * the commands make goes through here, so that a faster path for a kind of
 * descriptor is added in one place.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "xfer.h"

#define BUFSZ	(128 * 1024)

static char *
xfer_buf(void)
{
	static char *buf;

	if (buf == NULL)
		buf = malloc(BUFSZ);
	return buf;
}

/* write(2) all of it, through short writes and signals. */
static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
pwrite_all(int fd, const char *p, size_t n, off_t off)
{
	ssize_t w;

	while (n > 0) {
		if ((w = pwrite(fd, p, n, off)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
		off += w;
	}
	return 0;
}

/*
 * Copies [off, off + len) of the regular file fd to out.  A file that ends
 * before off + len shrank under us: E_SHRANK.  With XFER_STRING, stops
 * before the first NUL byte.  Returns 0, or -1 with errno and *side set.
 */
int
xfer_out(int fd, off_t off, off_t len, int out, int flags,
    enum xfer_side *side)
{
	char *buf, *nul;
	ssize_t r;
	size_t n;

	(void)flags;	/* every path copies for now */
	if ((buf = xfer_buf()) == NULL) {
		*side = XFER_IN;
		return -1;
	}
	while (len > 0) {
		n = len < BUFSZ ? (size_t)len : BUFSZ;
		if ((r = pread(fd, buf, n, off)) == -1) {
			if (errno == EINTR)
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
		if (write_all(out, buf, n) == -1) {
			*side = XFER_OUT;
			return -1;
		}
		off += (off_t)n;
		len -= (off_t)n;
	}
	return 0;
}

/*
 * Copies everything from in into the regular file fd at off.  With
 * limit >= 0, at most limit bytes may be written: input beyond that is
 * E_PASTEND, after the first limit bytes were written.  *done counts the
 * bytes written.  Returns 0, or -1 with errno and *side set.
 */
int
xfer_in(int in, int fd, off_t off, off_t limit, off_t *done,
    enum xfer_side *side)
{
	char *buf;
	ssize_t r;
	size_t n;

	*done = 0;
	if ((buf = xfer_buf()) == NULL) {
		*side = XFER_IN;
		return -1;
	}
	for (;;) {
		n = BUFSZ;
		if (limit >= 0 && limit - *done < (off_t)n)
			n = (size_t)(limit - *done);
		/* At the limit, one more byte tells whether input goes on. */
		if ((r = read(in, buf, n > 0 ? n : 1)) == -1) {
			if (errno == EINTR)
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
		if (pwrite_all(fd, buf, (size_t)r, off + *done) == -1) {
			*side = XFER_OUT;
			return -1;
		}
		*done += r;
	}
}
