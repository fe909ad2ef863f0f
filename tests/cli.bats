#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# What every command shares at its command line, as util-linux commands do:
# -h/--help and -V/--version, in the program, its man page and --help.

COMMANDS=(mapcat mapsync shmcat shmcreate shmls shmrm shmwrite)

setup() {
	load helper
	SRC=$BATS_TEST_DIRNAME/..
}

@test "cli: -h prints what --help prints, on every command" {
	local c

	for c in "${COMMANDS[@]}"; do
		run -0 --separate-stderr "$c" --help
		want=$output
		run -0 --separate-stderr "$c" -h
		assert_equal "$stderr" ""
		assert_output "$want"
		assert_line --index 0 --regexp "^usage: $c "
		assert_line "  -h, --help             print this help and exit"
		assert_line "  -V, --version          print the version and exit"
	done
}

@test "cli: -V prints what --version prints, on every command" {
	local c version

	version=$(sed -n 's/^project(shmtools VERSION \([0-9.]*\).*/\1/p' \
	    "$SRC/CMakeLists.txt")
	for c in "${COMMANDS[@]}"; do
		run -0 --separate-stderr "$c" -V
		assert_equal "$stderr" ""
		assert_output "$c (shmtools) $version"
	done
}

@test "cli: -h and -V win over operands and the options before them" {
	run -0 --separate-stderr shmcat -o 4k -h "$S1"
	assert_line --index 0 --partial "usage: shmcat "
	assert_equal "$stderr" ""
	# Nothing is made: the command stopped at -V.
	run -0 --separate-stderr shmcreate -s 4k -V "$S1"
	assert_output --partial "shmcreate (shmtools) "
	[ ! -e "/dev/shm/$S1" ]
	# Bundled after another option, as getopt allows.
	run -0 --separate-stderr shmrm -fV "$S1"
	assert_output --partial "shmrm (shmtools) "
}

@test "cli: -h and -V into a full stdout exit 1 with the reason" {
	local c opt

	for c in "${COMMANDS[@]}"; do
		for opt in -h -V; do
			run -1 --separate-stderr \
			    bash -c '"$1" "$2" >/dev/full' _ "$c" "$opt"
			assert_output ""
			assert_equal "$stderr" \
			    "$c: stdout: No space left on device"
		done
	done
}

@test "cli: every man page lists -h, --help and -V, --version" {
	local c

	for c in "${COMMANDS[@]}"; do
		grep -qx '\.It Fl h , Fl \\-help' "$SRC/man/$c.1" ||
		    fail "$c.1 lacks -h, --help"
		grep -qx '\.It Fl V , Fl \\-version' "$SRC/man/$c.1" ||
		    fail "$c.1 lacks -V, --version"
	done
}

# The words of command $1's usage, from --help, on one line.
usage_words() {
	"$1" --help | sed -n '1,/^$/p' | sed 's/^usage: //' | tr -s ' \n' '  ' |
	    sed 's/^ //; s/ $//'
}

# The words of man page $1's SYNOPSIS, as mandoc renders it, on one line.
synopsis_words() {
	mandoc -Tascii -O width=200 "$SRC/man/$1.1" | sed 's/.\x08//g' |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' |
	    tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}

# Every option man page $1 has an entry (.It) for, one a line.
man_options() {
	grep '^\.It Fl' "$SRC/man/$1.1" | sed 's/\\-/-/g' |
	    grep -oE 'Fl -?[[:alnum:]][a-z-]*' | sed 's/^Fl /-/' |
	    LC_ALL=C sort -u
}

# Every option command $1's --help lists, one a line.
help_options() {
	"$1" --help | sed -n -E -e 's/^  (-[[:alnum:]]), (--[a-z-]+).*/\1\n\2/p' \
	    -e 's/^      (--[a-z-]+).*/\1/p' | LC_ALL=C sort -u
}

# agree FROM_HELP FROM_MAN: for every command, the two functions print the
# same, and the first prints something.
agree() {
	local c want

	for c in "${COMMANDS[@]}"; do
		run -0 "$1" "$c"
		[ -n "$output" ]
		want=$output
		run -0 "$2" "$c"
		assert_equal "$output" "$want"
	done
}

@test "cli: every usage line is its man page's SYNOPSIS" {
	agree usage_words synopsis_words
}

@test "cli: every option --help lists has a man page entry, and no other" {
	agree help_options man_options
}

@test "cli: the README's mapsync -w example works pasted as it stands" {
	local lines

	# Its lines in README.md's examples: those that name data.bin.
	lines=$(sed -n '/^## Examples/,/^## /{/data\.bin/s/^    //p;}' \
	    "$SRC/README.md")
	[ -n "$lines" ] || fail "no example names data.bin"
	cd "$T"
	run -0 bash -e -o pipefail -c "$lines"
	assert_output ""
	run -0 pipeline 'tail -c +17 data.bin | head -c 3'
	assert_output hdr
	run -0 pipeline 'head -c 16 data.bin | tr -d "\0" | wc -c'
	assert_output 0
}
