#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# shmwrite: standard input into a segment.
#
# Each test writes into a segment and compares it with an oracle file that
# dd built the same way (conv=notrunc keeps every other byte), using cmp on
# /dev/shm/NAME itself, so shmcat is not needed to check shmwrite.

setup() {
	load helper
	bindata "$T/data" 300000
	bindata "$T/in" 5000
	# Made with cp, not shmwrite -c, so these tests stand on shmwrite alone.
	cp "$T/data" /dev/shm/"$S1"
}

# Fails if a segment of this test other than $S1 exists.
assert_nothing_made() {
	run -0 find /dev/shm/ -maxdepth 1 -name "$S*" ! -name "$S1"
	assert_output ""
}

# -- Writing into an existing segment -----------------------------------------

@test "shmwrite: writes a file on stdin at offset 0, the rest untouched" {
	oracle "$T/in" 0
	run -0 --separate-stderr shmwrite "$S1" <"$T/in"
	assert_output ""
	assert_equal "$stderr" ""
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: writes a pipe at offset 0, the rest untouched" {
	oracle "$T/in" 0
	run -0 --separate-stderr pipeline 'cat "$2" | shmwrite "$1"' \
	    _ "$S1" "$T/in"
	assert_output ""
	assert_equal "$stderr" ""
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: writes at -o, every other byte untouched" {
	oracle "$T/in" 4097
	run -0 shmwrite -o 4097 "$S1" <"$T/in"
	cmp /dev/shm/"$S1" "$T/want"
	assert_equal "$(size_of "$S1")" 300000
}

