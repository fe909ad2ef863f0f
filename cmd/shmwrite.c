/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmwrite: copy standard input into a POSIX shared memory segment at an
 * offset, optionally creating, growing, truncating or appending.
 */
#include <sys/file.h>
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
#include "compat.h"
#include "diag.h"
#include "fdcopy.h"
#include "intr.h"
#include "progress.h"
#include "segment.h"
#include "xfer.h"

enum { OPT_LOCK = OPT_FIRST_LOCAL, OPT_TARGET };

/* How many times a --lock writer starts again on a replaced segment. */
#define LOCK_TRIES	100

static int	 open_locked(const char *, bool *);
static void	 write_one(const char *);
static void	 undo(int, const char *, bool, off_t);

static bool	 aflag, cflag, gflag, kflag, tflag, lock, mflag, oflag, pflag;
static mode_t	 mode = 0600;
static off_t	 offset;

static const char synopsis[] =
    "usage: shmwrite [-acgkt] [--lock] [--progress] [-m mode] [-o offset]\n"
    "                [--target pid] name\n";

static const char options[] =
    "Copy standard input into a shared memory segment.\n"
    "\n"
    "  -a, --append           write at the end of the segment\n"
    "  -c, --create           create the segment if it is missing\n"
    "  -g, --grow             grow the segment when input runs past its end\n"
    "  -k, --keep-partial     keep a segment -c made when writing fails\n"
    "      --lock             hold an exclusive flock(2) while writing\n"
    "  -m, --mode=MODE        mode of a segment -c creates (default 0600)\n"
    "  -o, --offset=OFFSET    write OFFSET bytes into the segment\n"
    "      --progress         report bytes copied and the rate on stderr\n"
    "      --target=PID       work on the /dev/shm process PID sees (a "
    "container's)\n"
    "  -t, --truncate         end the segment where the input ends\n";

