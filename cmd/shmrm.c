/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmrm: remove POSIX shared memory segments, by name or by pattern, and
 * optionally only those no process holds or that have not changed for a
 * while: the safe cleanup of segments that crashed programs left behind.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "out.h"
#include "parse.h"
#include "procscan.h"
#include "segment.h"
#include "shmdir.h"

enum { OPT_OLDER_THAN = OPT_FIRST_LOCAL, OPT_UNUSED };

struct operands {
	int	  argc;
	char	**argv;
};

static int	 rm_names(int, char **);
static int	 rm_glob(int, char **);
static int	 rm_one(const char *, const struct stat *);
static bool	 wanted(const char *, void *);
static bool	 in_use(const struct stat *);

static bool	 fflag, gflag, nflag, vflag, unused;
static time_t	 age = -1, now;
static struct procscan scan;
static bool	 scanned;

static const char synopsis[] =
    "usage: shmrm [-fgnv] [--unused] [--older-than age] name|pattern ...\n";

static const char options[] =
    "Remove shared memory segments.\n"
    "\n"
    "  -f, --force            ignore names that do not exist\n"
    "  -g, --glob             operands are shell patterns over segment names\n"
    "  -n, --dry-run          print what would be removed; remove nothing\n"
    "      --older-than=AGE   only segments unmodified for AGE (90s, 15m, 2h, "
    "7d)\n"
    "      --unused           only segments no process has open or mapped\n"
    "  -v, --verbose          print the name of each segment removed\n";

static const struct option longopts[] = {
	{ "dry-run",	no_argument,		NULL,	'n' },
	{ "force",	no_argument,		NULL,	'f' },
	{ "glob",	no_argument,		NULL,	'g' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "older-than",	required_argument,	NULL,	OPT_OLDER_THAN },
	{ "unused",	no_argument,		NULL,	OPT_UNUSED },
	{ "verbose",	no_argument,		NULL,	'v' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	const char *errstr;
	int ch, rval;

	cli_init(synopsis);
	while ((ch = getopt_long(argc, argv, "fghnVv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			fflag = true;
			break;
		case 'g':
			gflag = true;
			break;
		case 'n':
			nflag = true;
			break;
		case OPT_OLDER_THAN:
			if ((errstr = parse_age(optarg, &age)) != NULL)
				usagex("invalid age '%s': %s", out_vis(optarg),
				    errstr);
			break;
		case OPT_UNUSED:
			unused = true;
			break;
		case 'v':
			vflag = true;
			break;
		case 'h':
		case OPT_HELP:
			help(options, NULL);
		case 'V':
		case OPT_VERSION:
			version();
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	/* As with rm -f, nothing to remove is not an error under -f. */
	if (argc == 0 && !fflag)
		usagex("missing segment name");
	cli_names(argc, argv);
	now = time(NULL);

	rval = gflag ? rm_glob(argc, argv) : rm_names(argc, argv);
	if (scanned)
		procscan_free(&scan);
	return rval | out_close();
}

static int
rm_names(int argc, char **argv)
{
	struct stat st;
	int i, rval = 0;

	for (i = 0; i < argc; i++) {
		if (seg_stat(argv[i], &st) == -1) {
			if (!(fflag && errno == ENOENT)) {
				warn_name(argv[i]);
				rval = 1;
			}
			continue;
		}
		/* Refused before any criterion, so -n shows what would be. */
		if ((errno = seg_not_removable(st.st_mode)) != 0) {
			warn_name(argv[i]);
			rval = 1;
			continue;
		}
		rval |= rm_one(argv[i], &st);
	}
	return rval;
}

/*
 * -g: every segment some operand matches.  A pattern that matches nothing
 * is not an error; named semaphores (sem.*) match only a pattern that
 * starts with "sem." too, so that '*' leaves them alone.
 */
static int
rm_glob(int argc, char **argv)
{
	struct shmdir_entry *list;
	struct operands ops = { argc, argv };
	size_t i, n;
	int rval = 0;

	if (shmdir_read(wanted, &ops, &list, &n) == -1)
		err(1, "%s", SHM_DIR);
	for (i = 0; i < n; i++)
		rval |= rm_one(list[i].name, &list[i].st);
	shmdir_free(list, n);
	return rval;
}

static bool
wanted(const char *name, void *arg)
{
	const struct operands *ops = arg;
	bool sem = shmdir_is_sem(name);
	int i;

	for (i = 0; i < ops->argc; i++)
		if ((!sem || strncmp(ops->argv[i], "sem.", 4) == 0) &&
		    shmdir_match(ops->argv[i], name))
			return true;
	return false;
}

/* Removes one segment, if it meets every criterion given. */
static int
rm_one(const char *name, const struct stat *st)
{
	if (age >= 0 && now - st->st_mtime < age)
		return 0;
	if (unused && in_use(st))
		return 0;
	if (!nflag && seg_unlink(name) == -1) {
		/* Gone since we looked: under -g, someone else cleaned up. */
		if ((fflag || gflag) && errno == ENOENT)
			return 0;
		warn_name(name);
		return 1;
	}
	if (vflag || nflag)
		printf("%s\n", name);
	return 0;
}

/*
 * Whether a process holds the segment: first from one scan of /proc made
 * for the whole run, then, for a segment about to go, from a fresh look
 * for that segment alone.  What a process opens after the fresh look is
 * not seen: the man page says so.  When /proc cannot be read, the
 * segment counts as held.
 */
static bool
in_use(const struct stat *st)
{
	if (!scanned) {
		if (procscan_read(st->st_dev, &scan) == -1)
			err(1, "/proc");
		scanned = true;
		if (scan.skipped > 0)
			warnx("--unused: %zu process%s could not be inspected; "
			    "segments %s may be removed", scan.skipped,
			    scan.skipped == 1 ? "" : "es",
			    scan.skipped == 1 ? "it holds" : "they hold");
	}
	if (procscan_find(&scan, st->st_dev, st->st_ino) != NULL)
		return true;
	return nflag ? false : procscan_busy(st->st_dev, st->st_ino, NULL) != 0;
}
