#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# mapsync: msync a range of a file through a shared mapping, and with -w
# first store standard input into it through that mapping.
#
# Each -w test compares the file with an oracle that dd built the same way
# (conv=notrunc keeps every other byte), using cmp, so mapcat is not needed
# to check mapsync.  The tests run in the test's own directory ($T), on
# regular files; small tmpfs mounts there make full and read-only file
# systems, and teardown unmounts them.

setup() {
	load helper
	bindata "$T/data" 300000
	bindata "$T/in" 10000
	cp "$T/data" "$T/f"
	cd "$T"
	usage='usage: mapsync [-agiv] [-w [--progress]] [-o offset] [-l length] file ...'
}

MIB=$((1024 * 1024))

file_size() {
	stat -c %s "$1"
}

# Whether file $1 is $2 bytes long, for retry.
is_size() {
	[ "$(file_size "$1")" = "$2" ]
}

# The messages for input past the end: refused before writing (regular
# file on stdin), and stopped after writing what fitted (anything else).
refused() {
	echo "mapsync: $1: input of $2 bytes at offset $3 runs past the end" \
	    "of the file (size $4): nothing written"
}
stopped() {
	echo "mapsync: $1: input runs past the end of the file (size $2):" \
	    "$3 bytes written at offset $4"
}

# -- Syncing a range ----------------------------------------------------------

@test "mapsync: syncs a whole file and changes none of it" {
	run -0 --separate-stderr mapsync f
	assert_output ""
	assert_equal "$stderr" ""
	cmp f data
}

@test "mapsync: -v reports the whole file synced" {
	run -0 --separate-stderr mapsync -v f
	assert_output "f: synced 300000 bytes at offset 0"
	assert_equal "$stderr" ""
	run -0 mapsync --verbose f
	assert_output "f: synced 300000 bytes at offset 0"
}

@test "mapsync: -o and -l sync a range, reported exactly by -v" {
	run -0 mapsync -v -o 4097 -l 10000 f
	assert_output "f: synced 10000 bytes at offset 4097"
	run -0 mapsync -v --offset=1 --length 8M f
	assert_output "f: synced 299999 bytes at offset 1"
	run -0 mapsync -v -o 299990 -l 100 f
	assert_output "f: synced 10 bytes at offset 299990"
	run -0 mapsync -v -o 4k f
	assert_output "f: synced 295904 bytes at offset 4096"
	run -0 mapsync -v -l 0 f
	assert_output "f: synced 0 bytes at offset 0"
	cmp f data
}

@test "mapsync: syncs nothing, without error, from an offset at the end" {
	run -0 --separate-stderr mapsync -v -o 300000 f
	assert_output "f: synced 0 bytes at offset 300000"
	assert_equal "$stderr" ""
	run -0 --separate-stderr mapsync -v -o 1G -l 10 f
	assert_output "f: synced 0 bytes at offset 1073741824"
	assert_equal "$stderr" ""
}

@test "mapsync: syncs a range across the 8 MiB window boundaries" {
	truncate -s 20M big
	run -0 mapsync -v -o $((8 * MIB - 1)) -l $((8 * MIB + 2)) big
	assert_output \
	    "big: synced $((8 * MIB + 2)) bytes at offset $((8 * MIB - 1))"
	run -0 mapsync -v big
	assert_output "big: synced $((20 * MIB)) bytes at offset 0"
}

@test "mapsync: syncs an empty file as 0 bytes" {
	: >empty
	run -0 --separate-stderr mapsync -v empty
	assert_output "empty: synced 0 bytes at offset 0"
	assert_equal "$stderr" ""
}

@test "mapsync: reads 010 as ten and takes 0x and suffixes" {
	run -0 mapsync -v -o 010 -l 010 f
	assert_output "f: synced 10 bytes at offset 10"
	run -0 mapsync -v -o 0x10 -l 0X20 f
	assert_output "f: synced 32 bytes at offset 16"
	run -0 mapsync -v -o 4K -l 2k f
	assert_output "f: synced 2048 bytes at offset 4096"
}

@test "mapsync: -a schedules the sync and -v says so" {
	run -0 --separate-stderr mapsync -a -v f
	assert_output "f: scheduled 300000 bytes at offset 0"
	assert_equal "$stderr" ""
	run -0 mapsync --async --verbose -o 5 -l 6 f
	assert_output "f: scheduled 6 bytes at offset 5"
	cmp f data
}

