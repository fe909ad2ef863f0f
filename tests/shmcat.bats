#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# shmcat: segments to standard output.
#
# Output holds NUL bytes, which a shell variable cannot, so data goes to
# files and is compared with cmp against oracles made by cat, dd, head and
# tail; $output and $stderr are only used for text.

setup() {
	load helper
	bindata "$T/data" 300000
	# Made with cp, not shmwrite, so these tests stand on shmcat alone.
	cp "$T/data" /dev/shm/"$S1"
}

# -- Whole segments and ranges ------------------------------------------------

@test "shmcat: prints a segment byte for byte, NUL bytes included" {
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S1" "$T/data"
}

@test "shmcat: accepts a name with a leading slash" {
	run -0 pipeline 'shmcat "/$1" | cmp - "$2"' _ "$S1" "$T/data"
}

@test "shmcat: prints a range with -o and -l" {
	dd if="$T/data" of="$T/want" bs=1 skip=1000 count=5000 status=none
	prints "$T/want" shmcat -o 1000 -l 5000 "$S1"
}

@test "shmcat: prints a range with --offset and --length" {
	tail -c +12346 "$T/data" | head -c 7777 >"$T/want"
	prints "$T/want" shmcat --offset=12345 --length 7777 "$S1"
}

@test "shmcat: prints from -o to the end without -l" {
	tail -c +200001 "$T/data" >"$T/want"
	prints "$T/want" shmcat -o 200000 "$S1"
}

@test "shmcat: prints the first bytes with -l alone" {
	head -c 131073 "$T/data" >"$T/want"
	prints "$T/want" shmcat -l 131073 "$S1"
}

@test "shmcat: takes binary suffixes in offsets and lengths, any case" {
	tail -c +4097 "$T/data" | head -c 2048 >"$T/want"
	prints "$T/want" shmcat -o 4k -l 2k "$S1"
	prints "$T/want" shmcat -o 4K -l 2K "$S1"
}

@test "shmcat: reads 010 as ten, never as octal eight" {
	tail -c +11 "$T/data" | head -c 10 >"$T/want"
	prints "$T/want" shmcat -o 010 -l 010 "$S1"
}

@test "shmcat: takes hexadecimal offsets after 0x" {
	tail -c +17 "$T/data" | head -c 32 >"$T/want"
	prints "$T/want" shmcat -o 0x10 -l 0X20 "$S1"
}

@test "shmcat: prints nothing for an offset exactly at the end" {
	run -0 pipeline 'shmcat -o 300000 "$1" >"$2"' _ "$S1" "$T/out"
	[ ! -s "$T/out" ]
}

@test "shmcat: prints nothing for an offset past the end" {
	run -0 pipeline 'shmcat -o 1M "$1" >"$2"' _ "$S1" "$T/out"
	[ ! -s "$T/out" ]
	run -0 pipeline 'shmcat -o 300001 -l 10 "$1" >"$2"' _ "$S1" "$T/out"
	[ ! -s "$T/out" ]
}

@test "shmcat: prints nothing with -l 0" {
	run -0 pipeline 'shmcat -l 0 "$1" >"$2"' _ "$S1" "$T/out"
	[ ! -s "$T/out" ]
}

@test "shmcat: stops at the end when -l runs past it" {
	tail -c +299001 "$T/data" >"$T/want"
	prints "$T/want" shmcat -o 299000 -l 1G "$S1"
}

@test "shmcat: prints a 0-byte segment as nothing" {
	: >/dev/shm/"$S2"
	run -0 --separate-stderr pipeline 'shmcat "$1" >"$2"' _ "$S2" "$T/out"
	[ ! -s "$T/out" ]
	assert_equal "$stderr" ""
	run -0 pipeline 'shmcat -s -o 1 "$1" >"$2"' _ "$S2" "$T/out"
	[ ! -s "$T/out" ]
}

@test "shmcat: reads a segment larger than its address space limit" {
	# AddressSanitizer reserves terabytes of address space for itself.
	if ldd "$(command -v shmcat)" | grep -q libasan; then
		skip_sanitizer "built with AddressSanitizer"
	fi
	# Sparse: a tmpfs hole costs no memory to make or to read.
	truncate -s 1G /dev/shm/"$S2"
	run -0 pipeline '(ulimit -v 262144; exec shmcat "$1") | wc -c' _ "$S2"
	assert_output 1073741824
}

# -- Several segments ---------------------------------------------------------

