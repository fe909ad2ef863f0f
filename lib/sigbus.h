/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * sigbus.h: the SIGBUS guard, the one place where touching mapped memory
 * that cannot be had becomes an error instead of a crash.
 */
#ifndef SHMTOOLS_SIGBUS_H
#define SHMTOOLS_SIGBUS_H

int	sigbus_guard(int (*fn)(void *), void *arg);

#endif
