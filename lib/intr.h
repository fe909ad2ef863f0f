/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/*
 * intr.h: SIGINT, SIGTERM and SIGHUP for the commands that change things,
 * which must undo what a failure undoes before they end by the signal.
 */
#ifndef SHMTOOLS_INTR_H
#define SHMTOOLS_INTR_H

void	intr_catch(void);
int	intr_caught(void);
int	intr_check(void);
int	intr_wait(int fd);
void	intr_exit(void);

#endif
