/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * select.h: which segments the operands of shmls and shmrm pick, by one
 * rule for both, and which operands picked something.
 */
#ifndef SHMTOOLS_SELECT_H
#define SHMTOOLS_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "shmdir.h"

struct selection {
	char	**argv;		/* the operands: names or shell patterns */
	int	  argc;		/* none picks every segment */
	bool	  all;		/* a semaphore is picked like a segment (-a) */
	bool	 *hit;		/* hit[i]: operand i picked a name kept */
	int	 *pend;		/* what the last sel_want picked, not yet hit */
	int	  npend;
};

void	sel_init(struct selection *, int argc, char **argv, bool all);
void	sel_free(struct selection *);
bool	sel_want(const char *name, void *sel);
void	sel_kept(const char *name, void *sel);
bool	sel_take(struct selection *, const char *name);
int	sel_read(struct selection *, struct shmdir_entry **list,
	    size_t *count);
void	sel_warn_missed(const struct selection *, bool removed);

#endif
