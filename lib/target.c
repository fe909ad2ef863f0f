/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * target.c: the /dev/shm another process sees, for --target PID.  We
 * never enter the process's namespaces or chroot into its root, and run
 * nothing from it: /proc/PID/root is the process's root directory in its
 * own mount namespace, and openat2(2) with RESOLVE_IN_ROOT resolves
 * dev/shm below it as the process would, so that a /dev or /dev/shm that
 * is a symbolic link (absolute, or climbing with "..") stays inside that
 * root, whatever the container's owner made of it.  Segment names are one
 * component, opened with O_NOFOLLOW relative to the directory, so they
 * cannot leave it either.
 *
 * Also here: a process's PID in its own PID namespace (the one a
 * container shows), and every distinct /dev/shm on the host, for
 * shmls --all-targets.
 */
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <linux/openat2.h>

#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "segment.h"
#include "shmdir.h"
#include "target.h"

#define PROC_DIR	"/proc"

/*
 * SHM_DIR below a root.  RESOLVE_IN_ROOT makes the root the process's
 * "/" for absolute links and ".."; it already refuses magic links such
 * as /proc/self/root, which would lead out of it, and saying so keeps
 * that true should a later kernel relax it.  Crossing mounts is the
 * point (/dev/shm is a mount of its own), so RESOLVE_NO_XDEV is not set.
 */
#define SHM_RELATIVE	(&SHM_DIR[1])
#define RESOLVE_FLAGS	(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)

/* A renamed ".." on the way makes openat2 fail with EAGAIN; retry. */
#define EAGAIN_TRIES	16

static pid_t	 target;	/* 0: none, the caller's /dev/shm */
static int	 target_fd = -1;	/* its directory, once opened */

/* A process's PID and its PID in its own namespace, for target_nspid. */
struct known {
	pid_t	 pid, nspid;
};

static int	 shm_below(int);
static int	 open_root(int, const char *);
static char	*read_cgroup(int, pid_t);
static int	 by_known(const void *, const void *);
static int	 by_pid(const void *, const void *);

/* Makes every later seg_dirfd() the /dev/shm process pid sees. */
void
target_set(pid_t pid)
{
	target = pid;
	target_fd = -1;
}

pid_t
target_pid(void)
{
	return target;
}

/*
 * The directory of the target set, opened once, for seg_dirfd; fatal
 * when it cannot be had, since no command can do anything without it.
 */
int
target_dirfd(void)
{
	enum target_step step;

	if (target_fd != -1)
		return target_fd;
	if ((target_fd = target_open(target, &step)) != -1)
		return target_fd;
	switch (step) {
	case TARGET_PROCESS:
		err(1, "process %d", (int)target);
	case TARGET_ROOT:
		err(1, "cannot enter the mount namespace of %d", (int)target);
	default:
		err(1, "%s of process %d", SHM_DIR, (int)target);
	}
}

/*
 * Opens SHM_DIR as process pid sees it, O_PATH.  Returns the descriptor,
 * or -1 with errno, and in *step what failed.  A pidfd taken first and
 * checked last makes sure the root was that process's: if it had ended
 * meanwhile, its PID could have been another's.
 */
int
target_open(pid_t pid, enum target_step *step)
{
	char path[32];
	int pidfd, rootfd, fd = -1, saved;

	*step = TARGET_PROCESS;
	if ((pidfd = pidfd_open(pid, 0)) == -1)
		return -1;
	snprintf(path, sizeof(path), "%d/root", (int)pid);
	rootfd = open_root(AT_FDCWD, path);
	if (rootfd == -1) {
		/* The process ended before we looked. */
		if (errno != ENOENT)
			*step = TARGET_ROOT;
		else
			errno = ESRCH;
		goto out;
	}
	*step = TARGET_SHM;
	fd = shm_below(rootfd);
	close(rootfd);
	if (fd != -1 && pidfd_send_signal(pidfd, 0, NULL, 0) == -1 &&
	    errno == ESRCH) {
		*step = TARGET_PROCESS;
		close(fd);
		fd = -1;
		errno = ESRCH;
	}
out:
	saved = errno;
	close(pidfd);
	errno = saved;
	return fd;
}

