/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * mapsync: flush a range of a file to storage with msync(2) through a
 * shared mapping; with -w, first copy standard input into the file at an
 * offset through that mapping.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "file.h"
#include "intr.h"
#include "mapcopy.h"
#include "progress.h"
#include "segment.h"
#include "xfer.h"

static void	 sync_one(const char *);
static int	 write_in(const char *, int, off_t, off_t *, enum xfer_side *);
static off_t	 undo_grow(const char *, int, off_t, off_t);
static void	 warn_write(const char *, enum xfer_side, off_t, off_t);

static bool	 gflag, pflag, vflag, wflag;
static int	 msflags = MS_SYNC;
static off_t	 offset, length = -1;

static const char synopsis[] =
    "usage: mapsync [-agiv] [-w [--progress]] [-o offset] [-l length] file ...\n";

static const char options[] =
    "Flush a file range to storage with msync(2) through a shared mapping.\n"
    "\n"
    "  -a, --async            schedule the writes (MS_ASYNC), do not wait\n"
    "  -g, --grow             with -w, grow the file when input runs past "
    "its end\n"
    "  -i, --invalidate       also invalidate other mappings (MS_INVALIDATE)\n"
    "  -l, --length=LENGTH    sync LENGTH bytes (default: to the end)\n"
    "  -o, --offset=OFFSET    start OFFSET bytes into the file\n"
    "      --progress         with -w, report bytes copied and the rate on stderr\n"
    "  -v, --verbose          print the range synced\n"
    "  -w, --write            first copy standard input into the file at "
    "OFFSET\n";

static const struct option longopts[] = {
	{ "async",	no_argument,		NULL,	'a' },
	{ "grow",	no_argument,		NULL,	'g' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "invalidate",	no_argument,		NULL,	'i' },
	{ "length",	required_argument,	NULL,	'l' },
	{ "offset",	required_argument,	NULL,	'o' },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "verbose",	no_argument,		NULL,	'v' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ "write",	no_argument,		NULL,	'w' },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch, i;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "aghil:o:Vvw", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'a':
			msflags = (msflags & ~MS_SYNC) | MS_ASYNC;
			break;
		case 'g':
			gflag = true;
			break;
		case 'i':
			msflags |= MS_INVALIDATE;
			break;
		case 'l':
			length = cli_size("length", optarg);
			break;
		case 'o':
			offset = cli_size("offset", optarg);
			break;
		case OPT_PROGRESS:
			pflag = true;
			break;
		case 'v':
			vflag = true;
			break;
		case 'w':
			wflag = true;
			break;
		default:
			cli_other(ch, options, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (gflag && !wflag)
		usagex("-g needs -w");
	if (pflag && !wflag)
		usagex("--progress needs -w");
	if (argc == 0)
		usagex("missing file operand");
	if (wflag && argc > 1)
		usagex("-w takes one file only");

	if (pflag)
		progress_start();
	if (wflag)
		intr_catch();
	for (i = 0; i < argc; i++)
		sync_one(argv[i]);
	intr_exit();
	return close_stdout();
}

static void
sync_one(const char *path)
{
	struct stat st;
	enum xfer_side side;
	off_t done = 0, end;
	bool failed = false;
	int fd, r, saved;

	if ((fd = open_regular(path, O_RDWR)) == -1) {
		warn_name(path);
		return;
	}
	if (fstat(fd, &st) == -1)
		goto fail;
	if (wflag) {
		/* What was written is synced even when the rest failed. */
		r = write_in(path, fd, st.st_size, &done, &side);
		/* A signal before we are done undoes, whatever finished. */
		if (r == 0 && intr_caught())
			r = -1;
		if (r != 0) {
			saved = errno;
			done = undo_grow(path, fd, st.st_size, done);
			intr_exit();
			errno = saved;
			if (r == -1)
				warn_write(path, side, st.st_size, done);
			failed = true;
		}
		end = offset + done;
	} else {
		end = offset + xfer_span(st.st_size, offset, length);
	}
	if (mapcopy_msync(fd, offset, end - offset, msflags) == -1) {
		/* What -w stored stays in the file: say how much, and where. */
		if (done > 0) {
			warn_op("%s: %s; %s written at offset %jd, not synced",
			    vis_str(path), diag_strerror(errno),
			    bytes_str(done), (intmax_t)offset);
			close(fd);
			return;
		}
		goto fail;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	/* After a failure, the message said what was stored; this says more. */
	if (vflag && (!failed || end > offset))
		printf("%s: %s %s at offset %jd\n", path,
		    msflags & MS_ASYNC ? "scheduled" : "synced",
		    bytes_str(end - offset), (intmax_t)offset);
	return;
fail:
	warn_name(path);
	if (fd != -1)
		close(fd);
}

/*
 * -w: copies standard input into fd at offset through a shared mapping,
 * for at most -l bytes.  Input that runs past the end of the file is an
 * error without -g, refused before writing when its size is known; input
 * that is the file itself is refused.  Returns 0; 1 when refused before
 * writing, with a message; -1 when writing failed, with errno and *side
 * set, for the caller to say what was stored once it has undone -g.
 */
static int
write_in(const char *path, int fd, off_t size, off_t *done,
    enum xfer_side *side)
{
	off_t room, want;

	*done = 0;
	if (xfer_check_input(STDIN_FILENO, fd) == -1) {
		warn_name(path);
		return 1;
	}
	room = offset >= size ? 0 : size - offset;
	want = xfer_input_left(STDIN_FILENO);
	if (length >= 0 && want > length)
		want = length;
	if (!gflag && want > room) {
		warn_past_end(path, "file", size, offset, want, 0);
		return 1;
	}
	return mapcopy_in(STDIN_FILENO, fd, offset, length, gflag, done,
	    side);
}

/*
 * Why -w failed (errno), and what of the input is in the file: stored
 * bytes at offset, after undo_grow.
 */
static void
warn_write(const char *path, enum xfer_side side, off_t size, off_t stored)
{
	char what[128];

	if (errno == E_PASTEND) {
		warn_past_end(path, "file", size, offset, -1, stored);
		return;
	}
	if (stored == 0)
		snprintf(what, sizeof(what), "nothing written");
	else
		snprintf(what, sizeof(what), "%s written at offset %jd",
		    bytes_str(stored), (intmax_t)offset);
	if (side == XFER_SOURCE)
		warn_op("stdin: %s; %s: %s", diag_strerror(errno),
		    vis_str(path), what);
	else
		warn_op("%s: %s; %s", vis_str(path), diag_strerror(errno),
		    what);
}

/*
 * After a failed -w -g, the file gets back the size it had, through our
 * descriptor, so that only what we grew shrinks; returns how many of the
 * done bytes written at offset are still in it.
 */
static off_t
undo_grow(const char *path, int fd, off_t oldsize, off_t done)
{
	if (!gflag || seg_shrink_back(fd, path, oldsize) != 1)
		return done;
	return xfer_span(oldsize, offset, done);
}
