/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_name.c: name_check against the rule in DESIGN.md: after one
 * optional leading slash, a name is 1 to 255 bytes, holds no '/', and is
 * not "." or "..".  Any other byte is allowed.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "name.h"

static bool	 model(const char *, const char **);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char untouched[] = "untouched";
	const char *errstr, *name = untouched, *want = NULL;
	char *s;
	size_t len;
	bool ok;

	s = fuzz_string(data, size);
	errstr = name_check(s, &name);
	ok = model(s, &want);
	if (errstr != NULL) {
		FUZZ_CHECK(*errstr != '\0', s, "empty error message");
		FUZZ_CHECK(name == untouched, s, "refused (%s) but set the "
		    "name", errstr);
		FUZZ_CHECK(!ok, s, "refused (%s), but the name is valid",
		    errstr);
		free(s);
		return 0;
	}
	FUZZ_CHECK(ok, s, "accepted, but the name is not valid");
	/* The name is the argument itself, past the slash: no copy. */
	FUZZ_CHECK(name == want, s, "name starts %td bytes in, not %td",
	    name - s, want - s);
	len = strlen(name);
	FUZZ_CHECK(len >= 1 && len <= SHM_NAME_MAX, s, "length %zu", len);
	FUZZ_CHECK(strchr(name, '/') == NULL, s, "name holds a '/'");
	FUZZ_CHECK(strcmp(name, ".") != 0 && strcmp(name, "..") != 0, s,
	    "name is a directory entry");
	free(s);
	return 0;
}

/* The rule, byte by byte; *name is where the name begins. */
static bool
model(const char *s, const char **name)
{
	const char *p = s;
	size_t len = 0;

	if (*p == '/')
		p++;
	for (; p[len] != '\0'; len++)
		if (p[len] == '/')
			return false;
	if (len < 1 || len > 255)
		return false;
	if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' &&
	    p[1] == '.'))
		return false;
	*name = p;
	return true;
}
