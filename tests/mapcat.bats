#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# mapcat: files to standard output through mmap, and through read(2) for
# whatever cannot be mapped.
#
# Output holds NUL bytes, which a shell variable cannot, so data goes to
# files and is compared with cmp against oracles made by cat, dd, head and
# tail; $output and $stderr are only used for text.  These tests work on
# regular files in the test's own directory, not on segments.

setup() {
	load helper
	bindata "$T/data" 300000
	usage='usage: mapcat [-a advice] [--progress] [-o offset] [-l length] [file ...]'
}

# Bytes [$2, $2 + $3) of file $1, by dd: the oracle for ranges.
dd_range() {
	dd if="$1" bs=64k iflag=skip_bytes,count_bytes skip="$2" count="$3" \
	    status=none
}

MIB=$((1024 * 1024))

# -- Whole files and ranges ---------------------------------------------------

@test "mapcat: prints a file byte for byte, NUL bytes included" {
	run -0 --separate-stderr pipeline 'mapcat "$1" >"$2"' \
	    _ "$T/data" "$T/out"
	assert_equal "$stderr" ""
	cmp "$T/out" "$T/data"
	run -0 pipeline 'mapcat "$1" | cmp - "$1"' _ "$T/data"
}

@test "mapcat: prints a range at an unaligned offset with -o and -l" {
	dd_range "$T/data" 4097 10000 >"$T/want"
	prints "$T/want" mapcat -o 4097 -l 10000 "$T/data"
	run -0 pipeline 'mapcat -o 4097 -l 10000 "$1" | cmp - "$2"' \
	    _ "$T/data" "$T/want"
}

@test "mapcat: prints a range with --offset and --length" {
	tail -c +12346 "$T/data" | head -c 7777 >"$T/want"
	prints "$T/want" mapcat --offset=12345 --length 7777 "$T/data"
}

@test "mapcat: -o 1 prints everything but the first byte" {
	tail -c +2 "$T/data" >"$T/want"
	prints "$T/want" mapcat -o 1 "$T/data"
}

@test "mapcat: prints from an offset one byte short of a page to the end" {
	tail -c +4096 "$T/data" >"$T/want"
	prints "$T/want" mapcat -o 4095 "$T/data"
}

@test "mapcat: prints the first bytes with -l alone" {
	head -c 131073 "$T/data" >"$T/want"
	prints "$T/want" mapcat -l 131073 "$T/data"
}

@test "mapcat: prints ranges across the 8 MiB window boundaries" {
	bindata "$T/big" $((20 * MIB + 12345))
	run -0 pipeline 'mapcat "$1" | cmp - "$1"' _ "$T/big"
	for range in "$((8 * MIB - 100)) 200" "$((8 * MIB)) 1" \
	    "$((8 * MIB - 1)) 2" "$((8 * MIB + 1)) $((8 * MIB))" \
	    "3 $((16 * MIB + 10))" "$((16 * MIB - 4097)) $((5 * MIB))" \
	    "1 $((21 * MIB))"; do
		set -- $range
		dd_range "$T/big" "$1" "$2" >"$T/want"
		run -0 pipeline 'mapcat -o "$1" -l "$2" "$3" >"$4"' \
		    _ "$1" "$2" "$T/big" "$T/out"
		cmp "$T/out" "$T/want"
	done
	tail -c +$((8 * MIB + 4098)) "$T/big" >"$T/want"
	run -0 pipeline 'mapcat -o "$1" "$2" >"$3"' \
	    _ $((8 * MIB + 4097)) "$T/big" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: prints a file of exactly two windows" {
	bindata "$T/big" $((16 * MIB))
	run -0 pipeline 'mapcat "$1" | cmp - "$1"' _ "$T/big"
	run -0 pipeline 'mapcat -l 8M "$1" | cmp - <(head -c 8M "$1")' _ "$T/big"
}

@test "mapcat: takes binary suffixes in offsets and lengths, any case" {
	tail -c +4097 "$T/data" | head -c 2048 >"$T/want"
	prints "$T/want" mapcat -o 4k -l 2k "$T/data"
	prints "$T/want" mapcat -o 4K -l 2K "$T/data"
}

@test "mapcat: reads 010 as ten, never as octal eight" {
	tail -c +11 "$T/data" | head -c 10 >"$T/want"
	prints "$T/want" mapcat -o 010 -l 010 "$T/data"
}

