#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# --progress, shared by shmcat, shmwrite, mapcat and mapsync -w: reports on
# standard error, never a byte more or less on standard output.

setup() {
	load helper
	bindata "$T/data" 300000
}

# The last report line: "CMD: N bytes (H) copied, S s, R/s".
final_re() {
	echo "^$1: $2 bytes \([0-9.]+[KMGT]?i?B\) copied, [0-9]+\.[0-9] s, [0-9.]+[KMGT]?i?B/s\$"
}

@test "shmcat: --progress reports the bytes written, output unchanged" {
	cp "$T/data" /dev/shm/"$S1"
	run -0 --separate-stderr shmcat --progress "$S1" "$S1"
	cat "$T/data" "$T/data" >"$T/want"
	shmcat --progress "$S1" "$S1" 2>/dev/null >"$T/out"
	cmp "$T/out" "$T/want"
	assert_equal "${#stderr_lines[@]}" 1
	[[ ${stderr_lines[0]} =~ $(final_re shmcat 600000) ]]
}

@test "shmwrite: --progress reports about once a second while input comes" {
	run -0 --separate-stderr bash -c '
	    { head -c 1000 /dev/zero; sleep 1.3; head -c 2000 /dev/zero
	      sleep 1.3; head -c 4000 /dev/zero; } |
	    shmwrite -c --progress "$1"' _ "$S1"
	assert_equal "$(size_of "$S1")" 7000
	# One report after each pause, and the last line.
	assert_equal "${#stderr_lines[@]}" 3
	[[ ${stderr_lines[0]} == "shmwrite: 3000 bytes "* ]]
	[[ ${stderr_lines[1]} == "shmwrite: 7000 bytes "* ]]
	[[ ${stderr_lines[2]} =~ $(final_re shmwrite 7000) ]]
}

@test "mapcat: --progress counts every file, standard input too" {
	head -c 5000 "$T/data" >"$T/f"
	run -0 --separate-stderr pipeline \
	    'head -c 700 "$1" | mapcat --progress "$1" - >/dev/null' _ "$T/data"
	[[ ${stderr_lines[0]} =~ $(final_re mapcat 300700) ]]
	run -0 pipeline 'mapcat --progress "$1" 2>/dev/null | cmp - "$1"' \
	    _ "$T/f"
}

@test "mapsync: -w --progress reports what was stored" {
	head -c 8192 /dev/zero >"$T/f"
	run -0 --separate-stderr pipeline \
	    'head -c 5000 "$1" | mapsync -w --progress -o 100 "$2"' _ \
	    "$T/data" "$T/f"
	assert_equal "${#stderr_lines[@]}" 1
	[[ ${stderr_lines[0]} =~ $(final_re mapsync 5000) ]]
	assert_output ""
}

@test "mapsync: --progress without -w is a usage error" {
	head -c 8192 /dev/zero >"$T/f"
	run -2 --separate-stderr mapsync --progress "$T/f"
	assert_equal "${stderr_lines[0]}" "mapsync: --progress needs -w"
}

@test "shmcat: --progress still ends with its line when writing fails" {
	cp "$T/data" /dev/shm/"$S1"
	run -1 --separate-stderr bash -c 'shmcat --progress "$1" >/dev/full' _ \
	    "$S1"
	assert_equal "${stderr_lines[0]}" "shmcat: stdout: No space left on device"
	[[ ${stderr_lines[1]} =~ $(final_re shmcat 0) ]]
}

@test "shmcat: --progress on a terminal rewrites one line" {
	cp "$T/data" /dev/shm/"$S1"
	# script(1) gives the command a terminal for stderr; stdout to a file.
	run -0 script -qec "shmcat --progress $S1 >$T/out" /dev/null
	cmp "$T/out" "$T/data"
	[[ $output == $'\r'"shmcat: 300000 bytes "*$'\e[K\r' ]] ||
	    fail "want a line that starts with CR and ends with erase-line"
}

@test "shmcat: without --progress nothing goes to stderr" {
	cp "$T/data" /dev/shm/"$S1"
	run -0 --separate-stderr shmcat "$S1"
	assert_equal "$stderr" ""
}
