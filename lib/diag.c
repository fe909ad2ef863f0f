/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * diag.c: diagnostics, and the exit status they decide.  Names in
 * messages are escaped with strvis(3), since a name may hold any byte but
 * NUL and '/'.
 */
#include <sys/types.h>

#include <err.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <vis.h>
#include <wchar.h>

#include "diag.h"

const char *
diag_strerror(int e)
{
	switch (e) {
	case E_NOTREG:
		return "not a regular file";
	case E_SYMLINK:
		return "symbolic link, not followed";
	case E_SHRANK:
		return "file shrank while reading";
	case E_SHRANK_WRITE:
		return "file shrank while writing";
	case E_MAPFAULT:
		return "mapped page unavailable (out of space or I/O error)";
	case E_SAMEFILE:
		return "input file is output file";
	case E_PROTECTED:
		return "Permission denied (fs.protected_regular: another "
		    "user's file in a sticky directory)";
	case E_REPLACED:
		return "replaced by another segment each time it was locked";
	default:
		return strerror(e);
	}
}

/*
 * A name made safe to show on a terminal, in a static buffer (or the name
 * itself when it is printable ASCII).  Printable multibyte characters of
 * the locale pass through; but strnvis takes a byte that is not valid in
 * the locale for the character of the same value, which may be
 * "printable", so a string that does not decode is escaped in the C
 * locale, where every byte above 0x7f is octal.
 */
const char *
vis_str(const char *s)
{
	static char buf[4 * 4096 + 1];
	static locale_t c_locale;
	mbstate_t ps;
	locale_t old = (locale_t)0;
	const char *p;
	size_t len, n;

	for (p = s; *p >= ' ' && *p <= '~' && *p != '\\'; p++)
		;
	if (*p == '\0')
		return s;
	memset(&ps, 0, sizeof(ps));
	for (len = strlen(p); *p != '\0'; p += n, len -= n) {
		n = mbrtowc(NULL, p, len, &ps);
		if (n == (size_t)-1 || n == (size_t)-2)
			break;
	}
	if (*p != '\0') {
		if (c_locale == (locale_t)0 &&
		    (c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0)) ==
		    (locale_t)0)
			err(1, NULL);
		old = uselocale(c_locale);
	}
	strnvis(buf, s, sizeof(buf), VIS_CSTYLE | VIS_TAB | VIS_NL | VIS_OCTAL);
	if (old != (locale_t)0)
		uselocale(old);
	return buf;
}

/* "1 byte", "2 bytes": a count for a message, in a static buffer. */
const char *
bytes_str(off_t n)
{
	static char buf[32];

	snprintf(buf, sizeof(buf), "%jd byte%s", (intmax_t)n, n == 1 ? "" : "s");
	return buf;
}

/*
 * Whether some operand failed: the one place the exit status is kept, set
 * by every message that says an operand failed, so that no such message
 * can come with exit 0 however the command ends.
 */
static int failed;

/* The exit status so far: 0, or 1 once an operand has failed. */
int
diag_status(void)
{
	return failed;
}

/* prog: NAME: reason, from errno; the operand failed. */
void
warn_name(const char *name)
{
	warnx("%s: %s", vis_str(name), diag_strerror(errno));
	failed = 1;
}

/* A message of the caller's making; the operand failed. */
void
warn_op(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	failed = 1;
}

/*
 * Input ran past the end of a segment or file (kind) of size bytes when
 * written at offset: refused before anything was written when the input's
 * length was known (input >= 0), else found out after written bytes.
 */
void
warn_past_end(const char *name, const char *kind, off_t size, off_t offset,
    off_t input, off_t written)
{
	if (input >= 0)
		warnx("%s: input of %s at offset %jd runs past the end "
		    "of the %s (size %jd): nothing written", vis_str(name),
		    bytes_str(input), (intmax_t)offset, kind, (intmax_t)size);
	else
		warnx("%s: input runs past the end of the %s (size %jd): "
		    "%s written at offset %jd", vis_str(name), kind,
		    (intmax_t)size, bytes_str(written), (intmax_t)offset);
	failed = 1;
}
