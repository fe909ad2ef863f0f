/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * file.c: opening regular files, and only those.  Opened O_NONBLOCK, a
 * fifo cannot block the open; anything but a regular file is then refused
 * with an errno that says what it is, and the descriptor made blocking.
 * Ordinary files (mapsync's) are opened here by path; segment.c opens
 * segments in its directory and checks them with the same functions.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "diag.h"
#include "file.h"

/*
 * The errno that says why a file of this mode is not a regular file:
 * every command refuses such files with the same words.
 */
int
file_not_regular_errno(mode_t mode)
{
	if (S_ISDIR(mode))
		return EISDIR;
	if (S_ISLNK(mode))
		return E_SYMLINK;
	return E_NOTREG;
}

/*
 * Refuses anything but a regular file, then makes the descriptor blocking.
 * Returns fd, or -1 with errno after closing it.
 */
int
file_check_regular(int fd)
{
	struct stat st;
	int flags;

	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = file_not_regular_errno(st.st_mode);
		goto fail;
	}
	if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1)
		goto fail;
	return fd;
fail:
	{
		int saved = errno;

		close(fd);
		errno = saved;
	}
	return -1;
}

/*
 * Why opening dirfd/path failed, in our words, left in errno: open(2)
 * says ELOOP for a symbolic link under O_NOFOLLOW and ENXIO for a socket,
 * both of which are simply not regular files.
 */
void
file_open_failed(int dirfd, const char *path, int flags)
{
	struct stat st;
	int saved = errno;

	if (saved == ELOOP && (flags & O_NOFOLLOW))
		saved = E_SYMLINK;
	else if (saved == ENXIO && fstatat(dirfd, path, &st,
	    (flags & O_NOFOLLOW) ? AT_SYMLINK_NOFOLLOW : 0) == 0 &&
	    S_ISSOCK(st.st_mode))
		saved = E_NOTREG;
	errno = saved;
}

/*
 * Opens a regular file by path as seg_open opens a segment: a fifo cannot
 * block the open, and anything but a regular file is refused.
 */
int
open_regular(const char *path, int flags)
{
	int fd;

	fd = open(path, flags | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd == -1) {
		file_open_failed(AT_FDCWD, path, flags);
		return -1;
	}
	return file_check_regular(fd);
}
