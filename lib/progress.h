/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * progress.h: --progress, the bytes a long transfer has moved and its
 * rate, on standard error about once a second, as dd status=progress.
 */
#ifndef SHMTOOLS_PROGRESS_H
#define SHMTOOLS_PROGRESS_H

#include <sys/types.h>

void	progress_start(void);
void	progress_add(off_t n);
void	progress_end(void);

#endif
