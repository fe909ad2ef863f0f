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
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "format.h"
#include "procscan.h"
#include "segment.h"
#include "select.h"
#include "shmdir.h"

enum {
	OPT_OLDER_THAN = OPT_FIRST_LOCAL, OPT_TARGET, OPT_THIS_PID_NS,
	OPT_UNUSED
};

/*
 * A segment that meets every criterion but --unused, and, when one was
 * needed to tell, its stat then.
 */
struct candidate {
	char		*name;
	bool		 have_st;
	struct stat	 st;
};

static void	 check_view(void);
static void	 rm_names(int, char **);
static void	 rm_glob(int, char **);
static void	 rm_one(const char *, const struct stat *);
static void	 add_candidate(const char *, const struct stat *);
static void	 rm_unused(void);
static void	 rm_unused_one(const struct candidate *,
		    const struct procscan *, const struct procscan *);
static void	 rm_now(const char *, const struct stat *);
static void	 rm_failed(const char *);
static int	 unlink_same(const char *, const struct stat *);
static bool	 collect(const char *, void *);
static int	 by_name(const void *, const void *);

static bool	 fflag, gflag, nflag, vflag, unused, this_ns;
static time_t	 age = -1, now;
static struct candidate *cands;		/* --unused: the batch to check */
static size_t	 ncands, capcands;

static const char synopsis[] =
    "usage: shmrm [-fgnv] [--unused [--this-pid-namespace]] [--older-than age]\n"
    "             [--target pid] name|pattern ...\n";

static const char options[] =
    "Remove shared memory segments.\n"
    "\n"
    "  -f, --force            ignore names that do not exist\n"
    "  -g, --glob             operands are shell patterns over segment names\n"
    "  -n, --dry-run          print what would be removed; remove nothing\n"
    "      --older-than=AGE   only segments unmodified for AGE (90s, 15m, 2h, "
    "7d)\n"
    "      --target=PID       work on the /dev/shm process PID sees (a "
    "container's)\n"
    "      --this-pid-namespace\n"
    "                         with --unused, take this PID namespace's "
    "processes\n"
    "                         as all that may hold segments\n"
    "      --unused           only segments no process has open or mapped\n"
    "  -v, --verbose          print the name of each segment removed\n";

static const struct option longopts[] = {
	{ "dry-run",	no_argument,		NULL,	'n' },
	{ "force",	no_argument,		NULL,	'f' },
	{ "glob",	no_argument,		NULL,	'g' },
	{ "help",	no_argument,		NULL,	OPT_HELP },
	{ "older-than",	required_argument,	NULL,	OPT_OLDER_THAN },
	{ "target",	required_argument,	NULL,	OPT_TARGET },
	{ "this-pid-namespace", no_argument,	NULL,	OPT_THIS_PID_NS },
	{ "unused",	no_argument,		NULL,	OPT_UNUSED },
	{ "verbose",	no_argument,		NULL,	'v' },
	{ "version",	no_argument,		NULL,	OPT_VERSION },
	{ NULL,		0,			NULL,	0 }
};

int
main(int argc, char *argv[])
{
	int ch;

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
			age = cli_age(optarg);
			break;
		case OPT_TARGET:
			cli_target(optarg);
			break;
		case OPT_THIS_PID_NS:
			this_ns = true;
			break;
		case OPT_UNUSED:
			unused = true;
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
	/* As with rm -f, nothing to remove is not an error under -f. */
	if (argc == 0 && !fflag)
		usagex("missing segment name");
	if (this_ns && !unused)
		usagex("--this-pid-namespace needs --unused");
	cli_names(argc, argv);
	/*
	 * Without /dev/shm, say so once, naming it, as -g and the other
	 * commands do: not "NAME: No such file" for each name, nor nothing
	 * at all under -f.
	 */
	if (argc > 0)
		seg_dir_need();
	if (unused)
		check_view();
	now = time(NULL);

	if (gflag)
		rm_glob(argc, argv);
	else
		rm_names(argc, argv);
	return close_stdout();
}

/*
 * --unused trusts only a /proc that shows every process that could hold a
 * segment, before anything is removed: a process of another PID namespace
 * sharing /dev/shm (a pod's sidecar, docker --ipc=host) is invisible from
 * a child namespace's /proc, and its segment would look unused.
 */
static void
check_view(void)
{
	enum procscan_view view;

	view = procscan_view();
	if (view == PROCSCAN_ALL || (view == PROCSCAN_THIS_NS && this_ns))
		return;
	errx(1, "--unused: %s, so processes that may hold segments cannot "
	    "all be seen; nothing removed%s", procscan_view_why(view),
	    view == PROCSCAN_THIS_NS ?
	    " (--this-pid-namespace trusts this namespace's view)" : "");
}

static void
rm_names(int argc, char **argv)
{
	struct stat st;
	int i;

	for (i = 0; i < argc; i++) {
		if (seg_stat(argv[i], &st) == -1) {
			if (!(fflag && errno == ENOENT))
				warn_name(argv[i]);
			continue;
		}
		/* Refused before any criterion, so -n shows what would be. */
		if ((errno = seg_not_removable_errno(st.st_mode)) != 0) {
			warn_name(argv[i]);
			continue;
		}
		rm_one(argv[i], &st);
	}
	rm_unused();
}

/*
 * -g: every segment the operands pick, by shmls's rule (lib/select.c):
 * named semaphores (sem.*) only for a pattern that starts with "sem."
 * too, so that '*' leaves them alone.  A pattern that matches nothing is
 * not an error.
 */