/* /proc/PATH, a process's root, relative to procfd or to "/proc". */
static int
open_root(int procfd, const char *path)
{
	char full[64];

	if (procfd == AT_FDCWD) {
		snprintf(full, sizeof(full), "%s/%s", PROC_DIR, path);
		path = full;
	}
	return openat(procfd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
}

/* SHM_DIR resolved inside root rootfd, as a directory. */
static int
shm_below(int rootfd)
{
	struct open_how how = {
		.flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
		.resolve = RESOLVE_FLAGS
	};
	long fd;
	int i;

	for (i = 0; i < EAGAIN_TRIES; i++) {
		fd = syscall(SYS_openat2, rootfd, SHM_RELATIVE, &how,
		    sizeof(how));
		if (fd != -1 || errno != EAGAIN)
			break;
	}
	return (int)fd;
}

/*
 * Process pid's PID in the innermost PID namespace it is in (the last
 * NSpid field), which is what a container shows for it; -1 if it cannot
 * be read.  Each PID is read once per run.
 */
pid_t
target_nspid(pid_t pid)
{
	static struct known *known;
	static size_t n;
	struct known key = { .pid = pid }, *k;
	char status[4096], path[32];
	pid_t first, last, nspid = -1;

	if (n > 0 && (k = bsearch(&key, known, n, sizeof(*known),
	    by_known)) != NULL)
		return k->nspid;
	snprintf(path, sizeof(path), "%s/%d/status", PROC_DIR, (int)pid);
	if (procfs_read(AT_FDCWD, path, status, sizeof(status)) > 0 &&
	    procfs_nspid(status, &first, &last) > 0)
		nspid = last;
	/* Remember it, in order; without memory, only answer. */
	if ((k = reallocarray(known, n + 1, sizeof(*known))) != NULL) {
		size_t i;

		known = k;
		for (i = n; i > 0 && known[i - 1].pid > pid; i--)
			known[i] = known[i - 1];
		known[i].pid = pid;
		known[i].nspid = nspid;
		n++;
	}
	return nspid;
}

static int
by_known(const void *a, const void *b)
{
	const struct known *x = a, *y = b;

	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

static int
by_pid(const void *a, const void *b)
{
	const struct target_shm *x = a, *y = b;

	return x->pid < y->pid ? -1 : x->pid > y->pid;
}

/*
 * The cgroup path in a /proc/PID/cgroup text: the unified hierarchy's
 * ("0::PATH"), else the first hierarchy's.  A new string, or NULL.
 */
char *
target_parse_cgroup(const char *text)
{
	const char *line, *path = NULL, *p, *end;

	for (line = text; *line != '\0'; line = end + (*end == '\n')) {
		end = line + strcspn(line, "\n");
		/* "ID:CONTROLLERS:PATH" */
		if ((p = memchr(line, ':', end - line)) == NULL ||
		    (p = memchr(p + 1, ':', end - (p + 1))) == NULL)
			continue;
		if (strncmp(line, "0::", 3) == 0 || path == NULL) {
			path = p + 1;
			if (strncmp(line, "0::", 3) == 0)
				break;
		}
	}
	if (path == NULL)
		return NULL;
	return strndup(path, strcspn(path, "\n"));
}

/*
 * Every distinct /dev/shm some process sees, one per file system, in
 * order of the lowest PID that sees each.  Processes we may not inspect
 * are counted in *skipped.  Returns 0, or -1 with errno when /proc
 * cannot be read or memory runs out.
 */
int
target_all(struct target_shm **list, size_t *count, size_t *skipped)
{
	struct target_shm *v = NULL, *nv;
	struct dirent *de;
	struct stat st;
	const char *errstr;
	char path[32];
	size_t n = 0, i;
	pid_t pid;
	DIR *dir;
	int rootfd, fd, saved;

	*skipped = 0;
	if ((dir = opendir(PROC_DIR)) == NULL)
		return -1;
	while ((de = readdir(dir)) != NULL) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		pid = (pid_t)strtonum(de->d_name, 1, INT_MAX, &errstr);
		if (errstr != NULL)
			continue;
		snprintf(path, sizeof(path), "%d/root", (int)pid);
		if ((rootfd = open_root(dirfd(dir), path)) == -1) {
			if (errno == EACCES || errno == EPERM)
				(*skipped)++;
			continue;	/* else gone, or a kernel thread */
		}
		fd = shm_below(rootfd);
		close(rootfd);
		if (fd == -1)
			continue;	/* it sees no /dev/shm */
		if (fstat(fd, &st) == -1) {
			close(fd);
			continue;
		}
		for (i = 0; i < n && v[i].dev != st.st_dev; i++)
			;
		if (i < n) {
			close(fd);
			continue;
		}
		if ((nv = reallocarray(v, n + 1, sizeof(*v))) == NULL) {
			close(fd);
			goto fail;
		}
		v = nv;
		memset(&v[n], 0, sizeof(v[n]));
		v[n].pid = pid;
		v[n].dev = st.st_dev;
		v[n].dirfd = fd;
		snprintf(path, sizeof(path), "%d/comm", (int)pid);
		procfs_comm(dirfd(dir), path, v[n].comm);
		v[n].cgroup = read_cgroup(dirfd(dir), pid);
		n++;
	}
	closedir(dir);
	if (n > 1)
		qsort(v, n, sizeof(*v), by_pid);
	*list = v;
	*count = n;
	return 0;
fail:
	saved = errno;
	closedir(dir);
	target_free(v, n);
	errno = saved;
	return -1;
}

void
target_free(struct target_shm *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		close(list[i].dirfd);
		free(list[i].cgroup);
	}
	free(list);
}

/*
 * The usage of target_all's /dev/shm t, counting the segments want picks
 * (as shmdir_read does).  Returns 0, or -1 with errno.
 */
int
target_usage(const struct target_shm *t, shmdir_want *want, void *arg,
    struct target_usage *u)
{
	struct shmdir_entry *v;
	struct statvfs sv;
	size_t n, i;

	memset(u, 0, sizeof(*u));
	if (fstatvfs(t->dirfd, &sv) == -1)
		return -1;
	u->size = (uintmax_t)sv.f_blocks * sv.f_frsize;
	u->used = (uintmax_t)(sv.f_blocks - sv.f_bfree) * sv.f_frsize;
	u->avail = (uintmax_t)sv.f_bavail * sv.f_frsize;
	if (shmdir_read_at(t->dirfd, want, arg, &v, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		u->segments++;
		u->promised += (uintmax_t)v[i].st.st_size;
		u->alloc += (uintmax_t)v[i].st.st_blocks * 512;
	}
	shmdir_free(v, n);
	return 0;
}

static char *
read_cgroup(int procfd, pid_t pid)
{
	char path[32], text[4096];

	snprintf(path, sizeof(path), "%d/cgroup", (int)pid);
	if (procfs_read(procfd, path, text, sizeof(text)) <= 0)
		return NULL;
	return target_parse_cgroup(text);
}

