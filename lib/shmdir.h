/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmdir.h: the segments there are, read from the directory in one pass,
 * and whether an operand (a name or a shell pattern) matches a name;
 * select.h says which segments the operands pick.
 */
#ifndef SHMTOOLS_SHMDIR_H
#define SHMTOOLS_SHMDIR_H

#include <sys/stat.h>

#include <stdbool.h>
#include <stddef.h>

struct shmdir_entry {
	char		*name;
	struct stat	 st;	/* lstat(2) of the segment when it was read */
};

/* Says whether to stat and keep a name; arg is shmdir_read's. */
typedef bool	shmdir_want(const char *name, void *arg);
/* Told of each name want took that is listed: a regular file, still there. */
typedef void	shmdir_kept(const char *name, void *arg);

int	shmdir_read(shmdir_want *want, shmdir_kept *kept, void *arg,
	    struct shmdir_entry **list, size_t *count);
int	shmdir_read_at(int dirfd, shmdir_want *want, void *arg,
	    struct shmdir_entry **list, size_t *count);
void	shmdir_free(struct shmdir_entry *list, size_t count);
int	shmdir_why_errno(const char *name);
bool	shmdir_is_pattern(const char *operand);
bool	shmdir_match(const char *operand, const char *name);
bool	shmdir_is_sem(const char *name);

#endif
