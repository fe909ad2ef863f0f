/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmcreate: make POSIX shared memory segments of a given size and mode,
 * optionally reserving their memory now.
 */
#include <sys/param.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "intr.h"
#include "segment.h"

enum { OPT_TARGET = OPT_FIRST_LOCAL };

static void	 create_one(const char *);

static bool	 eflag, rflag, vflag;
static mode_t	 mode = 0600;
static off_t	 size;

static const char synopsis[] =
    "usage: shmcreate [-erv] [-m mode] [-s size] [--target pid] name ...\n";

static const char options[] =
    "Create shared memory segments.\n"
    "\n"
    "  -e, --exist-ok         accept an existing segment; grow it to SIZE\n"
    "  -m, --mode=MODE        octal or symbolic mode (default 0600)\n"
    "  -r, --reserve          allocate the memory now (posix_fallocate)\n"
    "  -s, --size=SIZE        size in bytes, with k, M, G... (default 0)\n"
    "      --target=PID       work on the /dev/shm process PID sees (a "
    "container's)\n"
    "  -v, --verbose          print the name of each segment created\n";

static const struct option longopts[] = {
	{ "exist-ok",	no_argument,		NULL,	'e' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "mode",	required_argument,	NULL,	'm' },
	{ "reserve",	no_argument,		NULL,	'r' },
	{ "size",	required_argument,	NULL,	's' },
	{ "target",	required_argument,	NULL,	OPT_TARGET },
	{ "verbose",	no_argument,		NULL,	'v' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch, i;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "ehm:rs:Vv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			eflag = true;
			break;
		case 'm':
			mode = cli_mode(optarg);
			break;
		case 'r':
			rflag = true;
			break;
		case 's':
			size = cli_size("size", optarg);
			break;
		case OPT_TARGET:
			cli_target(optarg);
			break;
		case 'v':
			vflag = true;
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

	intr_catch();
	for (i = 0; i < argc; i++) {
		create_one(argv[i]);
		intr_exit();
	}
	return close_stdout();
}

static void
create_one(const char *name)
{
	struct stat st;
	off_t oldsize = -1;
	bool created;
	int fd, saved;

	if ((fd = seg_create(name, mode, !eflag, &created)) == -1) {
		warn_name(name);
		return;
	}
	if (fstat(fd, &st) == -1)
		goto fail;
	oldsize = st.st_size;
	/*
	 * Grow, never shrink: an existing segment may hold someone's data.
	 * posix_fallocate grows it too, and on tmpfs changes nothing unless
	 * all of it could be had, so a failed -r leaves the size as it was.
	 */
	if (rflag) {
		if (seg_reserve(fd, 0, MAX(size, st.st_size)) == -1)
			goto fail;
	} else if (size > st.st_size && ftruncate(fd, size) == -1)
		goto fail;
	/* A signal before we are done undoes, whatever finished since. */
	if (intr_caught()) {
		errno = EINTR;
		goto fail;
	}
	close(fd);
	if (vflag && created)
		printf("%s\n", name);
	return;
fail:
	saved = errno;
	/*
	 * What could not be made whole is not left behind, if still ours;
	 * an existing segment that a reservation cut short by a signal grew
	 * gets its size back.
	 */
	if (created)
		seg_unlink_own(name, fd);
	else if (oldsize >= 0)
		(void)seg_shrink_back(fd, name, oldsize);
	close(fd);
	intr_exit();
	errno = saved;
	warn_name(name);
}
