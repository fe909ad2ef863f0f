#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# shmls: listing segments as a table, raw, JSON or KEY="value" pairs, with
# the processes that hold them.

setup() {
	load helper
	usage='usage: shmls [-abEJnPpr] [-o list] [--output-all] [--time-format fmt]
             [-x column] [--deleted] [--target pid] [pattern ...]
       shmls --summary [--all-targets | --target pid] [-abEJnPr] [pattern ...]'
}

need_root() {
	[ "$(id -u)" = 0 ] || skip "needs root"
}

# The warning of -p, --deleted or --summary when some processes could not
# be inspected: where even root may not read some (a non-dumpable process,
# without CAP_SYS_PTRACE in a container), it comes in every test.
SKIPPED='shmls: [1-9][0-9]* process(es)? could not be inspected; (holders may be missing|deleted may be short)'

# Stderr is empty, or that warning alone.
assert_skipped_stderr() {
	[ -z "$stderr" ] || [[ $stderr =~ ^$SKIPPED$ ]] ||
	    fail "stderr: $stderr"
}

# Makes segment $1 of $2 bytes of data.
mkseg() {
	head -c "$2" /dev/zero | tr '\0' x >"/dev/shm/$1"
}

# The odd names, all under $S so that teardown removes them.
odd_names() {
	printf '%s\0' "$S-sp ace" "$S-nl"$'\n'"x" "$S-q\"u" "$S-back\\slash" \
	    "$S-tab"$'\t'"x" "$S-ctl"$'\001'"x" "$S-$(printf '\303\251')"
}

@test "shmls: lists a segment's name, size, memory, permissions, owner and time" {
	mkseg "$S1" 5000
	chmod 0640 "/dev/shm/$S1"
	run -0 --separate-stderr shmls "$S1"
	assert_equal "$stderr" ''
	assert_equal "${#lines[@]}" 2
	assert_regex "${lines[0]}" '^NAME +SIZE +ALLOC +PERMS +USER +GROUP +MTIME$'
	assert_regex "${lines[1]}" \
	    "^$S1 +4\\.9K +8\\.0K +rw-r----- +$(id -un) +$(id -gn) +[A-Z][a-z]{2} [ 123][0-9] [0-9]{2}:[0-9]{2}\$"
}

@test "shmls: lists every segment, sorted by name, without operands" {
	: >"/dev/shm/$S3"
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	run -0 pipeline 'shmls -rn -o NAME | grep -F "$1"' _ "$S"
	assert_output "$(printf '%s\n' "$S1" "$S2" "$S3")"
}

@test "shmls: sorts names byte by byte, whatever the locale" {
	: >"/dev/shm/$S-B"
	: >"/dev/shm/$S-a"
	: >"/dev/shm/$S-_"
	run -0 env LC_ALL=en_US.UTF-8 shmls -rn -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S-B" "$S-_" "$S-a")"
}

@test "shmls: -b prints exact sizes, and ALLOC is what a sparse segment uses" {
	mkseg "$S1" 5000
	shmcreate -s 1M "$S2"
	run -0 shmls -rnb -o NAME,SIZE,ALLOC "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1 5000 8192" "$S2 1048576 0")"
	run -0 shmls -rn --bytes -o SIZE "$S1"
	assert_output 5000
	run -0 shmls -rn -o SIZE,ALLOC "$S2"
	assert_output '1.0M 0B'
}

@test "shmls: PERMS and MODE show the special bits" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	chmod 4751 "/dev/shm/$S1"
	chmod 1606 "/dev/shm/$S2"
	run -0 shmls -rn -o NAME,PERMS,MODE "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1 rwsr-x--x 4751" "$S2 rw----rwT 1606")"
}

@test "shmls: UID, USER, GID and GROUP, with numbers for ids without names" {
	need_root
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	chown nobody:nogroup "/dev/shm/$S1"
	chown 54321:54322 "/dev/shm/$S2"
	run -0 shmls -rn -o UID,USER,GID,GROUP "$S1" "$S2"
	assert_output "$(printf '%s\n' \
	    "$(id -u nobody) nobody $(getent group nogroup | cut -d: -f3) nogroup" \
	    "54321 54321 54322 54322")"
}

@test "shmls: -o picks columns in any case, and +LIST adds to the default" {
	: >"/dev/shm/$S1"
	chmod 0600 "/dev/shm/$S1"
	run -0 shmls -o mode,Name "$S1"
	assert_regex "${lines[0]}" '^MODE +NAME$'
	assert_regex "${lines[1]}" "^0600 +$S1\$"
	run -0 shmls --output=+MODE,UID "$S1"
	assert_regex "${lines[0]}" \
	    '^NAME +SIZE +ALLOC +PERMS +USER +GROUP +MTIME +MODE +UID$'
	run -0 shmls -o NAME,NAME,SIZE "$S1"
	assert_regex "${lines[0]}" '^NAME +SIZE$'
}

@test "shmls: --output-all prints every column, in the order --help lists them" {
	: >"/dev/shm/$S1"
	chmod 0644 "/dev/shm/$S1"
	run -0 --separate-stderr shmls --output-all "$S1"
	assert_regex "${lines[0]}" \
	    '^NAME +SIZE +ALLOC +PERMS +MODE +UID +USER +GID +GROUP +MTIME +NPROCS +PIDS +NSPIDS +COMMANDS$'
	run -0 --separate-stderr shmls -rn --output-all "$S1"
	assert_regex "$output" "^$S1 0B 0B rw-r--r-- 0644 $(id -u) $(id -un) "
	assert_regex "$output" ' 0   $'
}

@test "shmls: -n prints no heading" {
	: >"/dev/shm/$S1"
	run -0 shmls -n -o NAME "$S1"
	assert_output "$S1"
	run -0 shmls --noheadings -o NAME "$S-nothing*"
	assert_output ''
}

@test "shmls: --time-format short, full and iso" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	touch -d '2020-01-02 03:04:05.123456789 UTC' "/dev/shm/$S1"
	export TZ=UTC
	run -0 shmls -rn -o MTIME "$S1"
	assert_output 'Jan\x20\x202\x20\x202020'
	run -0 shmls -n -o MTIME --time-format short "$S1"
	assert_output 'Jan  2  2020'
	run -0 shmls -n -o MTIME --time-format=full "$S1"
	assert_output '2020-01-02 03:04:05.123456789 +0000'
	run -0 shmls -n -o MTIME --time-format iso "$S1"
	assert_output '2020-01-02T03:04:05+00:00'
	TZ=Asia/Kolkata run -0 shmls -n -o MTIME --time-format iso "$S1"
	assert_output '2020-01-02T08:34:05+05:30'
	# Within the last six months: the time of day instead of the year.
	run -0 shmls -n -o MTIME "$S2"
	assert_regex "$output" '^[A-Z][a-z]{2} [ 123][0-9] [0-9]{2}:[0-9]{2}$'
}

