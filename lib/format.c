/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * format.c: values made text for display: numbers, sizes, times, modes,
 * owners and JSON strings.  Each returns text the caller owns (or, for
 * the names of owners, text valid until the next call); none escapes for
 * a terminal, which the caller chooses once for its output.
 */
#include <sys/stat.h>

#include <err.h>
#include <grp.h>
#include <libutil.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "procscan.h"
#include "target.h"

/*
 * libbsd's user_from_uid and group_from_gid keep 31 bytes of a name: one
 * that long may have been cut, and is looked up whole.
 */
#define PWCACHE_NAME_MAX	31

char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		err(1, NULL);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if ((p = strndup(s, n)) == NULL)
		err(1, NULL);
	return p;
}

/* The escape of an output that needs none: raw, JSON and pairs. */
const char *
fmt_asis(const char *s)
{
	return s;
}

/* Digits by hand: asprintf costs more than the rest of the cell. */
char *
fmt_num(uintmax_t n)
{
	char buf[24], *p = buf + sizeof(buf);

	*--p = '\0';
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	return xstrdup(p);
}

/*
 * 4 characters at most, as ls -lh shows a size, in last->buf, which is
 * not made again for the size it was made for last.
 */
const char *
fmt_human(off_t size, struct fmt_size_last *last)
{
	if (size != last->size) {
		if (humanize_number(last->buf, 5, size, "", HN_AUTOSCALE,
		    HN_B | HN_NOSPACE | HN_DECIMAL) == -1)
			snprintf(last->buf, sizeof(last->buf), "?");
		last->size = size;
	}
	return last->buf;
}

/*
 * In bytes (-b, JSON), else as fmt_human; NULL, unknown, for a negative
 * size.
 */
char *
fmt_size(off_t size, bool bytes, struct fmt_size_last *last)
{
	if (size < 0)
		return NULL;
	if (bytes)
		return fmt_num((uintmax_t)size);
	return xstrdup(fmt_human(size, last));
}

/* Permissions as ls -l shows them, without the file type. */
char *
fmt_perms(mode_t mode)
{
	char buf[16];

	strmode(mode, buf);
	buf[10] = '\0';		/* drop strmode's trailing blank */
	return xstrdup(buf + 1);	/* and its file type */
}

char *
fmt_mode(mode_t mode)
{
	char *s;

	if (asprintf(&s, "%04o", (unsigned int)mode & 07777) == -1)
		err(1, NULL);
	return s;
}

/*
 * short: as ls -l ("Nov 23 20:28", or "Nov 23  2023" when not within the
 * last six months); full: as ls --full-time; iso: RFC 3339.  NULL when
 * the time cannot be shown.
 */
char *
fmt_time(const struct timespec *ts, enum timefmt how)
{
	const time_t halfyear = 31556952 / 2;
	static char buf[64];
	static time_t last = -1;
	static enum timefmt last_how;
	char zone[8];
	struct tm tm;
	time_t now;
	size_t len;

	/* Segments made together share their second; format it once. */
	if (ts->tv_sec == last && how == last_how && how != TIME_FULL)
		return xstrdup(buf);
	last = -1;
	if (localtime_r(&ts->tv_sec, &tm) == NULL)
		return NULL;
	switch (how) {
	case TIME_SHORT:
		now = time(NULL);
		len = strftime(buf, sizeof(buf), ts->tv_sec <= now &&
		    now - ts->tv_sec < halfyear ? "%b %e %H:%M" : "%b %e  %Y",
		    &tm);
		break;
	case TIME_FULL:
		len = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
		if (len > 0 && strftime(zone, sizeof(zone), "%z", &tm) > 0)
			snprintf(buf + len, sizeof(buf) - len, ".%09ld %s",
			    ts->tv_nsec, zone);
		break;
	case TIME_ISO:
		len = strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
		/* %z is +hhmm; RFC 3339 wants +hh:mm. */
		if (len > 0 && strftime(zone, sizeof(zone), "%z", &tm) == 5)
			snprintf(buf + len, sizeof(buf) - len, "%.3s:%s",
			    zone, zone + 3);
		break;
	default:
		abort();
	}
	if (len == 0)
		return NULL;
	last = ts->tv_sec;
	last_how = how;
	return xstrdup(buf);
}

/*
 * A user or group name, or the number when it has none, as ls shows it;
 * valid until the next call, since libbsd's cache may reuse the slot.
 */
const char *
fmt_owner(bool group, unsigned int id)
{
	const char *name;
	struct passwd *pw;
	struct group *gr;

	name = group ? group_from_gid(id, 0) : user_from_uid(id, 0);
	if (strlen(name) < PWCACHE_NAME_MAX)
		return name;
	if (group && (gr = getgrgid(id)) != NULL)
		return gr->gr_name;
	if (!group && (pw = getpwuid(id)) != NULL)
		return pw->pw_name;
	return name;
}

/*
 * The PIDs, PIDs in their own namespace, or command names of n holders,
 * as a list; a holder's PID in its namespace is unknown once it ended.
 */
char *
fmt_holders(const struct procscan_holder *v, size_t n, enum fmt_holder what,
    const struct fmt_list *list)
{
	char *s = NULL;
	size_t i, len;
	pid_t nspid;
	FILE *fp;

	if ((fp = open_memstream(&s, &len)) == NULL)
		err(1, NULL);
	fputs(list->open, fp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(list->sep, fp);
		if (what == HOLDER_PID)
			fprintf(fp, "%d", (int)v[i].pid);
		else if (what == HOLDER_COMM)
			list->string(fp, v[i].comm);
		else if ((nspid = target_nspid(v[i].pid)) == -1)
			fputs(list->unknown, fp);
		else
			fprintf(fp, "%d", (int)nspid);
	}
	fputs(list->close, fp);
	if (fclose(fp) == EOF)
		err(1, NULL);
	return s;
}

/*
 * A JSON string, escaped as libsmartcols escapes NAME: quote, backslash
 * and control characters; other bytes pass as they are.
 */
void
fmt_json_string(FILE *fp, const char *s)
{
	unsigned char ch;

	putc('"', fp);
	for (; (ch = (unsigned char)*s) != '\0'; s++) {
		if (ch == '"' || ch == '\\')
			fprintf(fp, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(fp, "\\u%04x", ch);
		else
			putc(ch, fp);
	}
	putc('"', fp);
}
