/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procfs.c: reading the small text files of /proc.  Each is read whole
 * into a buffer of the caller's, so that no stdio stream is opened per
 * process during a scan.  And parsing what is read: a status's NSpid
 * line, a line of maps, from text alone.
 */
#include <sys/sysmacros.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs.h"


static const char	*hex_field(const char *, int, uint64_t *, char);
static const char	*perms_field(const char *, char [5]);
static const char	*ino_field(const char *, uint64_t *);

/*
 * Reads up to size - 1 bytes of path (relative to dirfd) and ends them
 * with a NUL.  Returns the number read, or -1 with errno set.
 */
ssize_t
procfs_read(int dirfd, const char *path, char *buf, size_t size)
{
	ssize_t n, len = 0;
	int fd, saved;

	if ((fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while ((size_t)len < size - 1) {
		n = read(fd, buf + len, size - 1 - (size_t)len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		len += n;
	}
	close(fd);
	buf[len] = '\0';
	return len;
}

/* A process's command name, from its comm file; "" if it cannot be read. */
void
procfs_comm(int dirfd, const char *path, char comm[PROCFS_COMM_MAX])
{
	ssize_t n;

	if ((n = procfs_read(dirfd, path, comm, PROCFS_COMM_MAX)) <= 0) {
		comm[0] = '\0';
		return;
	}
	/* The kernel ends it with a newline; the name itself may hold one. */
	if (comm[n - 1] == '\n')
		comm[n - 1] = '\0';
}

/* A non-negative number alone in a file (a sysctl).  Returns 0 or -1. */
int
procfs_int(const char *path, int *val)
{
	const char *errstr;
	char buf[32];
	int v;

	if (procfs_read(AT_FDCWD, path, buf, sizeof(buf)) <= 0)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	v = (int)strtonum(buf, 0, INT_MAX, &errstr);
	if (errstr != NULL)
		return -1;
	*val = v;
	return 0;
}

/*
 * The "NSpid:" line of a /proc/PID/status text: the PID in each PID
 * namespace from /proc's down to the process's own.  Returns how many
 * there are, with the first and last in *first and *last; 0 when there
 * is no such line (kernels before 4.1), -1 when it is malformed.
 */
int
procfs_nspid(const char *status, pid_t *first, pid_t *last)
{
	const char *p, *errstr;
	char num[16];
	size_t len;
	pid_t pid;
	int n = 0;

	if (strncmp(status, "NSpid:", 6) == 0)
		p = status + 6;
	else if ((p = strstr(status, "\nNSpid:")) != NULL)
		p += 7;
	else
		return 0;
	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\n' || *p == '\0')
			break;
		len = strspn(p, "0123456789");
		if (len == 0 || len >= sizeof(num) ||
		    (p[len] != ' ' && p[len] != '\t' && p[len] != '\n' &&
		    p[len] != '\0'))
			return -1;
		memcpy(num, p, len);
		num[len] = '\0';
		pid = (pid_t)strtonum(num, 1, INT_MAX, &errstr);
		if (errstr != NULL)
			return -1;
		if (n++ == 0)
			*first = pid;
		*last = pid;
		p += len;
	}
	return n;
}

/*
 * Parses one line of /proc/PID/maps, without its newline, into *m, as
 * show_map_vma in fs/proc/task_mmu.c writes it: addresses and offset in
 * hex, the device as hex major:minor, the inode in decimal, and the path
 * as seq_path leaves it, a newline in it written \012.  Returns 0, or
 * -1 for anything else, which is never read in part: a field out of its
 * range, a sign, a missing separator, a newline.  The path points into
 * line.
 */
int
procfs_map_line(const char *line, struct procfs_map *m)
{
	uint64_t major, minor;
	const char *p;

	memset(m, 0, sizeof(*m));
	if ((p = hex_field(line, 16, &m->start, '-')) == NULL ||
	    (p = hex_field(p, 16, &m->end, ' ')) == NULL ||
	    m->end < m->start ||
	    (p = perms_field(p, m->perms)) == NULL ||
	    (p = hex_field(p, 16, &m->offset, ' ')) == NULL ||
	    /* MAJOR and MINOR are 12 and 20 bits; dev_t has 32 for each. */
	    (p = hex_field(p, 8, &major, ':')) == NULL ||
	    (p = hex_field(p, 8, &minor, ' ')) == NULL ||
	    (p = ino_field(p, &m->ino)) == NULL)
		return -1;
	/* Padding before the path, or the space that ends a line without. */
	p += strspn(p, " ");
	if (strchr(p, '\n') != NULL)
		return -1;
	m->dev = makedev((unsigned int)major, (unsigned int)minor);
	m->path = p;
	m->pathlen = strlen(p);
	m->deleted = procfs_deleted(p, m->pathlen);
	return 0;
}

/*
 * Whether the kernel marked a path of len bytes, from maps or a
 * descriptor's link, as removed; returns the length without the mark.
 */
size_t
procfs_deleted(const char *path, size_t len)
{
	const size_t dlen = sizeof(PROCFS_DELETED) - 1;

	if (len > dlen && strcmp(path + len - dlen, PROCFS_DELETED) == 0)
		return len - dlen;
	return 0;
}

/*
 * Turns each \012 in a path from maps back into the newline it stands
 * for, in place, and returns the new length.  The kernel escapes nothing
 * else, not even a backslash, so a name holding the four characters \012
 * reads as one holding a newline: only map_files can tell them apart.
 */
size_t
procfs_map_unescape(char *path)
{
	char *p, *q;

	for (p = q = path; *p != '\0'; p++, q++) {
		if (strncmp(p, "\\012", 4) == 0) {
			*q = '\n';
			p += 3;
		} else
			*q = *p;
	}
	*q = '\0';
	return (size_t)(q - path);
}

/*
 * A field of 1 to max hex digits, ended by end, into *val; returns what
 * follows end, or NULL.  By hand, since strtoul(3) would take leading
 * space, a sign or "0x", and saturate on overflow.
 */
static const char *
hex_field(const char *p, int max, uint64_t *val, char end)
{
	uint64_t v = 0;
	int n, d;

	for (n = 0; n < max; n++, p++) {
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			break;
		v = v << 4 | (uint64_t)d;
	}
	if (n == 0 || *p != end)
		return NULL;
	*val = v;
	return p + 1;
}

/* "rwxp": read, write, execute or '-', then private or shared. */
static const char *
perms_field(const char *p, char perms[5])
{
	if ((p[0] != 'r' && p[0] != '-') || (p[1] != 'w' && p[1] != '-') ||
	    (p[2] != 'x' && p[2] != '-') || (p[3] != 'p' && p[3] != 's') ||
	    p[4] != ' ')
		return NULL;
	memcpy(perms, p, 4);
	perms[4] = '\0';
	return p + 5;
}

/*
 * The inode, in decimal, up to 2^64 - 1, ended by a space or the end of
 * the line; returns what follows, or NULL.
 */
static const char *
ino_field(const char *p, uint64_t *val)
{
	uint64_t v = 0;
	int n;

	for (n = 0; *p >= '0' && *p <= '9'; n++, p++) {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return NULL;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (n == 0 || (*p != ' ' && *p != '\0'))
		return NULL;
	*val = v;
	return p;
}