@test "mapsync: -i is accepted, alone and with -a" {
	run -0 --separate-stderr mapsync -i -v f
	assert_output "f: synced 300000 bytes at offset 0"
	assert_equal "$stderr" ""
	run -0 mapsync --invalidate -v f
	assert_output "f: synced 300000 bytes at offset 0"
	run -0 mapsync -aiv f
	assert_output "f: scheduled 300000 bytes at offset 0"
	cmp f data
}

@test "mapsync: passes MS_SYNC, MS_ASYNC and MS_INVALIDATE to msync" {
	command -v strace >/dev/null || skip "no strace"
	flags() {
		traced -o "$T/trace" -e trace=msync "$@" &&
		    sed -n 's/^msync(0x[0-9a-f]*, \([0-9]*\), \([A-Z_|]*\)).*/'\
'\1 \2/p' "$T/trace"
	}
	run -0 flags mapsync f
	assert_output "300000 MS_SYNC"
	run -0 flags mapsync -a f
	assert_output "300000 MS_ASYNC"
	run -0 flags mapsync -i f
	assert_output "300000 MS_SYNC|MS_INVALIDATE"
	run -0 flags mapsync -ai f
	assert_output "300000 MS_ASYNC|MS_INVALIDATE"
	# The mapping starts at the page the range starts in.
	run -0 flags mapsync -o 4097 -l 10000 f
	assert_output "10001 MS_SYNC"
}

@test "mapsync: syncs several files in order" {
	cp data g
	: >e
	run -0 --separate-stderr mapsync -v f e g
	assert_equal "$stderr" ""
	assert_equal "${#lines[@]}" 3
	assert_line --index 0 "f: synced 300000 bytes at offset 0"
	assert_line --index 1 "e: synced 0 bytes at offset 0"
	assert_line --index 2 "g: synced 300000 bytes at offset 0"
}

@test "mapsync: a sync that fails is reported, and the other files are synced" {
	command -v strace >/dev/null || skip "no strace"
	cp "$T/data" g
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=msync:error=EIO:when=1 mapsync -v f g
	assert_equal "$stderr" "mapsync: f: Input/output error"
	assert_output "g: synced 300000 bytes at offset 0"
	cmp f "$T/data"
}

@test "mapsync: -w whose sync fails says what it stored, and where" {
	command -v strace >/dev/null || skip "no strace"
	head -c 100 "$T/in" >in100
	oracle in100 4096
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=msync:error=EIO mapsync -v -w -o 4k f <in100
	assert_equal "$stderr" \
	    "mapsync: f: Input/output error; 100 bytes written at offset 4096, not synced"
	assert_output ""
	cmp f "$T/want"
}

@test "mapsync: reports a missing file among several and syncs the rest" {
	cp data g
	run -1 --separate-stderr mapsync -v f nope g
	assert_equal "$stderr" "mapsync: nope: No such file or directory"
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 "f: synced 300000 bytes at offset 0"
	assert_line --index 1 "g: synced 300000 bytes at offset 0"
}

# -- -w: storing standard input -----------------------------------------------

@test "mapsync: -w stores a file at an offset, every other byte untouched" {
	oracle in 4097
	run -0 --separate-stderr mapsync -w -o 4097 f <in
	assert_output ""
	assert_equal "$stderr" ""
	cmp f want
	assert_equal "$(file_size f)" 300000
}

@test "mapsync: -w stores a pipe at an offset, every other byte untouched" {
	oracle in 1
	run -0 --separate-stderr pipeline 'cat in | mapsync --write --offset=1 f'
	assert_output ""
	assert_equal "$stderr" ""
	cmp f want
	assert_equal "$(file_size f)" 300000
}

@test "mapsync: -w at offset 0 by default" {
	oracle in 0
	run -0 mapsync -w f <in
	cmp f want
}

@test "mapsync: -w -v reports exactly the range written" {
	run -0 --separate-stderr mapsync -w -v -o 4097 f <in
	assert_output "f: synced 10000 bytes at offset 4097"
	assert_equal "$stderr" ""
	run -0 pipeline 'cat in | mapsync -w -a -v -o 4097 f'
	assert_output "f: scheduled 10000 bytes at offset 4097"
}