static void
rm_glob(int argc, char **argv)
{
	struct selection sel;
	struct shmdir_entry *list;
	size_t i, n;

	sel_init(&sel, argc, argv, false);
	/*
	 * --unused alone needs no stat until just before each unlink, where
	 * it must be taken anyway: collect notes the names and has
	 * shmdir_read stat and keep none, one system call a segment fewer.
	 */
	if (unused && age <= 0) {
		if (shmdir_read(collect, NULL, &sel, &list, &n) == -1)
			err(1, "%s", SHM_DIR);
	} else if (sel_read(&sel, &list, &n) == -1)
		err(1, "%s", SHM_DIR);
	sel_free(&sel);
	if (ncands > 0)
		qsort(cands, ncands, sizeof(*cands), by_name);
	for (i = 0; i < n; i++)
		rm_one(list[i].name, &list[i].st);
	shmdir_free(list, n);
	rm_unused();
}

static bool
collect(const char *name, void *sel)
{
	if (sel_want(name, sel))
		add_candidate(name, NULL);
	return false;
}

static int
by_name(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/*
 * Removes one segment if it meets every criterion given; under --unused,
 * notes it for rm_unused instead, which checks the whole batch at once.
 */
static void
rm_one(const char *name, const struct stat *st)
{
	/*
	 * 0 means any age, as the man page says, even a modification time
	 * in the future; for any other age such a time is never old, so
	 * that a clock set back does not make every segment look stale.
	 */
	if (age > 0 && now - st->st_mtime < age)
		return;
	if (!unused) {
		rm_now(name, st);
		return;
	}
	add_candidate(name, st);
}

static void
add_candidate(const char *name, const struct stat *st)
{
	struct candidate *c;

	if (ncands == capcands) {
		capcands = capcands == 0 ? 64 : capcands * 2;
		if ((c = reallocarray(cands, capcands, sizeof(*c))) == NULL)
			err(1, NULL);
		cands = c;
	}
	c = &cands[ncands];
	c->name = xstrdup(name);
	if ((c->have_st = st != NULL))
		c->st = *st;
	ncands++;
}

/*
 * --unused, for every candidate at once, so that the run costs two passes
 * over /proc however many segments there are: a first scan (all a dry
 * run takes), and a fresh one just before the removals, which sees a
 * process that took a segment since.  Then each name is stat'ed just
 * before its unlink, and kept if either scan shows a process holding the
 * file it names, or if it is no longer the file the other criteria
 * checked.  A process that opens a segment after the fresh scan has read
 * it is not seen: the man page says so.  When /proc cannot be read,
 * nothing goes.
 */
static void
rm_unused(void)
{
	struct procscan first, fresh;
	size_t i, skipped;

	if (ncands == 0)
		return;
	if (procscan_read(&first) == -1)
		err(1, "/proc");
	memset(&fresh, 0, sizeof(fresh));
	if (!nflag && procscan_read(&fresh) == -1)
		err(1, "/proc");
	skipped = first.skipped > fresh.skipped ? first.skipped :
	    fresh.skipped;
	/* Notices, exit 0: the man page says these segments may go. */
	if (skipped > 0)
		warnx("--unused: %zu process%s could not be inspected; "
		    "segments %s may be removed", skipped,
		    skipped == 1 ? "" : "es",
		    skipped == 1 ? "it holds" : "they hold");
	if (first.hidden)
		warnx("--unused: /proc hides the processes we may not inspect "
		    "(hidepid); segments they hold may be removed");
	for (i = 0; i < ncands; i++) {
		rm_unused_one(&cands[i], &first, &fresh);
		free(cands[i].name);
	}
	procscan_free(&first);
	procscan_free(&fresh);
	free(cands);
	cands = NULL;
	ncands = capcands = 0;
}

static void
rm_unused_one(const struct candidate *c, const struct procscan *first,
    const struct procscan *fresh)
{
	struct stat st;

	if (seg_stat(c->name, &st) == -1)
		goto fail;
	/* Removed and made again since the other criteria checked it. */
	if (c->have_st &&
	    (st.st_dev != c->st.st_dev || st.st_ino != c->st.st_ino))
		return;
	/* -g takes regular files only; by name, a symbolic link goes too. */
	if (!c->have_st && !S_ISREG(st.st_mode))
		return;
	if ((errno = seg_not_removable_errno(st.st_mode)) != 0)
		goto fail;
	if (procscan_find(first, st.st_dev, st.st_ino) != NULL ||
	    procscan_find(fresh, st.st_dev, st.st_ino) != NULL)
		return;
	if (!nflag && unlinkat(seg_dirfd(), c->name, 0) == -1)
		goto fail;
	if (vflag || nflag)
		printf("%s\n", c->name);
	return;
fail:
	rm_failed(c->name);
}

/* A removal that failed with errno: said, and failed, unless harmless. */
static void
rm_failed(const char *name)
{
	/* Gone since we looked: under -g, someone else cleaned up. */
	if ((fflag || gflag) && errno == ENOENT)
		return;
	warn_name(name);
}

/* Removes one segment now (or says it would, under -n). */
static void
rm_now(const char *name, const struct stat *st)
{
	int r;

	if (nflag)
		r = 1;
	else if ((r = unlink_same(name, st)) == -1) {
		rm_failed(name);
		return;
	}
	if (r == 1 && (vflag || nflag))
		printf("%s\n", name);
}

/*
 * Unlinks the name: 1 if it went, -1 with errno if that failed, and 0 if
 * a criterion was checked on a file that the name no longer refers to
 * (removed and made again since): what was checked is gone, and what is
 * there now was not checked, so it stays.
 */
static int
unlink_same(const char *name, const struct stat *st)
{
	return seg_unlink_if(name, age < 0 && !unused ? NULL : st);
}