@test "mapcat: takes hexadecimal offsets and lengths after 0x" {
	tail -c +17 "$T/data" | head -c 32 >"$T/want"
	prints "$T/want" mapcat -o 0x10 -l 0X20 "$T/data"
}

@test "mapcat: prints nothing for an offset at or past the end" {
	for off in 300000 300001 1M 1G; do
		run -0 --separate-stderr pipeline 'mapcat -o "$1" "$2" >"$3"' \
		    _ "$off" "$T/data" "$T/out"
		assert_equal "$stderr" ""
		[ ! -s "$T/out" ]
	done
}

@test "mapcat: prints nothing with -l 0" {
	run -0 pipeline 'mapcat -l 0 "$1" >"$2"' _ "$T/data" "$T/out"
	[ ! -s "$T/out" ]
}

@test "mapcat: stops at the end when -l runs past it" {
	tail -c +299001 "$T/data" >"$T/want"
	prints "$T/want" mapcat -o 299000 -l 1G "$T/data"
}

@test "mapcat: prints an empty file as nothing, quietly" {
	: >"$T/empty"
	run -0 --separate-stderr pipeline 'mapcat "$1" >"$2"' \
	    _ "$T/empty" "$T/out"
	assert_equal "$stderr" ""
	[ ! -s "$T/out" ]
	run -0 --separate-stderr pipeline 'mapcat -o 1 -l 5 "$1" >"$2"' \
	    _ "$T/empty" "$T/out"
	assert_equal "$stderr" ""
	[ ! -s "$T/out" ]
}

# -- Several files ------------------------------------------------------------

@test "mapcat: concatenates several files in order" {
	bindata "$T/data2" 70000
	: >"$T/empty"
	cat "$T/data" "$T/data2" "$T/empty" "$T/data" >"$T/want"
	run -0 pipeline 'mapcat "$1" "$2" "$3" "$1" >"$4"' \
	    _ "$T/data" "$T/data2" "$T/empty" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: applies -o and -l to each file" {
	bindata "$T/data2" 70000
	{
		dd_range "$T/data" 4099 5000
		dd_range "$T/data2" 4099 5000
	} >"$T/want"
	run -0 pipeline 'mapcat -o 4099 -l 5000 "$1" "$2" >"$3"' \
	    _ "$T/data" "$T/data2" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reports a missing file and still prints the others" {
	bindata "$T/data2" 70000
	cat "$T/data" "$T/data2" >"$T/want"
	run -1 --separate-stderr bash -c 'mapcat "$1" "$2" "$3" >"$4"' \
	    _ "$T/data" "$T/nope" "$T/data2" "$T/out"
	assert_equal "$stderr" "mapcat: $T/nope: No such file or directory"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reports a directory and still prints the others" {
	mkdir "$T/dir"
	run -1 --separate-stderr bash -c 'mapcat "$1" "$2" >"$3"' \
	    _ "$T/dir" "$T/data" "$T/out"
	assert_equal "$stderr" "mapcat: $T/dir: Is a directory"
	cmp "$T/out" "$T/data"
}

@test "mapcat: escapes a newline in a file name in its message" {
	run -1 --separate-stderr mapcat "$T/no"$'\n''pe'
	assert_output ""
	assert_equal "$stderr" "mapcat: $T/no\\npe: No such file or directory"
}

@test "mapcat: reports permission denied as an unprivileged user" {
	need_private_shm
	# The test directory may be out of nobody's reach; /dev/shm is not.
	mkdir -m 0755 /dev/shm/"$S-dir"
	cp "$T/data" /dev/shm/"$S-dir"/secret
	chmod 0600 /dev/shm/"$S-dir"/secret
	cp "$T/data" /dev/shm/"$S-dir"/open
	chmod 0644 /dev/shm/"$S-dir"/open
	run -1 --separate-stderr as_nobody mapcat /dev/shm/"$S-dir"/secret
	assert_output ""
	assert_equal "$stderr" \
	    "mapcat: /dev/shm/$S-dir/secret: Permission denied"
	run -0 pipeline 'as_nobody mapcat "$1" | cmp - "$2"' \
	    _ /dev/shm/"$S-dir"/open "$T/data"
}