@test "shmls: a bad --time-format is a usage error naming it" {
	run -2 --separate-stderr shmls --time-format=long
	assert_output ''
	assert_usage_error "shmls: invalid time format 'long': use short, full or iso"
}

@test "shmls: an unknown column is a usage error naming it" {
	run -2 --separate-stderr shmls -o NAME,BOGUS
	assert_output ''
	assert_usage_error "shmls: unknown column 'BOGUS'"
	run -2 --separate-stderr shmls -o +
	assert_usage_error "shmls: empty column list"
	run -2 --separate-stderr shmls -o NAME,
	assert_usage_error "shmls: unknown column ''"
}

@test "shmls: -J, -r and -E are mutually exclusive" {
	run -2 --separate-stderr shmls -J -r
	assert_usage_error "shmls: options -J and -r are mutually exclusive"
	run -2 --separate-stderr shmls --raw --export
	assert_usage_error "shmls: options -r and -E are mutually exclusive"
	run -2 --separate-stderr shmls --pairs -J
	assert_usage_error "shmls: options -P and -J are mutually exclusive"
	run -2 --separate-stderr shmls -r -P
	assert_usage_error "shmls: options -r and -P are mutually exclusive"
	run -0 shmls -J -J "$S-nothing*"
	run -0 shmls -E -P "$S-nothing*"
}

@test "shmls: -P and --pairs print the KEY=\"value\" pairs -E prints" {
	mkseg "$S1" 5000
	chmod 0640 "/dev/shm/$S1"
	run -0 shmls -P -b -o NAME,SIZE,MODE "$S1"
	assert_output "NAME=\"$S1\" SIZE=\"5000\" MODE=\"0640\""
	run -0 shmls --pairs -o NAME,ALLOC "$S1"
	assert_output "NAME=\"$S1\" ALLOC=\"8.0K\""
	shmls -E "$S1" >"$T/export"
	run -0 shmls -P "$S1"
	assert_output "$(cat "$T/export")"
}

@test "shmls: an unknown option or an invalid name is a usage error" {
	run -2 --separate-stderr shmls -y
	[ "${#stderr_lines[@]}" = 4 ]
	run -2 --separate-stderr shmls "$S1/x"
	assert_usage_error "shmls: invalid name '$S1/x'"
}

@test "shmls: patterns match names without the leading slash" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	: >"/dev/shm/$S3"
	run -0 shmls -rn -o NAME "/$S-[ab]"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	run -0 shmls -rn -o NAME "$S-?" "$S1"
	assert_output "$(printf '%s\n' "$S1" "$S2" "$S3")"
	run -0 shmls -rn -o NAME "/$S2"
	assert_output "$S2"
}

@test "shmls: a pattern that matches nothing is not an error" {
	run -0 --separate-stderr shmls "$S-*"
	assert_output ''
	assert_equal "$stderr" ''
}

@test "shmls: a name that does not exist is exit 1; the others are listed" {
	: >"/dev/shm/$S1"
	run -1 --separate-stderr shmls -rn -o NAME "$S2" "$S1" "$S3"
	assert_output "$S1"
	assert_equal "$stderr" "$(printf '%s\n' \
	    "shmls: $S2: No such file or directory" \
	    "shmls: $S3: No such file or directory")"
}

@test "shmls: a name holding pattern characters can be given as it is" {
	: >"/dev/shm/$S-[x]"
	run -0 shmls -rn -o NAME "$S-[x]"
	assert_output "$S-[x]"
}

@test "shmls: only regular files are segments; links are not followed" {
	: >"/dev/shm/$S1"
	mkdir "/dev/shm/$S-dir"
	ln -s "$S1" "/dev/shm/$S-link"
	mkfifo "/dev/shm/$S-fifo"
	run -0 shmls -rn -o NAME "$S*"
	assert_output "$S1"
	run -1 --separate-stderr shmls -rn -o NAME "$S-dir" "$S-link" "$S-fifo"
	assert_output ''
	assert_equal "$stderr" "$(printf '%s\n' \
	    "shmls: $S-dir: Is a directory" \
	    "shmls: $S-link: symbolic link, not followed" \
	    "shmls: $S-fifo: not a regular file")"
}

@test "shmls: semaphores (sem.*) are hidden unless -a, named or sem.* patterns" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/sem.$S1"
	run -0 shmls -rn -o NAME "$S*" "*$S1" "s*.$S1" "?em.$S*"
	assert_output "$S1"
	run -0 shmls -rn -o NAME "$S*" "sem.$S*"
	assert_output "$(printf '%s\n' "sem.$S1" "$S1")"
	run -0 shmls -rn --all -o NAME "$S*" "*$S1"
	assert_output "$(printf '%s\n' "sem.$S1" "$S1")"
	run -0 shmls -rn -o NAME "sem.$S1"
	assert_output "sem.$S1"
	run -0 pipeline 'shmls -rn -o NAME | { grep -cF "sem.$1" || :; }' _ "$S1"
	assert_output 0
	run -0 pipeline 'shmls -a -rn -o NAME | { grep -cF "sem.$1" || :; }' _ "$S1"
	assert_output 1
}

@test "shmls: 'sem.*' lists every semaphore, '*' none, -a all" {
	need_private_shm
	: >"/dev/shm/$S1"
	: >"/dev/shm/sem.$S-x"
	: >"/dev/shm/sem.$S-y"
	run -0 --separate-stderr shmls -rn -o NAME 'sem.*'
	assert_output "$(printf '%s\n' "sem.$S-x" "sem.$S-y")"
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmls -rn -o NAME '*'
	assert_output "$S1"
	run -0 --separate-stderr shmls -rn -o NAME
	assert_output "$S1"
	run -0 --separate-stderr shmls -a -rn -o NAME
	assert_output "$(printf '%s\n' "sem.$S-x" "sem.$S-y" "$S1")"
	run -0 --separate-stderr shmls -a -rn -o NAME '*'
	assert_output "$(printf '%s\n' "sem.$S-x" "sem.$S-y" "$S1")"
}

@test "shmls: lists what shmrm -n -g would remove, for the same operands" {
	need_private_shm
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	: >"/dev/shm/sem.$S-x"
	: >"/dev/shm/sem.$S-y"
	: >"/dev/shm/sem.$S1"
	for ops in "sem.*" "*" "$S*" "sem.$S-?" "*$S1" "s*.$S-x $S2" \
	    "sem.$S-x $S2" "sem.$S1 $S1" "sem.* $S*"; do
		read -ra argv <<<"$ops"
		ls=$(shmls -rn -o NAME "${argv[@]}")
		rm=$(shmrm -n -g "${argv[@]}")
		[ -n "$ls" ] || fail "shmls $ops listed nothing"
		assert_equal "$ls" "$rm"
	done
	run -0 shmls -rn -o NAME "sem.$S-[xy]" "*$S1"
	assert_output "$(printf '%s\n' "sem.$S-x" "sem.$S-y" "$S1")"
}

