/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * unit.c: tests of the lib/ parsers and name checks, table by table.  Each
 * failure is printed with the line of the case and its input; the exit
 * status is 1 when any case failed.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vis.h>

#include "compat.h"
#include "copyloop.h"
#include "diag.h"
#include "format.h"
#include "name.h"
#include "parse.h"
#include "procfs.h"
#include "procscan.h"
#include "select.h"
#include "shmdir.h"
#include "target.h"
#include "wide.h"

/* One case: the line it is written on, so a failure points at it. */
#define ROW(...)	{ __LINE__, __VA_ARGS__ }

/*
 * Checks cond; on failure prints file:line, the input (escaped, since names
 * hold any byte) and what went wrong.
 */
#define CHECK_AT(line, cond, input, ...) \
	check((cond), __FILE__, (line), (input), __VA_ARGS__)
#define CHECK(cond, input, ...) \
	CHECK_AT(__LINE__, cond, input, __VA_ARGS__)

static int	 npass, nfail;

static void	 check(bool, const char *, int, const char *, const char *,
		    ...) __attribute__((format(printf, 5, 6)));
static const char *show(const char *);
static void	 same(int, const char *, char *, const char *);
static void	 test_names(void);
static void	 test_long_names(void);
static void	 test_sizes(void);
static void	 test_modes(void);
static void	 test_mode_umask(void);
static void	 test_advice(void);
static void	 test_ages(void);
static void	 test_timefmts(void);
static void	 test_format(void);
static void	 test_format_time(void);
static void	 test_format_holders(void);
static void	 put_text(FILE *, const char *);
static void	 test_patterns(void);
static void	 test_selection(void);
static void	 test_selection_record(void);
static void	 test_keywords(void);
static void	 test_locale(void);
static void	 test_nspid(void);
static void	 test_cgroup(void);
static void	 test_maps(void);
static void	 test_map_long(void);
static void	 test_map_unescape(void);
static void	 test_target_self(void);
static void	 test_copy_loop(void);

