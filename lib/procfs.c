/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procfs.c: reading the small text files of /proc.  Each is read whole
 * into a buffer of the caller's, so that no stdio stream is opened per
 * process during a scan.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs.h"

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