@test "shmls: a semaphore or segment name not there is exit 1; the rest are listed" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/sem.$S-x"
	mkdir "/dev/shm/$S-dir"
	run -1 --separate-stderr shmls -rn -o NAME "$S-nope" "$S1" "sem.$S-x" \
	    "sem.$S-nope" "$S-dir" "$S-nope"
	assert_output "$(printf '%s\n' "sem.$S-x" "$S1")"
	assert_equal "$stderr" "$(printf '%s\n' \
	    "shmls: $S-nope: No such file or directory" \
	    "shmls: sem.$S-nope: No such file or directory" \
	    "shmls: $S-dir: Is a directory" \
	    "shmls: $S-nope: No such file or directory")"
}

@test "shmls: a sem.* pattern that matches nothing is not an error either" {
	: >"/dev/shm/$S1"
	run -0 --separate-stderr shmls -rn -o NAME "$S-zz*" "sem.$S-zz*"
	assert_output ''
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmls -rn -o NAME "$S-zz*" "$S1"
	assert_output "$S1"
	assert_equal "$stderr" ''
}

@test "shmls: a name gone between readdir and its stat is not there" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	# The listing's stat of $S1 fails as if it had been removed since the
	# directory was read: which stat that is, a run first counts.
	traced -o "$T/trace" -e trace=newfstatat shmls -rn -o NAME "$S1" "$S2" \
	    >/dev/null
	n=$(grep -n "^newfstatat([0-9]*, \"$S1\"" "$T/trace" | cut -d: -f1)
	[ -n "$n" ] || fail "no stat of $S1: $(cat "$T/trace")"
	run -1 --separate-stderr traced -o /dev/null -e trace=newfstatat \
	    -e inject=newfstatat:error=ENOENT:when="$n" \
	    shmls -rn -o NAME "$S1" "$S2"
	assert_output "$S2"
	assert_equal "$stderr" "shmls: $S1: No such file or directory"
}

@test "shmls: the table escapes odd names for display" {
	odd_names | xargs -0 -I{} touch /dev/shm/{}
	: >"/dev/shm/$S-hi$(printf '\351\377')"
	# In a UTF-8 locale, whatever the caller's: CI may have none set.
	run -0 env LC_ALL=C.UTF-8 shmls -n -o NAME "$S*"
	assert_output "$(printf '%s\n' "$S-back\\\\slash" "$S-ctl\\001x" \
	    "$S-hi\\351\\377" "$S-nl\\nx" "$S-q\"u" "$S-sp ace" "$S-tab\\tx" \
	    "$S-$(printf '\303\251')")"
	# In the C locale, é is two bytes that are not characters.
	run -0 env LC_ALL=C shmls -n -o NAME "$S-?*"
	assert_line "$S-\\303\\251"
}

