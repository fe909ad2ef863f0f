/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * closestream.h: the end of standard output, apart from the diagnostics
 * that decide the status it ends with (util-linux's closestream).
 */
#ifndef SHMTOOLS_CLOSESTREAM_H
#define SHMTOOLS_CLOSESTREAM_H

#include <stdnoreturn.h>

noreturn void	 stdout_error(void);
int		 close_stdout(void);

#endif
