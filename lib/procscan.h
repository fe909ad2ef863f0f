/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procscan.h: which processes hold which segments, open (/proc/PID/fd) or
 * mapped (/proc/PID/maps), found in one pass over /proc.  Segments are
 * known by device and inode, not by name: a name can be removed and made
 * again, and a removed segment has no name left in the directory.  And
 * whether /proc shows every process that could hold one.
 */
#ifndef SHMTOOLS_PROCSCAN_H
#define SHMTOOLS_PROCSCAN_H

#include <sys/stat.h>
#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>

#include "procfs.h"


struct procscan_holder {
	pid_t	 pid;
	char	 comm[PROCFS_COMM_MAX];	/* "" if it could not be read */
};

struct procscan_entry {
	dev_t			 dev;
	ino_t			 ino;
	struct procscan_holder	*holders;	/* by pid, each once */
	size_t			 nholders;
	/*
	 * Removed from the directory but still open or mapped: the kernel
	 * says so, and no file of that name has this inode now.  For those
	 * only, name is the name it had (NULL if unknown) and st, when
	 * have_stat, what fstat(2) on it would say.
	 */
	bool			 deleted;
	char			*name;
	bool			 have_stat;
	struct stat		 st;
};

struct procscan {
	struct procscan_entry	*v;		/* by device, then inode */
	size_t			 n;
	size_t			 skipped;	/* processes we may not inspect */
	bool			 hidden;	/* and maybe some we cannot see */
};

/*
 * How much of the system /proc shows.  Only PROCSCAN_ALL shows every
 * process that could hold a segment: /dev/shm can be shared with other
 * PID namespaces (a pod's containers, docker --ipc=host) whose processes
 * a namespace's own /proc does not list.
 */
enum procscan_view {
	PROCSCAN_ALL,		/* the initial PID namespace's own procfs */
	PROCSCAN_THIS_NS,	/* our own namespace's, not the initial one */
	PROCSCAN_OTHER_NS,	/* a procfs of a PID namespace not ours */
	PROCSCAN_NOT_PROCFS,	/* not a procfs, or not there */
};

enum procscan_view procscan_view(void);
const char *procscan_view_why(enum procscan_view view);
int	procscan_read(struct procscan *ps);
const struct procscan_entry *
	procscan_find(const struct procscan *ps, dev_t dev, ino_t ino);
void	procscan_free(struct procscan *ps);

#endif