# -- What cannot be mapped ----------------------------------------------------

@test "mapcat: prints a /proc file that claims size 0, as cat does" {
	[ "$(stat -c %s /proc/version)" = 0 ]
	cat /proc/version >"$T/want"
	[ -s "$T/want" ]
	run -0 pipeline 'mapcat /proc/version >"$1"' _ "$T/out"
	cmp "$T/out" "$T/want"
	dd_range "$T/want" 5 7 >"$T/want2"
	run -0 pipeline 'mapcat -o 5 -l 7 /proc/version >"$1"' _ "$T/out"
	cmp "$T/out" "$T/want2"
}

@test "mapcat: prints its own /proc/self/status" {
	run -0 --separate-stderr mapcat /proc/self/status
	assert_equal "$stderr" ""
	assert_line --index 0 $'Name:\tmapcat'
	assert_line --partial "Pid:"
}

@test "mapcat: prints its own /proc/self/cmdline, NUL bytes included" {
	# Run by name from PATH, so its argv[0] is "mapcat".
	printf 'mapcat\0/proc/self/cmdline\0' >"$T/want"
	run -0 pipeline 'mapcat /proc/self/cmdline >"$1"' _ "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: prints a sysfs file, which refuses to be mapped" {
	f=
	for c in /sys/kernel/mm/transparent_hugepage/hpage_pmd_size \
	    /sys/devices/system/cpu/possible /sys/power/state \
	    /sys/kernel/mm/transparent_hugepage/enabled; do
		if [ -r "$c" ] && [ "$(stat -c %s "$c")" -gt 0 ] &&
		    [ "$(wc -c <"$c")" -gt 3 ]; then
			f=$c
			break
		fi
	done
	[ -n "$f" ] || skip "no readable sysfs file"
	cat "$f" >"$T/want"
	run -0 --separate-stderr pipeline 'mapcat "$1" >"$2"' _ "$f" "$T/out"
	assert_equal "$stderr" ""
	cmp "$T/out" "$T/want"
	dd_range "$T/want" 1 3 >"$T/want2"
	prints "$T/want2" mapcat -o 1 -l 3 "$f"
}

@test "mapcat: prints a character device with -l" {
	head -c 5000 /dev/zero >"$T/want"
	run -0 pipeline 'mapcat -l 5000 /dev/zero >"$1"' _ "$T/out"
	cmp "$T/out" "$T/want"
	run -0 pipeline 'mapcat -o 10 -l 5000 /dev/zero >"$1"' _ "$T/out"
	cmp "$T/out" "$T/want"
	run -0 pipeline 'mapcat /dev/null >"$1"' _ "$T/out"
	[ ! -s "$T/out" ]
}

@test "mapcat: prints a fifo named as an operand" {
	mkfifo "$T/fifo"
	# The writer gives up in time should mapcat never open the fifo.
	timeout 10 sh -c 'cat "$1" >"$2"' _ "$T/data" "$T/fifo" 3>&- &
	run -0 pipeline 'timeout 10 mapcat "$1" >"$2"' _ "$T/fifo" "$T/out"
	wait
	cmp "$T/out" "$T/data"
}

# -- Standard input -----------------------------------------------------------

@test "mapcat: reads a pipe on stdin with no operand" {
	run -0 pipeline 'cat "$1" | mapcat | cmp - "$1"' _ "$T/data"
}

@test "mapcat: reads a range of a pipe on stdin" {
	dd_range "$T/data" 4097 10000 >"$T/want"
	# mapcat stops reading after the range, so a cat feeding it may die
	# of SIGPIPE: the pipe comes from a process substitution instead.
	run -0 pipeline 'mapcat -o 4097 -l 10000 < <(cat "$1") >"$2"' \
	    _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
	# An offset beyond what one read returns.
	tail -c +200001 "$T/data" >"$T/want"
	run -0 pipeline 'cat "$1" | mapcat -o 200000 >"$2"' _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reads a regular file redirected to stdin" {
	run -0 pipeline 'mapcat <"$1" >"$2"' _ "$T/data" "$T/out"
	cmp "$T/out" "$T/data"
	dd_range "$T/data" 4097 10000 >"$T/want"
	run -0 pipeline 'mapcat -o 4097 -l 10000 - <"$1" >"$2"' \
	    _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reads a regular file on stdin from where it stands" {
	tail -c +1006 "$T/data" >"$T/want"
	run -0 pipeline '{ dd bs=1000 count=1 of=/dev/null status=none
	    mapcat -o 5 >"$2"; } <"$1"' _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: prints nothing for the largest offset on stdin read from" {
	# The offset counts from where stdin stands; their sum overflows.
	run -0 --separate-stderr pipeline '{ dd bs=1 count=1 of=/dev/null \
	    status=none; mapcat -o 0x7fffffffffffffff >"$2"; } <"$1"' \
	    _ "$T/data" "$T/out"
	assert_equal "$stderr" ""
	[ ! -s "$T/out" ]
}

