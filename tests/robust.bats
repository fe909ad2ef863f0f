#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Robustness across the commands: concurrent writers and readers, racing
# creators, hostile entries in /dev/shm, names of every byte, modes that
# must not widen, and a full /dev/shm.  What one command's own file
# already tests is not repeated here: directories and fifos under a name,
# a link to a segment, 256-byte names (badargs.bats has them for every
# command), and the full /dev/shm cases of shmwrite -c and -g, shmcreate
# -r and mapsync -w -g.

setup() {
	load helper
	bindata "$T/in" 5000
}

# -- Concurrency --------------------------------------------------------------

ROUNDS=50

# The size of what writer writes with byte value $1: 4 KiB to 256 KiB, so
# that segments grow and shrink under the readers.
size_for() {
	echo $((4096 * ($1 % 64 + 1)))
}

# Prints what is wrong with file $1 unless it is $2 bytes all equal; with
# $2 = by-value, as many as writer writes of the value of its first byte.
not_uniform() {
	local first size others want=$2

	size=$(wc -c <"$1")
	first=$(od -An -tu1 -N1 "$1")
	first=${first// /}
	[ "$want" != by-value ] || want=$(size_for "${first:-0}")
	others=$(tr -d "\\$(printf '%03o' "${first:-0}")" <"$1" | wc -c)
	if [ "$size" != "$want" ] || [ "$others" != 0 ]; then
		echo "$size bytes, not $want; $others of them not byte $first"
	fi
}

# Writer $1: $ROUNDS writes of a whole segment, each of one byte value
# that no other write uses; $2 is --lock or empty.
writer() {
	local i v

	for ((i = 0; i < ROUNDS; i++)); do
		v=$(($1 * ROUNDS + i + 1))
		head -c "$(size_for "$v")" /dev/zero |
		    tr '\0' "\\$(printf '%03o' "$v")" |
		    shmwrite $2 -t "$S1" ||
		    echo "writer $1, write $i: exit $?" >>"$T/problems"
	done
}

# Reader $1: $ROUNDS reads, each of which must be one write whole.
reader() {
	local i what

	for ((i = 0; i < ROUNDS; i++)); do
		shmcat $2 "$S1" >"$T/read.$1" || {
			echo "reader $1, read $i: exit $?" >>"$T/problems"
			continue
		}
		what=$(not_uniform "$T/read.$1" by-value)
		[ -z "$what" ] ||
		    echo "reader $1, read $i: torn: $what" >>"$T/problems"
		echo >>"$T/reads.$1"
	done
}

@test "robust: 4 --lock writers and 4 --lock readers at once: no read is torn" {
	# 4 writers x 50 writes: each of the 200 writes has its own byte
	# value, and a size of its own among 64.
	head -c "$(size_for 0)" /dev/zero | shmwrite -c "$S1"
	: >"$T/problems"
	for k in 0 1 2 3; do
		writer "$k" --lock &
		reader "$k" --lock &
	done 3>&-
	wait
	run -0 cat "$T/problems"
	assert_output ""
	assert_equal "$(cat "$T"/reads.* | wc -l)" $((4 * ROUNDS))
	cp /dev/shm/"$S1" "$T/end"
	assert_equal "$(not_uniform "$T/end" by-value)" ""
}

# Appender $1: $ROUNDS records of 1000 bytes, one line each, named for
# the appender and the round; $2 is --lock or empty.
appender() {
	local i

	for ((i = 0; i < ROUNDS; i++)); do
		printf '%-999s\n' "appender $1 record $i" |
		    shmwrite $2 -a "$S1" ||
		    echo "appender $1, record $i: exit $?" >>"$T/problems"
	done
}

@test "robust: 4 --lock appenders at once: every record there once, whole" {
	: >/dev/shm/"$S1"
	: >"$T/problems"
	for k in 0 1 2 3; do
		appender "$k" --lock &
	done 3>&-
	wait
	run -0 cat "$T/problems"
	assert_output ""
	for k in 0 1 2 3; do
		for ((i = 0; i < ROUNDS; i++)); do
			printf '%-999s\n' "appender $k record $i"
		done
	done | sort >"$T/want"
	assert_equal "$(size_of "$S1")" $((4 * ROUNDS * 1000))
	sort /dev/shm/"$S1" | cmp - "$T/want"
}

# -- Racing creators ----------------------------------------------------------

# Holds the gate shut: racers started with `gated` wait for open_gate.
close_gate() {
	exec 9>"$T/gate"
	flock -x 9
}

open_gate() {
	sleep 0.3	# not needed for correctness: lets every racer line up
	flock -u 9
	exec 9>&-
}

# Racer $1 runs the rest behind the gate, with the caller's stdin (which
# a background job would otherwise lose to /dev/null); its stdout, stderr
# and status go to $T/out.$1, $T/err.$1 and $T/status.$1.
gated() {
	local id=$1

	shift
	(
		status=0
		flock -s "$T/gate" "$@" >"$T/out.$id" 2>"$T/err.$id" ||
		    status=$?
		echo "$status" >"$T/status.$id"
	) <&0 3>&- 9>&- &
}

@test "robust: 20 racing shmcreate -ev make a segment once; one says so" {
	for round in 1 2 3 4 5; do
		rm -f "$T"/out.* "$T"/err.* "$T"/status.*
		close_gate
		for i in $(seq 20); do
			gated "$i" shmcreate -ev -m 0640 -s 4k "$S-r$round"
		done
		open_gate
		wait
		assert_equal "$(cat "$T"/status.*)" "$(printf '0%.0s\n' {1..20})"
		assert_equal "$(cat "$T"/err.*)" ""
		assert_equal "$(cat "$T"/out.*)" "$S-r$round"
		assert_equal "$(mode_of "$S-r$round")" 640
		assert_equal "$(size_of "$S-r$round")" 4096
	done
}

@test "robust: 20 racing shmcreate without -e: one makes it, 19 File exists" {
	for round in 1 2 3 4 5; do
		rm -f "$T"/out.* "$T"/err.* "$T"/status.*
		close_gate
		for i in $(seq 20); do
			gated "$i" shmcreate -v "$S-r$round"
		done
		open_gate
		wait
		assert_equal "$(sort "$T"/status.* | uniq -c | tr -s ' ')" \
		    "$(printf ' 1 0\n 19 1')"
		assert_equal "$(cat "$T"/out.*)" "$S-r$round"
		assert_equal "$(cat "$T"/err.* | sort -u)" \
		    "shmcreate: $S-r$round: File exists"
	done
}

@test "robust: shmwrite -c and shmcreate -e racing create once, without errors" {
	# Who made the segment shows in its mode: 0640 from shmcreate, which
	# then printed the name (-v), or 0604 from shmwrite; either way once.
	for i in $(seq 20); do
		head -c 4096 /dev/zero | tr '\0' "\\$(printf '%03o' "$i")" \
		    >"$T/in.$i"
	done
	made_by_shmcreate=0 made_by_shmwrite=0
	for round in 1 2 3 4 5 6; do
		name=$S-r$round
		rm -f "$T"/out.* "$T"/err.* "$T"/status.*
		close_gate
		for i in $(seq 20); do
			gated "w$i" shmwrite -c -g --lock -m 0604 "$name" \
			    <"$T/in.$i"
			gated "c$i" shmcreate -ev -m 0640 "$name"
		done
		open_gate
		wait
		assert_equal "$(sort -u "$T"/status.*)" 0
		assert_equal "$(cat "$T"/err.*)" ""
		prints=$(cat "$T"/out.c* | wc -l)
		mode=$(mode_of "$name")
		case "$prints $mode" in
		"1 640")
			made_by_shmcreate=$((made_by_shmcreate + 1)) ;;
		"0 604")
			made_by_shmwrite=$((made_by_shmwrite + 1)) ;;
		*)
			fail "round $round: $prints names printed, mode $mode" ;;
		esac
		assert_equal "$(cat "$T"/out.c*)" "$(head -n "$prints" <<<"$name")"
		# The writes took the lock: the last one is there whole.
		cp "/dev/shm/$name" "$T/end"
		run -0 not_uniform "$T/end" 4096
		assert_output ""
	done
	echo "# made by shmcreate $made_by_shmcreate times," \
	    "by shmwrite $made_by_shmwrite times" >&3
}