@test "shmls: the table aligns columns by display width, not bytes" {
	: >"/dev/shm/$S-ab"
	: >"/dev/shm/$S-$(printf '\344\270\255\346\226\207')"
	chmod 0600 "/dev/shm/$S-ab" "/dev/shm/$S-$(printf '\344\270\255\346\226\207')"
	# Each CJK character takes two columns on a terminal.
	run -0 env LC_ALL=C.UTF-8 shmls -o NAME,MODE "$S-*"
	assert_output "$(printf '%s\n' "NAME$(printf '%*s' $((${#S} + 1)) '') MODE" \
	    "$S-ab   0600" "$S-$(printf '\344\270\255\346\226\207') 0600")"
}

@test "shmls: -r escapes blanks, backslashes and control bytes as \\xHH" {
	odd_names | xargs -0 -I{} touch /dev/shm/{}
	run -0 shmls -rn -o NAME,SIZE "$S-sp*" "$S-nl*" "$S-back*" "$S-tab*"
	assert_output "$(printf '%s\n' "$S-back\\x5cslash 0B" "$S-nl\\x0ax 0B" \
	    "$S-sp\\x20ace 0B" "$S-tab\\x09x 0B")"
	: >"/dev/shm/$S1"
	run -0 shmls --raw -o NAME "$S1"
	assert_output "$(printf '%s\n' NAME "$S1")"
}

@test "shmls: -E prints KEY=\"value\" pairs that decode to the exact name" {
	odd_names | xargs -0 -I{} touch /dev/shm/{}
	chmod 0600 "/dev/shm/$S-sp ace"
	run -0 shmls -E -b -o NAME,SIZE,MODE "$S-sp*"
	assert_output "NAME=\"$S-sp ace\" SIZE=\"0\" MODE=\"0600\""
	# Safe to eval; \xHH decoded with printf %b gives back the name.
	shmls --export -o NAME "$S*" >"$T/pairs"
	while IFS= read -r line; do
		eval "$line"
		printf '%b\0' "$NAME"
	done <"$T/pairs" >"$T/names"
	odd_names | LC_ALL=C sort -z | cmp - "$T/names"
}

@test "shmls: -J is JSON with one key, numbers as numbers, and names exact" {
	mkseg "$S1" 5000
	chmod 0640 "/dev/shm/$S1"
	run -0 pipeline 'shmls -J "$1" | jq -e -c "
	    keys == [\"segments\"] and
	    (.segments | length) == 1 and
	    (.segments[0] | .name == \"$1\" and .size == 5000 and
	     .alloc == 8192 and .perms == \"rw-r-----\" and
	     (.mtime | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$\")))"' _ "$S1"
	assert_output true
	run -0 --separate-stderr pipeline 'shmls --json --output-all "$1" | jq -e -c "
	    .segments[0] | [.mode, .uid, .gid, .nprocs, .pids, .commands] ==
	    [\"0640\", $(id -u), $(id -g), 0, [], []]"' _ "$S1"
	assert_output true
	run -0 pipeline 'shmls -J -o UID,USER "$1" | jq -e -c ".segments[0].uid | type"' _ "$S1"
	assert_output '"number"'
}

@test "shmls: -J sizes are bytes even without -b" {
	shmcreate -s 1M "$S1"
	run -0 pipeline 'shmls -J -o SIZE "$1" | jq -c ".segments"' _ "$S1"
	assert_output '[{"size":1048576}]'
}

@test "shmls: -J with nothing to list is an empty array" {
	run -0 pipeline 'shmls -J "$1" | jq -c .' _ "$S-*"
	assert_output '{"segments":[]}'
}

@test "shmls: odd names round-trip through -J and jq exactly" {
	odd_names | xargs -0 -I{} touch /dev/shm/{}
	run -0 pipeline 'shmls -J "$1" | jq -j "$3" >"$2"' \
	    _ "$S*" "$T/names" '.segments[] | .name + "\u0000"'
	odd_names | LC_ALL=C sort -z | cmp - "$T/names"
}

@test "shmls: -J passes non-UTF-8 bytes through as they are" {
	: >"/dev/shm/$S-hi$(printf '\351\377')"
	run -0 pipeline 'shmls -J -o NAME "$1" | jq -e -c ".segments | length"' _ "$S-hi*"
	assert_output 1
	# The bytes themselves are in the output; jq shows U+FFFD for them.
	run -0 pipeline 'shmls -J -o NAME "$1" | json_names >"$2"' \
	    _ "$S-hi*" "$T/name"
	printf '%s\0' "$S-hi$(printf '\351\377')" | cmp - "$T/name"
}

@test "shmls: -p shows a process that has a segment open" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	hold_open "$S1"
	run -0 --separate-stderr shmls -rn -p -o NAME,NPROCS,PIDS,COMMANDS "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1 1 $holder sleep" "$S2 0  ")"
	assert_skipped_stderr
	run -0 --separate-stderr shmls -p "$S1"
	assert_regex "${lines[0]}" \
	    '^NAME +SIZE +ALLOC +PERMS +USER +GROUP +MTIME +NPROCS +PIDS +COMMANDS$'
	assert_regex "${lines[1]}" " 1 $holder +sleep\$"
}

@test "shmls: -p shows a process that has a segment mapped, not open" {
	mkseg "$S1" 8192
	hold_mapped "$S1"
	[ -z "$(find "/proc/$holder/fd" -lname "*$S1" 2>/dev/null)" ]
	run -0 --separate-stderr shmls -rn --processes -o NAME,NPROCS,PIDS,COMMANDS "$S1"
	assert_output "$S1 1 $holder python3"
}

# A maps line longer than procscan's 64 KiB buffer (a path deeper than
# PATH_MAX), whose part past the buffer reads as a maps line of its own:
# one that maps $S1.  It must be taken for what it is, a part of a line.
@test "shmls: -p does not read the rest of an overlong maps line as a line" {
	: >"/dev/shm/$S1"
	python3 - "$S1" "$T" "$T/ready" >/dev/null 2>&1 3>&- <<-'PY' &
	import mmap, os, sys, time
	seg, top, ready = sys.argv[1:]
	st = os.stat("/dev/shm/" + seg)
	fake = "0-1000 r--s 00000000 %x:%x %d " % (os.major(st.st_dev),
	    os.minor(st.st_dev), st.st_ino)
	# The line's fields and padding take 73 bytes: aim at 100 to spare.
	want = 65535 - 100 - 73 - len(top) - 2
	os.chdir(top)
	for n in [250] * (want // 251) + [max(want % 251 - 1, 1)]:
	    os.mkdir("d" * n)
	    os.chdir("d" * n)
	os.makedirs("x/dev/shm")
	fd = os.open("x/dev/shm/" + seg, os.O_RDWR | os.O_CREAT, 0o600)
	os.ftruncate(fd, 4096)
	m = mmap.mmap(fd, 4096, mmap.MAP_SHARED)
	def line():
	    return next(l for l in open("/proc/self/maps")
	        if l.endswith("/dev/shm/%s\n" % seg) and "/ddd" in l)
	# Where the last part starts, renamed so that fake starts at 65535.
	fill = 65535 - line().index("/x/dev/shm/") - 1
	assert 0 <= fill <= 255 - len(fake), fill
	os.rename("x", "f" * fill + fake)
	assert line()[65535:] == fake + "/dev/shm/" + seg + "\n"
	open(ready, "w").close()
	time.sleep(100)
	PY
	holder=$!
	HOLDERS+=("$holder")
	wait_for "$T/ready"
	run -0 --separate-stderr shmls -rn -p -o NAME,NPROCS,PIDS "$S1"
	assert_output "$S1 0 "
	assert_skipped_stderr
}

@test "shmls: -p lists every holder once, in order of pid, with its command" {
	mkseg "$S1" 8192
	hold_open "$S1"
	first=$holder
	hold_mapped "$S1"
	second=$holder
	run -0 --separate-stderr shmls -rn -p -o NPROCS,PIDS,COMMANDS "$S1"
	if [ "$first" -lt "$second" ]; then
		assert_output "2 $first,$second sleep,python3"
	else
		assert_output "2 $second,$first python3,sleep"
	fi
	run -0 --separate-stderr pipeline 'shmls -J -p -o PIDS,COMMANDS "$1" | jq -c ".segments[0] |
	    [(.pids | sort), (.commands | sort)]"' _ "$S1"
	if [ "$first" -lt "$second" ]; then
		assert_output "[[$first,$second],[\"python3\",\"sleep\"]]"
	else
		assert_output "[[$second,$first],[\"python3\",\"sleep\"]]"
	fi
}

@test "shmls: -p in JSON gives numbers and arrays" {
	: >"/dev/shm/$S1"
	hold_open "$S1"
	run -0 --separate-stderr pipeline 'shmls -J -p -o NAME,NPROCS,PIDS,COMMANDS "$1" | jq -c .segments' _ "$S1"
	assert_output "[{\"name\":\"$S1\",\"nprocs\":1,\"pids\":[$holder],\"commands\":[\"sleep\"]}]"
}

@test "shmls: asking for a process column with -o implies the scan" {
	: >"/dev/shm/$S1"
	hold_open "$S1"
	run -0 --separate-stderr shmls -rn -o NAME,PIDS "$S1"
	assert_output "$S1 $holder"
}

@test "shmls: -p with -E" {
	: >"/dev/shm/$S1"
	hold_open "$S1"
	run -0 --separate-stderr shmls -E -p -o NAME,NPROCS,PIDS,COMMANDS "$S1"
	assert_output "NAME=\"$S1\" NPROCS=\"1\" PIDS=\"$holder\" COMMANDS=\"sleep\""
}

@test "shmls: --deleted lists a removed segment still mapped, with its holder" {
	mkseg "$S1" 8192
	: >"/dev/shm/$S2"
	hold_mapped "$S1" unlink
	[ ! -e "/dev/shm/$S1" ]
	run -1 --separate-stderr shmls "$S1"
	assert_equal "$stderr" "shmls: $S1: No such file or directory"
	run -0 --separate-stderr shmls --deleted -rn -o NAME,NPROCS,PIDS,COMMANDS "$S*"
	assert_output "$S1 1 $holder python3"
	run -0 --separate-stderr shmls --deleted -rn -o NAME "$S1"
	assert_output "$S1"
	run -0 --separate-stderr shmls --deleted "$S1"
	assert_regex "${lines[0]}" \
	    '^NAME +SIZE +ALLOC +PERMS +USER +GROUP +MTIME +NPROCS +PIDS +COMMANDS$'
	run -1 --separate-stderr shmls --deleted -rn -o NAME "$S2"
	assert_output ''
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" "shmls: $S2: No such file or directory"
}

@test "shmls: --deleted picks removed semaphores by the same rule" {
	mkseg "sem.$S-x" 4096
	hold_mapped "sem.$S-x" unlink
	run -0 --separate-stderr shmls --deleted -rn -o NAME "sem.$S-*"
	assert_output "sem.$S-x"
	run -0 --separate-stderr shmls --deleted -rn -o NAME "*$S-x"
	assert_output ''
	run -0 --separate-stderr shmls --deleted -a -rn -o NAME "*$S-x"
	assert_output "sem.$S-x"
	run -1 --separate-stderr shmls --deleted -rn -o NAME "sem.$S-x" \
	    "sem.$S-y"
	assert_output "sem.$S-x"
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" "shmls: sem.$S-y: No such file or directory"
}

@test "shmls: --deleted in JSON knows the size as root" {
	need_root
	mkseg "$S1" 8192
	hold_mapped "$S1" unlink
	run -0 --separate-stderr pipeline 'shmls --deleted -J -p "$1" | jq -c ".segments[] |
	    [.name, .size, .nprocs, .pids, .commands]"' _ "$S1"
	assert_output "[\"$S1\",8192,1,[$holder],[\"python3\"]]"
}

# Segment $1, removed while a process maps it, has that name exactly in
# shmls --deleted -J.
assert_deleted_name() {
	mkseg "$1" 4096
	hold_mapped "$1" unlink
	run -0 --separate-stderr pipeline 'shmls --deleted -J "$1" | json_names >"$2"' \
	    _ "$S*" "$T/names"
	printf '%s\0' "$1" | cmp - "$T/names"
}

@test "shmls: --deleted gives the exact name of a removed segment" {
	assert_deleted_name "$S-nl"$'\n'"x (deleted)"
}

@test "shmls: --deleted as root tells a newline from a backslash-012 in a name" {
	need_root
	# /proc/PID/maps shows both as \012; map_files, root only, does not.
	assert_deleted_name "$S-nl"$'\n'"x \\012"
}

@test "shmls: --deleted does not list a segment that is still there" {
	: >"/dev/shm/$S1"
	hold_open "$S1"
	run -0 --separate-stderr shmls --deleted -rn -o NAME "$S*"
	assert_output ''
}

@test "shmls: an unprivileged user can list, and others' processes are skipped with a warning" {
	need_root
	mkseg "$S1" 100
	chmod 0600 "/dev/shm/$S1"
	hold_open "$S1"
	run -0 --separate-stderr as_nobody shmls -rn -b -p -o NAME,SIZE,USER,NPROCS "$S1"
	assert_output "$S1 100 root 0"
	assert_regex "$stderr" "^$SKIPPED\$"
	run -0 --separate-stderr pipeline 'as_nobody shmls -J -p "$1" |
	    jq -c ".holders | [.partial, .reason, .skipped > 0]"' _ "$S1"
	assert_output '[true,"processes could not be inspected",true]'
	assert_regex "$stderr" "^$SKIPPED\$"
	run -0 as_nobody shmls -J "$S1"
}

@test "shmls: a missing /dev/shm is exit 1 with the directory's reason" {
	for opts in -b -p --deleted --summary; do
		run -1 --separate-stderr hide /dev 0755 shmls $opts
		assert_output ""
		assert_equal "$stderr" \
		    "shmls: /dev/shm: No such file or directory"
	done
}

@test "shmls: -p with /proc closed lists anyway, says why, exits 1" {
	need_plain_build shmls
	mkseg "$S1" 100
	run -1 --separate-stderr hide /proc 000 --nobody \
	    shmls -rn -b -p -o NAME,SIZE,NPROCS "$S1"
	# The number of holders is unknown, so blank, not 0.
	assert_output "$S1 100 "
	assert_equal "$stderr" "shmls: /proc is not a procfs; holders are not shown"
}

@test "shmls: -p with a procfs it cannot read lists anyway, says why, exits 1" {
	need_private_shm
	mkseg "$S1" 100
	run -1 --separate-stderr traced -f -o /dev/null -e trace=openat \
	    -e inject=openat:error=EACCES:when=1 -P /proc \
	    shmls -rn -b -p -o NAME,SIZE,NPROCS "$S1"
	assert_output "$S1 100 "
	assert_equal "$stderr" "shmls: /proc: Permission denied"
}

# The failure is told before the table is written: a reader that goes away
# during the table ends shmls quietly, but with that status.
@test "shmls: a closed pipe keeps the status of an earlier failure" {
	need_plain_build shmls
	# Far more than a pipe holds, so that shmls writes after head is gone.
	local long i
	long=$(printf '%0200d' 0)
	for i in $(seq 600); do : >"/dev/shm/$S-$long-$i"; done
	run -0 --separate-stderr hide /proc 000 --nobody bash -c '
	    shmls -rn -p "$1*" | head -c 1 >/dev/null
	    echo "${PIPESTATUS[0]}"' _ "$S"
	assert_output 1
	assert_equal "$stderr" "shmls: /proc is not a procfs; holders are not shown"
}

@test "shmls: -p and --deleted in JSON say whether the view of processes is whole" {
	mkseg "$S1" 100
	run -0 --separate-stderr pipeline 'shmls -J -p "$1" |
	    jq -c "keys, (.holders | keys), (.holders.partial | type)"' _ "$S1"
	assert_output "$(printf '%s\n' '["holders","segments"]' \
	    '["partial","reason","skipped"]' '"boolean"')"
	assert_skipped_stderr
	# Without the scan, only the segments.
	run -0 --separate-stderr pipeline 'shmls -J "$1" | jq -c keys' _ "$S1"
	assert_output '["segments"]'
	run -0 --separate-stderr pipeline 'shmls -J --deleted "$1" |
	    jq -c "keys"' _ "$S-none*"
	assert_output '["holders","segments"]'
}

@test "shmls: -p in a child PID namespace warns that holders outside are missing" {
	need_private_shm
	mkseg "$S1" 100
	hold_open "$S1"
	for opts in -p --deleted; do
		run -0 --separate-stderr unshare --pid --fork --mount-proc \
		    shmls -rn $opts -o NAME,NPROCS "$S1*"
		assert_equal "${stderr_lines[0]}" \
		    "shmls: this is not the initial PID namespace; holders may be missing"
	done
	run -0 --separate-stderr pipeline 'unshare --pid --fork --mount-proc \
	    shmls -J -p -o NAME,NPROCS "$1" | jq -c ".segments, .holders"' _ "$S1"
	assert_output "$(printf '%s\n' "[{\"name\":\"$S1\",\"nprocs\":0}]" \
	    '{"partial":true,"reason":"this is not the initial PID namespace","skipped":0}')"
	# With the parent's /proc, in a child namespace.
	run -0 --separate-stderr unshare --pid --fork shmls -rn -p -o NAME,NPROCS "$S1"
	assert_equal "${stderr_lines[0]}" \
	    "shmls: /proc belongs to another PID namespace; holders may be missing"
}

@test "shmls: -p warns when /proc hides others' processes (hidepid)" {
	need_private_shm
	mkseg "$S1" 100
	hold_open "$S1"
	run -0 --separate-stderr unshare --mount --propagation private sh -c '
	    mount -t proc -o hidepid=invisible proc /proc && exec "$@"' _ \
	    setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    --inh-caps=-all env PATH="$PATH" shmls -J -p -o NAME,NPROCS "$S1"
	assert_equal "$(jq -c '.segments, .holders.reason' <<<"$output")" \
	    "$(printf '%s\n' "[{\"name\":\"$S1\",\"nprocs\":0}]" \
	    '"/proc hides the processes we may not inspect"')"
	stderr_has "shmls: /proc hides the processes we may not inspect (hidepid); holders may be missing"
}

@test "shmls: -p with a tmpfs over /proc shows no holders and exits 1" {
	need_plain_build shmls
	mkseg "$S1" 100
	run -1 --separate-stderr hide /proc 0755 \
	    shmls -rn -p -o NAME,NPROCS "$S1"
	assert_output "$S1 "
	assert_equal "$stderr" "shmls: /proc is not a procfs; holders are not shown"
	run -1 --separate-stderr hide /proc 0755 bash -o pipefail -c \
	    'shmls -J -p -o NAME,NPROCS "$1" | jq -c .holders' _ "$S1"
	assert_output '{"partial":true,"reason":"/proc is not a procfs","skipped":0}'
}

@test "shmls: --help lists the columns, and the man page describes each" {
	run -0 --separate-stderr shmls --help
	assert_equal "$stderr" ''
	assert_equal "${lines[0]}" \
	    'usage: shmls [-abEJnPpr] [-o list] [--output-all] [--time-format fmt]'
	cols=$(shmls --help | awk '/^Columns/ { on = 1; next } /^$/ { on = 0 }
	    on && /^  [A-Z]/ { print $1 }')
	assert_equal "$(echo "$cols" | tr '\n' ' ')" \
	    'NAME SIZE ALLOC PERMS MODE UID USER GID GROUP MTIME NPROCS PIDS NSPIDS COMMANDS '
	man="$BATS_TEST_DIRNAME/../man/shmls.1"
	for c in $cols; do
		grep -qx "\\.It Sy $c" "$man" || fail "man page lacks column $c"
	done
	mandoc -Tascii "$man" | col -b >"$T/man.txt"
	for o in all bytes deleted export json noheadings output output-all \
	    pairs processes raw sort summary time-format help version; do
		assert_output --partial -- "--$o"
		grep -q -- "--$o\\b" "$T/man.txt" || fail "man page lacks --$o"
	done
}

@test "shmls: --version prints the project version" {
	assert_version shmls
}

@test "shmls: --help and --version to a full stdout exit 1" {
	assert_full_stdout shmls
}

@test "shmls: a write error on stdout is exit 1; a closed pipe is not" {
	: >"/dev/shm/$S1"
	run -1 --separate-stderr bash -c 'shmls "$1" >/dev/full' _ "$S1"
	assert_equal "$stderr" 'shmls: stdout: No space left on device'
	for i in $(seq 300); do : >"/dev/shm/$S-$i"; done
	run -0 --separate-stderr pipeline 'shmls --output-all "$1*" | head -c 1' _ "$S"
	assert_output N
	assert_skipped_stderr
}

@test "shmls: -x sorts sizes by value, whatever -b says" {
	shmcreate -s 2M "$S1"
	mkseg "$S2" 9
	shmcreate -s 10K "$S3"
	# As text, 10K < 2.0M < 9B.
	run -0 shmls -rn -x SIZE -o NAME,SIZE "$S-*"
	assert_output "$(printf '%s\n' "$S2 9B" "$S3 10K" "$S1 2.0M")"
	run -0 shmls -rnb --sort=size -o NAME,SIZE "$S-*"
	assert_output "$(printf '%s\n' "$S2 9" "$S3 10240" "$S1 2097152")"
	run -0 pipeline 'shmls -J -x SIZE "$1" | jq -c "[.segments[].name]"' \
	    _ "$S-*"
	assert_output "[\"$S2\",\"$S3\",\"$S1\"]"
}

@test "shmls: -x ALLOC ends with the biggest consumers; ties keep name order" {
	mkseg "$S3" 20000
	mkseg "$S1" 100
	shmcreate -s 1M "$S2"
	mkseg "$S-d" 100
	run -0 shmls -rn -x alloc -o NAME,ALLOC "$S-*"
	assert_output "$(printf '%s\n' "$S2 0B" "$S1 4.0K" "$S-d 4.0K" \
	    "$S3 20K")"
	# The column need not be shown.
	run -0 shmls -rn -x ALLOC -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S2" "$S1" "$S-d" "$S3")"
}

@test "shmls: -x NAME sorts byte by byte, and MTIME by time" {
	: >"/dev/shm/$S-B"
	: >"/dev/shm/$S-a"
	: >"/dev/shm/$S-_"
	touch -d '2021-01-01 00:00:00 UTC' "/dev/shm/$S-B"
	touch -d '2019-06-01 00:00:00 UTC' "/dev/shm/$S-a"
	touch -d '2020-03-01 00:00:00 UTC' "/dev/shm/$S-_"
	run -0 env LC_ALL=en_US.UTF-8 shmls -rn -x NAME -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S-B" "$S-_" "$S-a")"
	# As text, "Jun  1  2019" would come after "Mar  1  2020".
	run -0 env TZ=UTC shmls -n -x MTIME -o NAME,MTIME "$S-*"
	assert_output "$(printf '%s\n' "$S-a Jun  1  2019" \
	    "$S-_ Mar  1  2020" "$S-B Jan  1  2021")"
}

@test "shmls: -x MTIME puts a time before 1970 first" {
	: >"/dev/shm/$S-a"
	: >"/dev/shm/$S-b"
	touch -d '1969-07-20 20:17:00 UTC' "/dev/shm/$S-a"
	touch -d '2020-03-01 00:00:00 UTC' "/dev/shm/$S-b"
	run -0 shmls -rn -x MTIME -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S-a" "$S-b")"
}

@test "shmls: -x PERMS sorts the text, -x MODE the number" {
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	: >"/dev/shm/$S3"
	chmod 0770 "/dev/shm/$S1"
	chmod 4700 "/dev/shm/$S2"
	chmod 0600 "/dev/shm/$S3"
	# rws------ before rwxrwx---, but 0770 before 4700.
	run -0 shmls -rn -x PERMS -o NAME,PERMS,MODE "$S-*"
	assert_output "$(printf '%s\n' "$S3 rw------- 0600" \
	    "$S2 rws------ 4700" "$S1 rwxrwx--- 0770")"
	run -0 shmls -rn -x MODE -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S3" "$S1" "$S2")"
}

@test "shmls: -x UID and GID sort numbers, USER and GROUP names" {
	need_root
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	: >"/dev/shm/$S3"
	chown nobody:nogroup "/dev/shm/$S1"
	chown 0:0 "/dev/shm/$S2"
	chown 54321:54321 "/dev/shm/$S3"
	run -0 shmls -rn -x UID -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S2" "$S3" "$S1")"
	# "54321" < "nobody" < "root"
	run -0 shmls -rn -x USER -o NAME,USER "$S-*"
	assert_output "$(printf '%s\n' "$S3 54321" "$S1 nobody" "$S2 root")"
	run -0 shmls -rn -x GID -o NAME "$S-*"
	assert_output "$(printf '%s\n' "$S2" "$S3" "$S1")"
	run -0 shmls -rn -x GROUP -o NAME,GROUP "$S-*"
	assert_output "$(printf '%s\n' "$S3 54321" "$S1 nogroup" "$S2 root")"
}

@test "shmls: -x USER and GROUP sort owners whose names share a slot of the cache" {
	need_root
	# libbsd's name cache has 317 slots: ids 0 and 317 take the same one.
	getent passwd 317 >/dev/null && skip "uid 317 has a name here"
	getent group 317 >/dev/null && skip "gid 317 has a name here"
	: >"/dev/shm/$S1"
	: >"/dev/shm/$S2"
	chown 0:0 "/dev/shm/$S1"
	chown 317:317 "/dev/shm/$S2"
	# "317" < "root"
	run -0 shmls -rn -x USER -o NAME,USER "$S-*"
	assert_output "$(printf '%s\n' "$S2 317" "$S1 root")"
	run -0 shmls -rn -x GROUP -o NAME,GROUP "$S-*"
	assert_output "$(printf '%s\n' "$S2 317" "$S1 root")"
}

# Runs shmls with /etc/passwd and /etc/group that also hold a user and a
# group of odd names (uid and gid 4242) and of 40-byte names (4343).
with_odd_owners() {
	local long=a234567890123456789012345678901234567890
	need_private_shm
	{ cat /etc/passwd; printf '%s:x:4242:4242::/:/bin/false\n' \
	    "we\"ird\\"$'\001'"us$(printf '\303\251')r"
	    printf '%s:x:4343:4343::/:/bin/false\n' "$long"
	} >"$BATS_TEST_TMPDIR/passwd"
	{ cat /etc/group; printf '%s:x:4242:\n' "gr"$'\t'"oup"$'\377'
	    printf '%s:x:4343:\n' "g${long#a}"
	} >"$BATS_TEST_TMPDIR/group"
	unshare --mount --propagation private sh -c '
	    mount --bind "$1/passwd" /etc/passwd &&
	    mount --bind "$1/group" /etc/group && shift && exec "$@"' \
	    owners "$BATS_TEST_TMPDIR" env PATH="$PATH" "$@"
}

@test "shmls: owners' names longer than libbsd's cache keeps are shown whole" {
	: >"/dev/shm/$S1"
	chown 4343:4343 "/dev/shm/$S1"
	run -0 with_odd_owners shmls -n -o USER,GROUP "$S1"
	assert_output "a234567890123456789012345678901234567890 g234567890123456789012345678901234567890"
	run -0 with_odd_owners shmls -J -o USER,GROUP "$S1"
	assert_output --partial '"user": "a234567890123456789012345678901234567890"'
	assert_output --partial '"group": "g234567890123456789012345678901234567890"'
}

@test "shmls: owners' names are escaped for a table, by libsmartcols for -r and -P, exact in -J" {
	: >"/dev/shm/$S1"
	chown 4242:4242 "/dev/shm/$S1"
	# é is printable in a UTF-8 locale; -r escapes every byte past ASCII.
	LC_ALL=C.UTF-8 run -0 with_odd_owners shmls -n -o USER,GROUP "$S1"
	assert_output 'we"ird\\\001us'$'\303\251''r gr\toup\377'
	run -0 with_odd_owners shmls -rn -o USER,GROUP "$S1"
	assert_output 'we"ird\x5c\x01us\xc3\xa9r gr\x09oup\xff'
	run -0 with_odd_owners shmls -P -o USER "$S1"
	assert_output 'USER="we\x22ird\x5c\x01us\xc3\xa9r"'
	run -0 with_odd_owners shmls -J -o USER,GROUP "$S1"
	assert_output --partial '"user": "we\"ird\\\u0001us'$'\303\251''r"'
	assert_output --partial '"group": "gr\toup'$'\377''"'
}

@test "shmls: -x NPROCS, PIDS and COMMANDS sort by the holders" {
	: >"/dev/shm/$S1"
	mkseg "$S2" 8192
	: >"/dev/shm/$S3"
	hold_mapped "$S2"
	p2=$holder
	hold_open "$S1"
	p1=$holder
	run -0 --separate-stderr shmls -rn -x NPROCS -o NAME,NPROCS "$S-*"
	assert_output "$(printf '%s\n' "$S3 0" "$S1 1" "$S2 1")"
	run -0 --separate-stderr shmls -rn -x COMMANDS -o NAME,COMMANDS "$S-*"
	assert_output "$(printf '%s\n' "$S3 " "$S2 python3" "$S1 sleep")"
	# By value, not as text: the later holder usually has the larger
	# PID, but PIDs wrap, so the order wanted comes from the PIDs.
	run -0 --separate-stderr shmls -rn -x PIDS -o NAME "$S-*"
	if [ "$p1" -gt "$p2" ]; then
		assert_output "$(printf '%s\n' "$S3" "$S2" "$S1")"
	else
		assert_output "$(printf '%s\n' "$S3" "$S1" "$S2")"
	fi
}

@test "shmls: -x with an unknown column is a usage error naming it" {
	run -2 --separate-stderr shmls -x BOGUS
	assert_output ''
	assert_usage_error "shmls: unknown column 'BOGUS'"
	run -2 --separate-stderr shmls --sort=NAME,SIZE
	assert_usage_error "shmls: unknown column 'NAME,SIZE'"
	run -2 --separate-stderr shmls -x ''
	assert_usage_error "shmls: unknown column ''"
}

# The file system's figures, as stat -f says them: size, used, available
# (bytes), inodes, free inodes.
fs_figures() {
	stat -f -c '%b %f %a %S %c %d' /dev/shm | {
		read -r blocks free avail bsize files ffree
		echo "$((blocks * bsize)) $(((blocks - free) * bsize))" \
		    "$((avail * bsize)) $files $ffree"
	}
}

@test "shmls: --summary -J gives the file system and the segments' sums" {
	small_shm 1M
	shmcreate -s 100K "$S1"
	mkseg "$S2" 5000
	printf '%32s' '' >"/dev/shm/sem.$S1"
	run -0 --separate-stderr pipeline 'shmls --summary -J | jq -c "
	    .summary | keys_unsorted"'
	assert_output '["size","used","avail","inodes","ifree","segments","semaphores","promised","alloc","deleted"]'
	assert_skipped_stderr
	run -0 --separate-stderr pipeline 'shmls --summary -J | jq -r ".summary |
	    [.size, .used, .avail, .inodes, .ifree] | @tsv" | tr "\t" " "'
	assert_output "$(fs_figures)"
	run -0 --separate-stderr pipeline 'shmls --summary -J | jq -c ".summary |
	    [.segments, .semaphores, .promised, .alloc, .deleted]"'
	assert_output "[2,1,$((102400 + 5000 + 32)),$((8192 + 4096)),0]"
	assert_equal "$(shmls --summary -J | jq .summary.size)" 1048576
}

@test "shmls: --summary counts what the operands pick" {
	small_shm 1M
	mkseg "$S1" 5000
	mkseg "$S2" 100
	shmcreate -s 1K "$S3"
	: >"/dev/shm/sem.$S1"
	run -0 --separate-stderr pipeline 'shmls --summary -J "$1" "$2" | jq -c ".summary |
	    [.segments, .semaphores, .promised, .alloc]"' _ "$S-[ab]" "sem.*"
	assert_output "[2,1,5100,12288]"
	run -1 --separate-stderr pipeline 'shmls --summary -J "$1" "$2" |
	    jq -c ".summary.segments"' _ "$S3" "$S-nothing"
	assert_output 1
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" "shmls: $S-nothing: No such file or directory"
}

@test "shmls: --summary as a table, raw, pairs, in bytes, without headings" {
	small_shm 1M
	mkseg "$S1" 5000
	run -0 --separate-stderr shmls --summary
	assert_regex "${lines[0]}" \
	    '^ *SIZE +USED +AVAIL +INODES +IFREE +SEGMENTS +SEMAPHORES +PROMISED +ALLOC +DELETED$'
	assert_regex "${lines[1]}" '^ *1\.0M +8\.0K +1\.0M +[0-9]+ +[0-9]+ +1 +0 +4\.9K +8\.0K +0B$'
	run -0 --separate-stderr shmls --summary -rnb
	assert_regex "$output" '^1048576 8192 1040384 [0-9]+ [0-9]+ 1 0 5000 8192 0$'
	run -0 --separate-stderr shmls --summary --pairs -b
	assert_regex "$output" '^SIZE="1048576" USED="8192" AVAIL="1040384" INODES="[0-9]+" IFREE="[0-9]+" SEGMENTS="1" SEMAPHORES="0" PROMISED="5000" ALLOC="8192" DELETED="0"$'
}

@test "shmls: --summary says when segments promise more than /dev/shm holds" {
	small_shm 1M
	shmcreate -s 1M "$S1"
	run -0 --separate-stderr shmls --summary -rnb
	assert_skipped_stderr
	shmcreate -s 1K "$S2"
	run -0 --separate-stderr shmls --summary -rnb
	assert_regex "$output" '^1048576 [0-9]+ [0-9]+ [0-9]+ [0-9]+ 2 0 1049600 0 0$'
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" \
	    "shmls: /dev/shm: segments promise 1.0M, more than its size of 1.0M: writers touching all their pages can die of SIGBUS"
	# Only what the operands pick is promised.
	run -0 --separate-stderr shmls --summary -rnb "$S1"
	assert_skipped_stderr
}

@test "shmls: --summary counts the memory removed segments still hold" {
	need_root
	small_shm 1M
	mkseg "$S1" 8192
	mkseg "$S2" 100
	hold_mapped "$S1" unlink
	run -0 --separate-stderr pipeline 'shmls --summary -J | jq -c ".summary |
	    [.segments, .alloc, .deleted, .used]"'
	assert_output "[1,4096,8192,12288]"
	run -0 --separate-stderr pipeline 'shmls --summary -J "$1" | jq -c ".summary.deleted"' \
	    _ "$S2"
	assert_output 0
}

@test "shmls: --summary with /proc closed gives deleted as unknown, exit 1" {
	need_plain_build shmls
	run -1 --separate-stderr hide /proc 000 --nobody shmls --summary -J
	assert_equal "$stderr" "shmls: /proc is not a procfs; deleted is not counted"
	assert_equal "$(jq -c .summary.deleted <<<"$output")" null
	run -1 --separate-stderr hide /proc 000 --nobody shmls --summary -rnb
	assert_regex "$output" ' $'
}

@test "shmls: --summary says when /proc does not show every process" {
	need_root
	mkseg "$S1" 100
	# Removed segments are found through their holders, as for -p.
	run -0 --separate-stderr unshare --pid --fork --mount-proc \
	    shmls --summary -rnb
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" \
	    "shmls: this is not the initial PID namespace; deleted may be short"
	run -0 --separate-stderr unshare --pid --fork shmls --summary -J
	stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
	assert_equal "$stderr" \
	    "shmls: /proc belongs to another PID namespace; deleted may be short"
	assert_equal "$(jq -c .summary.deleted <<<"$output")" 0
}

@test "shmls: --summary with a /proc that is no procfs counts no deleted" {
	need_plain_build shmls
	run -1 --separate-stderr hide /proc 0755 shmls --summary -rnb
	assert_equal "$stderr" "shmls: /proc is not a procfs; deleted is not counted"
	assert_regex "$output" ' $'
}

@test "shmls: --summary excludes the options of the listing" {
	for opt in "-o NAME" "-x SIZE" "--time-format iso"; do
		run -2 --separate-stderr shmls --summary $opt
		assert_usage_error \
		    "shmls: options --summary and ${opt% *} are mutually exclusive"
	done
	for opt in -p --deleted --output-all; do
		run -2 --separate-stderr shmls "$opt" --summary
		assert_usage_error \
		    "shmls: options --summary and $opt are mutually exclusive"
	done
}

@test "shmls: --summary to a full stdout is exit 1, as a table and as JSON" {
	for opts in --summary "--summary -J"; do
		run -1 --separate-stderr bash -c 'shmls $1 >/dev/full' _ "$opts"
		stderr=$(grep -Ev "^$SKIPPED\$" <<<"$stderr")
		assert_equal "$stderr" 'shmls: stdout: No space left on device'
	done
}

@test "shmls: -x sorts removed segments too" {
	need_root
	mkseg "$S1" 8192
	mkseg "$S2" 4096
	hold_mapped "$S1" unlink
	hold_mapped "$S2" unlink
	run -0 --separate-stderr shmls --deleted -rnb -x SIZE -o NAME,SIZE "$S-*"
	assert_output "$(printf '%s\n' "$S2 4096" "$S1 8192")"
}
