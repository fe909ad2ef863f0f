#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# shmrm: removing segments, and refusing what is not a segment.

setup() {
	load helper
	usage='usage: shmrm [-fgnv] [--unused [--this-pid-namespace]] [--older-than age]
             [--target pid] name|pattern ...'
}

# The warning of an --unused run that could not inspect every process.
WARN='shmrm: --unused: (1 process could not be inspected; segments it holds|([2-9]|[1-9][0-9]+) processes could not be inspected; segments they hold) may be removed'

# Stderr of an --unused run is $1, once the warning is left out: root gets
# it too where some processes are closed even to root (in a container, its
# pid 1 may be), and it may come once at most.
assert_unused_stderr() {
	local line rest=() nwarn=0

	for line in "${stderr_lines[@]}"; do
		if [[ $line =~ ^$WARN$ ]]; then
			nwarn=$((nwarn + 1))
		else
			rest+=("$line")
		fi
	done
	[ "$nwarn" -le 1 ] || fail "the warning came $nwarn times"
	assert_equal "$(printf '%s\n' "${rest[@]}")" "$1"
}

# The refusal of --unused when /proc does not show every process; $1 says
# why, and a view of this PID namespace alone names the option.
refused() {
	local why=$1 end=

	[ "$why" = "this is not the initial PID namespace" ] &&
	    end=" (--this-pid-namespace trusts this namespace's view)"
	echo "shmrm: --unused: $why, so processes that may hold segments cannot all be seen; nothing removed$end"
}

# hold_many PREFIX NPROCS PER: NPROCS processes, each holding PER segments
# PREFIX<k> (k from 0 up, each once), the first half of them mapped with
# no descriptor left, the rest open; one pid for them all in $holder.
hold_many() {
	local ready="$T/many.$1"

	python3 "$BATS_TEST_DIRNAME/holders.py" many "$1" "$2" "$3" "$ready" \
	    >/dev/null 2>&1 3>&- &
	holder=$!
	HOLDERS+=("$holder")
	wait_for "$ready"
}