static const struct option longopts[] = {
	{ "append",	no_argument,		NULL,	'a' },
	{ "create",	no_argument,		NULL,	'c' },
	{ "grow",	no_argument,		NULL,	'g' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "keep-partial", no_argument,		NULL,	'k' },
	{ "lock",	no_argument,		NULL,	OPT_LOCK },
	{ "mode",	required_argument,	NULL,	'm' },
	{ "offset",	required_argument,	NULL,	'o' },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "target",	required_argument,	NULL,	OPT_TARGET },
	{ "truncate",	no_argument,		NULL,	't' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "acghkm:o:tV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			aflag = true;
			break;
		case 'c':
			cflag = true;
			break;
		case 'g':
			gflag = true;
			break;
		case 'k':
			kflag = true;
			break;
		case OPT_LOCK:
			lock = true;
			break;
		case 'm':
			mode = cli_mode(optarg);
			mflag = true;
			break;
		case 'o':
			offset = cli_size("offset", optarg);
			oflag = true;
			break;
		case OPT_PROGRESS:
			pflag = true;
			break;
		case OPT_TARGET:
			cli_target(optarg);
			break;
		case 't':
			tflag = true;
			break;
		default:
			cli_other(ch, options, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (aflag && oflag)
		usagex("-a and -o cannot be used together");
	if (mflag && !cflag)
		usagex("-m needs -c");
	if (kflag && !cflag)
		usagex("-k needs -c");
	if (argc == 0)
		usagex("missing segment name");
	if (argc > 1)
		usagex("one segment name only");
	cli_names(argc, argv);
	seg_dir_need();

	if (pflag)
		progress_start();
	intr_catch();
	write_one(argv[0]);
	intr_exit();
	return close_stdout();
}

/*
 * Opens (with -c, creates) the segment, and with --lock locks it.  A name
 * removed and made again while we waited for the lock is no longer what
 * we locked: writing into the old object would be lost with it, so we
 * start again on the new one, as the lock-file idiom does.
 */
static int
open_locked(const char *name, bool *created)
{
	int fd, tries;

	for (tries = 0; tries < LOCK_TRIES; tries++) {
		if (cflag)
			fd = seg_create(name, mode, false, created);
		else
			fd = seg_open(name, O_RDWR);
		if (fd == -1 || !lock)
			return fd;
		if (seg_lock(fd, LOCK_EX) == -1) {
			int saved = errno;

			if (*created && !kflag)
				seg_unlink_own(name, fd);
			close(fd);
			errno = saved;
			return -1;
		}
		if (seg_is(name, fd))
			return fd;
		/* What we made and lost is gone with its name. */
		close(fd);
	}
	*created = false;
	errno = E_REPLACED;
	return -1;
}

static void
write_one(const char *name)
{
	struct stat st;
	enum xfer_side side;
	off_t done = 0, left, limit, oldsize = -1;
	bool created = false;
	int fd, saved;

	if ((fd = open_locked(name, &created)) == -1) {
		intr_exit();
		warn_name(name);
		return;
	}
	if (fstat(fd, &st) == -1 || xfer_check_input(STDIN_FILENO, fd) == -1)
		goto fail;
	oldsize = st.st_size;
	if (aflag)
		offset = st.st_size;

	/* Without leave to grow, the data must fit between offset and end. */
	limit = -1;
	if (!(gflag || tflag || aflag || created))
		limit = offset >= st.st_size ? 0 : st.st_size - offset;
	left = xfer_input_left(STDIN_FILENO);
	if (limit >= 0 && left > limit) {
		warn_past_end(name, "segment", st.st_size, offset, left, 0);
		close(fd);
		return;
	}
	if (left > OFF_MAX - offset) {
		errno = EFBIG;
		goto fail;
	}
	/*
	 * A known input size lets a full /dev/shm fail before any write, so
	 * that old bytes are not overwritten by a write that cannot finish.
	 * A segment we made has no old bytes, and write(2) into tmpfs fails
	 * cleanly with ENOSPC by itself (only stores through a mapping raise
	 * SIGBUS), after which undo removes it: reserving first would only
	 * allocate every page before the copy, the slower way round.
	 */
	if (!created && left > 0 && limit < 0 && offset + left > st.st_size &&
	    seg_reserve(fd, offset, left) == -1)
		goto fail;

	if (fdcopy_in(STDIN_FILENO, fd, offset, limit, &done, &side) == -1) {
		if (errno == E_PASTEND) {
			warn_past_end(name, "segment", st.st_size, offset, -1,
			    done);
			close(fd);
			return;
		}
		if (side == XFER_SOURCE) {
			saved = errno;
			undo(fd, name, created, oldsize);
			close(fd);
			intr_exit();
			warn_op("stdin: %s", diag_strerror(saved));
			return;
		}
		goto fail;
	}
	if ((tflag || created) && ftruncate(fd, offset + done) == -1)
		goto fail;
	/* A signal before we are done undoes, whatever finished since. */
	if (intr_caught()) {
		errno = EINTR;
		goto fail;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	return;
fail:
	saved = errno;
	if (fd != -1) {
		undo(fd, name, created, oldsize);
		close(fd);
	}
	intr_exit();
	errno = saved;
	warn_name(name);
}

/*
 * After a failed write, leave things as they were where that can be done:
 * a segment we made goes (unless -k), if its name is still ours, and one
 * whose old bytes the write did not reach (-a, or -g past the end) gets
 * its old size back: through our descriptor, so only the object we grew
 * shrinks, whatever its name now holds.  An oldsize < 0 was never known.
 */
static void
undo(int fd, const char *name, bool created, off_t oldsize)
{
	int saved = errno;

	if (created) {
		if (!kflag)
			seg_unlink_own(name, fd);
	} else if (oldsize >= 0 && offset >= oldsize)
		(void)seg_shrink_back(fd, name, oldsize);
	errno = saved;
}
