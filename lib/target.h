/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * target.h: the /dev/shm that another process sees (a container's),
 * reached through that process's root and resolved by the kernel inside
 * it; the PID a process has in its own PID namespace; and every distinct
 * /dev/shm on the host.
 */
#ifndef SHMTOOLS_TARGET_H
#define SHMTOOLS_TARGET_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "procfs.h"
#include "shmdir.h"

/* Which step of reaching a process's /dev/shm failed. */
enum target_step {
	TARGET_PROCESS,		/* the process is not there (any more) */
	TARGET_ROOT,		/* its root: we may not enter its namespace */
	TARGET_SHM		/* /dev/shm inside its root */
};

/* One distinct /dev/shm (one file system), and a process that sees it. */
struct target_shm {
	pid_t	 pid;			/* the lowest such PID */
	char	 comm[PROCFS_COMM_MAX];	/* its command, "" if unknown */
	char	*cgroup;		/* its cgroup, NULL if unknown */
	dev_t	 dev;
	int	 dirfd;			/* the directory, O_PATH */
};

/*
 * How full one /dev/shm is, and what the segments in it add up to: the
 * numbers that show which container's /dev/shm is the full one.
 */
struct target_usage {
	uintmax_t	 size, used, avail;	/* bytes, as statvfs(2) says */
	uintmax_t	 segments;		/* how many */
	uintmax_t	 promised;		/* the sum of their sizes */
	uintmax_t	 alloc;			/* the memory they use */
};

void	 target_set(pid_t pid);
pid_t	 target_pid(void);
int	 target_dirfd(void);
int	 target_open(pid_t pid, enum target_step *step);
pid_t	 target_nspid(pid_t pid);
char	*target_parse_cgroup(const char *cgroup);
int	 target_all(struct target_shm **list, size_t *count, size_t *skipped);
void	 target_free(struct target_shm *list, size_t count);
int	 target_usage(const struct target_shm *t, shmdir_want *want,
	    void *arg, struct target_usage *u);

#endif