@test "mapcat: reads stdin where - stands among files" {
	bindata "$T/data2" 70000
	cat "$T/data" "$T/data2" "$T/data" >"$T/want"
	run -0 pipeline 'mapcat "$1" - "$1" <"$2" >"$3"' \
	    _ "$T/data" "$T/data2" "$T/out"
	cmp "$T/out" "$T/want"
	run -0 pipeline 'cat "$2" | mapcat "$1" - "$1" >"$3"' \
	    _ "$T/data" "$T/data2" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reads stdin only once when - is given twice, as cat does" {
	cat - - <"$T/data" >"$T/want"
	run -0 pipeline 'cat "$1" | mapcat - - >"$2"' _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
	run -0 pipeline 'mapcat - - <"$1" >"$2"' _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: leaves stdin just after the range it printed" {
	# As head -c does, and as mapcat does with a pipe: the next reader
	# of stdin goes on after the bytes mapcat printed.
	tail -c +11 "$T/data" >"$T/want"
	run -0 pipeline 'cat "$1" | { mapcat -l 10 >/dev/null; cat; } >"$2"' \
	    _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
	run -0 pipeline '{ mapcat -l 10 >/dev/null; cat; } <"$1" >"$2"' \
	    _ "$T/data" "$T/out"
	cmp "$T/out" "$T/want"
}

@test "mapcat: reports a directory on stdin" {
	mkdir "$T/dir"
	run -1 --separate-stderr bash -c 'mapcat <"$1"' _ "$T/dir"
	assert_output ""
	assert_equal "$stderr" "mapcat: stdin: Is a directory"
}

# -- Advice -------------------------------------------------------------------

@test "mapcat: accepts every advice and prints the same bytes" {
	bindata "$T/big" $((9 * MIB + 3))
	dd_range "$T/big" 4097 $((8 * MIB)) >"$T/want"
	for a in normal sequential random willneed dontneed hugepage; do
		run -0 --separate-stderr pipeline 'mapcat -a "$1" "$2" >"$3"' \
		    _ "$a" "$T/big" "$T/out"
		assert_equal "$stderr" ""
		cmp "$T/out" "$T/big"
		run -0 pipeline 'mapcat --advice="$1" -o 4097 -l 8M "$2" >"$3"' \
		    _ "$a" "$T/big" "$T/out"
		cmp "$T/out" "$T/want"
	done
}

@test "mapcat: takes advice for input it reads rather than maps" {
	run -0 pipeline 'cat "$1" | mapcat -a random | cmp - "$1"' _ "$T/data"
	run -0 pipeline 'mapcat -a willneed /proc/version | cmp - /proc/version'
}

@test "mapcat: refuses an unknown advice with exit 2" {
	all="normal, sequential, random, willneed, dontneed, hugepage"
	for bad in bogus "" SEQ free 1; do
		run -2 --separate-stderr mapcat -a "$bad" -l 0 "$T/data"
		assert_output ""
		assert_equal "${stderr_lines[0]}" \
		    "mapcat: invalid advice '$bad': unknown advice ($all)"
		assert_equal "${stderr_lines[1]}" "$usage"
	done
}

