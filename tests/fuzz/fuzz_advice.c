/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_advice.c: parse_advice (mapcat -a) takes exactly the six advice
 * names mapcat's man page lists, in any case, each for its own madvise(2)
 * value, and nothing else: no prefixes, no trailing bytes, and no case
 * folding beyond ASCII's, whatever the locale.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"

#define UNTOUCHED	(-12345)

static const struct {
	const char	*name;
	int		 advice;
} names[] = {
	{ "dontneed",	MADV_DONTNEED },
	{ "hugepage",	MADV_HUGEPAGE },
	{ "normal",	MADV_NORMAL },
	{ "random",	MADV_RANDOM },
	{ "sequential",	MADV_SEQUENTIAL },
	{ "willneed",	MADV_WILLNEED },
};

/* Whether s is name in any case: ASCII capitals fold, nothing else. */
static int
same(const char *s, const char *name)
{
	for (; *name != '\0'; s++, name++)
		if (*s != *name && *s != *name - 'a' + 'A')
			return 0;
	return *s == '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *errstr;
	char *s;
	size_t i;
	int v = UNTOUCHED;

	s = fuzz_string(data, size);
	errstr = parse_advice(s, &v);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (same(s, names[i].name))
			break;
	if (i == sizeof(names) / sizeof(names[0])) {
		FUZZ_CHECK(errstr != NULL, s, "accepted as advice %d", v);
		FUZZ_CHECK(*errstr != '\0', s, "empty error message");
		FUZZ_CHECK(v == UNTOUCHED, s, "refused but set advice %d", v);
	} else {
		FUZZ_CHECK(errstr == NULL, s, "refused: %s", errstr);
		FUZZ_CHECK(v == names[i].advice, s, "advice %d, not %d", v,
		    names[i].advice);
	}
	free(s);
	return 0;
}
