/* SPDX-License-Identifier: BSD-2-Clause */
/* Copyright (c) 2026 The shmtools authors */
/* name.h: segment names, validated and normalised. */
#ifndef SHMTOOLS_NAME_H
#define SHMTOOLS_NAME_H

#define SHM_NAME_MAX	255	/* bytes, after the optional leading slash */

const char	*name_check(const char *arg, const char **name);

#endif
