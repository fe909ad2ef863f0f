/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * sigbus.c: the SIGBUS guard.  Touching a page of a mapping beyond the end
 * of its file (because someone truncated it) or a page that cannot be
 * allocated raises SIGBUS; inside sigbus_guard that becomes an error
 * return instead of a crash.  Every access to mapped memory from user
 * space goes through it, and nothing else handles SIGBUS.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>

#include "diag.h"
#include "sigbus.h"

static sigjmp_buf	 bus_env;
static volatile sig_atomic_t bus_armed;

static void
on_sigbus(int sig)
{
	if (bus_armed)
		siglongjmp(bus_env, 1);
	/* Not ours: die of it as we would have without the handler. */
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Runs fn(arg); returns what it returns, or -1 with errno E_MAPFAULT if it
 * touched a page that could not be had.
 */
int
sigbus_guard(int (*fn)(void *), void *arg)
{
	static bool installed;
	struct sigaction sa;
	int r;

	if (!installed) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigbus;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, NULL) == -1)
			return -1;
		installed = true;
	}
	if (sigsetjmp(bus_env, 1) != 0) {
		bus_armed = 0;
		errno = E_MAPFAULT;
		return -1;
	}
	bus_armed = 1;
	r = fn(arg);
	bus_armed = 0;
	return r;
}
