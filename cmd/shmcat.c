/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmcat: write POSIX shared memory segments, or a range of each, to
 * standard output.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <err.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "fdcopy.h"
#include "intr.h"
#include "progress.h"
#include "segment.h"
#include "xfer.h"

enum { OPT_LOCK = OPT_FIRST_LOCAL, OPT_TARGET };

static void	 cat_one(const char *);

static off_t	 offset, length = -1;
static int	 flags;
static bool	 lock, pflag;

static const char synopsis[] =
    "usage: shmcat [-s] [--lock] [--progress] [-o offset] [-l length]\n"
    "              [--target pid] name ...\n";

static const char options[] =
    "Write shared memory segments to standard output.\n"
    "\n"
    "  -l, --length=LENGTH    write at most LENGTH bytes of each segment\n"
    "      --lock             hold a shared flock(2) while reading\n"
    "  -o, --offset=OFFSET    start OFFSET bytes into each segment\n"
    "      --progress         report bytes copied and the rate on stderr\n"
    "  -s, --string           stop at the first NUL byte\n"
    "      --target=PID       work on the /dev/shm process PID sees (a "
    "container's)\n";

static const struct option longopts[] = {
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "length",	required_argument,	NULL,	'l' },
	{ "lock",	no_argument,		NULL,	OPT_LOCK },
	{ "offset",	required_argument,	NULL,	'o' },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "string",	no_argument,		NULL,	's' },
	{ "target",	required_argument,	NULL,	OPT_TARGET },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch, i;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "hl:o:sV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			length = cli_size("length", optarg);
			break;
		case OPT_LOCK:
			lock = true;
			flags |= FDCOPY_SNAPSHOT;
			break;
		case 'o':
			offset = cli_size("offset", optarg);
			break;
		case OPT_PROGRESS:
			pflag = true;
			break;
		case 's':
			flags |= FDCOPY_STRING;
			break;
		case OPT_TARGET:
			cli_target(optarg);
			break;
		default:
			cli_other(ch, options, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usagex("missing segment name");
	cli_names(argc, argv);
	seg_dir_need();

	/*
	 * With --progress, a signal ends the copy as a failure would, so
	 * that the last line is printed; nothing else needs undoing.
	 */
	if (pflag) {
		progress_start();
		intr_catch();
	}
	for (i = 0; i < argc; i++) {
		cat_one(argv[i]);
		intr_exit();
	}
	return close_stdout();
}

static void
cat_one(const char *name)
{
	struct stat st;
	enum xfer_side side;
	off_t len;
	int fd;

	if ((fd = seg_open(name, O_RDONLY)) == -1) {
		warn_name(name);
		return;
	}
	if ((lock && seg_lock(fd, LOCK_SH) == -1) || fstat(fd, &st) == -1) {
		intr_exit();
		warn_name(name);
		close(fd);
		return;
	}
	len = xfer_span(st.st_size, offset, length);
	if (fdcopy_out(fd, offset, len, STDOUT_FILENO, flags, &side) == -1) {
		intr_exit();
		if (side == XFER_DEST)
			stdout_error();
		warn_name(name);
	}
	close(fd);
}