int
main(void)
{
	test_names();
	test_long_names();
	test_sizes();
	test_modes();
	test_mode_umask();
	test_advice();
	test_ages();
	test_timefmts();
	test_format();
	test_format_time();
	test_patterns();
	test_selection();
	test_selection_record();
	test_keywords();
	test_locale();
	test_nspid();
	test_cgroup();
	test_maps();
	test_map_long();
	test_map_unescape();
	test_target_self();
	test_copy_loop();
	printf("unit: %d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}

static void
check(bool ok, const char *file, int line, const char *input,
    const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		npass++;
		return;
	}
	nfail++;
	fprintf(stderr, "%s:%d: input \"%s\": ", file, line, show(input));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The input made printable; long ones are cut, as only the start helps. */
static const char *
show(const char *s)
{
	static char buf[4 * 64 + 1];

	strnvis(buf, s, sizeof(buf), VIS_CSTYLE | VIS_TAB | VIS_NL |
	    VIS_OCTAL | VIS_DQ);
	return buf;
}

/*
 * Names: ok says whether the name is valid; skip is how far past the start
 * of the argument the normalised name must begin (the leading slash).
 * err, when set, is a word the refusal must contain.
 */
struct name_case {
	int		 line;
	const char	*arg;
	bool		 ok;
	size_t		 skip;
	const char	*err;
};

static const struct name_case name_cases[] = {
	ROW("a", true, 0, NULL),
	ROW("/a", true, 1, NULL),
	ROW("seg", true, 0, NULL),
	ROW("/seg", true, 1, NULL),
	ROW("psm_12ab", true, 0, NULL),
	ROW("sem.x", true, 0, NULL),
	ROW("...", true, 0, NULL),
	ROW(".a", true, 0, NULL),
	ROW("a.", true, 0, NULL),
	ROW("-v", true, 0, NULL),
	ROW("with space", true, 0, NULL),
	ROW("/ lead and trail ", true, 1, NULL),
	ROW("new\nline", true, 0, NULL),
	ROW("/new\nline", true, 1, NULL),
	ROW("tab\there", true, 0, NULL),
	ROW("high\xff\xfe", true, 0, NULL),
	ROW("/\xc3\xa9t\xc3\xa9", true, 1, NULL),
	ROW("\x01\x7f", true, 0, NULL),
	ROW("", false, 0, "empty"),
	ROW("/", false, 0, "empty"),
	ROW(".", false, 0, "."),
	ROW("..", false, 0, ".."),
	ROW("/.", false, 0, "."),
	ROW("/..", false, 0, ".."),
	ROW("a/b", false, 0, "/"),
	ROW("/a/b", false, 0, "/"),
	ROW("a/", false, 0, "/"),
	ROW("//a", false, 0, "/"),
	ROW("//", false, 0, "/"),
	ROW("./a", false, 0, "/"),
	ROW("../a", false, 0, "/"),
};

static void
name_case(int line, const char *arg, bool ok, size_t skip, const char *err)
{
	const char *errstr, *name = NULL;

	errstr = name_check(arg, &name);
	if (ok) {
		CHECK_AT(line, errstr == NULL, arg,
		    "name_check refused it: %s", errstr);
		if (errstr == NULL)
			CHECK_AT(line, name == arg + skip, arg,
			    "name points %td bytes in, want %zu",
			    name == NULL ? -1 : name - arg, skip);
	} else {
		CHECK_AT(line, errstr != NULL, arg,
		    "name_check accepted it");
		if (errstr != NULL && err != NULL)
			CHECK_AT(line, strstr(errstr, err) != NULL, arg,
			    "message \"%s\" does not mention \"%s\"",
			    errstr, err);
	}
}

static void
test_names(void)
{
	size_t i;

	for (i = 0; i < nitems(name_cases); i++)
		name_case(name_cases[i].line, name_cases[i].arg,
		    name_cases[i].ok, name_cases[i].skip, name_cases[i].err);
}

/* 255 bytes is the limit after the slash, whatever the bytes are. */
static void
test_long_names(void)
{
	char buf[SHM_NAME_MAX + 3];

	CHECK(SHM_NAME_MAX == 255, "SHM_NAME_MAX", "is %d, want 255",
	    SHM_NAME_MAX);

	memset(buf, 'x', 255);
	buf[255] = '\0';
	name_case(__LINE__, buf, true, 0, NULL);
	memset(buf, 'x', 256);
	buf[256] = '\0';
	name_case(__LINE__, buf, false, 0, "255");

	buf[0] = '/';
	memset(buf + 1, 'y', 255);
	buf[256] = '\0';
	name_case(__LINE__, buf, true, 1, NULL);
	memset(buf + 1, 'y', 256);
	buf[257] = '\0';
	name_case(__LINE__, buf, false, 0, "255");

	/* High bytes count as one byte each, not as characters. */
	memset(buf, '\xe9', 255);
	buf[255] = '\0';
	name_case(__LINE__, buf, true, 0, NULL);
	memset(buf, '\xe9', 256);
	buf[256] = '\0';
	name_case(__LINE__, buf, false, 0, "255");

	/* Too long and with a slash in it: refused either way. */
	memset(buf, 'z', 256);
	buf[100] = '/';
	buf[256] = '\0';
	name_case(__LINE__, buf, false, 0, NULL);
}

/*
 * Sizes: ok with the value, or refused with a word the phrase must hold.
 */
/*
 * Numbers (sizes, ages): ok with the value, or refused with a message that
 * mentions err (NULL: any message).
 */
struct num_case {
	int		 line;
	const char	*arg;
	bool		 ok;
	int64_t		 val;
	const char	*err;
};

/* Runs parse, called fname in messages, on each of the n cases. */
static void
check_numbers(const char *fname, wide_parser *parse,
    const struct num_case *cases, size_t n)
{
	const struct num_case *c;
	const char *errstr;
	intmax_t v;
	size_t i;

	for (i = 0; i < n; i++) {
		c = &cases[i];
		v = -1;
		errstr = parse(c->arg, &v);
		if (c->ok) {
			CHECK_AT(c->line, errstr == NULL, c->arg,
			    "%s refused it: %s", fname, errstr);
			if (errstr == NULL)
				CHECK_AT(c->line, v == c->val, c->arg,
				    "%s gave %jd, want %jd", fname,
				    (intmax_t)v, (intmax_t)c->val);
		} else {
			CHECK_AT(c->line, errstr != NULL, c->arg,
			    "%s accepted it as %jd", fname, (intmax_t)v);
			if (errstr != NULL && c->err != NULL)
				CHECK_AT(c->line, strstr(errstr, c->err) !=
				    NULL, c->arg,
				    "message \"%s\" does not mention \"%s\"",
				    errstr, c->err);
		}
	}
}

#define KB	((int64_t)1 << 10)
#define MB	((int64_t)1 << 20)
#define GB	((int64_t)1 << 30)
#define TB	((int64_t)1 << 40)
#define PB	((int64_t)1 << 50)
#define EB	((int64_t)1 << 60)

static const struct num_case size_cases[] = {
	ROW("0", true, 0, NULL),
	ROW("1", true, 1, NULL),
	ROW("4096", true, 4096, NULL),
	/* A leading zero is decimal, never octal. */
	ROW("010", true, 10, NULL),
	ROW("0010", true, 10, NULL),
	ROW("08", true, 8, NULL),
	ROW("00", true, 0, NULL),
	ROW("0x10", true, 16, NULL),
	ROW("0X1f", true, 31, NULL),
	ROW("0xFF", true, 255, NULL),
	ROW("0x0", true, 0, NULL),
	ROW("0x10k", true, 16 * KB, NULL),
	ROW("4k", true, 4 * KB, NULL),
	ROW("4K", true, 4 * KB, NULL),
	ROW("010k", true, 10 * KB, NULL),
	ROW("1M", true, MB, NULL),
	ROW("1m", true, MB, NULL),
	ROW("1g", true, GB, NULL),
	ROW("2G", true, 2 * GB, NULL),
	ROW("1t", true, TB, NULL),
	ROW("1T", true, TB, NULL),
	ROW("1p", true, PB, NULL),
	ROW("7E", true, 7 * EB, NULL),
	ROW("7e", true, 7 * EB, NULL),
	ROW("9223372036854775807", true, INT64_MAX, NULL),
	ROW("0x7fffffffffffffff", true, INT64_MAX, NULL),
	ROW("8E", false, 0, "too large"),
	ROW("16E", false, 0, "too large"),
	ROW("8192P", false, 0, "too large"),
	ROW("9223372036854775808", false, 0, "too large"),
	ROW("18446744073709551615", false, 0, "too large"),
	ROW("18446744073709551616", false, 0, "too large"),
	ROW("99999999999999999999999", false, 0, "too large"),
	ROW("0x8000000000000000", false, 0, "too large"),
	ROW("9223372036854775807k", false, 0, "too large"),
	ROW("-1", false, 0, "negative"),
	ROW("-0", false, 0, "negative"),
	ROW("+1", false, 0, "not a number"),
	ROW(" 1", false, 0, "not a number"),
	ROW("1 ", false, 0, NULL),
	ROW("", false, 0, "empty"),
	/* KiB and the like are powers of 1024, KB and the like of 1000. */
	ROW("1KiB", true, KB, NULL),
	ROW("1kib", true, KB, NULL),
	ROW("1KIB", true, KB, NULL),
	ROW("1MiB", true, MB, NULL),
	ROW("3GiB", true, 3 * GB, NULL),
	ROW("1TiB", true, TB, NULL),
	ROW("1PiB", true, PB, NULL),
	ROW("7EiB", true, 7 * EB, NULL),
	ROW("1KB", true, 1000, NULL),
	ROW("1kb", true, 1000, NULL),
	ROW("1kB", true, 1000, NULL),
	ROW("1MB", true, 1000000, NULL),
	ROW("2GB", true, 2000000000, NULL),
	ROW("1TB", true, 1000000000000, NULL),
	ROW("1PB", true, 1000000000000000, NULL),
	ROW("9EB", true, 9000000000000000000, NULL),
	ROW("0x10KB", true, 16000, NULL),
	ROW("0x10KiB", true, 16 * KB, NULL),
	ROW("9223372036854775807B", false, 0, "suffix"),
	ROW("10EB", false, 0, "too large"),
	ROW("8EiB", false, 0, "too large"),
	ROW("1kk", false, 0, "suffix"),
	ROW("1kz", false, 0, "suffix"),
	ROW("1KiBB", false, 0, "suffix"),
	ROW("1KBi", false, 0, "suffix"),
	ROW("1kiB ", false, 0, "suffix"),
	ROW("1ki", false, 0, "suffix"),
	ROW("1iB", false, 0, "suffix"),
	ROW("1e0", false, 0, "suffix"),
	ROW("1b", false, 0, "suffix"),
	ROW("1B", false, 0, "suffix"),
	ROW("1bk", false, 0, "suffix"),
	ROW("1Q", false, 0, "suffix"),
	/* The Turkish dotless and dotted i are not i, whatever the locale. */
	ROW("1K\xc4\xb1" "B", false, 0, "suffix"),
	ROW("1K\xc4\xb0" "B", false, 0, "suffix"),
	/* Fractions that come to a whole number of bytes, and no other. */
	ROW("1.5M", true, MB + MB / 2, NULL),
	ROW("1.5k", true, 1536, NULL),
	ROW("0.5k", true, 512, NULL),
	ROW("0.5KiB", true, 512, NULL),
	ROW("1.25k", true, 1280, NULL),
	ROW("1.0009765625k", true, 1025, NULL),
	ROW("0.0009765625M", true, KB, NULL),
	ROW("2.5GB", true, 2500000000, NULL),
	ROW("0.001KB", true, 1, NULL),
	ROW("1.0", true, 1, NULL),
	ROW("1.000000000000000000000000000000", true, 1, NULL),
	ROW("1.50k", true, 1536, NULL),
	ROW("007.5k", true, 7680, NULL),
	ROW("7.5E", true, 7 * EB + EB / 2, NULL),
	ROW("0.000000000000000001EB", true, 1, NULL),
	ROW("9.223372036854775807EB", true, INT64_MAX, NULL),
	ROW("9.223372036854775808EB", false, 0, "too large"),
	ROW("8.0E", false, 0, "too large"),
	ROW("99999999999999999999.5k", false, 0, "too large"),
	ROW("0.5", false, 0, "whole"),
	ROW("1.5", false, 0, "whole"),
	ROW("0.0001KB", false, 0, "whole"),
	ROW("1.1k", false, 0, "whole"),
	ROW("0.3M", false, 0, "whole"),
	ROW("7.9999999999999999E", false, 0, "whole"),
	ROW("0.0000000000000000001EB", false, 0, "digits"),
	ROW("1.", false, 0, "not a number"),
	ROW(".5", false, 0, "not a number"),
	ROW(".5k", false, 0, "not a number"),
	ROW("1.k", false, 0, "not a number"),
	ROW("1..5k", false, 0, "not a number"),
	ROW("1.5.k", false, 0, "suffix"),
	ROW("1,5k", false, 0, "suffix"),
	ROW("-1.5k", false, 0, "negative"),
	ROW("0x1.8k", false, 0, "suffix"),
	ROW("1e3", false, 0, "suffix"),
	ROW("0x", false, 0, "not a number"),
	ROW("0x0x1", false, 0, "not a number"),
	/* Digits are ASCII: an Arabic-Indic one is not a number. */
	ROW("\xd9\xa1", false, 0, "not a number"),
	ROW("0xg", false, 0, "not a number"),
	ROW("x10", false, 0, "not a number"),
	ROW("k", false, 0, "not a number"),
	ROW("12abc", false, 0, "suffix"),
	ROW("1,000", false, 0, NULL),
};

static void
test_sizes(void)
{
	check_numbers("parse_size", parse_size_wide, size_cases,
	    nitems(size_cases));
}

/* Modes: ok with the mode, or refused. */
struct mode_case {
	int		 line;
	const char	*arg;
	bool		 ok;
	mode_t		 val;
};

static const struct mode_case mode_cases[] = {
	ROW("0600", true, 0600),
	ROW("600", true, 0600),
	ROW("0640", true, 0640),
	ROW("0", true, 0),
	ROW("0000", true, 0),
	ROW("644", true, 0644),
	ROW("0777", true, 0777),
	ROW("1777", true, 01777),
	ROW("4755", true, 04755),
	ROW("07777", true, 07777),
	/* Symbolic modes start from 0, as install -m's do. */
	ROW("u=rw,g=r", true, 0640),
	ROW("u=rw", true, 0600),
	ROW("a=r", true, 0444),
	ROW("a=rw", true, 0666),
	ROW("u=rwx,go=rx", true, 0755),
	ROW("ug=rw,o=", true, 0660),
	ROW("u+rw", true, 0600),
	ROW("a=rw,o-w", true, 0664),
	ROW("+r", true, 0444),
	ROW("=rw", true, 0666),
	/* The sticky bit as chmod(1) sets it, "o" alone included. */
	ROW("u=rws,g=rs,o=rt", true, 07644),
	ROW("o=rt", true, 01004),
	ROW("o+t", true, 01000),
	ROW("a+t,o-t", true, 0),
	ROW("o=rt,a-t", true, 0004),
	ROW("+t,o=r", true, 0004),
	ROW("u=rw,o+t-r", true, 01600),
	ROW("8", false, 0),
	ROW("0888", false, 0),
	ROW("0608", false, 0),
	ROW("017777", false, 0),
	ROW("0100644", false, 0),
	ROW("", false, 0),
	ROW("u=q", false, 0),
	ROW("q=r", false, 0),
	ROW("u", false, 0),
	ROW("rw", false, 0),
	ROW("u=rw,", false, 0),
	ROW("0600 ", false, 0),
	ROW(" 0600", false, 0),
	ROW("-1", false, 0),
};

static void
mode_case(const struct mode_case *c, const char *when)
{
	const char *errstr;
	mode_t m = 0177777;

	errstr = parse_mode(c->arg, &m);
	if (c->ok) {
		CHECK_AT(c->line, errstr == NULL, c->arg,
		    "parse_mode refused it%s: %s", when, errstr);
		if (errstr == NULL)
			CHECK_AT(c->line, m == c->val, c->arg,
			    "parse_mode gave %04o%s, want %04o",
			    (unsigned)m, when, (unsigned)c->val);
	} else
		CHECK_AT(c->line, errstr != NULL, c->arg,
		    "parse_mode accepted it%s as %04o", when, (unsigned)m);
}

static void
test_modes(void)
{
	size_t i;

	for (i = 0; i < nitems(mode_cases); i++)
		mode_case(&mode_cases[i], "");
}

/*
 * The mode given is the mode made whatever the umask, and parse_mode
 * leaves the umask as it found it.
 */
static void
test_mode_umask(void)
{
	static const mode_t masks[] = { 077, 000, 022, 0777 };
	static const struct mode_case masked[] = {
		ROW("+r", true, 0444),
		ROW("+rw", true, 0666),
		ROW("=rwx", true, 0777),
		ROW("a+r", true, 0444),
		ROW("u=rw,g=r", true, 0640),
		ROW("0666", true, 0666),
	};
	char when[32];
	mode_t old, now;
	size_t i, j;

	old = umask(0);
	for (i = 0; i < nitems(masks); i++) {
		snprintf(when, sizeof(when), " under umask %03o",
		    (unsigned)masks[i]);
		for (j = 0; j < nitems(masked); j++) {
			umask(masks[i]);
			mode_case(&masked[j], when);
			now = umask(masks[i]);
			CHECK_AT(masked[j].line, now == masks[i], masked[j].arg,
			    "umask is %03o after parse_mode, was %03o",
			    (unsigned)now, (unsigned)masks[i]);
		}
		/* A refused mode leaves the umask alone too. */
		umask(masks[i]);
		(void)parse_mode("u=q", &now);
		now = umask(masks[i]);
		CHECK(now == masks[i], "u=q",
		    "umask is %03o after a refused mode, was %03o",
		    (unsigned)now, (unsigned)masks[i]);
	}
	umask(old);
}

/* madvise advice by name, as mapcat takes it: the whole word in any case. */
struct advice_case {
	int		 line;
	const char	*arg;
	bool		 ok;
	int		 val;
};

static const struct advice_case advice_cases[] = {
	ROW("normal", true, MADV_NORMAL),
	ROW("sequential", true, MADV_SEQUENTIAL),
	ROW("random", true, MADV_RANDOM),
	ROW("willneed", true, MADV_WILLNEED),
	ROW("dontneed", true, MADV_DONTNEED),
	ROW("hugepage", true, MADV_HUGEPAGE),
	/* Any case, and ASCII case alone, whatever the locale. */
	ROW("SEQUENTIAL", true, MADV_SEQUENTIAL),
	ROW("Normal", true, MADV_NORMAL),
	ROW("WillNeed", true, MADV_WILLNEED),
	ROW("HUGEPAGE", true, MADV_HUGEPAGE),
	ROW("WILLNEED", true, MADV_WILLNEED),
	ROW("W\xc4\xb0LLNEED", false, 0),
	ROW("w\xc4\xb1llneed", false, 0),
	ROW("", false, 0),
	ROW("seq", false, 0),
	ROW("sequentially", false, 0),
	ROW(" normal", false, 0),
	ROW("2", false, 0),
};

static void
test_advice(void)
{
	const struct advice_case *c;
	const char *errstr;
	size_t i;
	int v;

	for (i = 0; i < nitems(advice_cases); i++) {
		c = &advice_cases[i];
		v = -1;
		errstr = parse_advice(c->arg, &v);
		if (c->ok) {
			CHECK_AT(c->line, errstr == NULL, c->arg,
			    "parse_advice refused it: %s", errstr);
			if (errstr == NULL)
				CHECK_AT(c->line, v == c->val, c->arg,
				    "parse_advice gave %d, want %d", v, c->val);
		} else
			CHECK_AT(c->line, errstr != NULL, c->arg,
			    "parse_advice accepted it as %d", v);
	}
}

/*
 * Ages for shmrm --older-than: seconds, or a number and one unit of s, m,
 * h or d; ok with the value in seconds, or refused with a word the phrase
 * must hold.
 */

#define MINUTE	((int64_t)60)
#define HOUR	((int64_t)3600)
#define DAY	((int64_t)86400)

static const struct num_case age_cases[] = {
	ROW("0", true, 0, NULL),
	ROW("1", true, 1, NULL),
	ROW("90", true, 90, NULL),
	ROW("90s", true, 90, NULL),
	ROW("15m", true, 15 * MINUTE, NULL),
	ROW("2h", true, 2 * HOUR, NULL),
	ROW("7d", true, 7 * DAY, NULL),
	ROW("0s", true, 0, NULL),
	ROW("0d", true, 0, NULL),
	ROW("1m", true, MINUTE, NULL),
	ROW("1h", true, HOUR, NULL),
	ROW("1d", true, DAY, NULL),
	ROW("36500d", true, 36500 * DAY, NULL),
	/* A leading zero is decimal, never octal. */
	ROW("010", true, 10, NULL),
	ROW("010m", true, 10 * MINUTE, NULL),
	ROW("08h", true, 8 * HOUR, NULL),
	/* The largest of each unit, and one more. */
	ROW("9223372036854775807", true, INT64_MAX, NULL),
	ROW("9223372036854775807s", true, INT64_MAX, NULL),
	ROW("153722867280912930m", true, 153722867280912930 * MINUTE, NULL),
	ROW("2562047788015215h", true, 2562047788015215 * HOUR, NULL),
	ROW("106751991167300d", true, 106751991167300 * DAY, NULL),
	ROW("9223372036854775808", false, 0, "too large"),
	ROW("9223372036854775808s", false, 0, "too large"),
	ROW("153722867280912931m", false, 0, "too large"),
	ROW("2562047788015216h", false, 0, "too large"),
	ROW("106751991167301d", false, 0, "too large"),
	ROW("18446744073709551616", false, 0, "too large"),
	ROW("99999999999999999999", false, 0, "too large"),
	ROW("99999999999999999999d", false, 0, "too large"),
	ROW("", false, 0, "empty"),
	ROW("-1", false, 0, "negative"),
	ROW("-0", false, 0, "negative"),
	ROW("-1h", false, 0, "negative"),
	ROW("+1", false, 0, "not a number"),
	ROW(" 1", false, 0, "not a number"),
	ROW("abc", false, 0, "not a number"),
	ROW("h", false, 0, "not a number"),
	ROW("d1", false, 0, "not a number"),
	ROW(".5h", false, 0, "not a number"),
	/* One lower-case unit letter or none, right after the number. */
	ROW("1x", false, 0, "unit"),
	ROW("1hh", false, 0, "unit"),
	ROW("1hm", false, 0, "unit"),
	ROW("1H", false, 0, "unit"),
	ROW("1D", false, 0, "unit"),
	ROW("1S", false, 0, "unit"),
	ROW("1ms", false, 0, "unit"),
	ROW("1w", false, 0, "unit"),
	ROW("1y", false, 0, "unit"),
	ROW("1 ", false, 0, "unit"),
	ROW("1 h", false, 0, "unit"),
	ROW("1h ", false, 0, "unit"),
	ROW("1.5h", false, 0, "unit"),
	ROW("1,000", false, 0, "unit"),
	ROW("0x10", false, 0, "unit"),
	ROW("1e3", false, 0, "unit"),
	ROW("1k", false, 0, "unit"),
	ROW("2h30m", false, 0, "unit"),
};

static void
test_ages(void)
{
	check_numbers("parse_age", parse_age_wide, age_cases,
	    nitems(age_cases));
}

/*
 * Operands against names: a pattern matches as fnmatch(3) with no flags
 * does, backslash quoting included; any operand matches the name it
 * spells, and one without pattern characters nothing else.
 */
static const struct pattern_case {
	int		 line;
	const char	*operand;
	const char	*name;
	bool		 pattern, match;
} pattern_cases[] = {
#define PAT(o, n, p, m)	{ __LINE__, (o), (n), (p), (m) }
	PAT("a.b", "a.b", false, true),
	PAT("a.b", "axb", false, false),
	PAT("a\\.b", "a.b", true, true),
	PAT("a\\.b", "a\\.b", true, true),
	PAT("a\\*", "a*", true, true),
	PAT("a\\*", "ab", true, false),
	PAT("a*", "a.b", true, true),
	PAT("*", ".hidden", true, true),
	PAT("?b", ".b", true, true),
	PAT("[ab]", "b", true, true),
	PAT("[ab]", "[ab]", true, true),
	PAT("psm_*", "psm_", true, true),
	PAT("psm_*", "xpsm_1", true, false),
#undef PAT
};

static void
test_patterns(void)
{
	const struct pattern_case *c;
	size_t i;

	for (i = 0; i < nitems(pattern_cases); i++) {
		c = &pattern_cases[i];
		CHECK_AT(c->line, shmdir_is_pattern(c->operand) == c->pattern,
		    c->operand, "is_pattern %d, want %d",
		    shmdir_is_pattern(c->operand), c->pattern);
		CHECK_AT(c->line, shmdir_match(c->operand, c->name) == c->match,
		    c->operand, "against \"%s\": match %d, want %d",
		    c->name, shmdir_match(c->operand, c->name), c->match);
	}
}

/* Time formats for shmls --time-format: a name in any ASCII case. */
static const struct timefmt_case {
	int		 line;
	const char	*arg;
	bool		 ok;
	enum timefmt	 val;
} timefmt_cases[] = {
	ROW("short", true, TIME_SHORT),
	ROW("full", true, TIME_FULL),
	ROW("iso", true, TIME_ISO),
	ROW("ISO", true, TIME_ISO),
	ROW("Full", true, TIME_FULL),
	ROW("", false, 0),
	ROW("is", false, 0),
	ROW("iso ", false, 0),
	ROW("ISO8601", false, 0),
	ROW("short,iso", false, 0),
	ROW("\xc4\xb0so", false, 0),
};

static void
test_timefmts(void)
{
	const struct timefmt_case *c;
	const char *errstr;
	enum timefmt v;
	size_t i;

	for (i = 0; i < nitems(timefmt_cases); i++) {
		c = &timefmt_cases[i];
		v = (enum timefmt)-1;
		errstr = parse_timefmt(c->arg, &v);
		if (c->ok)
			CHECK_AT(c->line, errstr == NULL && v == c->val, c->arg,
			    "parse_timefmt gave %d (%s), want %d", (int)v,
			    errstr != NULL ? errstr : "ok", (int)c->val);
		else
			CHECK_AT(c->line, errstr != NULL &&
			    strcmp(errstr, "use short, full or iso") == 0,
			    c->arg, "parse_timefmt gave %d (%s)", (int)v,
			    errstr != NULL ? errstr : "ok");
	}
}

/* Compares what a formatter gave (and frees it) with what it must give. */
static void
same(int line, const char *input, char *got, const char *want)
{
	CHECK_AT(line, got == NULL ? want == NULL : want != NULL &&
	    strcmp(got, want) == 0, input, "gave \"%s\", want \"%s\"",
	    got != NULL ? show(got) : "(null)",
	    want != NULL ? want : "(null)");
	free(got);
}

/*
 * The cells of shmls: numbers, sizes in bytes and as ls -lh shows them,
 * permissions, modes, owners and JSON strings.
 */
static void
test_format(void)
{
	struct fmt_size_last last = FMT_SIZE_LAST_INIT;
	char *text = NULL;
	size_t len;
	FILE *fp;

	same(__LINE__, "0", fmt_num(0), "0");
	same(__LINE__, "4096", fmt_num(4096), "4096");
	same(__LINE__, "UINTMAX_MAX", fmt_num(UINTMAX_MAX),
	    "18446744073709551615");

	same(__LINE__, "-1", fmt_size(-1, false, &last), NULL);
	same(__LINE__, "-1", fmt_size(-1, true, &last), NULL);
	same(__LINE__, "3G", fmt_size(3221225472, true, &last), "3221225472");
	same(__LINE__, "0", fmt_size(0, false, &last), "0B");
	same(__LINE__, "1", fmt_size(1, false, &last), "1B");
	same(__LINE__, "4001", fmt_size(4001, false, &last), "3.9K");
	/* Again: the remembered text, not another's. */
	same(__LINE__, "4001", fmt_size(4001, false, &last), "3.9K");
	same(__LINE__, "13001", fmt_size(13001, false, &last), "13K");
	same(__LINE__, "3G", fmt_size(3221225472, false, &last), "3.0G");
	same(__LINE__, "1.5M", fmt_size(1572864, false, &last), "1.5M");

	same(__LINE__, "04755", fmt_perms(S_IFREG | 04755), "rwsr-xr-x");
	same(__LINE__, "0", fmt_perms(S_IFREG), "---------");
	same(__LINE__, "01777", fmt_perms(S_IFDIR | 01777), "rwxrwxrwt");
	same(__LINE__, "04755", fmt_mode(S_IFREG | 04755), "4755");
	same(__LINE__, "0", fmt_mode(S_IFREG), "0000");
	same(__LINE__, "0640", fmt_mode(0640), "0640");

	same(__LINE__, "uid 0", xstrdup(fmt_owner(false, 0)), "root");
	same(__LINE__, "gid 0", xstrdup(fmt_owner(true, 0)), "root");
	same(__LINE__, "uid 2147483646", xstrdup(fmt_owner(false,
	    2147483646)), "2147483646");
	same(__LINE__, "gid 2147483646", xstrdup(fmt_owner(true,
	    2147483646)), "2147483646");

	test_format_holders();

	if ((fp = open_memstream(&text, &len)) == NULL)
		err(1, NULL);
	fmt_json_string(fp, "a\"b\\c\n\x01\x1f \x7f\xff\xc3\xa9");
	fmt_json_string(fp, "");
	if (fclose(fp) == EOF)
		err(1, NULL);
	same(__LINE__, "json", text,
	    "\"a\\\"b\\\\c\\u000a\\u0001\\u001f \x7f\xff\xc3\xa9\"\"\"");
}

static void
put_text(FILE *fp, const char *s)
{
	fputs(s, fp);
}

/*
 * Lists of holders as text and as JSON: PIDs, PIDs in their namespace
 * (unknown for one that is gone), and command names escaped by the list's
 * own function.
 */
static void
test_format_holders(void)
{
	static const struct fmt_list text = { "", ",", "", "-", put_text };
	static const struct fmt_list json = { "[", ", ", "]", "null",
	    fmt_json_string };
	struct procscan_holder v[3];
	char want[64];

	memset(v, 0, sizeof(v));
	v[0].pid = 1;
	strlcpy(v[0].comm, "init", sizeof(v[0].comm));
	v[1].pid = getpid();
	strlcpy(v[1].comm, "a\"b\n", sizeof(v[1].comm));
	v[2].pid = 0x7ffffff0;		/* above any pid_max: gone */

	same(__LINE__, "none", fmt_holders(v, 0, HOLDER_PID, &text), "");
	same(__LINE__, "none", fmt_holders(v, 0, HOLDER_COMM, &json), "[]");
	snprintf(want, sizeof(want), "1,%d,%d", (int)getpid(), 0x7ffffff0);
	same(__LINE__, "pids", fmt_holders(v, 3, HOLDER_PID, &text), want);
	snprintf(want, sizeof(want), "[1, %d, %d]", (int)getpid(),
	    0x7ffffff0);
	same(__LINE__, "pids", fmt_holders(v, 3, HOLDER_PID, &json), want);
	same(__LINE__, "comms", fmt_holders(v, 3, HOLDER_COMM, &text),
	    "init,a\"b\n,");
	same(__LINE__, "comms", fmt_holders(v, 3, HOLDER_COMM, &json),
	    "[\"init\", \"a\\\"b\\u000a\", \"\"]");
	/* Our own PID namespace's is ours, where the test runs in one. */
	snprintf(want, sizeof(want), "%d,-", (int)target_nspid(getpid()));
	same(__LINE__, "nspids", fmt_holders(v + 1, 2, HOLDER_NSPID, &text),
	    want);
	snprintf(want, sizeof(want), "[%d, null]", (int)target_nspid(getpid()));
	same(__LINE__, "nspids", fmt_holders(v + 1, 2, HOLDER_NSPID, &json),
	    want);
}

/*
 * Times as shmls shows them, in two zones; each case has a second of its
 * own, since fmt_time remembers the last second it formatted.
 */
static void
test_format_time(void)
{
	const time_t t = 1577934245;	/* 2020-01-02 03:04:05 UTC */
	struct timespec ts = { t, 123456789 };
	char *old, *s;

	old = getenv("TZ") != NULL ? xstrdup(getenv("TZ")) : NULL;
	setenv("TZ", "UTC", 1);
	tzset();
	same(__LINE__, "full", fmt_time(&ts, TIME_FULL),
	    "2020-01-02 03:04:05.123456789 +0000");
	same(__LINE__, "iso", fmt_time(&ts, TIME_ISO),
	    "2020-01-02T03:04:05+00:00");
	/* The same second in another format is not the last one's text. */
	same(__LINE__, "short", fmt_time(&ts, TIME_SHORT), "Jan  2  2020");
	same(__LINE__, "short", fmt_time(&ts, TIME_SHORT), "Jan  2  2020");
	ts.tv_sec = t + 1;
	same(__LINE__, "short", fmt_time(&ts, TIME_SHORT), "Jan  2  2020");
	/* Within the last six months: the time of day, not the year. */
	ts.tv_sec = time(NULL) - 60;
	s = fmt_time(&ts, TIME_SHORT);
	CHECK(s != NULL && strlen(s) == 12 && s[9] == ':', "short, recent",
	    "gave \"%s\"", s != NULL ? s : "(null)");
	free(s);
	/* In the future: the year, as ls shows it. */
	ts.tv_sec = time(NULL) + 86400;
	s = fmt_time(&ts, TIME_SHORT);
	CHECK(s != NULL && strlen(s) == 12 && s[9] != ':', "short, future",
	    "gave \"%s\"", s != NULL ? s : "(null)");
	free(s);

	setenv("TZ", "Asia/Kolkata", 1);
	tzset();
	ts.tv_sec = t + 2;
	same(__LINE__, "iso, +05:30", fmt_time(&ts, TIME_ISO),
	    "2020-01-02T08:34:07+05:30");
	ts.tv_sec = t + 3;
	same(__LINE__, "full, +0530", fmt_time(&ts, TIME_FULL),
	    "2020-01-02 08:34:08.123456789 +0530");

	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	free(old);
	tzset();
}

/*
 * The one rule of shmls and shmrm -g: no operands pick every segment;
 * a name picks itself, semaphore or not; a pattern picks a semaphore
 * (sem.*) only when it starts with "sem." too; all picks semaphores like
 * segments.  Up to two operands, NULL for none.
 */
static const struct selection_case {
	int		 line;
	const char	*op1, *op2;
	bool		 all;
	const char	*name;
	bool		 want;
} selection_cases[] = {
#define SEL(a, b, all, n, w)	{ __LINE__, (a), (b), (all), (n), (w) }
	SEL(NULL, NULL, false, "seg", true),
	SEL(NULL, NULL, false, "sem.x", false),
	SEL(NULL, NULL, true, "sem.x", true),
	SEL("sem.x", NULL, false, "sem.x", true),
	SEL("sem.*", NULL, false, "sem.x", true),
	SEL("sem.*", NULL, false, "seg", false),
	SEL("sem.?", NULL, false, "sem.x", true),
	SEL("*", NULL, false, "sem.x", false),
	SEL("*", NULL, false, "seg", true),
	SEL("*", NULL, true, "sem.x", true),
	SEL("s*", NULL, false, "sem.x", false),
	SEL("?em.x", NULL, false, "sem.x", false),
	SEL("se[m].x", NULL, false, "sem.x", false),
	SEL("*.x", NULL, true, "sem.x", true),
	SEL("seg", "sem.*", false, "sem.y", true),
	SEL("seg", "*", false, "sem.y", false),
	SEL("seg", "*", false, "other", true),
	SEL("sem.x", "sem.y", false, "sem.z", false),
#undef SEL
};

static void
test_selection(void)
{
	const struct selection_case *c;
	struct selection sel;
	char *argv[3];
	int argc;
	size_t i;
	bool got;

	for (i = 0; i < nitems(selection_cases); i++) {
		c = &selection_cases[i];
		argc = 0;
		if (c->op1 != NULL)
			argv[argc++] = (char *)c->op1;
		if (c->op2 != NULL)
			argv[argc++] = (char *)c->op2;
		argv[argc] = NULL;
		sel_init(&sel, argc, argv, c->all);
		got = sel_want(c->name, &sel);
		CHECK_AT(c->line, got == c->want, c->name,
		    "operands \"%s\" \"%s\"%s: want %d, expected %d",
		    c->op1 != NULL ? c->op1 : "", c->op2 != NULL ? c->op2 : "",
		    c->all ? " (all)" : "", got, c->want);
		sel_free(&sel);
	}
}

/*
 * An operand is on record as having picked something only once a name it
 * picked is kept, since the directory's reader may drop a name after
 * sel_want said yes; a pattern that picked nothing is never reported.
 */
static void
test_selection_record(void)
{
	static char a[] = "a", b[] = "b", pat[] = "p*", sem[] = "sem.*";
	char *argv[] = { a, b, pat, sem, NULL };
	struct selection sel;

	sel_init(&sel, 4, argv, false);
	CHECK(sel_want("a", &sel), "a", "not wanted");
	CHECK(!sel.hit[0], "a", "on record before it was kept");
	/* Dropped: the next name's sel_want forgets it. */
	CHECK(sel_want("b", &sel), "b", "not wanted");
	sel_kept("b", &sel);
	CHECK(!sel.hit[0] && sel.hit[1], "b", "record %d %d, expected 0 1",
	    sel.hit[0], sel.hit[1]);
	CHECK(sel_take(&sel, "sem.q"), "sem.q", "not taken");
	CHECK(sel.hit[3] && !sel.hit[2], "sem.q", "record %d %d, expected 0 1",
	    sel.hit[2], sel.hit[3]);
	CHECK(!sel_take(&sel, "c"), "c", "taken");
	CHECK(!sel.hit[0] && !sel.hit[2], "c", "record changed");
	sel_free(&sel);
}

/*
 * Keywords fold ASCII case alone: what strcasecmp does in the C locale,
 * and nothing that a locale adds (the Turkish dotless i is not I).
 */
static void
test_keywords(void)
{
	static const char *const cols[] = { "NAME", "SIZE", "MTIME", "PIDS" };
	size_t idx[nitems(cols)], n, badlen;
	const char *bad;

	CHECK(ascii_strcasecmp("size", "SIZE") == 0, "size", "differs");
	CHECK(ascii_strcasecmp("i", "I") == 0, "i", "differs from I");
	CHECK(ascii_strcasecmp("PIDs", "pids") == 0, "PIDs", "differs");
	CHECK(ascii_strcasecmp("\xc4\xb1", "I") != 0, "\xc4\xb1",
	    "matches I");
	CHECK(ascii_strcasecmp("\xc4\xb0", "i") != 0, "\xc4\xb0",
	    "matches i");
	CHECK(ascii_strcasecmp("\xc9", "\xe9") != 0, "\xc9", "matches \\xe9");
	CHECK(ascii_strcasecmp("a", "b") < 0, "a", "not before b");
	CHECK(ascii_strcasecmp("B", "a") > 0, "B", "not after a");
	CHECK(ascii_strcasecmp("siz", "size") < 0, "siz", "not before size");
	CHECK(ascii_strncasecmp("sizex", "SIZE", 4) == 0, "sizex", "differs");
	CHECK(ascii_strncasecmp("", "", 4) == 0, "", "differs");

	bad = parse_names("size,Mtime,name,SIZE,pids", cols, nitems(cols),
	    idx, &n, &badlen);
	CHECK(bad == NULL && n == 4 && idx[0] == 1 && idx[1] == 2 &&
	    idx[2] == 0 && idx[3] == 3, "size,Mtime,name,SIZE,pids",
	    "parse_names gave %zu names, bad \"%s\"", n,
	    bad != NULL ? bad : "");
	bad = parse_names("name,s\xc4\xb1ze", cols, nitems(cols), idx, &n,
	    &badlen);
	CHECK(bad != NULL && badlen == 5, "name,s\xc4\xb1ze",
	    "parse_names took the dotless i as i");
}

/*
 * The keyword and number tables again under the locale the environment
 * names, if any: tests/locale.bats runs this with a Turkish one, where
 * tolower('I') is not 'i'.
 */
static void
test_locale(void)
{
	const char *name = setlocale(LC_ALL, "");

	if (name == NULL || strcmp(name, "C") == 0)
		return;
	printf("unit: again under %s\n", name);
	test_sizes();
	test_advice();
	test_keywords();
	setlocale(LC_ALL, "C");
}

/* The last NSpid field of /proc/PID/status, the innermost namespace's. */
static const struct {
	int		 line;
	const char	*status;
	pid_t		 want;
} nspid_cases[] = {
	ROW("Name:\tsleep\nNSpid:\t4242\n", 4242),
	ROW("Name:\tsleep\nNSpid:\t4242\t7\nNSpgid:\t1\n", 7),
	ROW("NSpid:\t4242\t17\t1\n", 1),
	ROW("NSpid:\t4242\t17\t1", 1),
	/* NSpgid and NSsid are not NSpid. */
	ROW("NSpgid:\t9\nNSsid:\t9\n", -1),
	ROW("Name:\tx\nPid:\t5\n", -1),	/* before Linux 4.1 */
	ROW("NSpid:\n", -1),
	ROW("NSpid:\t12x\n", -1),
	ROW("NSpid:\t0\n", -1),
	ROW("NSpid:\t99999999999\n", -1),
};

/* The innermost PID procfs_nspid finds, or -1 for none or a bad line. */
static pid_t
last_nspid(const char *status)
{
	pid_t first, last;

	return procfs_nspid(status, &first, &last) > 0 ? last : -1;
}

static void
test_nspid(void)
{
	pid_t got;
	size_t i;

	for (i = 0; i < nitems(nspid_cases); i++) {
		got = last_nspid(nspid_cases[i].status);
		CHECK_AT(nspid_cases[i].line, got == nspid_cases[i].want,
		    nspid_cases[i].status, "got %d, want %d", (int)got,
		    (int)nspid_cases[i].want);
	}
}

/* The unified hierarchy's path, else the first hierarchy's. */
static const struct {
	int		 line;
	const char	*text;
	const char	*want;		/* NULL: none */
} cgroup_cases[] = {
	ROW("0::/system.slice/docker-abc.scope\n",
	    "/system.slice/docker-abc.scope"),
	ROW("12:memory:/docker/abc\n1:name=systemd:/x\n0::/init.scope\n",
	    "/init.scope"),
	ROW("12:memory:/docker/abc\n1:cpu,cpuacct:/y\n", "/docker/abc"),
	ROW("0::/\n", "/"),
	ROW("0::/a:b\n", "/a:b"),
	ROW("", NULL),
	ROW("garbage\n", NULL),
};

static void
test_cgroup(void)
{
	const char *want;
	char *got;
	size_t i;

	for (i = 0; i < nitems(cgroup_cases); i++) {
		got = target_parse_cgroup(cgroup_cases[i].text);
		want = cgroup_cases[i].want;
		CHECK_AT(cgroup_cases[i].line, want == NULL ? got == NULL :
		    got != NULL && strcmp(got, want) == 0,
		    cgroup_cases[i].text, "got \"%s\", want \"%s\"",
		    got != NULL ? got : "(null)",
		    want != NULL ? want : "(null)");
		free(got);
	}
}

/*
 * Lines of /proc/PID/maps as show_map_vma writes them: the fields, and
 * the path exactly as it stands after the padding.  A line that is not
 * one (want -1) must be rejected whole, never read in part.
 */
/* The kernel's padding before a path. */
#define PAD	"                          "
#define BAD(text)	ROW(text, -1, 0, 0, 0, NULL, 0, 0, 0, NULL, false)
static const struct map_case {
	int		 line;
	const char	*text;
	int		 want;		/* 0, or -1: rejected */
	uint64_t	 start, end, offset;
	const char	*perms;
	unsigned int	 major, minor;
	uint64_t	 ino;
	const char	*path;
	bool		 deleted;
} map_cases[] = {
	ROW("7f1c2a000000-7f1c2a100000 rw-s 00000000 00:1a 1234" PAD
	    "/dev/shm/psm_abc", 0, 0x7f1c2a000000, 0x7f1c2a100000, 0,
	    "rw-s", 0, 0x1a, 1234, "/dev/shm/psm_abc", false),
	ROW("00400000-00452000 r-xp 00001000 103:02 3407879" PAD
	    "/usr/bin/cat", 0, 0x400000, 0x452000, 0x1000, "r-xp", 0x103, 2,
	    3407879, "/usr/bin/cat", false),
	/* Spaces inside and at the end of a path are the path's. */
	ROW("7f00-7f01 r--s 00000000 00:1a 77" PAD "/dev/shm/a b  c ", 0,
	    0x7f00, 0x7f01, 0, "r--s", 0, 0x1a, 77, "/dev/shm/a b  c ", false),
	ROW("7f00-7f01 r--s 00000000 00:1a 77 /dev/shm/x", 0, 0x7f00, 0x7f01,
	    0, "r--s", 0, 0x1a, 77, "/dev/shm/x", false),
	/* Removed: the kernel's suffix, which the path keeps. */
	ROW("7f00-7f01 rw-s 00000000 00:1a 9" PAD "/dev/shm/gone (deleted)",
	    0, 0x7f00, 0x7f01, 0, "rw-s", 0, 0x1a, 9,
	    "/dev/shm/gone (deleted)", true),
	ROW("7f00-7f01 rw-s 00000000 00:1a 9" PAD "/dev/shm/x(deleted)", 0,
	    0x7f00, 0x7f01, 0, "rw-s", 0, 0x1a, 9, "/dev/shm/x(deleted)",
	    false),
	ROW("7f00-7f01 rw-s 00000000 00:1a 9" PAD "/ (deleted)", 0, 0x7f00,
	    0x7f01, 0, "rw-s", 0, 0x1a, 9, "/ (deleted)", true),
	/* A newline in a name, as the kernel escapes it: left for unescape. */
	ROW("7f00-7f01 rw-s 00000000 00:1a 9" PAD "/dev/shm/a\\012b (deleted)",
	    0, 0x7f00, 0x7f01, 0, "rw-s", 0, 0x1a, 9,
	    "/dev/shm/a\\012b (deleted)", true),
	/* Anonymous mappings: inode 0, a pseudo-path, or none at all. */
	ROW("7ffd1000-7ffd2000 rw-p 00000000 00:00 0" PAD "[stack]", 0,
	    0x7ffd1000, 0x7ffd2000, 0, "rw-p", 0, 0, 0, "[stack]", false),
	ROW("7f00-7f01 rw-s 00000000 00:01 5" PAD "/dev/zero (deleted)", 0,
	    0x7f00, 0x7f01, 0, "rw-s", 0, 1, 5, "/dev/zero (deleted)", true),
	ROW("55d000-55d100 rw-p 00000000 00:00 0 ", 0, 0x55d000, 0x55d100, 0,
	    "rw-p", 0, 0, 0, "", false),
	ROW("55d000-55d100 rw-p 00000000 00:00 0", 0, 0x55d000, 0x55d100, 0,
	    "rw-p", 0, 0, 0, "", false),
	ROW("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0" PAD
	    "[vsyscall]", 0, 0xffffffffff600000, 0xffffffffff601000, 0,
	    "--xp", 0, 0, 0, "[vsyscall]", false),
	/* Every field at its widest. */
	ROW("ffffffffffffffff-ffffffffffffffff rwxs ffffffffffffffff "
	    "ffffffff:ffffffff 18446744073709551615 /p", 0, UINT64_MAX,
	    UINT64_MAX, UINT64_MAX, "rwxs", 0xffffffff, 0xffffffff,
	    UINT64_MAX, "/p", false),
	/* Malformed: one past the widest, signs, prefixes, separators. */
	BAD(""),
	BAD("garbage"),
	BAD("1ffffffffffffffff-ffffffffffffffff r--s 0 00:1a 1 /p"),
	BAD("0-1ffffffffffffffff r--s 0 00:1a 1 /p"),
	BAD("0-1 r--s 1ffffffffffffffff 00:1a 1 /p"),
	BAD("0-1 r--s 0 1ffffffff:1a 1 /p"),
	BAD("0-1 r--s 0 1a:1ffffffff 1 /p"),
	BAD("0-1 r--s 0 00:1a 18446744073709551616 /p"),
	BAD("0-1 r--s 0 00:1a 99999999999999999999 /p"),
	BAD("0x7f00-7f01 r--s 0 00:1a 1 /p"),
	BAD("-7f00-7f01 r--s 0 00:1a 1 /p"),
	BAD("+7f00-7f01 r--s 0 00:1a 1 /p"),
	BAD(" 7f00-7f01 r--s 0 00:1a 1 /p"),
	BAD("7F00-7F01 r--s 0 00:1a 1 /p"),
	BAD("7f00 7f01 r--s 0 00:1a 1 /p"),
	BAD("7f01-7f00 r--s 0 00:1a 1 /p"),
	BAD("7f00-7f01  r--s 0 00:1a 1 /p"),
	BAD("7f00-7f01\tr--s 0 00:1a 1 /p"),
	BAD("7f00-7f01 r--x 0 00:1a 1 /p"),
	BAD("7f00-7f01 rw- 0 00:1a 1 /p"),
	BAD("7f00-7f01 rwxsp 0 00:1a 1 /p"),
	BAD("7f00-7f01 r--s -1 00:1a 1 /p"),
	BAD("7f00-7f01 r--s 0 001a 1 /p"),
	BAD("7f00-7f01 r--s 0 00-1a 1 /p"),
	BAD("7f00-7f01 r--s 0 :1a 1 /p"),
	BAD("7f00-7f01 r--s 0 00: 1 /p"),
	BAD("7f00-7f01 r--s 0 00:1a -1 /p"),
	BAD("7f00-7f01 r--s 0 00:1a +1 /p"),
	BAD("7f00-7f01 r--s 0 00:1a 12a4 /p"),
	BAD("7f00-7f01 r--s 0 00:1a  /p"),
	BAD("7f00-7f01 r--s 0 00:1a"),
	BAD("7f00-7f01 r--s 0"),
	BAD("7f00-7f01"),
	/* Two lines run together: the kernel never writes a raw newline. */
	BAD("7f00-7f01 r--s 0 00:1a 1 /dev/shm/a\n7f01-7f02 r--s 0 00:1a 2"),
};

static void
test_maps(void)
{
	const struct map_case *t;
	struct procfs_map m;
	const char *path;
	size_t i;
	int got;

	for (i = 0; i < nitems(map_cases); i++) {
		t = &map_cases[i];
		got = procfs_map_line(t->text, &m);
		CHECK_AT(t->line, got == t->want, t->text, "got %d, want %d",
		    got, t->want);
		if (got != 0 || t->want != 0)
			continue;
		path = t->path;
		CHECK_AT(t->line, m.start == t->start && m.end == t->end &&
		    m.offset == t->offset && strcmp(m.perms, t->perms) == 0,
		    t->text, "got %" PRIx64 "-%" PRIx64 " %s %" PRIx64,
		    m.start, m.end, m.perms, m.offset);
		CHECK_AT(t->line, major(m.dev) == t->major &&
		    minor(m.dev) == t->minor &&
		    m.ino == t->ino, t->text,
		    "got %x:%x %" PRIu64, major(m.dev), minor(m.dev), m.ino);
		CHECK_AT(t->line, strcmp(m.path, path) == 0 &&
		    m.pathlen == strlen(path) &&
		    m.deleted == t->deleted, t->text,
		    "got path \"%s\" (%zu bytes)%s", show(m.path), m.pathlen,
		    m.deleted ? ", deleted" : "");
	}
}

/*
 * A path longer than any buffer of the scan's: the parser has none, and
 * takes it whole.
 */
static void
test_map_long(void)
{
	const char head[] = "7f00-7f01 rw-s 00000000 00:1a 9 /dev/shm/";
	struct procfs_map m;
	size_t len = 70000;
	char *line;

	if ((line = malloc(sizeof(head) + len)) == NULL)
		abort();
	memcpy(line, head, sizeof(head) - 1);
	memset(line + sizeof(head) - 1, 'x', len);
	line[sizeof(head) - 1 + len] = '\0';
	CHECK(procfs_map_line(line, &m) == 0 &&
	    m.pathlen == strlen("/dev/shm/") + len && m.ino == 9, "long",
	    "a path of %zu bytes not taken whole", len);
	free(line);
}

/*
 * The kernel escapes only a newline, as \012, not a backslash: a name
 * holding those four characters reads as one holding a newline.
 */
static const struct {
	int		 line;
	const char	*text, *want;
} unescape_cases[] = {
	ROW("/dev/shm/plain", "/dev/shm/plain"),
	ROW("/dev/shm/a\\012b", "/dev/shm/a\nb"),
	ROW("\\012\\012", "\n\n"),
	ROW("/dev/shm/a\\012", "/dev/shm/a\n"),
	ROW("/dev/shm/a\\\\012", "/dev/shm/a\\\n"),
	ROW("/dev/shm/a\\01", "/dev/shm/a\\01"),
	ROW("/dev/shm/a\\011b", "/dev/shm/a\\011b"),
	ROW("/dev/shm/a\\", "/dev/shm/a\\"),
	ROW("", ""),
};

static void
test_map_unescape(void)
{
	char buf[64];
	size_t i, n;

	for (i = 0; i < nitems(unescape_cases); i++) {
		strlcpy(buf, unescape_cases[i].text, sizeof(buf));
		n = procfs_map_unescape(buf);
		CHECK_AT(unescape_cases[i].line,
		    strcmp(buf, unescape_cases[i].want) == 0 &&
		    n == strlen(unescape_cases[i].want),
		    unescape_cases[i].text, "got \"%s\" (%zu bytes)", show(buf),
		    n);
	}
}

/*
 * Through our own root, the /dev/shm we see; and every /dev/shm on the
 * host includes it, once, with a process that sees it.
 */
static void
test_target_self(void)
{
	struct target_shm *v;
	struct stat self, st;
	enum target_step step;
	size_t n, i, found = 0, skipped;
	int fd;

	if (stat("/dev/shm", &self) == -1)
		return;		/* nothing to compare with */
	fd = target_open(getpid(), &step);
	CHECK(fd != -1, "self", "target_open failed at step %d", (int)step);
	if (fd != -1) {
		CHECK(fstat(fd, &st) == 0 && st.st_dev == self.st_dev &&
		    st.st_ino == self.st_ino, "self",
		    "not the /dev/shm we see");
		close(fd);
	}
	CHECK(target_nspid(getpid()) > 0, "self", "no NSpid");
	CHECK(target_all(&v, &n, &skipped) == 0, "all", "target_all failed");
	for (i = 0; i < n; i++) {
		if (v[i].dev == self.st_dev)
			found++;
		CHECK(v[i].pid > 0 && v[i].dirfd >= 0, "all",
		    "row %zu: pid %d, dirfd %d", i, (int)v[i].pid, v[i].dirfd);
		CHECK(i == 0 || v[i - 1].pid < v[i].pid, "all",
		    "rows not in order of PID");
	}
	CHECK(found == 1, "all", "our /dev/shm in %zu rows, want 1", found);
	target_free(v, n);
}

/*
 * The one buffered loop: where it starts and stops, and which end it
 * blames.  Input comes from a pipe (read) or a memfd (pread at inpos);
 * output goes to a store that keeps it, and that fails once it holds
 * fail_at bytes.
 */
static const struct copy_case {
	int		 line;
	const char	*in;
	size_t		 inlen;
	bool		 file;		/* pread a file, else read a pipe */
	off_t		 inpos, skip, max, room;
	int		 short_err;
	bool		 string;
	off_t		 outpos;
	ssize_t		 fail_at;	/* -1: the store never fails */
	int		 ret, err;
	enum xfer_side	 side;
	const char	*out;
	off_t		 done;
} copy_cases[] = {
	/* to the end of input */
	ROW("hello world", 11, false, -1, 0, -1, -1, 0, false, 0, -1,
	    0, 0, 0, "hello world", 11),
	ROW("", 0, false, -1, 0, -1, -1, 0, false, 0, -1, 0, 0, 0, "", 0),
	/* at most max, after skip */
	ROW("hello world", 11, false, -1, 0, 5, -1, 0, false, 0, -1,
	    0, 0, 0, "hello", 5),
	ROW("hello world", 11, false, -1, 6, -1, -1, 0, false, 0, -1,
	    0, 0, 0, "world", 5),
	ROW("hello world", 11, false, -1, 6, 3, -1, 0, false, 0, -1,
	    0, 0, 0, "wor", 3),
	ROW("hello world", 11, false, -1, 20, -1, -1, 0, false, 0, -1,
	    0, 0, 0, "", 0),
	ROW("hello world", 11, false, -1, 6, 0, -1, 0, false, 0, -1,
	    0, 0, 0, "", 0),
	/* room: what fits goes, and one byte more is too much */
	ROW("hello world", 11, false, -1, 0, -1, 5, 0, false, 0, -1,
	    -1, E_PASTEND, XFER_SOURCE, "hello", 5),
	ROW("hello world", 11, false, -1, 0, -1, 11, 0, false, 0, -1,
	    0, 0, 0, "hello world", 11),
	ROW("x", 1, false, -1, 0, -1, 0, 0, false, 0, -1,
	    -1, E_PASTEND, XFER_SOURCE, "", 0),
	ROW("", 0, false, -1, 0, -1, 0, 0, false, 0, -1, 0, 0, 0, "", 0),
	ROW("hello world", 11, false, -1, 0, 5, 5, 0, false, 0, -1,
	    0, 0, 0, "hello", 5),
	/* pread from inpos; a file that ends first shrank */
	ROW("hello", 5, true, 1, 0, 3, -1, 0, false, 0, -1,
	    0, 0, 0, "ell", 3),
	ROW("hello", 5, true, 0, 0, 9, -1, E_SHRANK, false, 0, -1,
	    -1, E_SHRANK, XFER_SOURCE, "hello", 5),
	ROW("hello", 5, true, 5, 0, 1, -1, E_SHRANK, false, 0, -1,
	    -1, E_SHRANK, XFER_SOURCE, "", 0),
	/* a C string stops before its NUL */
	ROW("ab\0cd", 5, true, 0, 0, 5, -1, E_SHRANK, true, 0, -1,
	    0, 0, 0, "ab", 2),
	ROW("\0cd", 3, true, 0, 0, 3, -1, E_SHRANK, true, 0, -1,
	    0, 0, 0, "", 0),
	ROW("abc", 3, true, 0, 0, 3, -1, E_SHRANK, true, 0, -1,
	    0, 0, 0, "abc", 3),
	/* the destination's failures, with what it took */
	ROW("hello world", 11, false, -1, 0, -1, -1, 0, false, 0, 3,
	    -1, ENOSPC, XFER_DEST, "hel", 3),
	ROW("hello", 5, false, -1, 0, -1, -1, 0, false, OFF_MAX - 2, -1,
	    -1, EFBIG, XFER_DEST, "", 0),
	ROW("hello", 5, false, -1, 0, -1, -1, 0, false, OFF_MAX - 5, -1,
	    0, 0, 0, "hello", 5),
};

/* What copy_loop stored, and whether each store came at its position. */
struct kept {
	char	 buf[64];
	size_t	 len;
	off_t	 outpos;
	ssize_t	 fail_at;
	bool	 pos_ok;
};

static int
keep(void *ctx, const char *p, size_t n, off_t pos, size_t *took)
{
	struct kept *k = ctx;

	if (pos != k->outpos + (off_t)k->len)
		k->pos_ok = false;
	if (k->fail_at >= 0 && k->len + n > (size_t)k->fail_at)
		n = (size_t)k->fail_at - k->len;
	if (k->len + n > sizeof(k->buf))
		n = sizeof(k->buf) - k->len;
	memcpy(k->buf + k->len, p, n);
	k->len += n;
	*took = n;
	if (k->fail_at >= 0 && k->len == (size_t)k->fail_at) {
		errno = ENOSPC;
		return -1;
	}
	return 0;
}

static void
test_copy_loop(void)
{
	const struct copy_case *t;
	struct kept k;
	struct copy c;
	enum xfer_side side;
	off_t done;
	size_t i, want;
	int fds[2], ret, err;

	for (i = 0; i < nitems(copy_cases); i++) {
		t = &copy_cases[i];
		if (t->file) {
			fds[0] = memfd_create("unit", 0);
			fds[1] = -1;
			CHECK(fds[0] != -1 && write(fds[0], t->in, t->inlen) ==
			    (ssize_t)t->inlen, "memfd", "cannot make input");
		} else {
			CHECK(pipe(fds) == 0 &&
			    write(fds[1], t->in, t->inlen) == (ssize_t)t->inlen,
			    "pipe", "cannot make input");
			close(fds[1]);
		}
		memset(&k, 0, sizeof(k));
		k.outpos = t->outpos;
		k.fail_at = t->fail_at;
		k.pos_ok = true;
		c = (struct copy){ .in = fds[0], .inpos = t->inpos,
		    .skip = t->skip, .max = t->max, .room = t->room,
		    .short_err = t->short_err, .string = t->string,
		    .outpos = t->outpos, .put = keep, .ctx = &k };
		side = 0;
		errno = 0;
		ret = copy_loop(&c, &done, &side);
		err = errno;
		close(fds[0]);
		want = strlen(t->out);
		CHECK_AT(t->line, ret == t->ret &&
		    (ret == 0 || (err == t->err && side == t->side)), t->in,
		    "got %d (errno %d, side %d), want %d (errno %d, side %d)",
		    ret, err, (int)side, t->ret, t->err, (int)t->side);
		CHECK_AT(t->line, done == t->done &&
		    k.len == want && memcmp(k.buf, t->out, want) == 0,
		    t->in, "stored %zu bytes, done %jd; want \"%s\"",
		    k.len, (intmax_t)done, t->out);
		CHECK_AT(t->line, k.pos_ok, t->in,
		    "a store came at the wrong position");
	}
}
