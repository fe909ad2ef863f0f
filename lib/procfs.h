/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * procfs.h: the small text files of /proc (a process's comm and status,
 * a sysctl), read whole in one place for procscan, target, segment and
 * xfer.
 */
#ifndef SHMTOOLS_PROCFS_H
#define SHMTOOLS_PROCFS_H

#include <sys/types.h>

#define PROCFS_COMM_MAX	16	/* TASK_COMM_LEN, with its NUL */

ssize_t	procfs_read(int dirfd, const char *path, char *buf, size_t size);
void	procfs_comm(int dirfd, const char *path, char comm[PROCFS_COMM_MAX]);
int	procfs_int(const char *path, int *val);
int	procfs_nspid(const char *status, pid_t *first, pid_t *last);

#endif