@test "mapsync: -w msyncs the range written and nothing else" {
	command -v strace >/dev/null || skip "no strace"
	run -0 traced -o "$T/trace" -e trace=msync mapsync -w -o 4097 f <in
	run -0 sed -n \
	    's/^msync(0x[0-9a-f]*, \([0-9]*\), \(.*\)) *= 0$/\1 \2/p' "$T/trace"
	# From the page of offset 4097 (4096) to the end of the data.
	assert_output "10001 MS_SYNC"
}

@test "mapsync: -w grows an input pipe to 1 MiB and reads 1 MiB at a time" {
	command -v strace >/dev/null || skip "no strace"
	bindata big $((3 * MIB))
	cp big want
	run -0 traced -o "$T/trace" -e trace=fcntl,read \
	    mapsync -w big < <(cat in)
	grep -Eq '^fcntl\(0, F_SETPIPE_SZ, 1048576\) += 1048576$' "$T/trace"
	grep -Eq '^read\(0, .*, 1048576\) += [0-9]+$' "$T/trace"
	dd if=in of=want conv=notrunc status=none
	cmp big want
}

@test "mapsync: -w stores a pipe across the 8 MiB window boundaries" {
	bindata big $((20 * MIB + 5))
	bindata bigin $((9 * MIB + 7))
	cp big want
	dd if=bigin of=want bs=64k oflag=seek_bytes seek=$((8 * MIB - 4095)) \
	    conv=notrunc status=none
	# A trickling pipe hands mapsync short reads at odd positions.
	run -0 pipeline 'cat bigin | dd bs=12345 status=none |
	    mapsync -w -v -o $((8 * 1024 * 1024 - 4095)) big'
	assert_output \
	    "big: synced $((9 * MIB + 7)) bytes at offset $((8 * MIB - 4095))"
	cmp big want
}

@test "mapsync: -w with empty input writes nothing and syncs 0 bytes" {
	run -0 --separate-stderr mapsync -w -v -o 3 f </dev/null
	assert_output "f: synced 0 bytes at offset 3"
	assert_equal "$stderr" ""
	cmp f data
	# At the end of the file, empty input still fits.
	run -0 mapsync -w -v -o 300000 f </dev/null
	assert_output "f: synced 0 bytes at offset 300000"
}

@test "mapsync: -w takes input that ends exactly at the end of the file" {
	oracle in 290000
	run -0 --separate-stderr mapsync -w -o 290000 f <in
	assert_equal "$stderr" ""
	cmp f want
	cp data f
	run -0 --separate-stderr pipeline 'cat in | mapsync -w -o 290000 f'
	assert_equal "$stderr" ""
	cmp f want
	assert_equal "$(file_size f)" 300000
}

@test "mapsync: refuses a regular file past the end before writing" {
	run -1 --separate-stderr mapsync -w -o 290001 f <in
	assert_output ""
	assert_equal "$stderr" "$(refused f 10000 290001 300000)"
	cmp f data
	assert_equal "$(file_size f)" 300000
}

@test "mapsync: reports a pipe past the end with the bytes written" {
	printf 0123456789 >small
	run -1 --separate-stderr bash -c \
	    'printf ABCDEFGHIJ | mapsync -w -o 5 small'
	assert_output ""
	assert_equal "$stderr" "$(stopped small 10 5 5)"
	run -0 cat small
	assert_output 01234ABCDE
	# From an offset past the end, not one byte fits.
	run -1 --separate-stderr bash -c 'printf X | mapsync -w -o 20 small'
	assert_equal "$stderr" "$(stopped small 10 0 20)"
	assert_equal "$(file_size small)" 10
}

@test "mapsync: -g grows the file for a pipe past its end" {
	printf 0123456789 >small
	run -0 --separate-stderr bash -c \
	    'printf XYZ | mapsync -g -w -v -o 12 small'
	assert_output "small: synced 3 bytes at offset 12"
	assert_equal "$stderr" ""
	printf '0123456789\0\0XYZ' >want
	cmp small want
}

@test "mapsync: -g grows the file for binary data past its end" {
	bindata more $((3 * MIB + 3))
	cp data want
	dd if=more of=want bs=64k oflag=seek_bytes seek=299999 conv=notrunc \
	    status=none
	run -0 pipeline 'cat more | mapsync --grow -w -o 299999 f'
	cmp f want
	assert_equal "$(file_size f)" $((299999 + 3 * MIB + 3))
	cp data f
	run -0 mapsync -g -w -o 299999 f <more
	cmp f want
}

@test "mapsync: -g leaves a file that is large enough at its size" {
	oracle in 4097
	run -0 mapsync -g -w -o 4097 f <in
	cmp f want
	assert_equal "$(file_size f)" 300000
}

