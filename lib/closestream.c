/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * closestream.c: the end of standard output.  Data goes to stdout and
 * nothing else does, so a write error there is the command's own, not an
 * operand's; a reader that went away is no error at all, as for cat.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "closestream.h"
#include "diag.h"

/*
 * Writing to stdout failed.  A reader that went away ends the command
 * quietly, with the status so far; anything else is an error.
 */
noreturn void
stdout_error(void)
{
	if (errno == EPIPE)
		exit(diag_status());
	err(1, "stdout");
}

/*
 * Flushes stdout: the command's exit status, which is 1 after a message
 * if the flush failed, and otherwise whether some operand failed.
 */
int
close_stdout(void)
{
	if ((fflush(stdout) == EOF || ferror(stdout)) && errno != EPIPE) {
		warn("stdout");
		return 1;
	}
	return diag_status();
}