@test "mapcat: advises sequential for whole files only" {
	command -v strace >/dev/null || skip "no strace"
	# AddressSanitizer's runtime advises its own memory DONTDUMP and
	# NOHUGEPAGE; mapcat never does, so those are left out.
	trace() {
		traced -o "$T/trace" -e trace=madvise "$@" >/dev/null &&
		    grep -o 'MADV_[A-Z]*' "$T/trace" |
		    grep -v -e MADV_DONTDUMP -e MADV_NOHUGEPAGE |
		    sort -u | tr '\n' ' '
	}
	run -0 trace mapcat "$T/data"
	assert_output "MADV_SEQUENTIAL "
	run -0 trace mapcat -o 1 "$T/data"
	assert_output ""
	run -0 trace mapcat -l 100 "$T/data"
	assert_output ""
	run -0 trace mapcat -a random "$T/data"
	assert_output "MADV_RANDOM "
	run -0 trace mapcat -a willneed -o 1 -l 100 "$T/data"
	assert_output "MADV_WILLNEED "
}

# -- Errors in the options ----------------------------------------------------

@test "mapcat: refuses bad offsets with exit 2, naming the value" {
	# -l 0: should a bad value get through, it prints no binary data.
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000 1kk; do
		run -2 --separate-stderr mapcat -o "$bad" -l 0 "$T/data"
		assert_output ""
		stderr_has "mapcat: invalid offset '$bad': "
		assert_equal "${stderr_lines[1]}" "$usage"
	done
	run -2 --separate-stderr mapcat --offset=-1 "$T/data"
	assert_equal "${stderr_lines[0]}" \
	    "mapcat: invalid offset '-1': negative value"
}

@test "mapcat: refuses bad lengths with exit 2, naming the value" {
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000 1kk; do
		run -2 --separate-stderr mapcat -o 1M -l "$bad" "$T/data"
		assert_output ""
		stderr_has "mapcat: invalid length '$bad': "
	done
	run -2 --separate-stderr mapcat --length 1Q "$T/data"
	assert_equal "${stderr_lines[0]}" \
	    "mapcat: invalid length '1Q': invalid suffix"
}

@test "mapcat: refuses an unknown option with exit 2" {
	run -2 --separate-stderr mapcat -x "$T/data"
	assert_output ""
	stderr_has "invalid option -- 'x'"
	assert_equal "${stderr_lines[1]}" "$usage"
	run -2 --separate-stderr mapcat --bogus "$T/data"
	assert_output ""
	stderr_has "unrecognized option '--bogus'"
}

# -- Standard output ----------------------------------------------------------

@test "mapcat: reports a full stdout and exits 1" {
	run -1 --separate-stderr bash -c 'mapcat "$1" >/dev/full' _ "$T/data"
	assert_output ""
	assert_equal "$stderr" "mapcat: stdout: No space left on device"
	run -1 --separate-stderr bash -c 'cat "$1" | mapcat >/dev/full' \
	    _ "$T/data"
	assert_equal "$stderr" "mapcat: stdout: No space left on device"
}

@test "mapcat: ends quietly with status 0 when the reader goes away" {
	bindata "$T/big" $((20 * MIB))
	run -0 pipeline 'mapcat "$1" 2>"$2" | head -c1 >/dev/null
	    echo "${PIPESTATUS[0]}"' _ "$T/big" "$T/err"
	assert_output 0
	[ ! -s "$T/err" ]
	run -0 pipeline 'cat "$1" 2>/dev/null | mapcat 2>"$2" |
	    head -c1 >/dev/null; echo "${PIPESTATUS[1]}"' _ "$T/big" "$T/err"
	assert_output 0
	[ ! -s "$T/err" ]
}

@test "mapcat: a closed pipe keeps the status of an earlier failure" {
	bindata "$T/big" $((20 * MIB))
	run -0 pipeline 'mapcat "$1" "$2" 2>"$3" | head -c1 >/dev/null
	    echo "${PIPESTATUS[0]}"' _ "$T/nope" "$T/big" "$T/err"
	assert_output 1
	run -0 cat "$T/err"
	assert_output "mapcat: $T/nope: No such file or directory"
}

# -- A file that shrinks ------------------------------------------------------

# Runs mapcat on $T/big into a pipe, cuts the file to 100000 bytes once
# 64 KiB have come out, and checks that mapcat stopped with exit 1 and
# "file shrank while reading"; what came after the first 64 KiB is in
# $T/rest.
cut_while_read() {
	run -0 pipeline '
	    ( timeout 60 mapcat "$1/big"; echo "$?" >"$1/rc" ) 2>"$1/err" |
	    { head -c 65536 >/dev/null; truncate -s 100000 "$1/big"
	      cat >"$1/rest"; }' _ "$T"
	run -0 cat "$T/rc"
	assert_output 1
	run -0 cat "$T/err"
	assert_output "mapcat: $T/big: file shrank while reading"
}

