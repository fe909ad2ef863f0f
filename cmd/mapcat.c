/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * mapcat: cat through mmap(2).  Regular files are read through private
 * read-only mappings, a window at a time; whatever cannot be mapped (pipes,
 * ttys, /proc and /sys files, empty files) is read with read(2).
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "intr.h"
#include "mapcopy.h"
#include "progress.h"
#include "xfer.h"

static void	 cat_one(const char *);
static void	 cat_fd(int, const char *);

static int	 advice = -1;
static bool	 pflag;
static off_t	 offset, length = -1;

static const char synopsis[] =
    "usage: mapcat [-a advice] [--progress] [-o offset] [-l length] [file ...]\n";

static const char options[] =
    "Write files to standard output through mmap(2).\n"
    "With no file, or when file is -, read standard input.\n"
    "\n"
    "  -a, --advice=ADVICE    madvise(2) hint: normal, sequential, random,\n"
    "                         willneed, dontneed or hugepage\n"
    "                         (default: sequential for whole files)\n"
    "  -l, --length=LENGTH    write at most LENGTH bytes of each file\n"
    "  -o, --offset=OFFSET    start OFFSET bytes into each file\n"
    "      --progress         report bytes copied and the rate on stderr\n";

static const struct option longopts[] = {
	{ "advice",	required_argument,	NULL,	'a' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "length",	required_argument,	NULL,	'l' },
	{ "offset",	required_argument,	NULL,	'o' },
	{ "progress",	no_argument,		NULL,	OPT_PROGRESS },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch, i;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "a:hl:o:V", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			advice = cli_advice(optarg);
			break;
		case 'l':
			length = cli_size("length", optarg);
			break;
		case OPT_PROGRESS:
			pflag = true;
			break;
		case 'o':
			offset = cli_size("offset", optarg);
			break;
		default:
			cli_other(ch, options, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	/* Whole files are read front to back: say so unless told otherwise. */
	if (advice == -1 && offset == 0 && length == -1)
		advice = MADV_SEQUENTIAL;

	/*
	 * With --progress, a signal ends the copy as a failure would, so
	 * that the last line is printed; nothing else needs undoing.
	 */
	if (pflag) {
		progress_start();
		intr_catch();
	}
	if (argc == 0)
		cat_one("-");
	for (i = 0; i < argc; i++) {
		cat_one(argv[i]);
		intr_exit();
	}
	intr_exit();
	return close_stdout();
}

static void
cat_one(const char *path)
{
	int fd;

	if (strcmp(path, "-") == 0) {
		cat_fd(STDIN_FILENO, "stdin");
		return;
	}
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) == -1) {
		warn_name(path);
		return;
	}
	cat_fd(fd, path);
	close(fd);
}

static void
cat_fd(int fd, const char *path)
{
	struct stat st;
	enum xfer_side side;
	off_t len, pos = 0, start;
	int r;

	if (fstat(fd, &st) == -1) {
		warn_name(path);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		warn_name(path);
		return;
	}
	/* Standard input may have been read from already: start where it is. */
	if (S_ISREG(st.st_mode) && fd == STDIN_FILENO &&
	    (pos = lseek(fd, 0, SEEK_CUR)) == -1)
		pos = 0;
	/* /proc files claim size 0: those, like pipes, are read. */
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		len = xfer_span(st.st_size - pos, offset, length);
		start = offset < st.st_size - pos ? pos + offset : st.st_size;
		r = mapcopy_out(fd, start, len, STDOUT_FILENO, advice, &side);
		/* Leave stdin where cat would: after what was printed. */
		if (r == 0 && fd == STDIN_FILENO)
			(void)lseek(fd, start + len, SEEK_SET);
	} else
		r = mapcopy_stream_out(fd, offset, length, STDOUT_FILENO,
		    &side);
	if (r == -1) {
		intr_exit();
		if (side == XFER_DEST)
			stdout_error();
		warn_name(path);
	}
}
