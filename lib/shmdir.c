/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmdir.c: the segments in the directory, read with readdir(3) and
 * fstatat(2) alone: no xattr look-ups, no second pass, and nothing is
 * stat'ed that the caller does not want or that the directory entry
 * already says is not a regular file.  Symbolic links are never followed.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "segment.h"
#include "shmdir.h"

static int	read_at(int, shmdir_want *, shmdir_kept *, void *,
		    struct shmdir_entry **, size_t *);
static int	by_name(const void *, const void *);

/*
 * Lists the regular files whose names want accepts (all, when want is
 * NULL), sorted by name byte by byte, and tells kept (unless NULL) of
 * each as it is listed.  A file that goes away between readdir and
 * fstatat was never there.  Returns 0, or -1 with errno set and nothing
 * to free.
 */
int
shmdir_read(shmdir_want *want, shmdir_kept *kept, void *arg,
    struct shmdir_entry **list, size_t *count)
{
	int dirfd;

	if ((dirfd = seg_dirfd()) == -1)
		return -1;
	return read_at(dirfd, want, kept, arg, list, count);
}

/* The same, in the segment directory open (O_PATH) on dirfd. */
int
shmdir_read_at(int dirfd, shmdir_want *want, void *arg,
    struct shmdir_entry **list, size_t *count)
{
	return read_at(dirfd, want, NULL, arg, list, count);
}

static int
read_at(int dirfd, shmdir_want *want, shmdir_kept *kept, void *arg,
    struct shmdir_entry **list, size_t *count)
{
	struct shmdir_entry *v = NULL, *nv;
	struct dirent *de;
	struct stat st;
	DIR *dir;
	size_t n = 0, cap = 0;
	int fd, saved;

	/* seg_dirfd is O_PATH, which readdir cannot use. */
	if ((fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	if ((dir = fdopendir(fd)) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(dir)) == NULL) {
			if (errno != 0)
				goto fail;
			break;
		}
		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN)
			continue;
		if (want != NULL && !want(de->d_name, arg))
			continue;
		if (fstatat(dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
			if (errno == ENOENT)
				continue;
			goto fail;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((nv = reallocarray(v, cap, sizeof(*v))) == NULL)
				goto fail;
			v = nv;
		}
		if ((v[n].name = strdup(de->d_name)) == NULL)
			goto fail;
		v[n++].st = st;
		if (kept != NULL)
			kept(de->d_name, arg);
	}
	closedir(dir);
	if (n > 0)
		qsort(v, n, sizeof(*v), by_name);
	*list = v;
	*count = n;
	return 0;
fail:
	saved = errno;
	shmdir_free(v, n);
	closedir(dir);
	errno = saved;
	return -1;
}

void
shmdir_free(struct shmdir_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static int
by_name(const void *a, const void *b)
{
	const struct shmdir_entry *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/*
 * The errno to report for a name that shmdir_read did not list: missing,
 * or there but not a segment.  A segment made since the listing was not
 * there when we looked, so that is ENOENT too.
 */
int
shmdir_why_errno(const char *name)
{
	struct stat st;

	if (seg_stat(name, &st) == -1)
		return errno;
	if (!S_ISREG(st.st_mode))
		return file_not_regular_errno(st.st_mode);
	return ENOENT;
}

/*
 * An operand holding *, ? or [, or a backslash, which quotes the character
 * after it, is a shell pattern; anything else a name, which fnmatch(3)
 * would match only by being equal to it.
 */
bool
shmdir_is_pattern(const char *operand)
{
	return strpbrk(operand, "*?[\\") != NULL;
}

/*
 * A name matches an operand equal to it, so that names holding pattern
 * characters can still be given as they are, or a pattern that matches
 * it as fnmatch(3) does with no flags: unlike the shell's, * and ? match
 * a leading dot too, so that '*' means every segment, and 'a\.b' is a.b.
 */
bool
shmdir_match(const char *operand, const char *name)
{
	if (strcmp(operand, name) == 0)
		return true;
	return shmdir_is_pattern(operand) && fnmatch(operand, name, 0) == 0;
}

/* glibc's sem_open(3) keeps named semaphore NAME as the file sem.NAME. */
bool
shmdir_is_sem(const char *name)
{
	return strncmp(name, "sem.", 4) == 0;
}