@test "mapcat: fails with a message when the file shrinks while read" {
	head -c $((64 * MIB)) /dev/urandom >"$T/big"
	# mapcat cannot finish 64 MiB into a pipe nobody reads: once head has
	# had its bytes, mapcat is stuck in the middle of the file, and the
	# truncate lands there.  cat then lets it run into the cut.
	cut_while_read
	# The output stopped short of the old size, with nothing made up.
	[ $((65536 + $(stat -c %s "$T/rest"))) -lt $((64 * MIB)) ]
}

@test "mapcat: goes on with the next file after one shrank" {
	head -c $((64 * MIB)) /dev/urandom >"$T/big"
	run -0 pipeline '
	    ( timeout 60 mapcat "$1/big" "$1/data"; echo "$?" >"$1/rc" ) \
	    2>"$1/err" | { head -c 65536 >/dev/null
	      truncate -s 100000 "$1/big"; cat >"$1/rest"; }' _ "$T"
	run -0 cat "$T/rc"
	assert_output 1
	run -0 cat "$T/err"
	assert_output "mapcat: $T/big: file shrank while reading"
	tail -c 300000 "$T/rest" | cmp - "$T/data"
}

# -- Sparse files ------------------------------------------------------------

# Reading a hole through a mapping allocates its page (tmpfs does, on the
# read fault), so mapcat finds holes with SEEK_DATA and SEEK_HOLE, prints
# zeros for them without touching them and maps data alone.

# Blocks allocated to file $1, and used on the file system that holds it.
allocation() {
	echo "$(stat -c %b "$1") $(df --output=used "$(dirname "$1")" | tail -n 1)"
}

@test "mapcat: reads a 1 GiB sparse segment on a 256 MiB tmpfs, allocating nothing" {
	small_shm 256M
	f=/dev/shm/$S1
	truncate -s 1G "$f"
	printf 'middle' | dd of="$f" bs=1 seek=$((300 * MIB)) conv=notrunc \
	    status=none
	printf 'end' | dd of="$f" bs=1 seek=$((1024 * MIB - 3)) conv=notrunc \
	    status=none
	before=$(allocation "$f")
	# The oracle: the same bytes made of /dev/zero, never of the file.
	run -0 pipeline 'mapcat "$1" | cmp - <(head -c "$2" /dev/zero
	    printf middle; head -c "$3" /dev/zero; printf end)' \
	    _ "$f" $((300 * MIB)) $((724 * MIB - 9))
	assert_equal "$(allocation "$f")" "$before"
}

@test "mapcat: -l 100M of a sparse segment allocates nothing, into a pipe or a file" {
	need_private_shm
	f=/dev/shm/$S1
	truncate -s 1G "$f"
	before=$(allocation "$f")
	run -0 pipeline 'mapcat -l 100M "$1" | wc -c' _ "$f"
	assert_output $((100 * MIB))
	assert_equal "$(allocation "$f")" "$before"
	# Into a file, write(2) reads the pages rather than vmsplice(2).
	mapcat -o 1M -l 16M "$f" >"$T/out"
	head -c 16M /dev/zero | cmp - "$T/out"
	assert_equal "$(allocation "$f")" "$before"
}

# sparse_file FILE: 40 MiB, mostly holes, with data at the start, inside
# (unaligned, across a page), and in the last 7 bytes.
sparse_file() {
	truncate -s 40M "$1"
	dd if="$T/data" of="$1" bs=100000 count=1 conv=notrunc status=none
	dd if="$T/data" of="$1" bs=1 count=5000 seek=$((10 * MIB + 4000)) \
	    conv=notrunc status=none
	printf 'lastbyt' | dd of="$1" bs=1 seek=$((40 * MIB - 7)) \
	    conv=notrunc status=none
}