@test "mapsync: -l caps what -w copies from a pipe and leaves the rest" {
	printf 0123456789 >small
	run -0 --separate-stderr pipeline 'printf abcdefghij |
	    { mapsync -w -v -l 4 -o 2 small; cat; }'
	assert_output "small: synced 4 bytes at offset 2
efghij"
	assert_equal "$stderr" ""
	run -0 cat small
	assert_output 01abcd6789
}

@test "mapsync: -l caps what -w copies from a file and leaves the rest" {
	printf 0123456789 >small
	printf abcdefghij >letters
	run -0 pipeline '{ mapsync -w --length=4 -o 2 small; cat; } <letters'
	assert_output efghij
	run -0 cat small
	assert_output 01abcd6789
}

@test "mapsync: -l lets a larger file on stdin write what fits" {
	oracle <(head -c 5 in) 299995
	run -0 --separate-stderr mapsync -w -o 299995 -l 5 f <in
	assert_equal "$stderr" ""
	cmp f want
	run -1 --separate-stderr mapsync -w -o 299995 -l 6 f <in
	assert_equal "$stderr" "$(refused f 6 299995 300000)"
}

@test "mapsync: -w reports an error reading stdin" {
	mkdir dir
	run -1 --separate-stderr mapsync -w f <dir
	assert_output ""
	assert_equal "$stderr" "mapsync: stdin: Is a directory; f: nothing written"
	cmp f data
}

# -- Files that cannot be synced ----------------------------------------------

@test "mapsync: reports a missing file and does not create it" {
	run -1 --separate-stderr mapsync nope
	assert_output ""
	assert_equal "$stderr" "mapsync: nope: No such file or directory"
	[ ! -e nope ]
	run -1 --separate-stderr mapsync -g -w nope <in
	assert_equal "$stderr" "mapsync: nope: No such file or directory"
	[ ! -e nope ]
}

@test "mapsync: refuses a directory" {
	mkdir dir
	run -1 --separate-stderr mapsync dir
	assert_output ""
	assert_equal "$stderr" "mapsync: dir: Is a directory"
}

@test "mapsync: refuses a fifo without hanging" {
	mkfifo fifo
	run -1 --separate-stderr timeout 5 mapsync fifo
	assert_output ""
	assert_equal "$stderr" "mapsync: fifo: not a regular file"
	run -1 --separate-stderr timeout 5 mapsync -w fifo <in
	assert_equal "$stderr" "mapsync: fifo: not a regular file"
}

@test "mapsync: refuses a character device" {
	run -1 --separate-stderr mapsync /dev/null
	assert_output ""
	assert_equal "$stderr" "mapsync: /dev/null: not a regular file"
}

@test "mapsync: refuses a file the user may not write" {
	need_private_shm
	# The test directory may be out of nobody's reach; /dev/shm is not.
	mkdir -m 0755 /dev/shm/"$S-dir"
	cp data /dev/shm/"$S-dir"/ro
	chmod 0444 /dev/shm/"$S-dir"/ro
	run -1 --separate-stderr as_nobody mapsync /dev/shm/"$S-dir"/ro
	assert_output ""
	assert_equal "$stderr" "mapsync: /dev/shm/$S-dir/ro: Permission denied"
	run -1 --separate-stderr as_nobody mapsync -w /dev/shm/"$S-dir"/ro <in
	assert_equal "$stderr" "mapsync: /dev/shm/$S-dir/ro: Permission denied"
	cmp /dev/shm/"$S-dir"/ro data
	# Readable is not enough: mapsync opens the file for writing.
	chmod 0644 /dev/shm/"$S-dir"/ro
	run -1 --separate-stderr as_nobody mapsync /dev/shm/"$S-dir"/ro
	assert_equal "$stderr" "mapsync: /dev/shm/$S-dir/ro: Permission denied"
}

@test "mapsync: refuses a file on a read-only file system" {
	tmpfs_on "$T/rofs" 1m
	cp data rofs/f
	mount -o remount,ro "$T/rofs"
	run -1 --separate-stderr mapsync rofs/f
	assert_output ""
	assert_equal "$stderr" "mapsync: rofs/f: Read-only file system"
	run -1 --separate-stderr mapsync -w -o 5 rofs/f <in
	assert_equal "$stderr" "mapsync: rofs/f: Read-only file system"
	cmp rofs/f data
}