@test "shmwrite: writes a pipe at --offset with a suffix" {
	oracle "$T/in" 8192
	run -0 pipeline 'cat "$2" | shmwrite --offset=8k "$1"' _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: reads -o 010 as ten, never as octal eight" {
	oracle "$T/in" 10
	run -0 shmwrite -o 010 "$S1" <"$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: fills a segment exactly to its end" {
	oracle "$T/in" 295000
	run -0 shmwrite -o 295000 "$S1" <"$T/in"
	cmp /dev/shm/"$S1" "$T/want"
	run -0 pipeline 'cat "$2" | shmwrite -o 295000 "$1"' _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: counts only what is left of a regular file on stdin" {
	# dd reads exactly 1000 bytes, so 4000 are left: they fit at the end.
	tail -c +1001 "$T/in" >"$T/rest"
	oracle "$T/rest" 296000
	run -0 pipeline '{ dd bs=1000 count=1 of=/dev/null status=none
	    shmwrite -o 296000 "$1"; } <"$2"' _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: writes empty input as nothing" {
	run -0 --separate-stderr shmwrite "$S1" </dev/null
	assert_equal "$stderr" ""
	cmp /dev/shm/"$S1" "$T/data"
	run -0 pipeline 'printf "" | shmwrite -o 1M "$1"' _ "$S1"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: accepts a name with a leading slash" {
	oracle "$T/in" 0
	run -0 shmwrite "/$S1" <"$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

# -- Past the end without leave to grow ---------------------------------------

@test "shmwrite: refuses a file on stdin that runs past the end, unwritten" {
	run -1 --separate-stderr shmwrite -o 296000 "$S1" <"$T/in"
	assert_output ""
	assert_equal "$stderr" "shmwrite: $S1: input of 5000 bytes at offset\
 296000 runs past the end of the segment (size 300000): nothing written"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: refuses a file on stdin at an offset past the end" {
	run -1 --separate-stderr shmwrite -o 1M "$S1" <"$T/in"
	stderr_has "runs past the end"
	stderr_has "nothing written"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: reports how much of a pipe fit before the end" {
	head -c 4000 "$T/in" >"$T/fits"
	oracle "$T/fits" 296000
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite -o 296000 "$1"' \
	    _ "$S1" "$T/in"
	assert_output ""
	assert_equal "$stderr" "shmwrite: $S1: input runs past the end of the\
 segment (size 300000): 4000 bytes written at offset 296000"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: reports 0 bytes written for a pipe at an offset past the end" {
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite -o 400000 "$1"' \
	    _ "$S1" "$T/in"
	stderr_has "runs past the end"
	stderr_has ": 0 bytes written at offset 400000"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: one byte is one byte, not 1 bytes" {
	run -1 --separate-stderr bash -c 'printf ab | shmwrite -o 299999 "$1"' \
	    _ "$S1"
	assert_equal "$stderr" "shmwrite: $S1: input runs past the end of the\
 segment (size 300000): 1 byte written at offset 299999"
	printf a >"$T/one"
	run -1 --separate-stderr shmwrite -o 300000 "$S1" <"$T/one"
	assert_equal "$stderr" "shmwrite: $S1: input of 1 byte at offset 300000\
 runs past the end of the segment (size 300000): nothing written"
}

@test "shmwrite: without /dev/shm, says so" {
	run -1 --separate-stderr hide /dev 0755 shmwrite -c "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: /dev/shm: No such file or directory"
}

# -- -g, --grow ---------------------------------------------------------------

@test "shmwrite: -g grows the segment when input runs past its end" {
	oracle "$T/in" 299000
	run -0 --separate-stderr shmwrite -g -o 299000 "$S1" <"$T/in"
	assert_equal "$stderr" ""
	assert_equal "$(size_of "$S1")" 304000
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: --grow grows from a pipe too" {
	oracle "$T/in" 299000
	run -0 pipeline 'cat "$2" | shmwrite --grow -o 299000 "$1"' \
	    _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: -g past the end leaves zero bytes in between" {
	oracle "$T/in" 400000
	run -0 shmwrite -g -o 400000 "$S1" <"$T/in"
	assert_equal "$(size_of "$S1")" 405000
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: -g never shrinks the segment" {
	oracle "$T/in" 0
	run -0 shmwrite -g "$S1" <"$T/in"
	assert_equal "$(size_of "$S1")" 300000
	cmp /dev/shm/"$S1" "$T/want"
}

# -- -t, --truncate -----------------------------------------------------------

@test "shmwrite: -t ends the segment where the data ends" {
	run -0 --separate-stderr shmwrite -t "$S1" <"$T/in"
	assert_equal "$stderr" ""
	cmp /dev/shm/"$S1" "$T/in"
}

@test "shmwrite: -t at an offset keeps the bytes before it" {
	{ head -c 100 "$T/data"; cat "$T/in"; } >"$T/want"
	run -0 pipeline 'cat "$2" | shmwrite --truncate -o 100 "$1"' \
	    _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: -t -o 100 with empty input shrinks to exactly 100" {
	head -c 100 "$T/data" >"$T/want"
	run -0 shmwrite -t -o 100 "$S1" </dev/null
	assert_equal "$(size_of "$S1")" 100
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: -t grows the segment when the data runs past the end" {
	oracle "$T/in" 298000
	head -c 303000 "$T/want" >"$T/want2"
	run -0 shmwrite -t -o 298000 "$S1" <"$T/in"
	assert_equal "$(size_of "$S1")" 303000
	cmp /dev/shm/"$S1" "$T/want2"
}

@test "shmwrite: -t with empty input past the end grows to the offset" {
	{ cat "$T/data"; head -c 100000 /dev/zero; } >"$T/want"
	run -0 shmwrite -t -o 400000 "$S1" </dev/null
	cmp /dev/shm/"$S1" "$T/want"
}

# -- -a, --append -------------------------------------------------------------

@test "shmwrite: -a appends at the end" {
	cat "$T/data" "$T/in" >"$T/want"
	run -0 --separate-stderr shmwrite -a "$S1" <"$T/in"
	assert_equal "$stderr" ""
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: --append twice from a pipe appends twice" {
	cat "$T/data" "$T/in" "$T/in" >"$T/want"
	run -0 pipeline 'cat "$2" | shmwrite --append "$1" &&
	    cat "$2" | shmwrite -a "$1"' _ "$S1" "$T/in"
	cmp /dev/shm/"$S1" "$T/want"
}

@test "shmwrite: -a on a 0-byte segment writes from the start" {
	: >/dev/shm/"$S2"
	run -0 shmwrite -a "$S2" <"$T/in"
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: refuses -a with -o, exit 2, segment unchanged" {
	run -2 --separate-stderr shmwrite -a -o 10 "$S1" <"$T/in"
	assert_output ""
	assert_equal "${stderr_lines[0]}" \
	    "shmwrite: -a and -o cannot be used together"
	stderr_has "usage: shmwrite"
	cmp /dev/shm/"$S1" "$T/data"
}

# -- -c, --create and -m, --mode ----------------------------------------------

@test "shmwrite: -c creates a missing segment, mode 0600, sized to the data" {
	run -0 --separate-stderr shmwrite -c "$S2" <"$T/in"
	assert_output ""
	assert_equal "$stderr" ""
	assert_equal "$(mode_of "$S2")" 600
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: -c creates from a pipe, sized to the data" {
	run -0 pipeline 'cat "$2" | shmwrite --create "$1"' _ "$S2" "$T/data"
	cmp /dev/shm/"$S2" "$T/data"
}

@test "shmwrite: from a pipe, grows it to 1 MiB and reads, never splices" {
	command -v strace >/dev/null || skip "no strace"
	bindata "$T/3m" 3145728
	run -0 traced -o "$T/trace" -e trace=fcntl,splice,read,pwrite64 \
	    shmwrite -c "$S2" < <(cat "$T/3m")
	cmp /dev/shm/"$S2" "$T/3m"
	grep -Eq '^fcntl\(0, F_SETPIPE_SZ, 1048576\) += 1048576$' "$T/trace"
	grep -Eq '^read\(0, .*, 1048576\) += [0-9]+$' "$T/trace"
	grep -q '^pwrite64(' "$T/trace"
	run -1 grep -c '^splice(' "$T/trace"
	assert_output 0
}

@test "shmwrite: -c gives mode 0600 whatever the umask" {
	run -0 pipeline 'umask 0777; shmwrite -c "$1"' _ "$S2" <"$T/in"
	assert_equal "$(mode_of "$S2")" 600
	cmp /dev/shm/"$S2" "$T/in"
	run -0 pipeline 'umask 0; shmwrite -c "$1"' _ "$S-c" <"$T/in"
	assert_equal "$(mode_of "$S-c")" 600
}

@test "shmwrite: -c with empty input creates a 0-byte segment" {
	run -0 shmwrite -c "$S2" </dev/null
	assert_equal "$(size_of "$S2")" 0
	assert_equal "$(mode_of "$S2")" 600
}

@test "shmwrite: -c with -o leaves zero bytes before the data" {
	{ head -c 10 /dev/zero; cat "$T/in"; } >"$T/want"
	run -0 pipeline 'cat "$2" | shmwrite -c -o 10 "$1"' _ "$S2" "$T/in"
	cmp /dev/shm/"$S2" "$T/want"
}

@test "shmwrite: -c -m takes an octal mode, whatever the umask" {
	run -0 pipeline 'umask 077; shmwrite -c -m 0640 "$1"' _ "$S2" <"$T/in"
	assert_equal "$(mode_of "$S2")" 640
	run -0 pipeline 'umask 0; shmwrite -c --mode=0604 "$1"' _ "$S-c" <"$T/in"
	assert_equal "$(mode_of "$S-c")" 604
	cmp /dev/shm/"$S-c" "$T/in"
}

@test "shmwrite: -c -m takes a symbolic mode starting from 0" {
	run -0 pipeline 'umask 077; shmwrite -c -m u=rw,g=r "$1"' \
	    _ "$S2" <"$T/in"
	assert_equal "$(mode_of "$S2")" 640
	run -0 pipeline 'umask 022; shmwrite -c -m a=rw "$1"' _ "$S-c" <"$T/in"
	assert_equal "$(mode_of "$S-c")" 666
	run -0 pipeline 'umask 0; shmwrite -c -m u=r "$1"' _ "$S-d" <"$T/in"
	assert_equal "$(mode_of "$S-d")" 400
	cmp /dev/shm/"$S-d" "$T/in"
}

@test "shmwrite: -c writes into an existing segment without growing it" {
	chmod 0644 /dev/shm/"$S1"
	oracle "$T/in" 0
	run -0 --separate-stderr shmwrite -c "$S1" <"$T/in"
	assert_equal "$stderr" ""
	assert_equal "$(size_of "$S1")" 300000
	cmp /dev/shm/"$S1" "$T/want"
	# -m is for a segment -c makes; an existing one keeps its mode.
	run -0 shmwrite -c -m 0600 "$S1" <"$T/in"
	assert_equal "$(mode_of "$S1")" 644
}

@test "shmwrite: -c on an existing segment refuses input past its end" {
	run -1 --separate-stderr shmwrite -c -o 296000 "$S1" <"$T/in"
	stderr_has "runs past the end"
	stderr_has "nothing written"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: refuses -m without -c, exit 2, nothing made" {
	run -2 --separate-stderr shmwrite -m 0644 "$S2" <"$T/in"
	assert_output ""
	assert_equal "${stderr_lines[0]}" "shmwrite: -m needs -c"
	stderr_has "usage: shmwrite"
	assert_nothing_made
}

@test "shmwrite: refuses bad modes, exit 2, nothing made" {
	for bad in 0999 u=rwz "" x -1 99999 17777 'u=rw g=r' 0x644; do
		run -2 --separate-stderr shmwrite -c -m "$bad" "$S2" <"$T/in"
		assert_output ""
		stderr_has "shmwrite: invalid mode '$bad'"
		assert_nothing_made
	done
}

# -- --lock -------------------------------------------------------------------

@test "shmwrite: --lock writes as without it" {
	oracle "$T/in" 77
	run -0 shmwrite --lock -o 77 "$S1" <"$T/in"
	cmp /dev/shm/"$S1" "$T/want"
	run -0 shmwrite --lock -c "$S2" <"$T/in"
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: --lock waits for a reader holding a shared lock" {
	oracle "$T/in" 0
	# The holder copies the segment and notes it is done, all before it
	# lets go; a writer that waited changed nothing it saw, and comes
	# second.  A shared holder also shows the writer's lock is exclusive.
	flock -s /dev/shm/"$S1" sh -c '
	    : >"$1/locked"
	    sleep 1
	    cat /dev/shm/"$2" >"$1/seen"
	    echo holder >>"$1/order"' _ "$T" "$S1" 3>&- &
	holder=$!
	wait_for "$T/locked"
	run -0 pipeline 'timeout 20 shmwrite --lock "$1" <"$2/in" &&
	    echo writer >>"$2/order"' _ "$S1" "$T"
	wait "$holder"
	run -0 cat "$T/order"
	assert_output $'holder\nwriter'
	cmp "$T/seen" "$T/data"
	cmp /dev/shm/"$S1" "$T/want"
}

# -- No space left ------------------------------------------------------------

@test "shmwrite: -c from a pipe into a full /dev/shm fails, leaving nothing" {
	small_shm 1m
	run -1 --separate-stderr \
	    bash -c 'head -c 2M /dev/zero | shmwrite -c "$1"' _ "$S2"
	assert_equal "$stderr" "shmwrite: $S2: No space left on device"
	[ ! -e /dev/shm/"$S2" ]
}

@test "shmwrite: -c from a file too big for /dev/shm fails, leaving nothing" {
	head -c 2M /dev/zero >"$T/2m"
	small_shm 1m
	run -1 --separate-stderr shmwrite -c "$S2" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S2: No space left on device"
	[ ! -e /dev/shm/"$S2" ]
}

@test "shmwrite: -g from a file too big for /dev/shm fails before writing" {
	head -c 2M /dev/zero >"$T/2m"
	small_shm 1m
	cp "$T/in" /dev/shm/"$S2"
	run -1 --separate-stderr shmwrite -g "$S2" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S2: No space left on device"
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: -g from a pipe into a full /dev/shm fails, not SIGBUS" {
	small_shm 1m
	cp "$T/in" /dev/shm/"$S2"
	run -1 --separate-stderr bash -c \
	    'head -c 2M /dev/zero | shmwrite -g -o 1000 "$1"' _ "$S2"
	assert_equal "$stderr" "shmwrite: $S2: No space left on device"
	# Bytes before the offset are the caller's and stay as they were.
	head -c 1000 /dev/shm/"$S2" >"$T/head"
	head -c 1000 "$T/in" >"$T/want"
	cmp "$T/head" "$T/want"
}

@test "shmwrite: -c -k keeps what was written when /dev/shm fills" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	run -1 --separate-stderr \
	    bash -c 'cat "$2" | shmwrite -c -k "$1"' _ "$S2" "$T/2m"
	assert_equal "$stderr" "shmwrite: $S2: No space left on device"
	# What is there is the start of the input, and no more than fits.
	size=$(size_of "$S2")
	[ "$size" -le $((1024 * 1024)) ]
	head -c "$size" "$T/2m" >"$T/want"
	cmp /dev/shm/"$S2" "$T/want"
}

