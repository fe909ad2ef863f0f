/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * cli.c: the parts of every command's main that are the same everywhere:
 * usage and version output, and option values checked with messages that
 * name the option and the value.
 */
#include <err.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "closestream.h"
#include "diag.h"
#include "name.h"
#include "parse.h"
#include "target.h"

static const char *synopsis;

static void	 cover_std_fds(void);
static void	 bad_value(const char *, const char *, const char *);

/*
 * SIGPIPE is ignored so that a closed pipe shows up as EPIPE, which ends
 * the command quietly (stdout_error); the locale lets strvis pass printable
 * multibyte names through.
 */
void
cli_init(const char *s)
{
	cover_std_fds();
	synopsis = s;
	setlocale(LC_CTYPE, "");
	signal(SIGPIPE, SIG_IGN);
}

/*
 * A descriptor among 0, 1 and 2 that we were started without would be the
 * number the next open(2) returns, and the segment or file we open would
 * then be read as our input, get our output or our diagnostics.  An
 * O_PATH descriptor takes the number instead: reads and writes on it fail
 * with EBADF, as they would on the closed descriptor.  /dev/null may be
 * missing (a container, a test that hides /dev); the root always exists.
 * Nothing else has been opened yet, and we cannot even say why we stop.
 */
static void
cover_std_fds(void)
{
	int fd, nfd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1)
			continue;
		/* The lowest free number: fd itself, kept open for good. */
		if ((nfd = open("/dev/null", O_PATH)) == -1)
			nfd = open("/", O_PATH);
		if (nfd != fd)
			_exit(1);
	}
}

noreturn void
usage(void)
{
	fprintf(stderr, "%s", synopsis);
	exit(2);
}

noreturn void
usagex(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	usage();
}

/* --help: the synopsis, the options, the common ones, then more if any. */
noreturn void
help(const char *options, const char *more)
{
	printf("%s\n%s", synopsis, options);
	printf("  -h, --help             print this help and exit\n"
	    "  -V, --version          print the version and exit\n");
	if (more != NULL)
		printf("\n%s", more);
	exit(close_stdout());
}

noreturn void
version(void)
{
	printf("%s (shmtools) %s\n", getprogname(), SHMTOOLS_VERSION);
	exit(close_stdout());
}

/*
 * The cases every command's getopt_long loop ends with: -h and --help,
 * -V and --version, and any other, which getopt_long has already said
 * is wrong.
 */
noreturn void
cli_other(int ch, const char *options, const char *more)
{
	switch (ch) {
	case 'h':
	case OPT_HELP:
		help(options, more);
	case 'V':
	case OPT_VERSION:
		version();
	default:
		usage();
	}
}

/*
 * The one shape of a bad option value: "invalid WHAT 'VALUE': why", the
 * value escaped, then usage and exit 2.  Nothing when errstr is NULL.
 */
static void
bad_value(const char *what, const char *arg, const char *errstr)
{
	if (errstr != NULL)
		usagex("invalid %s '%s': %s", what, vis_str(arg), errstr);
}

off_t
cli_size(const char *what, const char *arg)
{
	off_t v = 0;

	bad_value(what, arg, parse_size(arg, &v));
	return v;
}

mode_t
cli_mode(const char *arg)
{
	mode_t m = 0;

	bad_value("mode", arg, parse_mode(arg, &m));
	return m;
}

/* -a ADVICE: an madvise(2) advice by name. */
int
cli_advice(const char *arg)
{
	int v = 0;

	bad_value("advice", arg, parse_advice(arg, &v));
	return v;
}

/* --older-than AGE: seconds, or with a unit of s, m, h or d. */
time_t
cli_age(const char *arg)
{
	time_t v = 0;

	bad_value("age", arg, parse_age(arg, &v));
	return v;
}

/* --time-format FMT: short, full or iso. */
enum timefmt
cli_timefmt(const char *arg)
{
	enum timefmt v = TIME_SHORT;

	bad_value("time format", arg, parse_timefmt(arg, &v));
	return v;
}

/*
 * Checks every operand before any is acted on, so a bad name changes
 * nothing, and drops the optional leading slash in place.
 */
void
cli_names(int argc, char **argv)
{
	const char *errstr, *name;
	int i;

	for (i = 0; i < argc; i++) {
		errstr = name_check(argv[i], &name);
		bad_value("name", argv[i], errstr);
		argv[i] = (char *)name;
	}
}

/*
 * --target PID: from now on, the /dev/shm that process sees.  It is
 * opened when first needed, so that usage errors still come first.
 */
void
cli_target(const char *arg)
{
	const char *errstr;
	pid_t pid;

	pid = (pid_t)strtonum(arg, 1, INT_MAX, &errstr);
	bad_value("PID", arg, errstr);
	target_set(pid);
}