@test "shmcat: concatenates several segments in order" {
	bindata "$T/data2" 70000
	cp "$T/data2" /dev/shm/"$S2"
	cat "$T/data" "$T/data2" "$T/data" >"$T/want"
	run -0 pipeline 'shmcat "$1" "$2" "$1" >"$3"' _ "$S1" "$S2" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "shmcat: applies -o and -l to each segment" {
	bindata "$T/data2" 70000
	cp "$T/data2" /dev/shm/"$S2"
	{
		dd if="$T/data" bs=1 skip=99 count=33 status=none
		dd if="$T/data2" bs=1 skip=99 count=33 status=none
	} >"$T/want"
	run -0 pipeline 'shmcat -o 99 -l 33 "$1" "$2" >"$3"' \
	    _ "$S1" "$S2" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "shmcat: without /dev/shm, says so once" {
	run -1 --separate-stderr hide /dev 0755 shmcat "$S1" "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcat: /dev/shm: No such file or directory"
}

@test "shmcat: reports a missing segment and still prints the others" {
	bindata "$T/data2" 70000
	cp "$T/data2" /dev/shm/"$S2"
	cat "$T/data" "$T/data2" >"$T/want"
	run -1 --separate-stderr bash -c 'shmcat "$1" "$2" "$3" >"$4"' \
	    _ "$S1" "$S-nope" "$S2" "$T/out"
	assert_equal "$stderr" "shmcat: $S-nope: No such file or directory"
	cmp "$T/out" "$T/want"
}

# -- -s, --string -------------------------------------------------------------

@test "shmcat: -s stops at the first NUL byte" {
	printf 'hello, world\0junk\0more' >/dev/shm/"$S2"
	run -0 --separate-stderr shmcat -s "$S2"
	assert_output "hello, world"
	assert_equal "$stderr" ""
	run -0 pipeline 'shmcat --string "$1" | od -An -c' _ "$S2"
	assert_output "   h   e   l   l   o   ,       w   o   r   l   d"
}

@test "shmcat: -s starts looking for the NUL byte at the offset" {
	printf 'hello\0world\0junk' >/dev/shm/"$S2"
	run -0 shmcat -s -o 6 "$S2"
	assert_output "world"
	run -0 shmcat -s -o 6 -l 3 "$S2"
	assert_output "wor"
}

@test "shmcat: -s prints a segment without a NUL byte whole" {
	# Longer than any sensible buffer, so the search spans several reads.
	head -c 300000 /dev/zero | tr '\0' 'A' >"$T/want"
	cp "$T/want" /dev/shm/"$S2"
	prints "$T/want" shmcat -s "$S2"
}

@test "shmcat: -s finds a NUL byte far into the segment" {
	{
		head -c 200000 /dev/zero | tr '\0' 'B'
		printf '\0tail'
	} >/dev/shm/"$S2"
	head -c 200000 /dev/zero | tr '\0' 'B' >"$T/want"
	prints "$T/want" shmcat -s "$S2"
}

@test "shmcat: -s prints nothing for a segment that starts with NUL" {
	run -0 pipeline 'shmcat -s "$1" >"$2"' _ "$S1" "$T/out"
	[ ! -s "$T/out" ]
}

@test "shmcat: -s applies to each segment of several" {
	printf 'one\0x' >/dev/shm/"$S2"
	printf 'two' >/dev/shm/"$S-c"
	run -0 shmcat -s "$S2" "$S-c" "$S2"
	assert_output "onetwoone"
}

# -- --lock -------------------------------------------------------------------

@test "shmcat: --lock reads the same bytes as without it" {
	run -0 pipeline 'shmcat --lock "$1" | cmp - "$2"' _ "$S1" "$T/data"
}

@test "shmcat: --lock waits for a writer holding an exclusive lock" {
	printf 'NEW' >"$T/new"
	cp "$T/data" "$T/want"
	dd if="$T/new" of="$T/want" conv=notrunc status=none
	# The holder changes the segment and notes it is done, all before it
	# lets go; a reader that waited sees the change and comes second.
	flock -x /dev/shm/"$S1" sh -c '
	    : >"$1/locked"
	    sleep 1
	    dd if="$1/new" of=/dev/shm/"$2" conv=notrunc status=none
	    echo holder >>"$1/order"' _ "$T" "$S1" 3>&- &
	holder=$!
	wait_for "$T/locked"
	run -0 pipeline 'timeout 20 shmcat --lock "$1" >"$2/out" &&
	    echo reader >>"$2/order"' _ "$S1" "$T"
	wait "$holder"
	run -0 cat "$T/order"
	assert_output $'holder\nreader'
	cmp "$T/out" "$T/want"
}

@test "shmcat: --lock takes a shared lock that other readers share" {
	# An exclusive request would wait for the holder forever: timeout 124.
	run -0 flock -s /dev/shm/"$S1" timeout 5 \
	    bash -o pipefail -c 'shmcat --lock "$1" | cmp - "$2"' _ "$S1" "$T/data"
}

# -- Things that are not segments ---------------------------------------------

@test "shmcat: refuses a directory under /dev/shm" {
	mkdir /dev/shm/"$S2"
	run -1 --separate-stderr timeout 5 shmcat "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcat: $S2: Is a directory"
}

@test "shmcat: --lock that cannot be taken fails that segment, the others still run" {
	command -v strace >/dev/null || skip "no strace"
	printf def >"/dev/shm/$S2"
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=flock:error=ENOLCK:when=1 shmcat --lock "$S1" "$S2"
	assert_output def
	assert_equal "$stderr" "shmcat: $S1: No locks available"
}

@test "shmcat: refuses a fifo under /dev/shm without hanging" {
	mkfifo /dev/shm/"$S2"
	run -1 --separate-stderr timeout 5 shmcat "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcat: $S2: not a regular file"
	run -1 --separate-stderr timeout 5 shmcat --lock -s "$S2"
	assert_equal "$stderr" "shmcat: $S2: not a regular file"
}

@test "shmcat: does not follow a symbolic link" {
	ln -s "$S1" /dev/shm/"$S2"
	run -1 --separate-stderr shmcat "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcat: $S2: symbolic link, not followed"
}

@test "shmcat: does not follow a symbolic link out of /dev/shm" {
	echo secret >"$T/outside"
	ln -s "$T/outside" /dev/shm/"$S2"
	run -1 --separate-stderr shmcat "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcat: $S2: symbolic link, not followed"
}

# -- Names --------------------------------------------------------------------

@test "shmcat: prints a segment whose name has a space and a newline" {
	name="$S-x y"$'\n''z'
	cp "$T/data" /dev/shm/"$name"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$name" "$T/data"
}

@test "shmcat: escapes a newline in a name in its message" {
	run -1 --separate-stderr shmcat "$S-no"$'\n''pe'
	assert_equal "$stderr" "shmcat: $S-no\\npe: No such file or directory"
}

@test "shmcat: prints a segment with a name of 255 bytes" {
	name=$S-$(printf 'x%.0s' $(seq $((255 - ${#S} - 1))))
	[ "${#name}" -eq 255 ]
	cp "$T/data" /dev/shm/"$name"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$name" "$T/data"
	run -0 pipeline 'shmcat "/$1" | cmp - "$2"' _ "$name" "$T/data"
}

@test "shmcat: refuses invalid names with exit 2 before printing anything" {
	long=$(printf 'x%.0s' $(seq 256))
	for bad in "" / a/b /a/b . .. /.. "$long"; do
		run -2 --separate-stderr shmcat "$S1" "$bad"
		assert_output ""
		stderr_has "shmcat: invalid name '"
		stderr_has "usage: shmcat"
	done
	run -2 --separate-stderr shmcat "$S1" a/b
	assert_equal "${stderr_lines[0]}" \
	    "shmcat: invalid name 'a/b': name contains '/' after the first byte"
}

# -- Permissions --------------------------------------------------------------

@test "shmcat: reports permission denied as an unprivileged user" {
	need_private_shm
	chmod 0600 /dev/shm/"$S1"
	run -1 --separate-stderr as_nobody shmcat "$S1"
	assert_output ""
	assert_equal "$stderr" "shmcat: $S1: Permission denied"
}

@test "shmcat: an unprivileged user reads a segment that others may read" {
	need_private_shm
	chmod 0644 /dev/shm/"$S1"
	run -0 pipeline 'as_nobody shmcat "$1" | cmp - "$2"' _ "$S1" "$T/data"
}

# -- Standard output ----------------------------------------------------------

@test "shmcat: reports a full stdout and exits 1" {
	run -1 --separate-stderr bash -c 'shmcat "$1" >/dev/full' _ "$S1"
	assert_equal "$stderr" "shmcat: stdout: No space left on device"
}

@test "shmcat: ends quietly with status 0 when the reader goes away" {
	bindata "$T/big" $((4 * 1024 * 1024))
	cp "$T/big" /dev/shm/"$S2"
	run -0 pipeline 'shmcat "$1" 2>"$2" | head -c1 >/dev/null
	    echo "${PIPESTATUS[0]}"' _ "$S2" "$T/err"
	assert_output 0
	[ ! -s "$T/err" ]
}

@test "shmcat: a closed pipe keeps the status of an earlier failure" {
	bindata "$T/big" $((4 * 1024 * 1024))
	cp "$T/big" /dev/shm/"$S2"
	run -0 pipeline 'shmcat "$1-nope" "$1" 2>"$2" | head -c1 >/dev/null
	    echo "${PIPESTATUS[0]}"' _ "$S2" "$T/err"
	assert_output 1
	run -0 cat "$T/err"
	assert_output "shmcat: $S2-nope: No such file or directory"
}

@test "shmcat: fails with a message when the segment shrinks while read" {
	bindata "$T/big" $((4 * 1024 * 1024))
	cp "$T/big" /dev/shm/"$S2"
	mkfifo "$T/pipe"
	# shmcat fills the pipe and waits; once it has written a byte it has
	# sized the segment, so the truncate lands in the middle of its work.
	run -0 pipeline '
	    shmcat "$1" >"$2/pipe" 2>"$2/err" & pid=$!
	    exec 5<"$2/pipe"
	    head -c 1 <&5 >/dev/null
	    truncate -s 0 /dev/shm/"$1"
	    cat <&5 >/dev/null
	    wait "$pid"; echo "$?"' _ "$S2" "$T"
	assert_output 1
	run -0 cat "$T/err"
	assert_output "shmcat: $S2: file shrank while reading"
}

# -- Usage --------------------------------------------------------------------

@test "shmcat: refuses a missing operand with exit 2" {
	run -2 --separate-stderr shmcat
	assert_output ""
	assert_equal "${stderr_lines[0]}" "shmcat: missing segment name"
	assert_equal "${stderr_lines[1]}" \
	    "usage: shmcat [-s] [--lock] [--progress] [-o offset] [-l length]"
	assert_equal "${stderr_lines[2]}" \
	    "              [--target pid] name ..."
}

@test "shmcat: refuses an unknown option with exit 2" {
	run -2 --separate-stderr shmcat -x "$S1"
	assert_output ""
	stderr_has "invalid option -- 'x'"
	stderr_has "usage: shmcat"
	run -2 --separate-stderr shmcat --bogus "$S1"
	assert_output ""
	stderr_has "unrecognized option '--bogus'"
	stderr_has "usage: shmcat"
}

@test "shmcat: refuses bad offsets with exit 2, naming the value" {
	# -l 0: should a bad value get through, it prints no binary data.
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000; do
		run -2 --separate-stderr shmcat -o "$bad" -l 0 "$S1"
		assert_output ""
		stderr_has "shmcat: invalid offset '$bad': "
	done
	run -2 --separate-stderr shmcat --offset=-1 "$S1"
	assert_equal "${stderr_lines[0]}" \
	    "shmcat: invalid offset '-1': negative value"
}

@test "shmcat: refuses bad lengths with exit 2, naming the value" {
	# -o past the end: should a bad value get through, it prints nothing.
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000; do
		run -2 --separate-stderr shmcat -o 1M -l "$bad" "$S1"
		assert_output ""
		stderr_has "shmcat: invalid length '$bad': "
	done
	run -2 --separate-stderr shmcat --length 1Q "$S1"
	assert_equal "${stderr_lines[0]}" \
	    "shmcat: invalid length '1Q': invalid suffix"
}

@test "shmcat: refuses garbage after a valid suffix" {
	for bad in 1kk 1kQ 1bk 4k! 1kbb; do
		run -2 --separate-stderr shmcat -o "$bad" -l 0 "$S1"
		stderr_has "shmcat: invalid offset '$bad': "
		run -2 --separate-stderr shmcat -o 1M -l "$bad" "$S1"
		stderr_has "shmcat: invalid length '$bad': "
	done
}

@test "shmcat: --help prints usage and every option to stdout" {
	run -0 --separate-stderr shmcat --help
	assert_equal "$stderr" ""
	assert_line --index 0 \
	    "usage: shmcat [-s] [--lock] [--progress] [-o offset] [-l length]"
	assert_line --index 1 "              [--target pid] name ..."
	for opt in "-l, --length" "--lock" "-o, --offset" "-s, --string" \
	    "--help" "--version"; do
		assert_output --partial "$opt"
	done
}

@test "shmcat: --version prints the project version" {
	assert_version shmcat
}

@test "shmcat: --help and --version to a full stdout exit 1" {
	assert_full_stdout shmcat
}
