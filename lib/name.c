/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * name.c: segment names.  NAME and /NAME are the same segment; what is left
 * after the optional slash must be a single path component of 1 to 255
 * bytes, and not "." or "..".
 */
#include <string.h>

#include "name.h"

/*
 * Points *name past the optional leading slash.  Returns NULL when the name
 * is valid, or a phrase saying what is wrong with it.
 */
const char *
name_check(const char *arg, const char **name)
{
	const char *p = arg;
	size_t len;

	if (*p == '/')
		p++;
	len = strlen(p);
	if (len == 0)
		return "empty name";
	if (len > SHM_NAME_MAX)
		return "name longer than 255 bytes";
	if (strchr(p, '/') != NULL)
		return "name contains '/' after the first byte";
	if (strcmp(p, ".") == 0 || strcmp(p, "..") == 0)
		return "'.' and '..' are not names";
	*name = p;
	return NULL;
}
