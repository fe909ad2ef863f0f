/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * shmpeer: a stand-in for any C program that shares memory the POSIX way,
 * through shm_open(3) and mmap(2), for tests/interop.bats.  NAME is given
 * to shm_open as it is, so the tests pass "/name" as C programs do.
 *
 *	shmpeer put NAME		create NAME sized to stdin, copy it in
 *	shmpeer get NAME		print NAME, read through a mapping
 *	shmpeer poke NAME OFFSET	copy stdin into NAME at OFFSET
 *	shmpeer watch NAME READY GO	map NAME, create the file READY, wait
 *					for the file GO, then print NAME as
 *					that same mapping sees it
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char	*slurp(size_t *);
static void	*map(int, size_t, int);
static void	 dump(const char *, size_t);
static int	 put(const char *);
static int	 get(const char *);
static int	 poke(const char *, const char *);
static int	 watch(const char *, const char *, const char *);

int
main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "put") == 0)
		return put(argv[2]);
	if (argc == 3 && strcmp(argv[1], "get") == 0)
		return get(argv[2]);
	if (argc == 4 && strcmp(argv[1], "poke") == 0)
		return poke(argv[2], argv[3]);
	if (argc == 5 && strcmp(argv[1], "watch") == 0)
		return watch(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: shmpeer put|get|poke|watch NAME [...]\n");
	return 2;
}

/* All of stdin, in memory. */
static char *
slurp(size_t *lenp)
{
	size_t cap = 65536, len = 0;
	ssize_t r;
	char *buf;

	if ((buf = malloc(cap)) == NULL)
		err(1, "malloc");
	while ((r = read(STDIN_FILENO, buf + len, cap - len)) != 0) {
		if (r == -1) {
			if (errno == EINTR)
				continue;
			err(1, "stdin");
		}
		len += (size_t)r;
		if (len == cap && (buf = realloc(buf, cap *= 2)) == NULL)
			err(1, "realloc");
	}
	*lenp = len;
	return buf;
}

static void *
map(int fd, size_t len, int prot)
{
	void *p;

	if (len == 0)
		return NULL;
	if ((p = mmap(NULL, len, prot, MAP_SHARED, fd, 0)) == MAP_FAILED)
		err(1, "mmap");
	return p;
}

static void
dump(const char *p, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(STDOUT_FILENO, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			err(1, "stdout");
		}
		p += w;
		len -= (size_t)w;
	}
}

static int
put(const char *name)
{
	size_t len;
	char *data, *p;
	int fd;

	data = slurp(&len);
	if ((fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600)) == -1)
		err(1, "shm_open %s", name);
	if (ftruncate(fd, (off_t)len) == -1)
		err(1, "ftruncate");
	if ((p = map(fd, len, PROT_READ | PROT_WRITE)) != NULL) {
		memcpy(p, data, len);
		if (munmap(p, len) == -1)
			err(1, "munmap");
	}
	close(fd);
	free(data);
	return 0;
}

static int
get(const char *name)
{
	struct stat st;
	char *p;
	int fd;

	if ((fd = shm_open(name, O_RDONLY, 0)) == -1)
		err(1, "shm_open %s", name);
	if (fstat(fd, &st) == -1)
		err(1, "fstat");
	if ((p = map(fd, (size_t)st.st_size, PROT_READ)) != NULL)
		dump(p, (size_t)st.st_size);
	close(fd);
	return 0;
}

static int
poke(const char *name, const char *offarg)
{
	struct stat st;
	size_t len, off;
	char *data, *p;
	int fd;

	off = strtoul(offarg, NULL, 10);
	data = slurp(&len);
	if ((fd = shm_open(name, O_RDWR, 0)) == -1)
		err(1, "shm_open %s", name);
	if (fstat(fd, &st) == -1)
		err(1, "fstat");
	if (off + len > (size_t)st.st_size)
		errx(1, "%s: %zu bytes at %zu do not fit in %jd", name, len,
		    off, (intmax_t)st.st_size);
	if ((p = map(fd, (size_t)st.st_size, PROT_READ | PROT_WRITE)) != NULL) {
		memcpy(p + off, data, len);
		if (munmap(p, (size_t)st.st_size) == -1)
			err(1, "munmap");
	}
	close(fd);
	free(data);
	return 0;
}

static int
watch(const char *name, const char *ready, const char *go)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	struct stat st;
	char *p;
	int fd, i;

	if ((fd = shm_open(name, O_RDONLY, 0)) == -1)
		err(1, "shm_open %s", name);
	if (fstat(fd, &st) == -1)
		err(1, "fstat");
	p = map(fd, (size_t)st.st_size, PROT_READ);
	close(fd);
	if ((fd = open(ready, O_WRONLY | O_CREAT, 0600)) == -1)
		err(1, "%s", ready);
	close(fd);
	for (i = 0; access(go, F_OK) == -1; i++) {
		if (i == 500)
			errx(1, "%s: timed out", go);
		nanosleep(&tick, NULL);
	}
	if (p != NULL)
		dump(p, (size_t)st.st_size);
	return 0;
}