@test "shmwrite: --keep-partial keeps what -c made when stdin fails" {
	run -1 --separate-stderr shmwrite -c --keep-partial "$S2" <"$T"
	assert_equal "$stderr" "shmwrite: stdin: Is a directory"
	assert_equal "$(size_of "$S2")" 0
}

@test "shmwrite: refuses -k without -c, exit 2, nothing made" {
	run -2 --separate-stderr shmwrite -k "$S2" <"$T/in"
	assert_output ""
	assert_equal "${stderr_lines[0]}" "shmwrite: -k needs -c"
	stderr_has "usage: shmwrite"
	assert_nothing_made
}

@test "shmwrite: -g to past the largest offset fails, segment unchanged" {
	run -1 --separate-stderr \
	    shmwrite -g -o 9223372036854775807 "$S1" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S1: File too large"
	cmp /dev/shm/"$S1" "$T/data"
	run -1 --separate-stderr bash -c \
	    'cat "$2" | shmwrite -g -o 9223372036854775000 "$1"' _ "$S1" "$T/in"
	stderr_has "shmwrite: $S1: "
	cmp /dev/shm/"$S1" "$T/data"
}

# -- Failures on the segment --------------------------------------------------

@test "shmwrite: reports a missing segment without -c, making nothing" {
	run -1 --separate-stderr shmwrite "$S2" <"$T/in"
	assert_output ""
	assert_equal "$stderr" "shmwrite: $S2: No such file or directory"
	assert_nothing_made
}

