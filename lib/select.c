/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * select.c: which segments the operands pick, for shmls and shmrm alike,
 * so that what shmls lists for some operands is what shmrm -g removes for
 * them; and which operands picked nothing, to say so once the directory
 * has been read, without a second search.
 *
 * The rule: an operand equal to a name picks it; a pattern picks the
 * names fnmatch(3) matches, except that a named semaphore (sem.*) is
 * picked only by a pattern that starts with "sem." too, or when all is
 * set; no operands pick every segment, and every semaphore only when all
 * is set.  Semaphores are not segments, so '*' leaves them alone.
 */
#include <err.h>
#include <errno.h>
#include <stdlib.h>

#include "diag.h"
#include "select.h"

static bool	picks(const struct selection *, const char *, const char *);

/* argv stays the caller's; nothing has been picked yet. */
void
sel_init(struct selection *s, int argc, char **argv, bool all)
{
	s->argv = argv;
	s->argc = argc;
	s->all = all;
	s->npend = 0;
	if ((s->hit = calloc((size_t)argc + 1, sizeof(*s->hit))) == NULL ||
	    (s->pend = calloc((size_t)argc + 1, sizeof(*s->pend))) == NULL)
		err(1, NULL);
}

void
sel_free(struct selection *s)
{
	free(s->hit);
	free(s->pend);
	s->hit = NULL;
	s->pend = NULL;
}

static bool
picks(const struct selection *s, const char *op, const char *name)
{
	/* An operand equal to a semaphore's name starts with "sem." too. */
	return (s->all || !shmdir_is_sem(name) || shmdir_is_sem(op)) &&
	    shmdir_match(op, name);
}

/*
 * Whether the operands pick name: a shmdir_want.  Which operands did is
 * noted for sel_kept, since the directory's reader may yet drop the name
 * (gone, or not a regular file) after this says yes.
 */
bool
sel_want(const char *name, void *arg)
{
	struct selection *s = arg;
	bool want = false;
	int i;

	s->npend = 0;
	if (s->argc == 0)
		return s->all || !shmdir_is_sem(name);
	for (i = 0; i < s->argc; i++) {
		/* Wanted already, and on record: nothing more to learn. */
		if (want && s->hit[i])
			continue;
		if (picks(s, s->argv[i], name)) {
			want = true;
			if (!s->hit[i])
				s->pend[s->npend++] = i;
		}
	}
	return want;
}

/* The name sel_want last took is listed: its operands picked something. */
void
sel_kept(const char *name, void *arg)
{
	struct selection *s = arg;
	int i;

	(void)name;
	for (i = 0; i < s->npend; i++)
		s->hit[s->pend[i]] = true;
	s->npend = 0;
}

/* For a name that is not read from the directory: want and keep at once. */
bool
sel_take(struct selection *s, const char *name)
{
	if (!sel_want(name, s))
		return false;
	sel_kept(name, s);
	return true;
}

/* shmdir_read of the segments the operands pick, noting which did. */
int
sel_read(struct selection *s, struct shmdir_entry **list, size_t *count)
{
	return shmdir_read(sel_want, sel_kept, s, list, count);
}

/*
 * Says "NAME: reason" for each operand that is a name and picked nothing,
 * which fails the operand; a pattern that matches nothing is not an
 * error, since a cleanup's pattern may well find nothing.  The reason is
 * that it is gone (always, for names of removed segments) or, when
 * something is there, that it is not a segment.
 */
void
sel_warn_missed(const struct selection *s, bool removed)
{
	int i;

	for (i = 0; i < s->argc; i++) {
		if (s->hit[i] || shmdir_is_pattern(s->argv[i]))
			continue;
		errno = removed ? ENOENT : shmdir_why_errno(s->argv[i]);
		warn_name(s->argv[i]);
	}
}