# Each range of sparse file $1, checked against dd.
check_sparse_ranges() {
	local r o l
	prints "$1" mapcat "$1"
	for r in 0:$((20 * MIB)) 4095:$((20 * MIB)) 99999:2 \
	    $((10 * MIB)):200 $((10 * MIB + 4090)):10000 \
	    $((10 * MIB)):$((8 * MIB + 1)) $((40 * MIB - 10)):100 \
	    $((12 * MIB)):4096 $((40 * MIB - 7)):7; do
		o=${r%:*} l=${r#*:}
		dd_range "$1" "$o" "$l" >"$T/want"
		prints "$T/want" mapcat -o "$o" -l "$l" "$1"
		run -0 pipeline 'mapcat -o "$1" -l "$2" "$3" | cmp - "$4"' \
		    _ "$o" "$l" "$1" "$T/want"
	done
}

@test "mapcat: prints ranges of a sparse file across holes and data, byte for byte" {
	sparse_file "$T/sparse"
	check_sparse_ranges "$T/sparse"
}

@test "mapcat: prints ranges of a sparse tmpfs file, allocating nothing more" {
	tmpfs_on "$T/tmp" 64M
	sparse_file "$T/tmp/sparse"
	before=$(allocation "$T/tmp/sparse")
	check_sparse_ranges "$T/tmp/sparse"
	assert_equal "$(allocation "$T/tmp/sparse")" "$before"
}

@test "mapcat: reports a page it cannot have as an I/O error, not Bad address" {
	command -v strace >/dev/null || skip "no strace"
	# A file system that cannot tell holes (lseek SEEK_DATA fails) has
	# every page mapped; on a full tmpfs, a hole's page cannot be had.
	tmpfs_on "$T/small" 1M
	truncate -s 64M "$T/small/f"
	inject='ASAN_OPTIONS=detect_leaks=0 strace -f -o /dev/null'
	inject+=' -e trace=lseek -e inject=lseek:error=EINVAL'
	# Into a file (write(2)) and into a pipe (vmsplice(2)).
	run -1 --separate-stderr pipeline "$inject"' mapcat "$1" >"$2"' \
	    _ "$T/small/f" "$T/out"
	assert_equal "$stderr" "mapcat: $T/small/f: Input/output error"
	run -1 --separate-stderr pipeline "$inject"' mapcat "$1" | cat >/dev/null' \
	    _ "$T/small/f"
	assert_equal "$stderr" "mapcat: $T/small/f: Input/output error"
	# Without the fault, the same file reads as 64 MiB of zeros.
	run -0 pipeline 'mapcat "$1" | cmp - <(head -c 64M /dev/zero)' \
	    _ "$T/small/f"
}

# race_file FILE: 10 MiB: data, a hole from 1 MiB to 9 MiB, data.
race_file() {
	truncate -s 10M "$1"
	dd if=/dev/urandom of="$1" bs=1M count=1 conv=notrunc status=none
	dd if=/dev/urandom of="$1" bs=1M count=1 seek=9 conv=notrunc \
	    status=none
}

# mid_lseek N FILE: runs mapcat FILE into $T/out in the background, held up
# for 3 s after its Nth lseek(2) (SEEK_DATA, SEEK_HOLE, SEEK_DATA...), and
# returns once it is held there; its status goes to $T/rc.
mid_lseek() {
	(
		status=0
		traced -f -o "$T/trace" -e trace=lseek \
		    -e inject=lseek:delay_exit=3000000:when="$1" \
		    mapcat "$2" >"$T/out" 2>"$T/err" || status=$?
		echo "$status" >"$T/rc"
	) &
	retry grep -q DELAYED "$T/trace"
}

@test "mapcat: a hole filled after it was found prints as the zeros it held" {
	command -v strace >/dev/null || skip "no strace"
	race_file "$T/f"
	cp --sparse=always "$T/f" "$T/want"
	# The third lseek found the hole ends at 9 MiB; now it fills.
	mid_lseek 3 "$T/f"
	head -c 8M /dev/zero | tr '\0' x |
	    dd of="$T/f" bs=1M seek=1 conv=notrunc status=none
	wait_for "$T/rc"
	assert_equal "$(cat "$T/rc")" 0
	cmp "$T/out" "$T/want"
	[ ! -s "$T/err" ]
}

@test "mapcat: data punched out after it was found prints as zeros" {
	command -v strace >/dev/null || skip "no strace"
	race_file "$T/f"
	# The second lseek found data up to 1 MiB; now it is punched out.
	mid_lseek 2 "$T/f"
	fallocate -p -o 0 -l 1M "$T/f"
	wait_for "$T/rc"
	assert_equal "$(cat "$T/rc")" 0
	cmp "$T/out" "$T/f"
	head -c 1M /dev/zero | cmp - "$T/out" -n 1M
}

@test "mapcat: a file emptied between finding data and its end is reported" {
	command -v strace >/dev/null || skip "no strace"
	race_file "$T/f"
	mid_lseek 1 "$T/f"
	truncate -s 0 "$T/f"
	wait_for "$T/rc"
	assert_equal "$(cat "$T/rc")" 1
	run -0 cat "$T/err"
	assert_output "mapcat: $T/f: file shrank while reading"
	[ ! -s "$T/out" ]
}

@test "mapcat: fails with a message when a sparse file shrinks in a hole" {
	truncate -s 64M "$T/big"
	printf x >"$T/big.head"
	dd if="$T/big.head" of="$T/big" conv=notrunc status=none
	cut_while_read
	# Zeros stop within a piece (1 MiB) of the cut: none made up beyond.
	[ $((65536 + $(stat -c %s "$T/rest"))) -le $((3 * MIB)) ]
}

@test "mapcat: prints the last bytes of a segment of the largest size" {
	need_private_shm
	shmcreate -s 9223372036854775807 "$S1"
	f=/dev/shm/$S1
	printf '\0\0\0\0\0\0\0' >"$T/want"
	prints "$T/want" mapcat -o 9223372036854775800 "$f"
	# Data in the last page: neither mmap nor SEEK_DATA reach it.
	printf 'abcdefg' | shmwrite -o 9223372036854775800 "$S1"
	printf 'abcdefg' >"$T/want"
	prints "$T/want" mapcat -o 9223372036854775800 "$f"
	{ head -c 100 /dev/zero; printf 'abcdefg'; } >"$T/want"
	prints "$T/want" mapcat -o 9223372036854775700 "$f"
	head -c 5000 /dev/zero >"$T/want"
	prints "$T/want" mapcat -o 9223372036854765807 -l 5000 "$f"
	run -0 pipeline 'mapcat -o 9223372036854771000 "$1" | tail -c 8 | od -An -c' _ "$f"
	assert_output "  \\0   a   b   c   d   e   f   g"
	assert_equal "$(stat -c %b "$f")" 8
}

# -- Memory -------------------------------------------------------------------

# Peak resident memory in KiB of mapcat reading $1 whole into a pipe (so
# that every page really is touched), after checking it printed $2 bytes.
max_rss_of_mapcat() {
	/usr/bin/time -f %M -o "$T/rss" mapcat "$1" | wc -c >"$T/count"
	[ "$(cat "$T/count")" -eq "$2" ] || {
		echo "mapcat printed $(cat "$T/count") bytes, not $2" >&2
		return 1
	}
	cat "$T/rss"
}

@test "mapcat: keeps memory flat for a 512 MiB file" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	# Sparse: its holes are printed from zeros, never mapped.
	truncate -s 512M "$T/huge"
	run -0 max_rss_of_mapcat "$T/huge" $((512 * MIB))
	echo "# mapcat of a 512 MiB sparse file: max RSS $output KiB" >&3
	[ "$output" -lt 65536 ]
}

@test "mapcat: keeps memory flat for 256 MiB of data in a tmpfs" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time"
	# Real pages, not holes; the private /dev/shm is only 512 MiB.
	need_private_shm
	head -c 256M /dev/urandom >/dev/shm/"$S1"
	run -0 max_rss_of_mapcat /dev/shm/"$S1" $((256 * MIB))
	echo "# mapcat of 256 MiB in a tmpfs: max RSS $output KiB" >&3
	[ "$output" -lt 65536 ]
}

# -- Usage --------------------------------------------------------------------

@test "mapcat: --help prints usage and every option to stdout" {
	run -0 --separate-stderr mapcat --help
	assert_equal "$stderr" ""
	assert_line --index 0 "$usage"
	for opt in "-a, --advice" "-l, --length" "-o, --offset" "--help" \
	    "--version"; do
		assert_output --partial "$opt"
	done
	for a in normal sequential random willneed dontneed hugepage; do
		assert_output --partial "$a"
	done
}

@test "mapcat: --version prints the project version" {
	assert_version mapcat
}

@test "mapcat: --help and --version to a full stdout exit 1" {
	assert_full_stdout mapcat
}