# fed_full -o OFFSET: mapsync -v -w -g of small/f from a fifo that first
# gives 12345, which grows the file, then 3 MiB that cannot fit; exits 1,
# with its stdout and stderr in $output and $stderr.
fed_full() {
	local size s=0

	size=$(($(file_size small/f) > $2 + 5 ? $(file_size small/f) : $2 + 5))
	rm -f fifo
	mkfifo fifo
	mapsync -v -w -g "$@" small/f <fifo >out 2>err &
	exec 7>fifo
	printf 12345 >&7
	retry is_size small/f "$size"
	head -c 3M /dev/zero >&7 2>/dev/null || true
	exec 7>&-
	wait $! || s=$?
	assert_equal "$s" 1
	output=$(cat out)
	stderr=$(cat err)
}

@test "mapsync: -g on a full file system is ENOSPC, not SIGBUS" {
	tmpfs_on "$T/small" 1m
	printf abc >small/f
	# From a pipe: 12345 grows the file, then 3 MiB do not fit; the file
	# gets its size back, and only what was written over the old bytes
	# stays.
	fed_full -o 0
	assert_equal "$stderr" \
	    "mapsync: small/f: No space left on device; 3 bytes written at offset 0"
	assert_equal "$(cat small/f)" 123
	printf abc >small/f
	fed_full -o 1
	assert_equal "$stderr" \
	    "mapsync: small/f: No space left on device; 2 bytes written at offset 1"
	assert_equal "$output" "small/f: synced 2 bytes at offset 1"
	assert_equal "$(cat small/f)" a12
	printf abc >small/f
	fed_full -o 3
	assert_equal "$stderr" \
	    "mapsync: small/f: No space left on device; nothing written"
	assert_equal "$output" ""
	assert_equal "$(cat small/f)" abc
	# From a file the space is asked for first.
	head -c 3M /dev/zero >zeros
	run -1 --separate-stderr mapsync -g -w -o 100 small/f <zeros
	assert_equal "$stderr" \
	    "mapsync: small/f: No space left on device; nothing written"
	assert_equal "$(cat small/f)" abc
}

@test "mapsync: a page that cannot be had is an error, not SIGBUS" {
	# A hole in a sparse file takes memory only when written, and the
	# tmpfs holds less than the input: the store faults.
	tmpfs_on "$T/small" 1m
	truncate -s 10M small/sparse
	run -1 --separate-stderr bash -c 'head -c 3M /dev/zero |
	    mapsync -w small/sparse'
	assert_output ""
	why="mapped page unavailable (out of space or I/O error)"
	assert_equal "$stderr" \
	    "mapsync: small/sparse: $why; $MIB bytes written at offset 0"
	assert_equal "$(file_size small/sparse)" $((10 * MIB))
	# Exactly that much is there: the first page that could not be had
	# holds nothing of the input.
	cmp -n "$MIB" small/sparse /dev/zero
	assert_equal "$(du -B1 small/sparse | cut -f1)" "$MIB"
}

@test "mapsync: a store that faults part way says exactly what was written and synced" {
	tmpfs_on "$T/small" 1m
	# 300 KiB taken by another file: the first 1 MiB read from the pipe
	# runs out of pages inside the chunk, at 724 KiB.
	head -c 300k /dev/zero >small/other
	truncate -s 2M small/sparse
	bindata big $((2 * MIB))
	run -1 --separate-stderr bash -c 'cat big | mapsync -v -w small/sparse'
	why="mapped page unavailable (out of space or I/O error)"
	assert_equal "$stderr" \
	    "mapsync: small/sparse: $why; 741376 bytes written at offset 0"
	assert_output "small/sparse: synced 741376 bytes at offset 0"
	cmp -n 741376 small/sparse big
	cmp -i 741376 -n $((2 * MIB - 741376)) small/sparse /dev/zero
}

@test "mapsync: -w fails with a message when the file shrinks meanwhile" {
	bindata big "$MIB"
	bindata chunk 4096
	mkfifo fifo
	# mapsync stores the first chunk, then waits on the fifo for more;
	# the file is cut meanwhile, and the second chunk lands past its end.
	( s=0; mapsync -w big <fifo 2>err || s=$?; echo "$s" >rc ) &
	exec 7>fifo
	cat chunk >&7
	retry cmp -s -n 4096 big chunk
	truncate -s 0 big
	cat chunk >&7
	exec 7>&-
	wait
	run -0 cat rc
	assert_output 1
	run -0 cat err
	assert_output \
	    "mapsync: big: file shrank while writing; 4096 bytes written at offset 0"
}

