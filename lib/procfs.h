/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procfs.h: the small text files of /proc (a process's comm and status,
 * a sysctl), read whole in one place for procscan, target, segment and
 * fdcopy; and the lines of /proc/PID/maps, parsed without any I/O so that
 * unit tests can feed them any text.
 */
#ifndef SHMTOOLS_PROCFS_H
#define SHMTOOLS_PROCFS_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROCFS_COMM_MAX	16	/* TASK_COMM_LEN, with its NUL */
#define PROCFS_DELETED	" (deleted)"	/* after a removed file's path */

/*
 * One line of /proc/PID/maps: "start-end perms offset major:minor inode",
 * then, after spaces, the path if the mapping has one.
 */
struct procfs_map {
	uint64_t	 start, end;	/* addresses, end past the last byte */
	char		 perms[5];	/* "rw-s" */
	uint64_t	 offset;
	dev_t		 dev;
	uint64_t	 ino;		/* 0: not a file's */
	const char	*path;		/* into the line; "" if none */
	size_t		 pathlen;	/* all of it, " (deleted)" too */
	bool		 deleted;	/* it ends " (deleted)" */
};

ssize_t	procfs_read(int dirfd, const char *path, char *buf, size_t size);
void	procfs_comm(int dirfd, const char *path, char comm[PROCFS_COMM_MAX]);
int	procfs_int(const char *path, int *val);
int	procfs_nspid(const char *status, pid_t *first, pid_t *last);
int	procfs_map_line(const char *line, struct procfs_map *m);
size_t	procfs_map_unescape(char *path);
size_t	procfs_deleted(const char *path, size_t len);

#endif
