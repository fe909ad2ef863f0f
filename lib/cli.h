/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * cli.h: what every command's main needs around getopt_long: usage and
 * version output, and option values parsed with messages that name the
 * option and the value.
 */
#ifndef SHMTOOLS_CLI_H
#define SHMTOOLS_CLI_H

#include <sys/types.h>

#include <stdnoreturn.h>
#include <time.h>

#include "format.h"

/* Long-only options common to every command. */
enum {
	OPT_HELP = 0x100,
	OPT_VERSION,
	OPT_PROGRESS,		/* --progress, for the commands that copy */
	OPT_FIRST_LOCAL		/* commands number their own from here */
};

void		 cli_init(const char *synopsis);
noreturn void	 usage(void);
noreturn void	 usagex(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
noreturn void	 help(const char *options, const char *more);
noreturn void	 version(void);
noreturn void	 cli_other(int ch, const char *options,
		    const char *more);
off_t		 cli_size(const char *what, const char *arg);
mode_t		 cli_mode(const char *arg);
int		 cli_advice(const char *arg);
time_t		 cli_age(const char *arg);
enum timefmt	 cli_timefmt(const char *arg);
void		 cli_names(int argc, char **argv);
void		 cli_target(const char *arg);

#endif