@test "shmwrite: reports permission denied as an unprivileged user" {
	need_private_shm
	chmod 0644 /dev/shm/"$S1"
	run -1 --separate-stderr as_nobody shmwrite "$S1" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S1: Permission denied"
	cmp /dev/shm/"$S1" "$T/data"
	run -1 --separate-stderr as_nobody shmwrite -c "$S1" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S1: Permission denied"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: an unprivileged user creates a read-only segment with -c" {
	need_private_shm
	run -0 as_nobody shmwrite -c -m 0444 "$S2" <"$T/in"
	assert_equal "$(stat -c %U:%a /dev/shm/"$S2")" nobody:444
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: refuses a directory under /dev/shm" {
	mkdir /dev/shm/"$S2"
	run -1 --separate-stderr timeout 5 shmwrite "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: Is a directory"
	run -1 --separate-stderr timeout 5 shmwrite -c "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: Is a directory"
	[ -d /dev/shm/"$S2" ]
}

@test "shmwrite: refuses a fifo under /dev/shm without hanging" {
	mkfifo /dev/shm/"$S2"
	run -1 --separate-stderr timeout 5 shmwrite "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: not a regular file"
	run -1 --separate-stderr timeout 5 shmwrite -c --lock "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: not a regular file"
	[ -p /dev/shm/"$S2" ]
}

@test "shmwrite: does not follow a symbolic link" {
	ln -s "$S1" /dev/shm/"$S2"
	run -1 --separate-stderr shmwrite "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: symbolic link, not followed"
	cmp /dev/shm/"$S1" "$T/data"
	run -1 --separate-stderr shmwrite -c "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: symbolic link, not followed"
	cmp /dev/shm/"$S1" "$T/data"
	[ -L /dev/shm/"$S2" ]
}

@test "shmwrite: -c does not create the target of a dangling link" {
	ln -s "$T/target" /dev/shm/"$S2"
	run -1 --separate-stderr shmwrite -c "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: symbolic link, not followed"
	[ ! -e "$T/target" ]
}

# -- Failures on stdin --------------------------------------------------------

@test "shmwrite: reports a closed stdin and removes what -c made" {
	run -1 --separate-stderr bash -c 'shmwrite -c "$1" <&-' _ "$S2"
	assert_equal "$stderr" "shmwrite: stdin: Bad file descriptor"
	assert_nothing_made
}

@test "shmwrite: reports a directory on stdin and removes what -c made" {
	run -1 --separate-stderr shmwrite -c "$S2" <"$T"
	assert_equal "$stderr" "shmwrite: stdin: Is a directory"
	assert_nothing_made
}

@test "shmwrite: keeps an existing segment when stdin fails" {
	run -1 --separate-stderr shmwrite -c "$S1" <"$T"
	assert_equal "$stderr" "shmwrite: stdin: Is a directory"
	cmp /dev/shm/"$S1" "$T/data"
}

# -- Names --------------------------------------------------------------------

@test "shmwrite: -c creates a name with a leading slash without it" {
	run -0 shmwrite -c "/$S2" <"$T/in"
	cmp /dev/shm/"$S2" "$T/in"
}

@test "shmwrite: -c creates a name with a space and a newline" {
	name="$S-x y"$'\n''z'
	run -0 shmwrite -c "$name" <"$T/in"
	cmp /dev/shm/"$name" "$T/in"
}

@test "shmwrite: -c creates a name of 255 bytes" {
	name=$S-$(printf 'x%.0s' $(seq $((255 - ${#S} - 1))))
	[ "${#name}" -eq 255 ]
	run -0 shmwrite -c "/$name" <"$T/in"
	cmp /dev/shm/"$name" "$T/in"
}

@test "shmwrite: refuses invalid names with exit 2" {
	long=$S-$(printf 'x%.0s' $(seq 256))
	for bad in "" / "$S-a/b" "/$S-x/" . .. /.. "$long"; do
		run -2 --separate-stderr shmwrite -c "$bad" <"$T/in"
		assert_output ""
		stderr_has "shmwrite: invalid name '"
		stderr_has "usage: shmwrite"
		assert_nothing_made
	done
}

@test "shmwrite: refuses bad offsets with exit 2, nothing made" {
	for bad in -1 1Q "" 99999999999999999999 8E 0x k 1.1k ' 1' 1,000; do
		run -2 --separate-stderr shmwrite -c -o "$bad" "$S2" <"$T/in"
		assert_output ""
		stderr_has "shmwrite: invalid offset '$bad': "
		assert_nothing_made
	done
}

@test "shmwrite: refuses garbage after a valid suffix, nothing made" {
	for bad in 1kk 1kQ 1bk 4k! 1kbb; do
		run -2 --separate-stderr shmwrite -c -o "$bad" "$S2" <"$T/in"
		stderr_has "shmwrite: invalid offset '$bad': "
		assert_nothing_made
	done
}

# -- Usage --------------------------------------------------------------------

@test "shmwrite: refuses a missing operand with exit 2" {
	run -2 --separate-stderr shmwrite </dev/null
	assert_output ""
	assert_equal "${stderr_lines[0]}" "shmwrite: missing segment name"
	assert_regex "${stderr_lines[1]}" \
	    '^usage: shmwrite \[-[a-z]+\] \[--lock\] \[--progress\] \[-m mode\] \[-o offset\]$'
	assert_equal "${stderr_lines[2]}" '                [--target pid] name'
	usage=${stderr_lines[1]}
	run -0 shmwrite --help
	assert_line --index 0 "$usage"
}

@test "shmwrite: refuses two names with exit 2, writing neither" {
	run -2 --separate-stderr shmwrite -c "$S1" "$S2" <"$T/in"
	assert_equal "${stderr_lines[0]}" "shmwrite: one segment name only"
	stderr_has "usage: shmwrite"
	cmp /dev/shm/"$S1" "$T/data"
	assert_nothing_made
}

@test "shmwrite: refuses an unknown option with exit 2" {
	run -2 --separate-stderr shmwrite -x "$S1" <"$T/in"
	stderr_has "invalid option -- 'x'"
	stderr_has "usage: shmwrite"
	run -2 --separate-stderr shmwrite --bogus "$S1" <"$T/in"
	stderr_has "unrecognized option '--bogus'"
	cmp /dev/shm/"$S1" "$T/data"
}

@test "shmwrite: --help prints usage and every option to stdout" {
	run -0 --separate-stderr shmwrite --help
	assert_equal "$stderr" ""
	assert_line --index 0 --regexp '^usage: shmwrite \[-acg[a-z]*t\] '
	for opt in "-a, --append" "-c, --create" "-g, --grow" "--lock" \
	    "-k, --keep-partial" \
	    "-m, --mode" "-o, --offset" "-t, --truncate" "--help" "--version"
	do
		assert_output --partial "$opt"
	done
}

@test "shmwrite: --version prints the project version" {
	assert_version shmwrite
}

@test "shmwrite: --help and --version to a full stdout exit 1" {
	assert_full_stdout shmwrite
}

# -- Large data ---------------------------------------------------------------

@test "shmwrite: 5 MiB round-trip byte-exact through shmwrite and shmcat" {
	bindata "$T/big" $((5 * 1024 * 1024))
	run -0 shmwrite -c "$S2" <"$T/big"
	cmp /dev/shm/"$S2" "$T/big"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S2" "$T/big"
	run -0 pipeline 'cat "$2" | shmwrite -c "$1" &&
	    shmcat "$1" | cmp - "$2"' _ "$S-c" "$T/big"
}

# -- Input that is the output -------------------------------------------------

@test "shmwrite: refuses the segment itself on stdin, in every mode, changing nothing" {
	for opts in "" -a -g "-g -o 8" -t "-o 100" -c "-c -t" --lock; do
		run -1 --separate-stderr shmwrite $opts "$S1" <"/dev/shm/$S1"
		assert_output ""
		assert_equal "$stderr" "shmwrite: $S1: input file is output file"
		cmp "/dev/shm/$S1" "$T/data"
	done
	# The same object under another name is the same input.
	ln "/dev/shm/$S1" "/dev/shm/$S2"
	run -1 --separate-stderr shmwrite -a "$S1" <"/dev/shm/$S2"
	assert_equal "$stderr" "shmwrite: $S1: input file is output file"
	cmp "/dev/shm/$S1" "$T/data"
	# A copy is another object and is written.
	cp "/dev/shm/$S1" "$T/copy"
	run -0 shmwrite -a "$S1" <"$T/copy"
	assert_equal "$(size_of "$S1")" 600000
}

@test "shmwrite: a size that cannot be restored after a failure is reported" {
	small_shm 1m
	cp "$T/in" "/dev/shm/$S1"
	run -1 --separate-stderr pipeline 'head -c 2M /dev/zero |
	    traced -qq -o /dev/null -e inject=ftruncate:error=EIO shmwrite -a "$1"' \
	    _ "$S1"
	assert_equal "$stderr" "shmwrite: $S1: cannot restore the size of 5000 bytes: Input/output error
shmwrite: $S1: No space left on device"
}

@test "shmwrite: --lock that cannot be taken changes nothing, and -c removes what it made" {
	command -v strace >/dev/null || skip "no strace"
	printf abc >"/dev/shm/$S1"
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=flock:error=ENOLCK shmwrite --lock "$S1" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S1: No locks available"
	assert_equal "$(cat "/dev/shm/$S1")" abc
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=flock:error=ENOLCK shmwrite -c --lock "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: No locks available"
	[ ! -e "/dev/shm/$S2" ]
	# -k keeps it, empty.
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=flock:error=ENOLCK shmwrite -c -k --lock "$S2" <"$T/in"
	assert_equal "$stderr" "shmwrite: $S2: No locks available"
	assert_equal "$(size_of "$S2")" 0
}
