/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * fuzz_columns.c: parse_names (shmls -o) takes a comma-separated list of
 * known names in any case and nothing else: on success every token names
 * the column its index says and each index is there once; on failure the
 * token it points at lies inside the list, holds no comma, and is not a
 * name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"

static const char *const names[] = {
	"NAME", "SIZE", "ALLOC", "PERMS", "MODE", "UID", "USER", "GID",
	"GROUP", "MTIME", "NPROCS", "PIDS", "COMMANDS",
};
#define N	(sizeof(names) / sizeof(names[0]))

/*
 * Whether the len bytes at tok are name, in any case: lower-case ASCII
 * letters fold, nothing else (the names are capitals), whatever the locale.
 */
static int
same(const char *tok, size_t len, const char *name)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (tok[i] != name[i] && (name[i] < 'A' || name[i] > 'Z' ||
		    tok[i] != name[i] - 'A' + 'a'))
			return 0;
	return name[len] == '\0';
}

/* Whether the len bytes at tok are one of the names, in any case. */
static int
known(const char *tok, size_t len)
{
	size_t i;

	for (i = 0; i < N; i++)
		if (same(tok, len, names[i]))
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t idx[N], nidx = 0, badlen = 0, i, j, len;
	const char *bad, *tok;
	char *s;

	s = fuzz_string(data, size);
	bad = parse_names(s, names, N, idx, &nidx, &badlen);
	FUZZ_CHECK(nidx <= N, s, "%zu indexes", nidx);
	if (bad != NULL) {
		FUZZ_CHECK(bad >= s && bad + badlen <= s + strlen(s), s,
		    "bad token outside the list");
		FUZZ_CHECK(memchr(bad, ',', badlen) == NULL, s,
		    "bad token holds a comma");
		FUZZ_CHECK(bad[badlen] == ',' || bad[badlen] == '\0', s,
		    "bad token does not end at a comma or the end");
		FUZZ_CHECK(!known(bad, badlen), s, "refused a known name");
	} else {
		/* Every token is a name, and its index was recorded. */
		for (tok = s;; tok += len + 1) {
			len = strcspn(tok, ",");
			FUZZ_CHECK(known(tok, len), s, "accepted an unknown name");
			for (j = 0; j < nidx; j++)
				if (same(tok, len, names[idx[j]]))
					break;
			FUZZ_CHECK(j < nidx, s, "a name's index is missing");
			if (tok[len] == '\0')
				break;
		}
		for (i = 0; i < nidx; i++) {
			FUZZ_CHECK(idx[i] < N, s, "index %zu out of range",
			    idx[i]);
			for (j = 0; j < i; j++)
				FUZZ_CHECK(idx[i] != idx[j], s,
				    "index %zu twice", idx[i]);
		}
	}
	free(s);
	return 0;
}
