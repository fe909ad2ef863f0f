/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_maps.c: procfs_map_line takes a line of /proc/PID/maps only as the
 * kernel writes it.  What it accepts, written back in the kernel's format
 * with the path it found, must parse to the same fields, and must be the
 * line given but for leading zeros and padding; the path lies within the
 * line and ends it.  procfs_map_unescape never makes a path longer.
 */
#include <sys/sysmacros.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "procfs.h"

/*
 * The n bytes at s without leading zeros in each number, runs of spaces
 * as one and none at the end.
 */
static void
squeeze(const char *s, size_t n, char *out)
{
	const char *start = out;
	size_t i;
	char prev = ' ';

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' && prev == ' ')
			continue;
		/* A zero that starts a number but is not all of it. */
		if (s[i] == '0' && (prev == ' ' || prev == '-' ||
		    prev == ':') && i + 1 < n && s[i + 1] != ' ' &&
		    s[i + 1] != '-' && s[i + 1] != ':')
			continue;
		*out++ = prev = s[i];
	}
	if (out > start && out[-1] == ' ')
		out--;
	*out = '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct procfs_map m, again;
	char *s, *line, *a, *b, *path;
	size_t head, len;
	int r;

	s = fuzz_string(data, size);
	if (procfs_map_line(s, &m) == -1) {
		free(s);
		return 0;
	}
	len = strlen(s);
	FUZZ_CHECK(m.path >= s && m.path + m.pathlen == s + len, s,
	    "path not the end of the line");
	FUZZ_CHECK(m.end >= m.start, s, "end before start");
	FUZZ_CHECK(m.pathlen == 0 || m.path[0] != ' ', s,
	    "path starts with padding");

	/* Written back as show_map_vma would, then read again. */
	r = asprintf(&line, "%" PRIx64 "-%" PRIx64 " %s %" PRIx64
	    " %x:%x %" PRIu64 " %s", m.start, m.end, m.perms, m.offset,
	    major(m.dev), minor(m.dev), m.ino, m.path);
	if (r == -1)
		abort();
	FUZZ_CHECK(procfs_map_line(line, &again) == 0, s,
	    "written back as \"%s\", refused", line);
	FUZZ_CHECK(again.start == m.start && again.end == m.end &&
	    again.offset == m.offset && strcmp(again.perms, m.perms) == 0 &&
	    again.dev == m.dev && again.ino == m.ino &&
	    again.pathlen == m.pathlen && again.deleted == m.deleted &&
	    strcmp(again.path, m.path) == 0, s,
	    "written back as \"%s\", read otherwise", line);

	/* Nothing before the path but the fields themselves. */
	head = (size_t)(m.path - s);
	if ((a = malloc(head + 1)) == NULL ||
	    (b = malloc((size_t)(again.path - line) + 1)) == NULL)
		abort();
	squeeze(s, head, a);
	squeeze(line, (size_t)(again.path - line), b);
	FUZZ_CHECK(strcmp(a, b) == 0, s, "fields \"%s\" read as \"%s\"", a,
	    b);

	if ((path = strdup(m.path)) == NULL)
		abort();
	FUZZ_CHECK(procfs_map_unescape(path) <= m.pathlen, s,
	    "unescaped longer");
	free(path);
	free(a);
	free(b);
	free(line);
	free(s);
	return 0;
}
