#!/usr/bin/env bats
# shmrm: removing segments, and refusing what is not a segment.

setup() {
	load helper
	S3="$S-c"
	usage='usage: shmrm [-fv] name ...'
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
	assert_line --index 0 "$usage"
	assert_line --regexp '^ +-f, --force'
	assert_line --regexp '^ +-v, --verbose'
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
}

@test "shmrm: --version prints the version" {
	run -0 --separate-stderr shmrm --version
	assert_output --regexp '^shmrm \(shmtools\) [0-9]+\.[0-9]+\.[0-9]+$'
	assert_equal "$stderr" ''
}