# -- Hostile entries in /dev/shm ----------------------------------------------

# What must stay as it was about an entry: type, mode, owner, device
# numbers, inode, size and times, of the entry itself, not what it names.
entry_state() {
	stat -c '%F %a %u:%g %t:%T %i %s %Y %Z' "$1"
}

# Runs the rest with $T/in on stdin and a time limit, and asserts exit 1,
# nothing on stdout and exactly message $1 on stderr.
fails_with() {
	local want=$1

	shift
	run -1 --separate-stderr timeout 10 "$@" <"$T/in"
	assert_output ""
	# shmls -p warns of processes it may not inspect (where even root
	# may not read some, in a container): not what these tests are about.
	stderr=$(grep -Ev '^shmls: [0-9]+ process(es)? could not be inspected; holders may be missing$' <<<"$stderr" || true)
	assert_equal "$stderr" "$want"
}

# Every command that takes a segment name, on entry $1, which open(2)
# refuses with $2 and which is not a segment for the reason $3.
refused_by_all() {
	local n=$1 open=$2 notseg=$3 before

	before=$(entry_state "/dev/shm/$n")
	fails_with "shmcat: $n: $open" shmcat "$n"
	fails_with "shmcat: $n: $open" shmcat --lock -s -o 1 -l 1 "$n"
	fails_with "shmwrite: $n: $open" shmwrite "$n"
	fails_with "shmwrite: $n: $open" shmwrite -c -t --lock "$n"
	fails_with "shmwrite: $n: $open" shmwrite -a "$n"
	fails_with "shmcreate: $n: File exists" shmcreate "$n"
	fails_with "shmcreate: $n: $open" shmcreate -e -s 4k "$n"
	fails_with "shmcreate: $n: $open" shmcreate -e -r -s 4k "$n"
	fails_with "shmls: $n: $notseg" shmls "$n"
	fails_with "shmls: $n: $notseg" shmls -p -o +MODE "/$n"
	fails_with "shmrm: $n: $notseg" shmrm -n "$n"
	fails_with "shmrm: $n: $notseg" shmrm -f --unused --older-than 0 "$n"
	fails_with "shmrm: $n: $notseg" shmrm "$n"
	assert_equal "$(entry_state "/dev/shm/$n")" "$before"
}

# Listing and removing by pattern pass over entry $1, and see $S2.
skipped_by_listing() {
	local before

	before=$(entry_state "/dev/shm/$1")
	: >"/dev/shm/$S2"
	run -0 --separate-stderr timeout 10 shmls -rn -o NAME "$S*"
	assert_output "$S2"
	assert_equal "$stderr" ""
	run -0 --separate-stderr timeout 10 shmls -J -p --output-all
	run -0 --separate-stderr timeout 10 shmrm -g -v "$S*"
	assert_output "$S2"
	assert_equal "$stderr" ""
	assert_equal "$(entry_state "/dev/shm/$1")" "$before"
}

@test "robust: a UNIX socket under a name is refused by every command" {
	command -v python3 >/dev/null || skip "no python3"
	python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "/dev/shm/$S1"
	[ -S "/dev/shm/$S1" ]
	refused_by_all "$S1" "not a regular file" "not a regular file"
	skipped_by_listing "$S1"
	# mapcat opens what cat would, and says what cat says.
	fails_with "mapcat: /dev/shm/$S1: No such device or address" \
	    mapcat "/dev/shm/$S1"
	fails_with "mapsync: /dev/shm/$S1: not a regular file" \
	    mapsync "/dev/shm/$S1"
	fails_with "mapsync: /dev/shm/$S1: not a regular file" \
	    mapsync -w -g "/dev/shm/$S1"
	[ -S "/dev/shm/$S1" ]
}

@test "robust: a device node under a name is refused by every command" {
	need_private_shm
	# /dev/zero: read, it never ends; written, it takes anything.
	mknod "/dev/shm/$S1" c 1 5
	refused_by_all "$S1" "not a regular file" "not a regular file"
	skipped_by_listing "$S1"
	fails_with "mapsync: /dev/shm/$S1: not a regular file" \
	    mapsync -w "/dev/shm/$S1"
	[ -c "/dev/shm/$S1" ]
}

