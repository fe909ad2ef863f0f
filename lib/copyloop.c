/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * copyloop.c: the one loop that copies through a buffer: read(2) or
 * pread(2) from the source, write(2), pwrite(2) or a store of the caller's
 * into the destination.  Every copy that no faster path takes ends here
 * (shmcat's and shmwrite's, mapcat's streams, mapsync's stores into a
 * mapping), so that signals, short writes, --progress, and where a copy
 * stops are handled once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "copyloop.h"
#include "diag.h"
#include "intr.h"
#include "progress.h"

#define BUFSZ	(1024 * 1024)

static char *
copy_buf(void)
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
int
copy_write_all(int fd, const char *p, size_t n, off_t off, size_t *took)
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
 * Copies as c says: drops c->skip bytes of input, then copies until the
 * input ends or c->max bytes went.  Input that ends before c->max is
 * c->short_err when that is set (a file that shrank under us); with
 * c->room >= 0, input beyond room bytes is E_PASTEND, after the first room
 * bytes went.  *done counts the bytes the destination took, a failed
 * store's part included.  Returns 0, or -1 with errno and *side set; a
 * signal of intr_catch's is EINTR, from the side of the source.
 */
int
copy_loop(const struct copy *c, off_t *done, enum xfer_side *side)
{
	off_t inpos = c->inpos, skip = c->skip, max = c->max;
	char *buf, *nul;
	ssize_t r;
	size_t n, took;
	int ret;

	*done = 0;
	if ((buf = copy_buf()) == NULL) {
		*side = XFER_SOURCE;
		return -1;
	}
	for (;;) {
		n = BUFSZ;
		if (max >= 0 && max - *done < (off_t)n)
			n = (size_t)(max - *done);
		if (max >= 0 && n == 0)
			return 0;
		if (skip > 0)
			n = skip < BUFSZ ? (size_t)skip : BUFSZ;
		else if (c->room >= 0 && c->room - *done < (off_t)n)
			n = (size_t)(c->room - *done);
		/* Out of room, one more byte tells whether input goes on. */
		if ((c->wait && intr_wait(c->in) == -1) ||
		    (r = inpos < 0 ? read(c->in, buf, n > 0 ? n : 1) :
		    pread(c->in, buf, n > 0 ? n : 1, inpos)) == -1) {
			if (errno == EINTR && !intr_caught())
				continue;
			*side = XFER_SOURCE;
			return -1;
		}
		if (r == 0) {
			if (c->short_err == 0)
				return 0;
			errno = c->short_err;
			*side = XFER_SOURCE;
			return -1;
		}
		if (skip > 0) {
			skip -= r;
			continue;
		}
		if (n == 0) {
			errno = E_PASTEND;
			*side = XFER_SOURCE;
			return -1;
		}
		if (c->outpos >= 0 && c->outpos + *done > OFF_MAX - r) {
			errno = EFBIG;
			*side = XFER_DEST;
			return -1;
		}
		n = (size_t)r;
		if (c->string && (nul = memchr(buf, '\0', n)) != NULL) {
			n = (size_t)(nul - buf);
			max = *done + (off_t)n;
		}
		took = 0;
		if (c->put != NULL)
			ret = c->put(c->ctx, buf, n, c->outpos + *done, &took);
		else
			ret = copy_write_all(c->out, buf, n, c->outpos < 0 ?
			    -1 : c->outpos + *done, &took);
		if (ret == -1) {
			*done += (off_t)took;
			*side = errno == EINTR ? XFER_SOURCE : XFER_DEST;
			return -1;
		}
		*done += (off_t)n;
		if (inpos >= 0)
			inpos += (off_t)n;
	}
}
