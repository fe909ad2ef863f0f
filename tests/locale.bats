#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Keywords in any locale: column names, advice, time formats and size
# suffixes match ASCII case-insensitively, even in a Turkish locale, where
# the capital of 'i' is a dotted I and tolower('I') is not 'i', so that
# strcasecmp would find "size" and SIZE different.  The locale is built
# from source into a scratch LOCPATH, once for the file.

# Where the locale cannot be built, each test skips in setup(), where the
# helper makes a skip under CI fail: a skip in setup_file would not.
setup_file() {
	mkdir -p "$BATS_FILE_TMPDIR/loc"
	localedef -i tr_TR -f UTF-8 "$BATS_FILE_TMPDIR/loc/tr_TR.UTF-8" \
	    >/dev/null 2>&1 || true
}

setup() {
	load helper
	[ -d "$BATS_FILE_TMPDIR/loc/tr_TR.UTF-8" ] ||
	    skip "cannot build tr_TR.UTF-8 (localedef, package locales)"
}

# Runs a command in the Turkish locale.
turkish() {
	LOCPATH=$BATS_FILE_TMPDIR/loc LC_ALL=tr_TR.UTF-8 "$@"
}

@test "locale: the Turkish locale loads, and folds I the Turkish way" {
	# Without this, every test below would pass in the C locale as well.
	run -0 turkish locale charmap
	assert_output UTF-8
	# libc's own tolower and strcasecmp, as C code would call them.
	run -0 turkish python3 -c '
import ctypes, locale
locale.setlocale(locale.LC_ALL, "")
libc = ctypes.CDLL(None)
print(locale.getlocale()[0], libc.tolower(ord("I")) == ord("i"),
    libc.strcasecmp(b"size", b"SIZE") == 0)'
	assert_output "tr_TR False False"
}

@test "locale: the unit tables pass again under tr_TR.UTF-8" {
	run -0 turkish "${SHMTOOLS_BIN:-$BATS_TEST_DIRNAME/../build}/tests/unit"
	assert_line "unit: again under tr_TR.UTF-8"
	assert_line --regexp '^unit: [0-9]+ passed, 0 failed$'
}

@test "locale: shmls takes column names with i in any case" {
	shmcreate -s 4k "$S1"
	run -0 --separate-stderr turkish shmls -n -r -o size,name "$S1"
	assert_output "4.0K $S1"
	run -0 --separate-stderr turkish shmls -n -r -b -o SIZE,Pids,mtime,uid \
	    "$S1"
	assert_output --regexp "^4096 "
	run -0 --separate-stderr turkish shmls -n -r -o name,size,pIdS "$S1"
	assert_output "$S1 4.0K "
}

@test "locale: shmls refuses a dotless i in a column name" {
	run -2 --separate-stderr turkish shmls -o $'s\xc4\xb1ze'
	stderr_has "shmls: unknown column '"$'s\xc4\xb1ze'"'"
}

@test "locale: shmls takes time formats in any case" {
	shmcreate "$S1"
	for fmt in iso ISO Iso full FULL short SHORT; do
		run -0 --separate-stderr turkish shmls -n -o mtime \
		    --time-format "$fmt" "$S1"
	done
	run -0 --separate-stderr turkish shmls -n -r -o mtime \
	    --time-format ISO "$S1"
	assert_output --regexp '^[0-9]{4}-[0-9]{2}-[0-9]{2}T'
}

@test "locale: mapcat takes advice in any case" {
	printf 'hello\n' >"$T/f"
	for adv in SEQUENTIAL sequential WILLNEED WillNeed random RANDOM; do
		run -0 --separate-stderr turkish mapcat -a "$adv" "$T/f"
		assert_output hello
	done
	run -2 --separate-stderr turkish mapcat -a $'W\xc4\xb0LLNEED' "$T/f"
	stderr_has "mapcat: invalid advice '"$'W\xc4\xb0LLNEED'"': unknown advice"
}

@test "locale: sizes take KiB, MiB and the rest in any case" {
	for size in 1KIB 1kib 1KiB 1Kib 1MIB 1mib; do
		run -0 --separate-stderr turkish shmcreate -s "$size" "$S1"
		run -0 stat -c %s /dev/shm/"$S1"
		[ "$output" -ge 1024 ]
		rm /dev/shm/"$S1"
	done
	turkish shmcreate -s 1MIB "$S1"
	run -0 stat -c %s /dev/shm/"$S1"
	assert_output 1048576
	head -c 4096 /dev/zero >"$T/f"
	turkish mapcat -o 1KIB -l 0.5kib "$T/f" >"$T/out"
	run -0 stat -c %s "$T/out"
	assert_output 512
}