@test "robust: a symbolic link loop is refused, and shmrm removes the link" {
	ln -s "$S1" "/dev/shm/$S1"
	ln -s "$S-y" "/dev/shm/$S-x"
	ln -s "$S-x" "/dev/shm/$S-y"
	why="symbolic link, not followed"
	for n in "$S1" "$S-x"; do
		before=$(entry_state "/dev/shm/$n")
		fails_with "shmcat: $n: $why" shmcat "$n"
		fails_with "shmwrite: $n: $why" shmwrite -c -g "$n"
		fails_with "shmcreate: $n: File exists" shmcreate "$n"
		fails_with "shmcreate: $n: $why" shmcreate -e -r -s 4k "$n"
		fails_with "shmls: $n: $why" shmls "$n"
		# mapcat and mapsync take paths, and follow links as cat does.
		loop="Too many levels of symbolic links"
		fails_with "mapcat: /dev/shm/$n: $loop" mapcat "/dev/shm/$n"
		fails_with "mapsync: /dev/shm/$n: $loop" mapsync -w "/dev/shm/$n"
		assert_equal "$(entry_state "/dev/shm/$n")" "$before"
	done
	run -0 timeout 10 shmls "$S*"
	run -0 --separate-stderr timeout 10 shmrm -v "$S1" "$S-x"
	assert_output "$S1"$'\n'"$S-x"
	[ ! -L "/dev/shm/$S1" ]
	[ ! -L "/dev/shm/$S-x" ]
	[ -L "/dev/shm/$S-y" ]
}

@test "robust: a link out of /dev/shm: its target is never read, written or grown" {
	mkdir "$T/away"
	printf 'secret\0data' >"$T/away/target"
	touch -m -d '2001-01-01' "$T/away/target"
	# Older than its mtime, the atime moves on any read (relatime).
	touch -a -d '2000-01-01' "$T/away/target"
	# Not its checksum, which would read it: any write moves its times.
	target_state() {
		stat -c '%s %X %Y %Z %a' "$T/away/target"
		ls -a "$T/away"
	}
	before=$(target_state)
	ln -s "$T/away/target" "/dev/shm/$S1"
	why="symbolic link, not followed"
	fails_with "shmcat: $S1: $why" shmcat "$S1"
	fails_with "shmcat: $S1: $why" shmcat --lock -s "$S1"
	for opts in "" -c -t -g -a "-c -t -m 0666" --lock; do
		fails_with "shmwrite: $S1: $why" shmwrite $opts "$S1"
	done
	fails_with "shmcreate: $S1: File exists" shmcreate -s 1m "$S1"
	fails_with "shmcreate: $S1: $why" shmcreate -e -s 1m -m 0666 "$S1"
	fails_with "shmcreate: $S1: $why" shmcreate -e -r -s 1m "$S1"
	fails_with "shmls: $S1: $why" shmls -p "$S1"
	run -0 --separate-stderr shmls -J -p --output-all "$S*"
	run -0 --separate-stderr shmrm -n "$S1"
	assert_output "$S1"
	assert_equal "$(target_state)" "$before"
	run -0 --separate-stderr shmrm --unused --older-than 0 -v "$S1"
	assert_output "$S1"
	[ ! -L "/dev/shm/$S1" ]
	assert_equal "$(target_state)" "$before"
	printf 'secret\0data' | cmp - "$T/away/target"
}

# -- Names of every byte ------------------------------------------------------

# Sets variable $1 to a string of the byte values that follow; bash can
# hold all but NUL.
bytes() {
	local -n var=$1

	shift
	printf -v var "$(printf '\\%03o' "$@")"
}

# Makes, fills, prints, lists and removes segment $1; its name must come
# back exactly from shmcreate -v, -J, -E and -r, and be shown on one line
# of printable ASCII in the table and in messages.  Every command in a
# pipeline here must succeed (pipefail, for this function only).
round_trip() {
	local n=$1 -

	set -o pipefail

	run -0 shmcreate -v -s 1k "$n"
	[ "$output" = "$n" ] || fail "shmcreate -v printed another name"
	[ "$(size_of "$n")" = 1024 ]
	printf 'hello\0world\377' >"$T/data"
	run -0 shmwrite -t "$n" <"$T/data"
	shmcat "$n" | cmp - "$T/data"
	shmcat "/$n" | cmp - "$T/data"

	printf '%s\0' "$n" >"$T/want"
	shmls -J "$n" | json_names | cmp - "$T/want"
	shmls -E -o NAME "$n" >"$T/pairs"
	[ "$(wc -l <"$T/pairs")" = 1 ]
	(eval "$(cat "$T/pairs")" && printf '%b\0' "$NAME") | cmp - "$T/want"
	shmls -rn -o NAME "$n" >"$T/raw"
	[ "$(wc -l <"$T/raw")" = 1 ]
	printf '%b\0' "$(cat "$T/raw")" | cmp - "$T/want"
	shmls -n -o NAME "$n" >"$T/table"
	[ "$(wc -l <"$T/table")" = 1 ]
	run -1 env LC_ALL=C grep -c '[^ -~]' "$T/table"

	run -0 shmrm -v "$n"
	[ "$output" = "$n" ] || fail "shmrm -v printed another name"
	[ ! -e "/dev/shm/$n" ]
	run -1 --separate-stderr shmcat "$n"
	[ "${#stderr_lines[@]}" = 1 ]
	[[ $stderr == *": No such file or directory" ]]
	run -1 env LC_ALL=C grep -c '[^ -~]' <<<"$stderr"
}

