/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/* segment.h: POSIX shared memory segments, named as shm_open(3) names them. */
#ifndef SHMTOOLS_SEGMENT_H
#define SHMTOOLS_SEGMENT_H

#include <sys/stat.h>
#include <sys/types.h>

#include <stdbool.h>

/* Where Linux keeps POSIX shared memory; the only place that says so. */
#define SHM_DIR	"/dev/shm"

int	seg_dirfd(void);
void	seg_dir_need(void);
int	seg_dev(dev_t *dev);
int	seg_open(const char *name, int flags);
int	seg_create(const char *name, mode_t mode, bool excl, bool *created);
int	seg_stat(const char *name, struct stat *st);
int	seg_not_removable_errno(mode_t mode);
int	seg_unlink_if(const char *name, const struct stat *want);
int	seg_unlink_own(const char *name, int fd);
bool	seg_is(const char *name, int fd);
int	seg_shrink_back(int fd, const char *name, off_t oldsize);
int	seg_lock(int fd, int op);
int	seg_reserve(int fd, off_t off, off_t len);

#endif
