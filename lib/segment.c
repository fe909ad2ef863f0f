/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * segment.c: POSIX shared memory segments.  On Linux a segment NAME is the
 * file /dev/shm/NAME, which is what glibc's shm_open(3) opens; we open it
 * ourselves so that names of 254 and 255 bytes work (glibc refuses them),
 * so that a fifo cannot block the open, and so that a symbolic link is
 * never followed.  SHM_DIR in segment.h is the one place that names the
 * directory.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "file.h"
#include "intr.h"
#include "procfs.h"
#include "segment.h"
#include "target.h"

#define OPEN_FLAGS	(O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)

/* The directory, opened once, for the *at calls. */
int
seg_dirfd(void)
{
	static int dirfd = -1;

	/* --target: the one another process sees, as target.c finds it. */
	if (target_pid() != 0)
		return target_dirfd();
	if (dirfd == -1)
		dirfd = open(SHM_DIR, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return dirfd;
}

/*
 * Opens the directory before the first operand, or ends the command
 * naming it, so that a missing /dev/shm is said once, not per operand.
 */
void
seg_dir_need(void)
{
	if (seg_dirfd() == -1)
		err(1, "%s", SHM_DIR);
}

/*
 * The device of the directory seg_dirfd reads (the target's, with
 * --target), which tells its segments from other files by device and
 * inode.  Not kept: one fstat(2) for each of a command's one or two
 * scans of /proc costs nothing, and nothing can go stale.
 */
int
seg_dev(dev_t *dev)
{
	struct stat st;
	int dirfd;

	if ((dirfd = seg_dirfd()) == -1 || fstat(dirfd, &st) == -1)
		return -1;
	*dev = st.st_dev;
	return 0;
}

static int
open_at(const char *name, int flags, mode_t mode)
{
	int dirfd, fd;

	if ((dirfd = seg_dirfd()) == -1)
		return -1;
	fd = openat(dirfd, name, flags | OPEN_FLAGS, mode);
	if (fd == -1)
		file_open_failed(dirfd, name, flags | OPEN_FLAGS);
	return fd;
}

/* Opens an existing segment O_RDONLY or O_RDWR. */
int
seg_open(const char *name, int flags)
{
	int fd;

	if ((fd = open_at(name, flags, 0)) == -1)
		return -1;
	return file_check_regular(fd);
}

/*
 * fs.protected_regular, or 2, the strictest, when it cannot be read (no
 * /proc): we would rather refuse than open what the kernel would not.
 */
static int
protected_regular(void)
{
	int level;

	return procfs_int("/proc/sys/fs/protected_regular", &level) == 0 ?
	    level : 2;
}

/*
 * Whether the kernel would refuse open(O_CREAT) of the existing segment fd
 * (may_create_in_sticky in fs/namei.c): with fs.protected_regular set, in
 * a sticky directory, a file owned by neither us nor the directory's owner
 * when the directory is world-writable, or at 2 group-writable.  Root is
 * no exception.  We open an existing segment without O_CREAT, so that we
 * know whether we made it, and must ask the same question ourselves.
 */
static int
protected_open(int fd)
{
	struct stat dst, st;
	int level;

	if (fstat(seg_dirfd(), &dst) == -1 || fstat(fd, &st) == -1)
		return -1;
	if (!(dst.st_mode & S_ISVTX) || !S_ISREG(st.st_mode) ||
	    st.st_uid == dst.st_uid || st.st_uid == geteuid())
		return 0;
	if (!(dst.st_mode & (S_IWOTH | S_IWGRP)) ||
	    (level = protected_regular()) == 0)
		return 0;
	if ((dst.st_mode & S_IWOTH) || level >= 2) {
		errno = E_PROTECTED;
		return -1;
	}
	return 0;
}

/*
 * Opens a segment for writing, making it if it is missing; with excl, an
 * existing segment is EEXIST.  A new segment gets exactly mode, whatever
 * the umask.  Creating with O_EXCL and then opening, in a loop, tells us
 * who made it even when others race to make the same name; an existing
 * segment is refused where open(O_CREAT) would refuse it.
 */
int
seg_create(const char *name, mode_t mode, bool excl, bool *created)
{
	int fd;

	*created = false;
	for (;;) {
		fd = open_at(name, O_RDWR | O_CREAT | O_EXCL, mode & 0600);
		if (fd != -1) {
			*created = true;
			if (fchmod(fd, mode) == -1) {
				int saved = errno;

				seg_unlink_own(name, fd);
				close(fd);
				errno = saved;
				return -1;
			}
			return file_check_regular(fd);
		}
		if (errno != EEXIST || excl)
			return -1;
		if ((fd = open_at(name, O_RDWR, 0)) != -1) {
			if ((fd = file_check_regular(fd)) != -1 &&
			    protected_open(fd) == -1) {
				int saved = errno;

				close(fd);
				errno = saved;
				return -1;
			}
			return fd;
		}
		if (errno != ENOENT)
			return -1;
		/* Removed between the two opens: try again. */
	}
}

/* lstat(2) of a segment's name. */
int
seg_stat(const char *name, struct stat *st)
{
	int dirfd;

	if ((dirfd = seg_dirfd()) == -1)
		return -1;
	return fstatat(dirfd, name, st, AT_SYMLINK_NOFOLLOW);
}

/*
 * 0 if an entry of this mode may be removed as a segment: a segment, or a
 * symbolic link in its place; else the errno that says why not.
 */
int
seg_not_removable_errno(mode_t mode)
{
	return S_ISREG(mode) || S_ISLNK(mode) ? 0 :
	    file_not_regular_errno(mode);
}

/*
 * Removes a segment, or a symbolic link in its place; nothing else; and
 * with want, only if the name still refers to that file (same device and
 * inode).  Returns 1 if it went, 0 if the name now refers to another file,
 * which stays, or -1 with errno.  The name can still change between the
 * stat and the unlink, a window of microseconds: Linux has no way to
 * unlink a name only if it is a given file.
 */
int
seg_unlink_if(const char *name, const struct stat *want)
{
	struct stat st;
	int dirfd, e;

	if ((dirfd = seg_dirfd()) == -1 || seg_stat(name, &st) == -1)
		return -1;
	if (want != NULL &&
	    (st.st_dev != want->st_dev || st.st_ino != want->st_ino))
		return 0;
	if ((e = seg_not_removable_errno(st.st_mode)) != 0) {
		errno = e;
		return -1;
	}
	return unlinkat(dirfd, name, 0) == -1 ? -1 : 1;
}

/*
 * Whether name still refers to the object open on fd: the same device and
 * inode.  What this tells us may change the moment after, since Linux has
 * no way to unlink or lock a name only if it is a given object.
 */
bool
seg_is(const char *name, int fd)
{
	struct stat nst, st;

	return fstat(fd, &st) == 0 && seg_stat(name, &nst) == 0 &&
	    nst.st_dev == st.st_dev && nst.st_ino == st.st_ino;
}

/*
 * Removes the segment we made and have open on fd, unless its name now
 * refers to something else: another process removed ours and made a new
 * one, which is not ours to remove.
 */
int
seg_unlink_own(const char *name, int fd)
{
	struct stat st;
	int r;

	if (fstat(fd, &st) == -1 || (r = seg_unlink_if(name, &st)) == -1)
		return -1;
	if (r == 0) {
		errno = ENOENT;
		return -1;
	}
	return 0;
}

/*
 * Undoing our growth of the segment or file open on fd: back to oldsize
 * bytes, through the descriptor, so that only the object we grew shrinks
 * whatever its name now refers to.  One no larger than that was cut since
 * by someone else, and its size is theirs: growing it back would add
 * zeros nobody wrote.  Returns 1 if it shrank, 0 if it had no need, and -1
 * after saying, for the operand name, that it could not.
 */
int
seg_shrink_back(int fd, const char *name, off_t oldsize)
{
	struct stat st;

	if (fstat(fd, &st) == -1 || st.st_size <= oldsize)
		return 0;
	if (ftruncate(fd, oldsize) == -1) {
		warn_op("%s: cannot restore the size of %jd bytes: %s",
		    vis_str(name), (intmax_t)oldsize, diag_strerror(errno));
		return -1;
	}
	return 1;
}

/* flock(2), waiting through signals other than those of intr_catch. */
int
seg_lock(int fd, int op)
{
	int r;

	while ((r = flock(fd, op)) == -1 && errno == EINTR &&
	    !intr_caught())
		;
	return r;
}

/*
 * Allocates the memory behind [off, off + len) now, growing the segment
 * if need be, so that a full /dev/shm fails here with ENOSPC rather than
 * later with SIGBUS in whoever maps it.
 */
int
seg_reserve(int fd, off_t off, off_t len)
{
	int e;

	if (len == 0)
		return 0;
	/*
	 * On tmpfs, fallocate(2) gives up with EINTR when a signal is
	 * pending and frees what it had allocated; intr_catch's signals end
	 * the reservation, any other one does not.
	 */
	do {
		if (intr_check() == -1)
			return -1;
	} while ((e = posix_fallocate(fd, off, len)) == EINTR);
	if (e != 0) {
		errno = e;
		return -1;
	}
	return 0;
}
