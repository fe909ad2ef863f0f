/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * intr.c: SIGINT, SIGTERM and SIGHUP for the commands that change things.
 * The handler only notes the signal.  It is installed without SA_RESTART,
 * so a system call it interrupts fails with EINTR; the copy loops then see
 * intr_caught(), stop as on a failure, the command undoes what a failure
 * undoes, and intr_exit() ends it by the same signal, so that the shell
 * sees 128+n and a script stops as it would had we not caught it.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "intr.h"
#include "progress.h"

static volatile sig_atomic_t caught;
static bool armed;
static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };

static void
on_signal(int sig)
{
	if (caught == 0)
		caught = sig;
}

static void
intr_set(sigset_t *set)
{
	size_t i;

	sigemptyset(set);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(set, sigs[i]);
}

/*
 * A signal ignored when we started (nohup, a background job's SIGINT)
 * stays ignored, as the shell meant it to be.
 */
void
intr_catch(void)
{
	struct sigaction sa, old;
	size_t i;

	sa.sa_handler = on_signal;
	sa.sa_flags = 0;
	intr_set(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		(void)sigaction(sigs[i], &sa, NULL);
	}
	armed = true;
}

/* The signal caught, or 0. */
int
intr_caught(void)
{
	return caught;
}

/* -1 with errno EINTR once a signal is caught, so that a loop stops. */
int
intr_check(void)
{
	if (caught == 0)
		return 0;
	errno = EINTR;
	return -1;
}

/*
 * Waits until fd can be read, or a signal comes: 0, or -1 with EINTR.
 * Checking the flag and then blocking in read(2) would lose a signal that
 * came in between, and read would wait for the next input, which a slow
 * producer may never send; ppoll(2) unblocks the signals only while it
 * waits, so the check and the wait are one.  Errors of poll itself are
 * left to the read that follows.
 */
int
intr_wait(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	sigset_t set, old;

	if (!armed)
		return 0;
	intr_set(&set);
	if (sigprocmask(SIG_BLOCK, &set, &old) == -1)
		return 0;
	while (caught == 0 && ppoll(&pfd, 1, NULL, &old) == -1 &&
	    errno == EINTR)
		;
	(void)sigprocmask(SIG_SETMASK, &old, NULL);
	if (caught != 0) {
		errno = EINTR;
		return -1;
	}
	return 0;
}

/*
 * After the undoing, ends the command by the signal caught, if any, with
 * what stdout holds written first, and --progress's last line, which its
 * atexit handler would not print: dying by the signal runs none.
 */
void
intr_exit(void)
{
	sigset_t set;
	int sig = caught;

	if (sig == 0)
		return;
	(void)fflush(stdout);
	progress_end();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)kill(getpid(), sig);
	/* Not reached: the signal is unblocked and at its default. */
	_exit(128 + sig);
}