# mkmany PREFIX N: segments PREFIX0 to PREFIX<N-1> of 4 KiB each.
mkmany() {
	python3 -c '
import os, sys
for i in range(int(sys.argv[2])):
    fd = os.open("/dev/shm/%s%d" % (sys.argv[1], i), os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.ftruncate(fd, 4096)
    os.close(fd)' "$1" "$2"
}

# Whether an shmrm has /proc/$1 open: it is reading that process, where
# an injected delay holds it.
reading() {
	local fd pid

	for pid in $(pgrep -x shmrm); do
		for fd in /proc/"$pid"/fd/*; do
			[ "$(readlink "$fd" 2>/dev/null)" = "/proc/$1" ] &&
			    return 0
		done
	done
	return 1
}

# paused_scan WHEN shmrm-argument...: starts shmrm in the background with
# output to $T/out and $T/err, its WHEN-th open under the /proc directory
# of an idle process of ours held up for 2 s (2: in the first scan of
# /proc, 3: in the second), and returns once it is held there; its pid
# in $rm.
paused_scan() {
	local when=$1 idle

	shift
	sleep 100 & idle=$!
	HOLDERS+=("$idle")
	traced -f -o /dev/null -P "/proc/$idle" -e trace=openat \
	    -e inject=openat:delay_enter=2000000:when="$when" \
	    shmrm "$@" >"$T/out" 2>"$T/err" &
	rm=$!
	retry reading "$idle"
}

# Sets the modification time of segment $1 to $2 (a date(1) string).
age_seg() {
	touch -m -d "$2" "/dev/shm/$1"
}

@test "shmrm: removes a segment quietly" {
	shmcreate -s 4k "$S1"
	run -0 --separate-stderr shmrm "$S1"
	assert_output ''
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmrm: removes several segments in one call, NAME or /NAME" {
	shmcreate "$S1" "$S2" "$S3"
	run -0 shmrm "$S1" "/$S2" "$S3"
	[ ! -e "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	[ ! -e "/dev/shm/$S3" ]
}

@test "shmrm: -v prints each name removed, without the slash" {
	shmcreate "$S1" "$S2"
	run -0 --separate-stderr shmrm -v "/$S1" "$S2"
	assert_output "$S1"$'\n'"$S2"
	assert_equal "$stderr" ''
	shmcreate "$S3"
	run -0 --separate-stderr shmrm --verbose "$S3"
	assert_output "$S3"
	[ ! -e "/dev/shm/$S3" ]
}

@test "shmrm: -v exits 1 when stdout cannot be written, and still removes" {
	shmcreate "$S1"
	run -1 --separate-stderr bash -c 'shmrm -v "$1" >/dev/full' _ "$S1"
	assert_equal "$stderr" "shmrm: stdout: No space left on device"
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmrm: removes names with spaces, newlines and non-UTF-8 bytes" {
	shmcreate "$S-a b" "$S-c"$'\nd' "$S-"$'\xff'
	run -0 --separate-stderr shmrm -v "$S-a b" "/$S-c"$'\nd' "$S-"$'\xff'
	assert_equal "${lines[0]}" "$S-a b"
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S-a b" ]
	[ ! -e "/dev/shm/$S-c"$'\nd' ]
	[ ! -e "/dev/shm/$S-"$'\xff' ]
}

@test "shmrm: removes a segment of 255 bytes' name" {
	local n255="$S1"
	while [ "${#n255}" -lt 255 ]; do n255+=x; done
	shmcreate "$n255"
	run -0 shmrm "/$n255"
	[ ! -e "/dev/shm/$n255" ]
}

@test "shmrm: a missing name fails with No such file or directory" {
	run -1 --separate-stderr shmrm "$S1"
	assert_output ''
	assert_equal "$stderr" "shmrm: $S1: No such file or directory"
	run -1 --separate-stderr shmrm -v "/$S1"
	assert_output ''
	assert_equal "$stderr" "shmrm: $S1: No such file or directory"
}

@test "shmrm: without /dev/shm, says so once, naming it" {
	run -1 --separate-stderr hide /dev 0755 shmrm "$S1" "$S2"
	assert_output ""
	assert_equal "$stderr" "shmrm: /dev/shm: No such file or directory"
}

@test "shmrm: -f says why /dev/shm cannot be opened when it exists" {
	run -1 --separate-stderr hide /dev 0700 --nobody shmrm -f "$S1" "$S2"
	assert_output ""
	assert_equal "$stderr" "shmrm: /dev/shm: Permission denied"
}

@test "shmrm: removes the other names when one is missing, and exits 1" {
	shmcreate "$S1" "$S3"
	run -1 --separate-stderr shmrm -v "$S1" "$S2" "$S3"
	assert_output "$S1"$'\n'"$S3"
	assert_equal "$stderr" "shmrm: $S2: No such file or directory"
	[ ! -e "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S3" ]
}

@test "shmrm: a name given twice is removed once, then missing" {
	shmcreate "$S1"
	run -1 --separate-stderr shmrm -v "$S1" "/$S1"
	assert_output "$S1"
	assert_equal "$stderr" "shmrm: $S1: No such file or directory"
}

@test "shmrm: -f ignores missing names, silently and with exit 0" {
	shmcreate "$S1"
	run -0 --separate-stderr shmrm -f "$S2" "$S1" "$S3"
	assert_output ''
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S1" ]
	run -0 --separate-stderr shmrm --force -v "$S1"
	assert_output ''
	assert_equal "$stderr" ''
}

@test "shmrm: -f with no names exits 0 silently" {
	run -0 --separate-stderr shmrm -f
	assert_output ''
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmrm --force -v
	assert_output ''
	assert_equal "$stderr" ''
}

@test "shmrm: without a name exits 2 with usage" {
	run -2 --separate-stderr shmrm
	assert_output ''
	assert_usage_error "shmrm: missing segment name"
	run -2 --separate-stderr shmrm -v
	assert_usage_error "shmrm: missing segment name"
}

@test "shmrm: refuses bad names with exit 2 and removes nothing" {
	local bad
	shmcreate "$S1" "$S2"
	for bad in '' / . .. /. /.. a/b /a/b //a "$S1/" ../"$S1"; do
		run -2 --separate-stderr shmrm "$S1" "$bad" "$S2"
		assert_output ''
		assert_usage_error "shmrm: invalid name '$bad': "
		[ -f "/dev/shm/$S1" ]
		[ -f "/dev/shm/$S2" ]
	done
	# -f ignores missing names, not bad ones.
	run -2 --separate-stderr shmrm -f "$S1" ..
	assert_usage_error "shmrm: invalid name '..': "
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: refuses a name of 256 bytes with exit 2" {
	local n256="$S2"
	while [ "${#n256}" -lt 256 ]; do n256+=x; done
	shmcreate "$S1"
	run -2 --separate-stderr shmrm "$S1" "$n256"
	assert_usage_error "shmrm: invalid name '$n256': name longer than 255 bytes"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: an unknown option exits 2 with usage and removes nothing" {
	shmcreate "$S1"
	run -2 --separate-stderr shmrm -z "$S1"
	assert_output ''
	assert_usage_error "shmrm: invalid option -- 'z'"
	run -2 --separate-stderr shmrm "$S1" --bogus
	assert_usage_error "shmrm: unrecognized option '--bogus'"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: removes a symbolic link and leaves its target" {
	shmcreate "$S2"
	printf 'seg\0data' >"/dev/shm/$S2"
	printf 'file' >"$BATS_TEST_TMPDIR/target"
	ln -s "$S2" "/dev/shm/$S1"
	ln -s "$BATS_TEST_TMPDIR/target" "/dev/shm/$S3"
	run -0 --separate-stderr shmrm -v "$S1" "$S3"
	assert_output "$S1"$'\n'"$S3"
	assert_equal "$stderr" ''
	[ ! -L "/dev/shm/$S1" ]
	[ ! -L "/dev/shm/$S3" ]
	[ -f "/dev/shm/$S2" ]
	printf 'seg\0data' | cmp - "/dev/shm/$S2"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/target")" file
}

@test "shmrm: removes a dangling symbolic link" {
	ln -s "/dev/shm/$S2" "/dev/shm/$S1"
	run -0 shmrm "$S1"
	[ ! -L "/dev/shm/$S1" ]
}

@test "shmrm: refuses a directory, leaves it, and goes on" {
	mkdir "/dev/shm/$S1"
	touch "/dev/shm/$S1/inside"
	shmcreate "$S2"
	run -1 --separate-stderr timeout 5 shmrm -v "$S1" "$S2"
	assert_output "$S2"
	assert_equal "$stderr" "shmrm: $S1: Is a directory"
	[ -f "/dev/shm/$S1/inside" ]
	[ ! -e "/dev/shm/$S2" ]
	run -1 --separate-stderr timeout 5 shmrm -f "$S1"
	assert_equal "$stderr" "shmrm: $S1: Is a directory"
	[ -d "/dev/shm/$S1" ]
}

@test "shmrm: refuses a fifo without hanging and leaves it" {
	mkfifo "/dev/shm/$S1"
	run -1 --separate-stderr timeout 5 shmrm "$S1"
	assert_output ''
	assert_equal "$stderr" "shmrm: $S1: not a regular file"
	[ -p "/dev/shm/$S1" ]
	run -1 --separate-stderr timeout 5 shmrm -f "$S1"
	assert_equal "$stderr" "shmrm: $S1: not a regular file"
	[ -p "/dev/shm/$S1" ]
}

@test "shmrm: removes a segment that a process still has open" {
	shmcreate -s 4k "$S1"
	exec 7<"/dev/shm/$S1"
	run -0 shmrm "$S1"
	exec 7<&-
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmrm: an unprivileged user may not remove root's segment in sticky /dev/shm" {
	need_private_shm
	shmcreate -m 0666 "$S1"
	run -1 --separate-stderr as_nobody shmrm -v "$S1"
	assert_output ''
	assert_equal "$stderr" "shmrm: $S1: Operation not permitted"
	[ -f "/dev/shm/$S1" ]
	# -f ignores only what is missing.
	run -1 --separate-stderr as_nobody shmrm -f "$S1"
	assert_equal "$stderr" "shmrm: $S1: Operation not permitted"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: an unprivileged user removes their own segment" {
	need_private_shm
	run -0 as_nobody shmcreate "$S1"
	run -0 --separate-stderr as_nobody shmrm -v "$S1"
	assert_output "$S1"
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmrm: --help prints the usage to stdout and exits 0" {
	shmcreate "$S1"
	run -0 --separate-stderr shmrm --help "$S1"
	assert_equal "$(printf '%s\n' "${lines[@]:0:2}")" "$usage"
	assert_line --regexp '^ +-f, --force'
	assert_line --regexp '^ +-v, --verbose'
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --version prints the project version" {
	assert_version shmrm
}

@test "shmrm: --help and --version to a full stdout exit 1" {
	assert_full_stdout shmrm
}

@test "shmrm: --help lists every option" {
	run -0 --separate-stderr shmrm --help
	assert_equal "$(printf '%s\n' "${lines[@]:0:2}")" "$usage"
	assert_line --regexp '^ +-g, --glob '
	assert_line --regexp '^ +-n, --dry-run '
	assert_line --regexp '^ +--older-than=AGE '
	assert_line --regexp '^ +--unused '
	assert_equal "$stderr" ''
}

# -- -g: patterns ---------------------------------------------------------

@test "shmrm: -g removes the segments a pattern matches and no others" {
	shmcreate "$S-x1" "$S-x2" "$S-y1" "$S-y22" "$S-z1" "$S-w"
	run -0 --separate-stderr shmrm -g "$S-x*"
	assert_output ''
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S-x1" ]
	[ ! -e "/dev/shm/$S-x2" ]
	[ -f "/dev/shm/$S-y1" ]
	run -0 --separate-stderr shmrm -g "/$S-y?" "$S-[wz]1"
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S-y1" ]
	[ -f "/dev/shm/$S-y22" ]
	[ ! -e "/dev/shm/$S-z1" ]
	[ -f "/dev/shm/$S-w" ]
}

@test "shmrm: --glob is -g, and -v prints each removal once, in name order" {
	shmcreate "$S-c" "$S-a" "$S-b" "$S-d"
	run -0 --separate-stderr shmrm --glob -v "$S-[cb]" "$S-*" "$S-a"
	assert_output "$(printf '%s\n' "$S-a" "$S-b" "$S-c" "$S-d")"
	assert_equal "$stderr" ''
	run -0 shmrm --glob -v "$S-*"
	assert_output ''
}

@test "shmrm: -g with a pattern that matches nothing exits 0 silently" {
	shmcreate "$S1"
	run -0 --separate-stderr shmrm -g "$S-nothing*"
	assert_output ''
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmrm -gv "$S-nothing*" "$S-none?"
	assert_output ''
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmrm -gfv "$S-nothing*"
	assert_output ''
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: -g takes an operand without pattern characters as that name" {
	shmcreate "$S1" "${S1}x" "$S-[b]" "$S-b"
	run -0 --separate-stderr shmrm -gv "$S1"
	assert_output "$S1"
	[ -f "/dev/shm/${S1}x" ]
	# A name holding pattern characters is itself and a pattern.
	run -0 --separate-stderr shmrm -gv "$S-[b]"
	assert_output "$(printf '%s\n' "$S-[b]" "$S-b")"
	# A name that is not there is no error under -g.
	run -0 --separate-stderr shmrm -g "$S1"
	assert_equal "$stderr" ''
}

@test "shmrm: -g takes a backslash as fnmatch does, quoting what follows" {
	shmcreate "$S-a.b" "$S-axb" "$S-a*" "$S-ab"
	run -0 --separate-stderr shmrm -gv "$S-a\\.b" "$S-a\\*"
	assert_output "$(printf '%s\n' "$S-a*" "$S-a.b")"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S-axb" ]
	[ -f "/dev/shm/$S-ab" ]
	# A name holding a backslash is still itself.
	shmcreate "$S-c\\d"
	run -0 --separate-stderr shmrm -gv "$S-c\\d"
	assert_output "$S-c\\d"
	[ ! -e "/dev/shm/$S-c\\d" ]
}

@test "shmrm: -g patterns match a leading dot with * and ?" {
	shmcreate ".$S-1" ".$S-2"
	run -0 --separate-stderr shmrm -gv "*$S-1" "?$S-2"
	assert_output "$(printf '%s\n' ".$S-1" ".$S-2")"
	[ ! -e "/dev/shm/.$S-1" ]
	[ ! -e "/dev/shm/.$S-2" ]
}

@test "shmrm: -g leaves symbolic links, directories and fifos alone" {
	shmcreate "$S-seg"
	ln -s "$S-seg" "/dev/shm/$S-link"
	mkdir "/dev/shm/$S-dir"
	mkfifo "/dev/shm/$S-fifo"
	run -0 --separate-stderr timeout 5 shmrm -gv "$S-*"
	assert_output "$S-seg"
	assert_equal "$stderr" ''
	[ -L "/dev/shm/$S-link" ]
	[ -d "/dev/shm/$S-dir" ]
	[ -p "/dev/shm/$S-fifo" ]
}

@test "shmrm: -g leaves named semaphores to patterns that start with sem." {
	shmcreate "$S1" "sem.$S-x" "sem.$S-y"
	run -0 --separate-stderr shmrm -gv "*$S*" "s*$S-x" "?em.$S-y"
	assert_output "$S1"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/sem.$S-x" ]
	[ -f "/dev/shm/sem.$S-y" ]
	run -0 --separate-stderr shmrm -gv "sem.$S-?"
	assert_output "$(printf '%s\n' "sem.$S-x" "sem.$S-y")"
	[ ! -e "/dev/shm/sem.$S-x" ]
	[ ! -e "/dev/shm/sem.$S-y" ]
	# By name, without -g, a semaphore is removed like anything else.
	shmcreate "sem.$S-z"
	run -0 shmrm -v "sem.$S-z"
	assert_output "sem.$S-z"
}

@test "shmrm: -g '*' removes every segment and no semaphore; 'sem.*' those" {
	need_private_shm
	shmcreate "$S1" "$S2" "sem.$S-x"
	run -0 --separate-stderr shmrm -gv '*'
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/sem.$S-x" ]
	shmcreate "$S1"
	run -0 --separate-stderr shmrm -gv 'sem.*'
	assert_output "sem.$S-x"
	[ ! -e "/dev/shm/sem.$S-x" ]
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: -g picks by one rule with --unused, --older-than, or neither" {
	shmcreate "$S1" "$S2" "sem.$S-x" "sem.$S-y"
	for ops in "sem.$S-*" "*$S-?" "$S* sem.$S-x" "s*.$S-y $S2"; do
		read -ra argv <<<"$ops"
		want=$(shmls -rn -o NAME "${argv[@]}")
		[ -n "$want" ] || fail "shmls $ops listed nothing"
		run -0 --separate-stderr shmrm -n -g "${argv[@]}"
		assert_output "$want"
		run -0 --separate-stderr shmrm -n -g --older-than 0 "${argv[@]}"
		assert_output "$want"
		run -0 --separate-stderr shmrm -n -g --unused "${argv[@]}"
		assert_output "$want"
		assert_unused_stderr ''
	done
}

@test "shmrm: -g checks each pattern as a name, exit 2, and removes nothing" {
	shmcreate "$S1"
	run -2 --separate-stderr shmrm -g "$S*" "$S/*"
	assert_output ''
	assert_usage_error "shmrm: invalid name '$S/*': "
	run -2 --separate-stderr shmrm -g "$S*" ''
	assert_usage_error "shmrm: invalid name '': "
	[ -f "/dev/shm/$S1" ]
	run -2 --separate-stderr shmrm -g
	assert_usage_error "shmrm: missing segment name"
	run -0 --separate-stderr shmrm -gf
	assert_output ''
	assert_equal "$stderr" ''
}

# -- -n: dry run ----------------------------------------------------------

@test "shmrm: -n prints the names that would be removed and removes nothing" {
	shmcreate "$S1" "$S2"
	run -0 --separate-stderr shmrm -n "/$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
	run -0 --separate-stderr shmrm --dry-run -v "$S1"
	assert_output "$S1"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: -n with -g prints the matches, in name order, and removes none" {
	shmcreate "$S-b" "$S-a" "$S-c"
	run -0 --separate-stderr shmrm -gn "$S-[ab]"
	assert_output "$(printf '%s\n' "$S-a" "$S-b")"
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmrm -gn "$S-nothing*"
	assert_output ''
	[ -f "/dev/shm/$S-a" ]
	[ -f "/dev/shm/$S-b" ]
	[ -f "/dev/shm/$S-c" ]
}

@test "shmrm: -n reports a missing name as a real run does, and -f hides it" {
	shmcreate "$S1"
	run -1 --separate-stderr shmrm -n "$S2" "$S1"
	assert_output "$S1"
	assert_equal "$stderr" "shmrm: $S2: No such file or directory"
	run -0 --separate-stderr shmrm -nf "$S2" "$S1"
	assert_output "$S1"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: -n refuses a directory or fifo as a real run does" {
	mkdir "/dev/shm/$S1"
	mkfifo "/dev/shm/$S2"
	shmcreate "$S3"
	run -1 --separate-stderr timeout 5 shmrm -n "$S1" "$S2" "$S3"
	assert_output "$S3"
	assert_equal "${stderr_lines[0]}" "shmrm: $S1: Is a directory"
	assert_equal "${stderr_lines[1]}" "shmrm: $S2: not a regular file"
	[ -d "/dev/shm/$S1" ]
	[ -p "/dev/shm/$S2" ]
	[ -f "/dev/shm/$S3" ]
}

@test "shmrm: with criteria, a directory or fifo is refused as without them" {
	mkdir "/dev/shm/$S1"
	mkfifo "/dev/shm/$S2"
	run -1 --separate-stderr timeout 5 shmrm --older-than 1h "$S1" "$S2"
	assert_output ''
	assert_equal "${stderr_lines[0]}" "shmrm: $S1: Is a directory"
	assert_equal "${stderr_lines[1]}" "shmrm: $S2: not a regular file"
	[ -d "/dev/shm/$S1" ]
	[ -p "/dev/shm/$S2" ]
}

@test "shmrm: -n exits 1 when stdout cannot be written, and removes nothing" {
	shmcreate "$S1"
	run -1 --separate-stderr bash -c 'shmrm -n "$1" >/dev/full' _ "$S1"
	assert_equal "$stderr" "shmrm: stdout: No space left on device"
	[ -f "/dev/shm/$S1" ]
}

# -- --older-than ---------------------------------------------------------

@test "shmrm: --older-than removes an old segment and keeps a fresh one" {
	shmcreate "$S1" "$S2"
	age_seg "$S1" '3 hours ago'
	run -0 --separate-stderr shmrm -v --older-than 2h "$S1" "$S2"
	assert_output "$S1"
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
}

@test "shmrm: --older-than with -g and -n" {
	shmcreate "$S1" "$S2" "$S3"
	age_seg "$S1" '3 hours ago'
	age_seg "$S3" '5 hours ago'
	run -0 --separate-stderr shmrm -gn --older-than=2h "$S-*"
	assert_output "$(printf '%s\n' "$S1" "$S3")"
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S3" ]
	run -0 --separate-stderr shmrm -gv --older-than=4h "$S-*"
	assert_output "$S3"
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
	[ ! -e "/dev/shm/$S3" ]
}

@test "shmrm: --older-than takes seconds and each unit, s, m, h and d" {
	local ago keep go

	shmcreate "$S1"
	while read -r ago keep go; do
		age_seg "$S1" "${ago//_/ }"
		run -0 --separate-stderr shmrm -v --older-than "$keep" "$S1"
		assert_output ''
		assert_equal "$stderr" ''
		[ -f "/dev/shm/$S1" ] || fail "--older-than $keep removed $ago"
		run -0 --separate-stderr shmrm -vn --older-than "$go" "$S1"
		assert_output "$S1"
	done <<-'END'
	100_seconds_ago 200 50
	100_seconds_ago 200s 50s
	10_minutes_ago 20m 5m
	10_minutes_ago 900 300
	3_hours_ago 4h 2h
	3_hours_ago 181m 179m
	3_days_ago 4d 2d
	3_days_ago 73h 71h
	END
}

@test "shmrm: --older-than 0 removes every segment, even one from the future" {
	shmcreate "$S1" "$S2" "$S3"
	age_seg "$S2" '1 hour'
	age_seg "$S3" '1 hour'
	run -0 --separate-stderr shmrm -v --older-than 0 "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S2" ]
	# Any other age is never reached by a time in the future.
	run -0 --separate-stderr shmrm -v --older-than 1s "$S3"
	assert_output ''
	[ -f "/dev/shm/$S3" ]
}

@test "shmrm: --older-than refuses a bad age with exit 2 and removes nothing" {
	local bad why

	shmcreate "$S1"
	age_seg "$S1" '3 days ago'
	while IFS=: read -r bad why; do
		run -2 --separate-stderr shmrm --older-than "$bad" "$S1"
		assert_output ''
		assert_usage_error "shmrm: invalid age '$bad': $why"
		run -2 --separate-stderr shmrm -g --older-than="$bad" "$S-*"
		assert_usage_error "shmrm: invalid age '$bad': $why"
	done <<-'END'
	:empty value
	-1:negative value
	1x:invalid unit (s, m, h or d)
	1hh:invalid unit (s, m, h or d)
	1H:invalid unit (s, m, h or d)
	1.5h:invalid unit (s, m, h or d)
	99999999999999999999d:too large
	106751991167301d:too large
	abc:not a number
	END
	run -2 --separate-stderr shmrm "$S1" --older-than
	assert_usage_error "shmrm: option '--older-than' requires an argument"
	[ -f "/dev/shm/$S1" ]
}

# -- --unused -------------------------------------------------------------

@test "shmrm: --unused keeps segments held open or mapped, removes idle ones" {
	shmcreate -s 4k "$S1" "$S2" "$S3"
	hold_open "$S1"
	hold_mapped "$S2"
	run -0 --separate-stderr shmrm -v --unused "$S1" "$S2" "$S3"
	assert_output "$S3"
	assert_unused_stderr ''
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
	[ ! -e "/dev/shm/$S3" ]
	# Once let go of, they go too.
	kill "${HOLDERS[@]}"
	wait "${HOLDERS[@]}" || true
	run -0 --separate-stderr shmrm -v --unused "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_unused_stderr ''
}

@test "shmrm: --unused with -g and with -n" {
	shmcreate -s 4k "$S1" "$S2" "$S3"
	hold_open "$S1"
	hold_mapped "$S3"
	run -0 --separate-stderr shmrm -gn --unused "$S-*"
	assert_output "$S2"
	assert_unused_stderr ''
	[ -f "/dev/shm/$S2" ]
	run -0 --separate-stderr shmrm -gv --unused "$S-*"
	assert_output "$S2"
	assert_unused_stderr ''
	[ -f "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	[ -f "/dev/shm/$S3" ]
}

@test "shmrm: a named segment kept by --unused is no error" {
	shmcreate -s 4k "$S1"
	hold_open "$S1"
	run -0 --separate-stderr shmrm -v --unused "$S1"
	assert_output ''
	assert_unused_stderr ''
	[ -f "/dev/shm/$S1" ]
	run -0 --separate-stderr shmrm -fv --unused "/$S1"
	assert_output ''
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --unused reports a missing name, and -f hides it" {
	shmcreate "$S1"
	run -1 --separate-stderr shmrm -v --unused "$S2" "$S1"
	assert_output "$S1"
	assert_unused_stderr "shmrm: $S2: No such file or directory"
	run -0 --separate-stderr shmrm -f --unused --older-than 1h "$S2"
	assert_output ''
	assert_unused_stderr ''
}

@test "shmrm: --unused as an unprivileged user warns of what it cannot see" {
	need_private_shm
	run -0 as_nobody shmcreate -s 4k "$S1" "$S2" "$S3"
	# Root's process holds S2: nobody cannot see that, and removes it.
	hold_open "$S2"
	# Nobody's own process holds S3: nobody sees that, and keeps it.
	hold_open "$S3" nobody
	assert_equal "$(stat -c %U "/proc/$holder")" nobody
	run -0 --separate-stderr as_nobody shmrm -v --unused "$S1" "$S2" "$S3"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_regex "$stderr" "^$WARN\$"
	[ -f "/dev/shm/$S3" ]
	# The warning comes once, with -g and -n too.
	run -0 --separate-stderr as_nobody shmrm -gnv --unused "$S-*"
	assert_output ''
	assert_regex "$stderr" "^$WARN\$"
}

@test "shmrm: --unused with /proc closed removes nothing and exits 1" {
	need_plain_build shmrm
	run -0 as_nobody shmcreate "$S1"
	run -1 --separate-stderr hide /proc 000 --nobody \
	    shmrm -v --unused "$S1"
	assert_output ''
	assert_equal "$stderr" "$(refused "/proc is not a procfs")"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --unused with a procfs it cannot read removes nothing and exits 1" {
	need_private_shm
	need_plain_build shmrm
	shmcreate "$S1"
	# A procfs of our own namespace, that cannot be listed.
	run -1 --separate-stderr traced -f -o /dev/null -e trace=openat \
	    -e inject=openat:error=EACCES:when=1 -P /proc \
	    shmrm -v --unused "$S1"
	assert_output ''
	assert_equal "$stderr" "shmrm: /proc: Permission denied"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --unused whose second scan fails removes nothing and exits 1" {
	need_private_shm
	need_plain_build shmrm
	shmcreate -s 4k "$S1" "$S2"
	# In a PID namespace of its own, where strace and shmrm are all there
	# is, the opens under /proc are: /proc and strace's directory for the
	# first scan, then /proc again for the second.
	run -1 --separate-stderr unshare --pid --fork --mount-proc \
	    strace -f -o /dev/null -P /proc -e trace=openat \
	    -e inject=openat:error=EACCES:when=3 \
	    shmrm -v --unused --this-pid-namespace "$S1" "$S2"
	assert_output ''
	assert_equal "$stderr" "shmrm: /proc: Permission denied"
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
}

@test "shmrm: --unused on a tmpfs over /proc or with /proc unmounted removes nothing" {
	need_plain_build shmrm
	shmcreate "$S1"
	run -1 --separate-stderr hide /proc 0755 shmrm -v --unused "$S1"
	assert_output ''
	assert_equal "$stderr" "$(refused "/proc is not a procfs")"
	run -1 --separate-stderr unshare --mount --propagation private \
	    sh -c 'umount -l /proc && exec "$@"' _ \
	    shmrm -gv --unused --this-pid-namespace "$S-*"
	assert_output ''
	assert_equal "$stderr" "$(refused "/proc is not a procfs")"
	[ -f "/dev/shm/$S1" ]
	# Without --unused, /proc does not matter.
	run -0 --separate-stderr hide /proc 0755 shmrm -v "$S1"
	assert_output "$S1"
}

@test "shmrm: --unused in a child PID namespace refuses: a holder outside is not seen" {
	need_private_shm
	shmcreate -s 4k "$S1" "$S2" "$S3"
	hold_mapped "$S1"
	hold_open "$S2"
	for opts in -v -n -gv; do
		run -1 --separate-stderr unshare --pid --fork --mount-proc \
		    shmrm $opts --unused "$S1" "$S2" "$S3"
		assert_output ''
		assert_equal "$stderr" \
		    "$(refused "this is not the initial PID namespace")"
	done
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
	[ -f "/dev/shm/$S3" ]
}

@test "shmrm: --this-pid-namespace trusts the namespace's view, and loses what is held outside" {
	need_private_shm
	shmcreate -s 4k "$S1" "$S2" "$S3"
	hold_mapped "$S1"
	# The risk the man page states: the holder outside is not seen.
	run -0 --separate-stderr unshare --pid --fork --mount-proc \
	    shmrm -v --unused --this-pid-namespace "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_unused_stderr ''
	# A holder inside the namespace is seen.
	run -0 --separate-stderr unshare --pid --fork --mount-proc \
	    bash -c 'sleep 100 3<"/dev/shm/$1" &
	    until [ "$(readlink "/proc/$!/fd/3")" = "/dev/shm/$1" ]; do
		sleep 0.01
	    done
	    shmrm -v --unused --this-pid-namespace "$1"; kill $!' _ "$S3"
	assert_output ''
	[ -f "/dev/shm/$S3" ]
}

@test "shmrm: --unused refuses a /proc of another PID namespace, whatever the option" {
	need_private_shm
	shmcreate -s 4k "$S1"
	# In a child namespace with the parent's /proc: every pid in it is
	# the parent's, not ours.
	run -1 --separate-stderr unshare --pid --fork \
	    shmrm -v --unused --this-pid-namespace "$S1"
	assert_output ''
	assert_equal "$stderr" \
	    "$(refused "/proc belongs to another PID namespace")"
}

@test "shmrm: --unused refuses a child namespace's /proc from the initial namespace" {
	need_private_shm
	# A sanitizer's runtime reads /proc/self, which is not there.
	need_plain_build shmrm
	shmcreate -s 4k "$S1"
	# In the initial namespace with a child namespace's /proc, where
	# /proc/self is not there.
	mkdir "$T/proc"
	unshare --pid --fork sh -c 'mount -t proc proc "$1"' _ "$T/proc"
	MOUNTS+=("$T/proc")
	run -1 --separate-stderr unshare --mount --propagation private \
	    sh -c 'mount --bind "$1" /proc && shift && exec "$@"' _ "$T/proc" \
	    shmrm -v --unused "$S1"
	assert_output ''
	assert_equal "$stderr" \
	    "$(refused "/proc belongs to another PID namespace")"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --unused warns when /proc hides others' processes (hidepid)" {
	need_private_shm
	run -0 as_nobody shmcreate -s 4k "$S1"
	# Root's process holds it; nobody cannot even see that process.
	hold_open "$S1"
	run -0 --separate-stderr unshare --mount --propagation private sh -c '
	    mount -t proc -o hidepid=invisible proc /proc && exec "$@"' _ \
	    setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    --inh-caps=-all env PATH="$PATH" shmrm -v --unused "$S1"
	assert_output "$S1"
	stderr_has "shmrm: --unused: /proc hides the processes we may not inspect (hidepid); segments they hold may be removed"
}

@test "shmrm: --this-pid-namespace without --unused is a usage error" {
	shmcreate "$S1"
	run -2 --separate-stderr shmrm --this-pid-namespace "$S1"
	assert_output ''
	assert_usage_error "shmrm: --this-pid-namespace needs --unused"
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: /dev/shm missing is exit 1 with the reason, once, -f or not" {
	for opts in "-g *" "-f -g *" "$S1 $S2" "-f $S1 $S2" "-n -v $S1"; do
		run -1 --separate-stderr hide /dev 0755 shmrm $opts
		assert_output ''
		assert_equal "$stderr" \
		    "shmrm: /dev/shm: No such file or directory"
	done
	# With -f and nothing to remove, there is nothing to say.
	run -0 --separate-stderr hide /dev 0755 shmrm -f
	assert_equal "$stderr" ""
}

# -- criteria together ----------------------------------------------------

@test "shmrm: --unused and --older-than combine: all must hold" {
	shmcreate -s 4k "$S1" "$S2" "$S3"
	hold_open "$S1"
	age_seg "$S1" '3 hours ago'
	age_seg "$S2" '3 hours ago'
	run -0 --separate-stderr shmrm -n --unused --older-than 1h \
	    "$S1" "$S2" "$S3"
	assert_output "$S2"
	assert_unused_stderr ''
	run -0 --separate-stderr shmrm -gv --older-than 1h --unused "$S-*"
	assert_output "$S2"
	assert_unused_stderr ''
	[ -f "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	[ -f "/dev/shm/$S3" ]
}

# -- --unused at scale, and its races --------------------------------------

@test "shmrm: --unused is exact among thousands, holders mapped and open" {
	need_private_shm
	mkmany "$S-held-" 600
	mkmany "$S-idle-" 2400
	# 30 processes, each with 10 mapped and 10 open.
	hold_many "$S-held-" 30 20
	run -0 --separate-stderr pipeline \
	    'shmrm -gn --unused "$1" | wc -l' _ "$S-*"
	assert_output 2400
	assert_unused_stderr ''
	run -0 --separate-stderr pipeline \
	    'shmrm -gv --older-than 0 --unused "$1" | wc -l' _ "$S-*"
	assert_output 2400
	assert_unused_stderr ''
	assert_equal "$(find /dev/shm -name "$S-idle-*" | wc -l)" 0
	assert_equal "$(find /dev/shm -name "$S-held-*" -type f | wc -l)" 600
}

@test "shmrm: --unused keeps a segment held open through another mount of /dev/shm" {
	need_private_shm
	shmcreate "$S1" "$S2"
	# The same tmpfs bound elsewhere: the holder's fd names that path.
	mkdir -p "$T/alt"
	mount --bind /dev/shm "$T/alt"
	MOUNTS+=("$T/alt")
	sleep 100 3<"$T/alt/$S1" >/dev/null 2>&1 &
	holder=$!
	HOLDERS+=("$holder")
	retry runs "$holder" sleep
	run -0 --separate-stderr shmrm -v --unused "$S1" "$S2"
	assert_output "$S2"
	assert_unused_stderr ""
	[ -e "/dev/shm/$S1" ]
	run -0 --separate-stderr shmls -rn -p -o NAME,NPROCS "$S1"
	assert_output "$S1 1"
}

@test "shmrm: --unused keeps a segment that a process took after the first scan" {
	need_private_shm
	shmcreate -s 4k "$S1" "$S2"
	# The first scan stops for a second at this idle process, whose
	# maps it reads second; a process that opens S1 then is seen by
	# the second scan only.
	paused_scan 2 -v --unused "$S1" "$S2"
	hold_open "$S1"
	wait "$rm"
	assert_equal "$(cat "$T/out")" "$S2"
	[ -f "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	# A dry run takes the first look alone, and so does not see it.
	shmcreate -s 4k "$S3"
	paused_scan 2 -n --unused "$S3"
	hold_open "$S3"
	wait "$rm"
	assert_equal "$(cat "$T/out")" "$S3"
}

@test "shmrm: --unused keeps a name removed and made again since it was checked" {
	need_private_shm
	shmcreate -s 4k "$S1" "$S2"
	# The second scan stops at this idle process; meanwhile S1 is made
	# again, a new segment that nothing checked.
	paused_scan 3 -v --unused "$S1" "$S2"
	rm "/dev/shm/$S1"
	shmcreate -s 4k "$S1"
	ino=$(stat -c %i "/dev/shm/$S1")
	wait "$rm"
	assert_equal "$(cat "$T/out")" "$S2"
	assert_equal "$(stat -c %i "/dev/shm/$S1")" "$ino"
	[ ! -e "/dev/shm/$S2" ]
}