@test "robust: names holding every byte but NUL and '/' work end to end" {
	command -v python3 >/dev/null || skip "no python3"
	bytes low $(seq 1 46) $(seq 48 127)
	bytes high $(seq 128 255)
	low=$S-$low
	high=$S-$high
	[ "$(printf '%s' "$low" | wc -c)" = $((${#S} + 1 + 126)) ]
	[ "$(printf '%s' "$high" | wc -c)" = $((${#S} + 1 + 128)) ]
	round_trip "$low"
	round_trip "$high"
}

@test "robust: a name of 255 bytes, of every byte, works end to end" {
	command -v python3 >/dev/null || skip "no python3"
	need_private_shm	# the name cannot also start with $S
	bytes n $(seq 1 46) $(seq 48 255)
	n=x$n
	[ "$(printf '%s' "$n" | wc -c)" = 255 ]
	round_trip "$n"
	# Non-UTF-8 bytes to the last, each shown as four characters.
	bytes n $(seq 128 255) $(seq 128 255)
	n=$S-$n
	n=$(printf '%s' "$n" | head -c 255)
	[ "$(printf '%s' "$n" | wc -c)" = 255 ]
	round_trip "$n"
}

# -- Modes --------------------------------------------------------------------

@test "robust: writing into a 0640 segment leaves its mode, owner and inode" {
	cp "$T/in" "/dev/shm/$S1"
	# As root, into another user's segment.
	[ "$(id -u)" != 0 ] || chown nobody:nogroup "/dev/shm/$S1"
	chmod 0640 "/dev/shm/$S1"
	before=$(stat -c '%a %U:%G %i' "/dev/shm/$S1")
	umask 000
	for opts in "" -t -g -a "-o 10" --lock -c "-c -m 0666" "-c -t -m 0777" \
	    "-c -a -m a=rwx"; do
		run -0 shmwrite $opts "$S1" <"$T/in"
		assert_equal "$(stat -c '%a %U:%G %i' "/dev/shm/$S1")" "$before"
	done
	printf 'x' | shmwrite -t "$S1"
	assert_equal "$(stat -c '%a %U:%G %i' "/dev/shm/$S1")" "$before"
}

@test "robust: shmcreate -e leaves an existing segment's mode, whatever -m says" {
	cp "$T/in" "/dev/shm/$S1"
	chmod 0600 "/dev/shm/$S1"
	umask 000
	for opts in "-m 0666" "-m a=rwx -s 8k" "-r -s 16k -m 0644" "-v -m 0777"; do
		run -0 shmcreate -e $opts "$S1"
		assert_output ""
		assert_equal "$(mode_of "$S1")" 600
	done
	assert_equal "$(size_of "$S1")" 16384
}

@test "robust: every way of making a segment gives 0600 under umask 000" {
	# As $who, under umask 000, with $T/in on stdin.
	made() {
		local -a as=()

		[ "$who" = "$me" ] || as=(as_nobody)
		run -0 "${as[@]}" sh -c 'umask 000 && exec "$@"' _ "$@" <"$T/in"
	}
	me=$(id -un)
	users=("$me")
	[ "${SHMTOOLS_PRIVATE_SHM:-0}" != 1 ] || users+=(nobody)
	for who in "${users[@]}"; do
		n=$S-$who
		made shmcreate "$n-1"
		made shmcreate -e -s 4k "$n-2"
		made shmcreate -r -s 4k "$n-3"
		made shmwrite -c "$n-4"
		made shmwrite -c -t -g "$n-5"
		made shmwrite -c -a --lock "$n-6"
		made sh -c 'cat | shmwrite -c -o 4k "$1"' _ "$n-7"
		for i in 1 2 3 4 5 6 7; do
			assert_equal "$(stat -c '%a %U' "/dev/shm/$n-$i")" "600 $who"
		done
	done
}

@test "robust: mapsync -w -g grows a 0640 file and leaves its mode" {
	cp "$T/in" "$T/f"
	chmod 0640 "$T/f"
	umask 000
	head -c 10000 /dev/zero | mapsync -w -g "$T/f"
	assert_equal "$(stat -c '%a %s' "$T/f")" "640 10000"
}

# -- A full /dev/shm ----------------------------------------------------------

# Asserts that file $1 is the first bytes of file $2, no more than $3.
is_prefix() {
	local size

	size=$(stat -c %s "$1")
	[ "$size" -le "$3" ] || fail "$1 has $size bytes, more than $3"
	head -c "$size" "$2" | cmp - "$1"
}

@test "robust: shmwrite -a into a full /dev/shm: from a file changes nothing" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	cp "$T/in" "/dev/shm/$S1"
	run -1 --separate-stderr shmwrite -a "$S1" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	cmp "/dev/shm/$S1" "$T/in"
}

@test "robust: shmwrite -a or -g past the end from a pipe into a full /dev/shm: segment as it was" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	cp "$T/in" "/dev/shm/$S1"
	# The old bytes were not touched, so the part appended goes again.
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite -a "$1"' _ "$S1" "$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	cmp "/dev/shm/$S1" "$T/in"
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite -g -o 6000 "$1"' \
	    _ "$S1" "$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	cmp "/dev/shm/$S1" "$T/in"
}

@test "robust: shmwrite -t growing a segment past a full /dev/shm: ENOSPC" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	cp "$T/in" "/dev/shm/$S1"
	# From a file the space is asked for first: nothing changes.
	run -1 --separate-stderr shmwrite -t "$S1" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	cmp "/dev/shm/$S1" "$T/in"
	run -1 --separate-stderr shmwrite -t -o 100 --lock "$S1" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	cmp "/dev/shm/$S1" "$T/in"
	# From a pipe, what was written is the start of the input.
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite -t "$1"' _ "$S1" "$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	is_prefix "/dev/shm/$S1" "$T/2m" $((1024 * 1024))
}

@test "robust: shmwrite into a sparse segment that cannot be backed: ENOSPC" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	# A segment without -r takes no memory until written.
	run -0 shmcreate -s 2m "$S1"
	run -1 --separate-stderr bash -c 'cat "$2" | shmwrite "$1"' _ "$S1" "$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	assert_equal "$(size_of "$S1")" $((2 * 1024 * 1024))
	rm "/dev/shm/$S1"
	run -0 shmcreate -s 2m "$S1"
	run -1 --separate-stderr shmwrite "$S1" <"$T/2m"
	assert_equal "$stderr" "shmwrite: $S1: No space left on device"
	assert_equal "$(size_of "$S1")" $((2 * 1024 * 1024))
	# The segment still reads, holes and all, to its end.
	run -0 pipeline 'shmcat "$1" | cmp -n $((2 * 1024 * 1024)) - "/dev/shm/$1"' \
	    _ "$S1"
}

@test "robust: shmwrite -c with -t, -g or -a into a full /dev/shm leaves nothing" {
	bindata "$T/2m" $((2 * 1024 * 1024))
	small_shm 1m
	for opts in -t -g -a "-t --lock" "-o 4k -g"; do
		run -1 --separate-stderr shmwrite -c $opts "$S1" <"$T/2m"
		assert_equal "$stderr" "shmwrite: $S1: No space left on device"
		[ ! -e "/dev/shm/$S1" ]
		run -1 --separate-stderr \
		    bash -c 'cat "$2" | shmwrite -c $3 "$1"' _ "$S1" "$T/2m" "$opts"
		assert_equal "$stderr" "shmwrite: $S1: No space left on device"
		[ ! -e "/dev/shm/$S1" ]
	done
	run -0 find /dev/shm -mindepth 1
	assert_output ""
}

# -- Closed standard descriptors ----------------------------------------------

# with_closed FD command...: runs the command with descriptor FD closed
# (bats's run would give it a pipe of its own on a closed 0 or 1).
with_closed() {
	local fd=$1

	shift
	bash -c 'exec '"$fd"'>&-; exec "$@"' with_closed "$@"
}

# What each command is run as in the closed-descriptor tests: every command,
# on a segment or file that exists.
closed_fd_commands() {
	printf '%s\n' "shmcreate -e -s 4k $S1" "shmwrite -g $S1" "shmcat $S1" \
	    "shmls $S1" "shmrm -f $S2" "mapcat $T/f" "mapsync -w -g $T/f" \
	    "mapsync $T/f"
}

@test "robust: no command opens a segment or file onto a closed 0, 1 or 2" {
	cp "$T/in" "$T/f"
	cp "$T/in" "/dev/shm/$S1"
	while read -r cmd; do
		for fd in 0 1 2; do
			# The shell closes fd, then becomes the command; the
			# loader's libraries come and go before main.
			traced -f -qq -e trace=open,openat -o "$T/trace" \
			    sh -c "exec $fd>&-; exec $cmd" </dev/null \
			    >/dev/null 2>&1 || true
			# Without a trace, the check below would pass blind.
			grep -q 'open' "$T/trace" ||
			    fail "no open traced for: $cmd, fd $fd closed"
			# A sanitizer's runtime reads /proc/self/ with open(2)
			# before main; the commands use openat(2).
			run -1 bash -c 'grep -E "= $1\$" "$2" |
			    grep -v -e "\.so" -e "ld\.so\.cache" -e O_PATH \
			    -e "^[0-9]* *open(\"/proc/self/"' \
			    _ "$fd" "$T/trace"
		done
	done < <(closed_fd_commands)
}

@test "robust: a closed stdin is an error for the writers, and nothing changes" {
	printf abcdefgh >"$T/f"
	run -1 --separate-stderr with_closed 0 mapsync -w -g -o 2 -l 4 "$T/f"
	assert_equal "$stderr" \
	    "mapsync: stdin: Bad file descriptor; $T/f: nothing written"
	assert_equal "$(cat "$T/f")" abcdefgh
	run -1 --separate-stderr with_closed 0 mapsync -w -g -o 4 "$T/f"
	assert_equal "$(cat "$T/f")" abcdefgh
	printf abcdefgh >"/dev/shm/$S1"
	for opts in "" -g -a -t "-o 2"; do
		run -1 --separate-stderr with_closed 0 shmwrite $opts "$S1"
		assert_equal "$stderr" "shmwrite: stdin: Bad file descriptor"
		assert_equal "$(cat "/dev/shm/$S1")" abcdefgh
	done
	run -1 --separate-stderr with_closed 0 shmwrite -c "$S2"
	assert_equal "$stderr" "shmwrite: stdin: Bad file descriptor"
	[ ! -e "/dev/shm/$S2" ]
}

@test "robust: a closed stdout is a write error for the readers, not a write into the object" {
	printf abcdefgh >"$T/f"
	printf abcdefgh >"/dev/shm/$S1"
	run -1 --separate-stderr with_closed 1 shmcat "$S1"
	assert_equal "$stderr" "shmcat: stdout: Bad file descriptor"
	run -1 --separate-stderr with_closed 1 mapcat "$T/f"
	assert_equal "$stderr" "mapcat: stdout: Bad file descriptor"
	run -1 --separate-stderr with_closed 1 shmls "$S1"
	assert_equal "$stderr" "shmls: stdout: Bad file descriptor"
	run -1 --separate-stderr with_closed 1 shmcreate -v "$S2"
	assert_equal "$stderr" "shmcreate: stdout: Bad file descriptor"
	run -1 --separate-stderr with_closed 1 mapsync -v "$T/f"
	assert_equal "$stderr" "mapsync: stdout: Bad file descriptor"
	assert_equal "$(cat "$T/f")" abcdefgh
	assert_equal "$(cat "/dev/shm/$S1")" abcdefgh
}

@test "robust: with stderr closed, a diagnostic never lands in the object" {
	printf abcdefgh >"$T/f"
	printf abcdefgh >"/dev/shm/$S1"
	printf 0123456789 >"$T/long"
	# Each fails after opening the object for writing, and writes
	# nothing since a regular file's size is known to be too much.
	run -1 bash -c 'shmwrite "$1" <"$2" 2>&-' _ "$S1" "$T/long"
	run -1 bash -c 'mapsync -w "$1" <"$2" 2>&-' _ "$T/f" "$T/long"
	assert_equal "$(cat "$T/f")" abcdefgh
	assert_equal "$(cat "/dev/shm/$S1")" abcdefgh
	run -1 bash -c 'shmcat -o 1 -l 2 "$1" nonesuch >&- 2>&-' _ "$S1"
	run -1 bash -c 'mapcat "$1" /nonesuch >&- 2>&-' _ "$T/f"
	assert_equal "$(cat "$T/f")" abcdefgh
	assert_equal "$(cat "/dev/shm/$S1")" abcdefgh
}

# -- Undo only what this command did -------------------------------------------

# replace NAME CONTENT: another process removes the segment and makes a new
# one under the same name.
replace() {
	rm "/dev/shm/$1"
	printf '%s' "$2" >"/dev/shm/$1"
}

# wait_status PID STATUS: background job PID ends with exit status STATUS.
wait_status() {
	local s=0

	wait "$1" || s=$?
	assert_equal "$s" "$2"
}

# Whether file $1 has more than $2 bytes.
bigger_than() {
	[ "$(stat -c %s "$1")" -gt "$2" ]
}

# Whether segment $1 is $2 bytes long.
has_size() {
	[ "$(stat -c %s "/dev/shm/$1" 2>/dev/null)" = "$2" ]
}

@test "robust: a failed shmwrite -c leaves alone a segment made again meanwhile" {
	# The final ftruncate fails, late: time for the name to be made again.
	traced -qq -o /dev/null \
	    -e inject=ftruncate:error=ENOSPC:delay_enter=1000000 \
	    shmwrite -c "$S1" <"$T/in" 2>"$T/err" &
	pid=$!
	retry has_size "$S1" 5000
	replace "$S1" theirs
	wait_status "$pid" 1
	assert_equal "$(cat "$T/err")" "shmwrite: $S1: No space left on device"
	assert_equal "$(cat "/dev/shm/$S1")" theirs
	# Unreplaced, the segment made goes.
	run -1 traced -qq -o /dev/null -e inject=ftruncate:error=ENOSPC \
	    shmwrite -c "$S2" <"$T/in"
	[ ! -e "/dev/shm/$S2" ]
}

@test "robust: a failed shmcreate -r leaves alone a segment made again meanwhile" {
	traced -qq -o /dev/null \
	    -e inject=fallocate:error=ENOSPC:delay_enter=1000000 \
	    shmcreate -r -s 64k "$S1" 2>"$T/err" &
	pid=$!
	wait_for "/dev/shm/$S1"
	replace "$S1" theirs
	wait_status "$pid" 1
	assert_equal "$(cat "$T/err")" "shmcreate: $S1: No space left on device"
	assert_equal "$(cat "/dev/shm/$S1")" theirs
	run -1 traced -qq -o /dev/null -e inject=fallocate:error=ENOSPC \
	    shmcreate -r -s 64k "$S2"
	[ ! -e "/dev/shm/$S2" ]
}

@test "robust: a --lock writer that waited while the name was made again writes the new segment" {
	printf 'old segment' >"/dev/shm/$S1"
	printf 'new' >"$T/new"
	exec 8<"/dev/shm/$S1"
	flock -x 8
	shmwrite --lock "$S1" <"$T/new" 2>"$T/err" 8<&- &
	pid=$!
	retry any_fd "$pid" "$S1"
	sleep 0.2
	replace "$S1" 'the new one'
	exec 8<&-
	wait_status "$pid" 0
	assert_equal "$(cat "$T/err")" ""
	assert_equal "$(cat "/dev/shm/$S1")" "new new one"
	# The same with -a: the end is the new segment's.
	exec 8<"/dev/shm/$S1"
	flock -x 8
	shmwrite -a --lock "$S1" <"$T/new" 8<&- &
	pid=$!
	retry any_fd "$pid" "$S1"
	sleep 0.2
	replace "$S1" 'third'
	exec 8<&-
	wait_status "$pid" 0
	assert_equal "$(cat "/dev/shm/$S1")" "thirdnew"
}

@test "robust: a --lock writer whose segment was removed while it waited fails, making nothing" {
	printf 'old segment' >"/dev/shm/$S1"
	exec 8<"/dev/shm/$S1"
	flock -x 8
	shmwrite --lock "$S1" <"$T/in" 2>"$T/err" 8<&- &
	pid=$!
	retry any_fd "$pid" "$S1"
	rm "/dev/shm/$S1"
	exec 8<&-
	wait_status "$pid" 1
	assert_equal "$(cat "$T/err")" "shmwrite: $S1: No such file or directory"
	[ ! -e "/dev/shm/$S1" ]
	# With -c, the name is made again, and written.
	printf 'old segment' >"/dev/shm/$S1"
	exec 8<"/dev/shm/$S1"
	flock -x 8
	shmwrite -c --lock "$S1" <"$T/in" 2>"$T/err" 8<&- &
	pid=$!
	retry any_fd "$pid" "$S1"
	rm "/dev/shm/$S1"
	exec 8<&-
	wait_status "$pid" 0
	cmp "/dev/shm/$S1" "$T/in"
}

# -- Signals roll back like failures ------------------------------------------

# in_fallocate PID: the child that strace PID runs is stopped on entry to
# fallocate(2), as delay_enter keeps it; its pid in $child.
in_fallocate() {
	local nr

	nr=$(printf '#include <sys/syscall.h>\nSYS_fallocate\n' | cpp -P |
	    tail -n 1)
	child=$(cat "/proc/$1/task/$1/children" 2>/dev/null) &&
	    child=${child%% *} && [ -n "$child" ] &&
	    [ "$(cut -d ' ' -f 1 "/proc/$child/syscall" 2>/dev/null)" = "$nr" ]
}

# Signal numbers, for the status 128+n of a command ended by one.
declare -gA SIGNO=([HUP]=1 [INT]=2 [TERM]=15)

# feed_start COMMAND...: runs the command in the background (with SIGINT
# at its default, which a background job would otherwise ignore) reading
# the fifo $T/feed, which descriptor 7 of the test keeps open; its pid in
# $pid.
feed_start() {
	rm -f "$T/feed"
	mkfifo "$T/feed"
	env --default-signal=HUP,INT,TERM "$@" <"$T/feed" 2>"$T/err" 7>&- &
	pid=$!
	exec 7>"$T/feed"
}

@test "robust: INT, TERM or HUP during shmwrite -c from a slow pipe: the segment goes" {
	for sig in INT TERM HUP; do
		feed_start shmwrite -c "$S1"
		printf abc >&7
		retry has_size "$S1" 3
		kill -"$sig" "$pid"
		wait_status "$pid" $((128 + SIGNO[$sig]))
		exec 7>&-
		[ ! -e "/dev/shm/$S1" ] || fail "$sig left $S1"
		assert_equal "$(cat "$T/err")" ""
	done
	# -k keeps it, as it would after a failure.
	feed_start shmwrite -c -k "$S1"
	printf abc >&7
	retry has_size "$S1" 3
	kill -INT "$pid"
	wait_status "$pid" 130
	exec 7>&-
	assert_equal "$(cat "/dev/shm/$S1")" abc
}

@test "robust: a signal during shmwrite --progress still prints the last line" {
	# Within the first second no report is due: only the last line,
	# which a command ended by a signal must print as one ended by an
	# error does, so that a terminal's line is ended too.
	feed_start shmwrite -c --progress "$S1"
	printf abc >&7
	retry has_size "$S1" 3
	kill -INT "$pid"
	wait_status "$pid" 130
	exec 7>&-
	[ ! -e "/dev/shm/$S1" ]
	assert_regex "$(cat "$T/err")" \
	    '^shmwrite: 3 bytes \(3B\) copied, [0-9]+\.[0-9] s, [0-9.]+[KMGT]?i?B/s$'
}

# Whether process $1 sleeps in the kernel (blocked on a full pipe).
sleeping() {
	[ "$(cut -d ' ' -f 3 "/proc/$1/stat" 2>/dev/null)" = S ]
}

@test "robust: a signal during shmcat or mapcat --progress still prints the last line" {
	# No NUL byte, for -s.
	yes | head -c 3000000 >"/dev/shm/$S1"
	for cmd in "shmcat --progress $S1" "mapcat --progress /dev/shm/$S1" \
	    "shmcat -s --progress $S1"; do
		rm -f "$T/out"
		mkfifo "$T/out"
		# Nobody reads past the first byte: the copy blocks, full pipe.
		env --default-signal=HUP,INT,TERM $cmd >"$T/out" 2>"$T/err" &
		pid=$!
		exec 8<"$T/out"
		dd bs=1 count=1 status=none <&8 >/dev/null
		retry sleeping "$pid"
		kill -INT "$pid"
		wait_status "$pid" 130
		exec 8<&-
		assert_regex "$(cat "$T/err")" \
		    "^${cmd%% *}: [0-9]+ bytes \\([0-9.]+[KMGT]?i?B\\) copied, [0-9]+\\.[0-9] s, [0-9.]+[KMGT]?i?B/s\$"
	done
}

@test "robust: a signal during shmwrite -a or -g from a pipe gives the segment its old size" {
	cp "$T/in" "/dev/shm/$S1"
	# Options, and the size once abc is written.
	for case in -a:5003 "-g -o 5000:5003" "-g -o 6000:6003" "-a --lock:5003"; do
		feed_start shmwrite ${case%:*} "$S1"
		printf abc >&7
		retry has_size "$S1" "${case#*:}"
		kill -TERM "$pid"
		wait_status "$pid" 143
		exec 7>&-
		cmp "/dev/shm/$S1" "$T/in"
	done
}

@test "robust: a signal during shmwrite -a leaves alone a size someone else cut" {
	cp "$T/in" "/dev/shm/$S1"
	feed_start shmwrite -a "$S1"
	printf abc >&7
	retry has_size "$S1" 5003
	# Another process empties it meanwhile: undoing our growth must not
	# grow it back to the 5000 bytes it had, with zeros nobody wrote.
	truncate -s 10 "/dev/shm/$S1"
	kill -TERM "$pid"
	wait_status "$pid" 143
	exec 7>&-
	assert_equal "$(size_of "$S1")" 10
	assert_equal "$(cat "$T/err")" ""
}

@test "robust: a signal during shmwrite -t leaves what it wrote and the size" {
	cp "$T/in" "/dev/shm/$S1"
	feed_start shmwrite -t "$S1"
	printf abc >&7
	# A file, not <(printf abc): that pipe is read once, and each retry
	# after the first compared the segment with nothing.
	printf abc >"$T/abc"
	retry cmp -s -n 3 "/dev/shm/$S1" "$T/abc"
	kill -INT "$pid"
	wait_status "$pid" 130
	exec 7>&-
	assert_equal "$(size_of "$S1")" 5000
	{ printf abc; tail -c +4 "$T/in"; } | cmp - "/dev/shm/$S1"
}

@test "robust: a signal during shmcreate -r cuts the reservation short and removes the segment" {
	for sig in INT TERM HUP; do
		# The signal comes while fallocate(2) is about to run: it then
		# stops at once with EINTR, having allocated nothing.
		env --default-signal=HUP,INT,TERM strace -qq -o /dev/null \
		    -e inject=fallocate:delay_enter=2000000 \
		    shmcreate -r -s 256m "$S1" 2>"$T/err" &
		pid=$!
		retry in_fallocate "$pid"
		kill -"$sig" "$child"
		wait_status "$pid" $((128 + SIGNO[$sig]))
		[ ! -e "/dev/shm/$S1" ] || fail "$sig left $S1"
		assert_equal "$(cat "$T/err")" ""
	done
	# An existing segment stays, with the size it had.
	head -c 4096 /dev/zero >"/dev/shm/$S1"
	env --default-signal=HUP,INT,TERM strace -qq -o /dev/null \
	    -e inject=fallocate:delay_enter=2000000 \
	    shmcreate -e -r -s 256m "$S1" 2>"$T/err" &
	pid=$!
	retry in_fallocate "$pid"
	kill -TERM "$child"
	wait_status "$pid" 143
	assert_equal "$(size_of "$S1")" 4096
	assert_equal "$(du -B1 "/dev/shm/$S1" | cut -f1)" 4096
}

@test "robust: TERM during a large shmcreate -r: nothing left, no memory held" {
	# Whether the signal cuts fallocate(2) short or comes just after it,
	# the segment goes and its memory with it.
	shmcreate -r -s 400m "$S1" 2>"$T/err" &
	pid=$!
	wait_for "/dev/shm/$S1"
	kill -TERM "$pid"
	wait_status "$pid" 143
	[ ! -e "/dev/shm/$S1" ]
	assert_equal "$(df --output=used /dev/shm | tail -1 | tr -d ' ')" 0
	assert_equal "$(cat "$T/err")" ""
}

@test "robust: a later operand is not made after shmcreate is signalled" {
	env --default-signal=HUP,INT,TERM strace -qq -o /dev/null \
	    -e inject=fallocate:delay_enter=2000000 \
	    shmcreate -r -s 1m "$S1" "$S2" 2>"$T/err" &
	pid=$!
	retry in_fallocate "$pid"
	kill -INT "$child"
	wait_status "$pid" 130
	[ ! -e "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
}

@test "robust: a signal during mapsync -w -g from a pipe gives the file its old size" {
	cp "$T/in" "$T/f"
	for opts in "-g -o 4998" "-g -o 5000" "-g -o 6000"; do
		feed_start mapsync -w $opts "$T/f"
		head -c 7000 /dev/zero >&7
		retry bigger_than "$T/f" 5000
		kill -HUP "$pid"
		wait_status "$pid" 129
		exec 7>&-
		# Two bytes at 4998 were the file's: they keep what was written.
		cmp -n 4998 "$T/f" "$T/in"
		assert_equal "$(stat -c %s "$T/f")" 5000
		cp "$T/in" "$T/f"
	done
}

@test "robust: a signal ignored when the command starts stays ignored" {
	feed_start shmwrite -c "$S1"
	exec 7>&-
	wait "$pid" || true
	rm -f "/dev/shm/$S1"
	# nohup: HUP ignored from the start; the write goes on.
	rm -f "$T/feed"
	mkfifo "$T/feed"
	nohup shmwrite -c "$S1" <"$T/feed" >/dev/null 2>&1 7>&- &
	pid=$!
	exec 7>"$T/feed"
	printf abc >&7
	retry has_size "$S1" 3
	kill -HUP "$pid"
	printf def >&7
	exec 7>&-
	wait_status "$pid" 0
	assert_equal "$(cat "/dev/shm/$S1")" abcdef
}

# -- fs.protected_regular -----------------------------------------------------

# kernel_open_creat: whether the kernel lets the caller open(O_CREAT) the
# existing segment $1 ("$@" after it: as_nobody, or nothing for root).
kernel_open_creat() {
	local name=$1

	shift
	"$@" sh -c ': >>"$1"' _ "/dev/shm/$name" 2>/dev/null
}

# A segment of uid 1000, mode 0666, holding "theirs", in a /dev/shm of mode
# $1 owned by root.
victim_in() {
	tmpfs_on /dev/shm 1m "$1"
	printf theirs >"/dev/shm/$S1"
	chown 1000:1000 "/dev/shm/$S1"
	chmod 0666 "/dev/shm/$S1"
}

@test "robust: fs.protected_regular refuses shmwrite -c and shmcreate -e as it refuses open(O_CREAT)" {
	victim_in 1777
	why="Permission denied (fs.protected_regular: another user's file in a sticky directory)"
	# Level, who runs, and whether the kernel and we refuse.
	for case in "2 as_nobody refuse" "1 as_nobody refuse" "1 root refuse" \
	    "0 as_nobody allow" "0 root allow"; do
		read -r level who want <<<"$case"
		[ "$who" = root ] && who=
		set_sysctl fs.protected_regular "$level"
		if kernel_open_creat "$S1" $who; then
			assert_equal "$want" allow
		else
			assert_equal "$want" refuse
		fi
		if [ "$want" = refuse ]; then
			run -1 --separate-stderr pipeline \
			    '$2 shmwrite -c -t "$1" <<<secret' _ "$S1" "$who"
			assert_equal "$stderr" "shmwrite: $S1: $why"
			run -1 --separate-stderr $who shmcreate -e -s 1k "$S1"
			assert_equal "$stderr" "shmcreate: $S1: $why"
			assert_equal "$(cat "/dev/shm/$S1")" theirs
		else
			run -0 $who shmcreate -e -s 6 "$S1"
			run -0 pipeline '$2 shmwrite -c -t "$1" <<<mine' _ "$S1" "$who"
			assert_equal "$(cat "/dev/shm/$S1")" mine
			printf theirs >"/dev/shm/$S1"
		fi
	done
	# Without -c and -e there is no O_CREAT to honour: the open is as
	# the permissions say.
	set_sysctl fs.protected_regular 2
	run -0 pipeline 'as_nobody shmwrite "$1" <<<MINE' _ "$S1"
	assert_equal "$(head -c 4 "/dev/shm/$S1")" MINE
}

@test "robust: fs.protected_regular=2 also covers a group-writable sticky /dev/shm" {
	victim_in 1775
	for case in "2 refuse" "1 allow"; do
		read -r level want <<<"$case"
		set_sysctl fs.protected_regular "$level"
		if kernel_open_creat "$S1"; then
			assert_equal "$want" allow
			run -0 shmcreate -e "$S1"
		else
			assert_equal "$want" refuse
			run -1 shmcreate -e "$S1"
		fi
	done
	# Our own segment, or the directory owner's, is never refused.
	set_sysctl fs.protected_regular 2
	chown 0:0 "/dev/shm/$S1"
	run -0 shmcreate -e "$S1"
	chown 1000:1000 "/dev/shm/$S1"
	run -0 setpriv --reuid=1000 --regid=1000 --clear-groups \
	    env PATH="$PATH" shmcreate -e "$S1"
}

@test "robust: without /proc, fs.protected_regular is taken to be 2" {
	victim_in 1777
	set_sysctl fs.protected_regular 0
	run -0 shmcreate -e "$S1"
	run -1 --separate-stderr hide /proc 0755 shmcreate -e "$S1"
	stderr_has "fs.protected_regular"
	assert_equal "$(cat "/dev/shm/$S1")" theirs
}

@test "robust: a signal while shmwrite --lock waits for the lock ends it, changing nothing" {
	printf 'old segment' >"/dev/shm/$S1"
	exec 8<"/dev/shm/$S1"
	flock -x 8
	for opts in "" -c "-c -t" -a; do
		env --default-signal=HUP,INT,TERM \
		    shmwrite $opts --lock "$S1" <"$T/in" 2>"$T/err" 8<&- &
		pid=$!
		retry any_fd "$pid" "$S1"
		kill -TERM "$pid"
		wait_status "$pid" 143
		assert_equal "$(cat "$T/err")" ""
		assert_equal "$(cat "/dev/shm/$S1")" "old segment"
	done
	exec 8<&-
}

@test "robust: a --lock writer gives up on a name replaced every time it locks" {
	printf x >"/dev/shm/$S1"
	# Renames make a new segment under the name without end, and never
	# leave it missing; each flock takes 50 ms, time for one at least.
	# One process does them all: with a fork of mv(1) per rename, a busy
	# machine let a 20 ms flock pass with none, and the test failed.  Six
	# busy loops on two cores still starved it in half the runs, so, as
	# root, it runs before them (nice only warns for others).
	nice -n -15 python3 -c '
import os, sys
tmp, name = sys.argv[1:]
while True:
    with open(tmp, "wb") as f:
        f.write(b"y")
    os.replace(tmp, name)
' "/dev/shm/.$S1.tmp" "/dev/shm/$S1" 3>&- &
	HOLDERS+=($!)
	# Python takes a while to start: the renames must have begun.
	ino=$(stat -c %i "/dev/shm/$S1")
	retry bash -c '[ "$(stat -c %i "$1")" != "$2" ]' _ "/dev/shm/$S1" "$ino"
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=flock:delay_enter=50000 shmwrite --lock "$S1" <"$T/in"
	assert_equal "$stderr" \
	    "shmwrite: $S1: replaced by another segment each time it was locked"
}

@test "robust: shmcreate -e -r says so when a signal's size restore fails" {
	head -c 4096 /dev/zero >"/dev/shm/$S1"
	env --default-signal=HUP,INT,TERM strace -qq -o /dev/null \
	    -e inject=fallocate:delay_enter=2000000 \
	    -e inject=ftruncate:error=EIO \
	    shmcreate -e -r -s 64m "$S1" 2>"$T/err" &
	pid=$!
	retry in_fallocate "$pid"
	kill -TERM "$child"
	wait_status "$pid" 143
	assert_equal "$(cat "$T/err")" \
	    "shmcreate: $S1: cannot restore the size of 4096 bytes: Input/output error"
}