# -- Usage --------------------------------------------------------------------

@test "mapsync: refuses -g without -w with exit 2" {
	run -2 --separate-stderr mapsync -g f
	assert_output ""
	assert_usage_error "mapsync: -g needs -w"
	run -2 --separate-stderr mapsync --grow f
	assert_output ""
	assert_usage_error "mapsync: -g needs -w"
}

@test "mapsync: refuses -w with two files with exit 2" {
	cp data g
	run -2 --separate-stderr mapsync -w f g <in
	assert_output ""
	assert_usage_error "mapsync: -w takes one file only"
	cmp f data
	cmp g data
}

@test "mapsync: refuses a missing operand with exit 2" {
	run -2 --separate-stderr mapsync
	assert_output ""
	assert_usage_error "mapsync: missing file operand"
	run -2 --separate-stderr mapsync -w </dev/null
	assert_output ""
	assert_usage_error "mapsync: missing file operand"
}

@test "mapsync: refuses an unknown option with exit 2" {
	run -2 --separate-stderr mapsync -x f
	assert_output ""
	stderr_has "invalid option -- 'x'"
	assert_equal "${stderr_lines[1]}" "$usage"
	run -2 --separate-stderr mapsync --bogus f
	assert_output ""
	stderr_has "unrecognized option '--bogus'"
}

@test "mapsync: refuses bad offsets and lengths with exit 2" {
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000 1kk; do
		run -2 --separate-stderr mapsync -w -o "$bad" f <in
		assert_output ""
		stderr_has "mapsync: invalid offset '$bad': "
		assert_equal "${stderr_lines[1]}" "$usage"
		run -2 --separate-stderr mapsync -w -l "$bad" f <in
		assert_output ""
		stderr_has "mapsync: invalid length '$bad': "
	done
	cmp f data
	run -2 --separate-stderr mapsync --offset=-1 f
	assert_equal "${stderr_lines[0]}" \
	    "mapsync: invalid offset '-1': negative value"
}

@test "mapsync: reports a full stdout for -v and exits 1" {
	run -1 --separate-stderr bash -c 'mapsync -v f >/dev/full'
	assert_equal "$stderr" "mapsync: stdout: No space left on device"
}

@test "mapsync: --help prints usage and every option to stdout" {
	run -0 --separate-stderr mapsync --help
	assert_equal "$stderr" ""
	assert_line --index 0 "$usage"
	for opt in "-a, --async" "-g, --grow" "-i, --invalidate" \
	    "-l, --length" "-o, --offset" "-v, --verbose" "-w, --write" \
	    "--help" "--version"; do
		assert_output --partial "$opt"
	done
}

@test "mapsync: --version prints the project version" {
	assert_version mapsync
}

@test "mapsync: --help and --version to a full stdout exit 1" {
	assert_full_stdout mapsync
}

# -- Input that is the output -------------------------------------------------

@test "mapsync: -w refuses the file itself on stdin, changing nothing" {
	for opts in "" -g "-g -o 8" "-o 100 -l 10"; do
		run -1 --separate-stderr mapsync -w $opts f <f
		assert_output ""
		assert_equal "$stderr" "mapsync: f: input file is output file"
		cmp f data
	done
	# Without -w, standard input is not read: no refusal.
	run -0 mapsync f <f
}

@test "mapsync: a size that cannot be restored after a failure is reported" {
	tmpfs_on "$T/small" 1m
	printf abc >small/f
	mkfifo fifo
	# abc grows the file; then 2 MiB do not fit, and the restore fails.
	traced -qq -o /dev/null -e inject=ftruncate:error=EIO \
	    mapsync -w -g -o 3 small/f <fifo 2>err &
	pid=$!
	exec 7>fifo
	printf abc >&7
	retry is_size small/f 6
	head -c 2M /dev/zero >&7 || true
	exec 7>&-
	s=0
	wait "$pid" || s=$?
	assert_equal "$s" 1
	# Not restored: all that was written is still there, and said so.
	size=$(file_size small/f)
	run -0 cat err
	assert_output "mapsync: small/f: cannot restore the size of 3 bytes: Input/output error
mapsync: small/f: No space left on device; $((size - 3)) bytes written at offset 3"
	assert_equal "$(head -c 6 small/f)" abcabc
}
