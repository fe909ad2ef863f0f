/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * file.h: opening regular files, and only those, so that a fifo cannot
 * block the open: mapsync's files by path, and the checks segment.c
 * makes of segments, which are regular files too.
 */
#ifndef SHMTOOLS_FILE_H
#define SHMTOOLS_FILE_H

#include <sys/types.h>

int	open_regular(const char *path, int flags);
int	file_check_regular(int fd);
void	file_open_failed(int dirfd, const char *path, int flags);
int	file_not_regular_errno(mode_t mode);

#endif
