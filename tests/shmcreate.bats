#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# shmcreate: making segments of a size and mode, exclusively or not.

setup() {
	load helper
	usage='usage: shmcreate [-erv] [-m mode] [-s size] [--target pid] name ...'
}

# Bytes of memory behind a segment.
alloc_of() { stat -c '%b %B' "/dev/shm/$1" | { read -r b u; echo $((b * u)); }; }

# A segment of 5000 bytes of binary data, mode 0640; the data is kept
# in $data to compare with later.
make_full_segment() {
	data="$BATS_TEST_TMPDIR/data"
	bindata "$data" 5000
	shmcreate -m 0640 "$1"
	cat "$data" >"/dev/shm/$1"
}

@test "shmcreate: makes an empty segment of mode 0600 by default" {
	run -0 --separate-stderr shmcreate "$S1"
	assert_output ''
	assert_equal "$stderr" ''
	[ -f "/dev/shm/$S1" ]
	assert_equal "$(size_of "$S1")" 0
	assert_equal "$(mode_of "$S1")" 600
	assert_equal "$(stat -c %u "/dev/shm/$S1")" "$(id -u)"
}

@test "shmcreate: the default mode is 0600 whatever the umask" {
	umask 000
	run -0 shmcreate "$S1"
	umask 077
	run -0 shmcreate "$S2"
	assert_equal "$(mode_of "$S1")" 600
	assert_equal "$(mode_of "$S2")" 600
}

@test "shmcreate: makes several segments in one call" {
	run -0 shmcreate "$S1" "$S2" "$S3"
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S2" ]
	[ -f "/dev/shm/$S3" ]
}

@test "shmcreate: NAME and /NAME are the same segment" {
	run -0 --separate-stderr shmcreate -v "/$S1"
	assert_output "$S1"
	[ -f "/dev/shm/$S1" ]
	run -1 --separate-stderr shmcreate "$S1"
	assert_equal "$stderr" "shmcreate: $S1: File exists"
	run -1 --separate-stderr shmcreate "/$S1"
	assert_equal "$stderr" "shmcreate: $S1: File exists"
}

@test "shmcreate: takes names with spaces, newlines and non-UTF-8 bytes" {
	run -0 shmcreate "$S-a b" "$S-c"$'\nd' "$S-"$'\xff\xfe'
	[ -f "/dev/shm/$S-a b" ]
	[ -f "/dev/shm/$S-c"$'\nd' ]
	[ -f "/dev/shm/$S-"$'\xff\xfe' ]
	run -0 --separate-stderr shmcreate -v "/$S-d e"
	assert_output "$S-d e"
}

@test "shmcreate: takes a name of 255 bytes and refuses 256 with exit 2" {
	local n255="$S1"
	while [ "${#n255}" -lt 255 ]; do n255+=x; done
	run -0 shmcreate "$n255"
	[ -f "/dev/shm/$n255" ]
	run -2 --separate-stderr shmcreate "$S2" "${n255}y"
	assert_usage_error "shmcreate: invalid name '${n255}y': name longer than 255 bytes"
	[ ! -e "/dev/shm/$S2" ]
}

@test "shmcreate: -s sets the size, with binary suffixes, decimal or 0x hex" {
	local num=0 spec
	for spec in 0:0 1:1 4096:4096 010:10 0x10:16 0X1f:31 4k:4096 4K:4096 \
	    1M:1048576 1m:1048576 1g:1073741824 1T:1099511627776; do
		num=$((num + 1))
		run -0 --separate-stderr shmcreate -s "${spec%%:*}" "$S-s$num"
		assert_equal "$stderr" ''
		assert_equal "$(size_of "$S-s$num")" "${spec#*:}"
	done
}

@test "shmcreate: --size takes its value with = or as the next argument" {
	run -0 shmcreate --size=2k "$S1"
	run -0 shmcreate --size 3k "$S2"
	assert_equal "$(size_of "$S1")" 2048
	assert_equal "$(size_of "$S2")" 3072
}

@test "shmcreate: a new segment's contents are zero bytes" {
	run -0 shmcreate -s 4k "$S1"
	run -0 cmp -n 4096 "/dev/shm/$S1" /dev/zero
}

# mode_made UMASK MODE WANT: under that umask, shmcreate -m MODE makes a
# segment of mode WANT (octal, as stat prints it); the segment is removed.
mode_made() {
	umask "$1"
	run -0 shmcreate -m "$2" "$S1"
	assert_equal "$(mode_of "$S1")" "$3"
	rm "/dev/shm/$S1"
}

@test "shmcreate: -m sets an octal mode exactly under umask 077 and 022" {
	mode_made 077 0644 644
	mode_made 077 666 666
	mode_made 077 0 0
	mode_made 022 0666 666
	mode_made 022 0460 460
	mode_made 022 2640 2640
}

@test "shmcreate: -m symbolic modes start from 0 whatever the umask" {
	mode_made 077 u=rw,g=r 640
	mode_made 077 +r 444
	mode_made 077 a=rw 666
	mode_made 022 u=rw,g=r 640
	mode_made 022 a=rw 666
	mode_made 022 u=rw 600
	mode_made 022 +w 222
}

@test "shmcreate: -m sets setuid, setgid and sticky bits as chmod does" {
	for m in u=rws,g=rs,o=rt o=rt o+t a+t,o-t o=rt,a-t +t,o=r u=rw,o+t-r; do
		: >"$T/f"
		chmod 0 "$T/f"
		chmod "$m" "$T/f"
		mode_made 077 "$m" "$(stat -c %a "$T/f")"
	done
	mode_made 077 u=rws,g=rs,o=rt 7644
}

@test "shmcreate: --mode takes its value with = or as the next argument" {
	umask 022
	run -0 shmcreate --mode=0660 "$S1"
	run -0 shmcreate --mode a=r "$S2"
	assert_equal "$(mode_of "$S1")" 660
	assert_equal "$(mode_of "$S2")" 444
}

@test "shmcreate: refuses an existing name with File exists" {
	make_full_segment "$S1"
	run -1 --separate-stderr shmcreate -s 8k -m 0600 "$S1"
	assert_output ''
	assert_equal "$stderr" "shmcreate: $S1: File exists"
	assert_equal "$(size_of "$S1")" 5000
	assert_equal "$(mode_of "$S1")" 640
	run -0 cmp "$data" "/dev/shm/$S1"
}

@test "shmcreate: makes the other names when one already exists, and exits 1" {
	run -0 shmcreate "$S2"
	run -1 --separate-stderr shmcreate -v "$S1" "$S2" "$S3"
	assert_output "$S1"$'\n'"$S3"
	assert_equal "$stderr" "shmcreate: $S2: File exists"
	[ -f "/dev/shm/$S1" ]
	[ -f "/dev/shm/$S3" ]
}

@test "shmcreate: -e accepts an existing segment and leaves its contents and mode" {
	make_full_segment "$S1"
	run -0 --separate-stderr shmcreate -e -m 0600 "$S1"
	assert_output ''
	assert_equal "$stderr" ''
	assert_equal "$(size_of "$S1")" 5000
	assert_equal "$(mode_of "$S1")" 640
	run -0 cmp "$data" "/dev/shm/$S1"
}

@test "shmcreate: -e with -s grows a smaller segment and keeps its bytes" {
	make_full_segment "$S1"
	run -0 shmcreate -e -s 8k "$S1"
	assert_equal "$(size_of "$S1")" 8192
	{ cat "$data"; head -c 3192 /dev/zero; } >"$BATS_TEST_TMPDIR/want"
	run -0 cmp "$BATS_TEST_TMPDIR/want" "/dev/shm/$S1"
}

@test "shmcreate: -e with -s never shrinks a larger segment" {
	make_full_segment "$S1"
	run -0 shmcreate -e -s 1k "$S1"
	assert_equal "$(size_of "$S1")" 5000
	run -0 cmp "$data" "/dev/shm/$S1"
	run -0 shmcreate --exist-ok --size=0 "$S1"
	assert_equal "$(size_of "$S1")" 5000
	run -0 cmp "$data" "/dev/shm/$S1"
}

@test "shmcreate: -e makes a missing segment with the size and mode given" {
	umask 077
	run -0 --separate-stderr shmcreate --exist-ok -v -s 4k -m 0644 "$S1"
	assert_output "$S1"
	assert_equal "$(size_of "$S1")" 4096
	assert_equal "$(mode_of "$S1")" 644
}

@test "shmcreate: -v prints only the names it made, without the slash" {
	run -0 shmcreate "$S2"
	run -0 --separate-stderr shmcreate -e -v "/$S1" "$S2" "/$S3"
	assert_output "$S1"$'\n'"$S3"
	assert_equal "$stderr" ''
	run -0 --separate-stderr shmcreate --verbose "$S-d"
	assert_output "$S-d"
	run -0 --separate-stderr shmcreate "$S-e"
	assert_output ''
}

@test "shmcreate: -v exits 1 when stdout cannot be written" {
	run -1 --separate-stderr bash -c 'shmcreate -v "$1" >/dev/full' _ "$S1"
	assert_equal "$stderr" "shmcreate: stdout: No space left on device"
}

@test "shmcreate: -r allocates the memory, which is otherwise sparse" {
	run -0 shmcreate -s 1M "$S1"
	run -0 shmcreate -r -s 1M "$S2"
	run -0 shmcreate --reserve --size=64k "$S3"
	assert_equal "$(alloc_of "$S1")" 0
	[ "$(alloc_of "$S2")" -ge 1048576 ]
	[ "$(alloc_of "$S3")" -ge 65536 ]
	assert_equal "$(size_of "$S2")" 1048576
}

@test "shmcreate: -e -r reserves an existing segment's memory and keeps its bytes" {
	run -0 shmcreate -s 1M "$S1"
	bindata "$BATS_TEST_TMPDIR/data" 3000
	dd if="$BATS_TEST_TMPDIR/data" of="/dev/shm/$S1" conv=notrunc status=none
	run -0 shmcreate -e -r "$S1"
	[ "$(alloc_of "$S1")" -ge 1048576 ]
	assert_equal "$(size_of "$S1")" 1048576
	run -0 cmp -n 3000 "$BATS_TEST_TMPDIR/data" "/dev/shm/$S1"
}

@test "shmcreate: -r on a full /dev/shm fails with No space left on device and leaves nothing" {
	small_shm 1m
	run -1 --separate-stderr shmcreate -r -s 2m "$S1"
	assert_output ''
	assert_equal "$stderr" "shmcreate: $S1: No space left on device"
	[ ! -e "/dev/shm/$S1" ]
	# Without -r the same size is made, sparse: -r is what found it full.
	run -0 shmcreate -s 2m "$S2"
}

@test "shmcreate: -r reserves each name in turn until /dev/shm is full" {
	small_shm 1m
	run -1 --separate-stderr shmcreate -v -r -s 600k "$S1" "$S2" "$S3"
	assert_output "$S1"
	assert_equal "${stderr_lines[0]}" "shmcreate: $S2: No space left on device"
	assert_equal "${stderr_lines[1]}" "shmcreate: $S3: No space left on device"
	[ -f "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	[ ! -e "/dev/shm/$S3" ]
}

@test "shmcreate: -e -r that cannot reserve leaves an existing segment as it was" {
	small_shm 1m
	make_full_segment "$S1"
	run -1 --separate-stderr shmcreate -e -r -s 2m "$S1"
	assert_equal "$stderr" "shmcreate: $S1: No space left on device"
	[ -f "/dev/shm/$S1" ]
	run -0 cmp -n 5000 "$data" "/dev/shm/$S1"
	assert_equal "$(size_of "$S1")" 5000
}

@test "shmcreate: without /dev/shm, says so once" {
	run -1 --separate-stderr hide /dev 0755 shmcreate "$S1" "$S2"
	assert_output ""
	assert_equal "$stderr" "shmcreate: /dev/shm: No such file or directory"
}

@test "shmcreate: refuses bad names with exit 2 and makes nothing" {
	local bad
	for bad in '' / . .. /. /.. a/b /a/b //a "$S3/"; do
		run -2 --separate-stderr shmcreate "$S1" "$bad" "$S2"
		assert_output ''
		assert_usage_error "shmcreate: invalid name '$bad': "
		[ ! -e "/dev/shm/$S1" ]
		[ ! -e "/dev/shm/$S2" ]
	done
}

@test "shmcreate: a bad name is shown escaped in the message" {
	run -2 --separate-stderr shmcreate $'x/\n'
	assert_usage_error "shmcreate: invalid name 'x/\\n': "
}

@test "shmcreate: refuses bad sizes with exit 2, naming the value, and makes nothing" {
	local bad
	for bad in 1Q -1 '' 8E 9223372036854775808 18446744073709551616 1.5 \
	    0x x10 12abc ' 1' +1; do
		run -2 --separate-stderr shmcreate "$S1" -s "$bad"
		assert_output ''
		assert_usage_error "shmcreate: invalid size '$bad': "
		[ ! -e "/dev/shm/$S1" ]
	done
	run -2 --separate-stderr shmcreate --size=8E "$S1"
	assert_usage_error "shmcreate: invalid size '8E': too large"
	run -2 --separate-stderr shmcreate -s -1 "$S1"
	assert_usage_error "shmcreate: invalid size '-1': negative"
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmcreate: refuses a size with more than one suffix letter" {
	local bad
	for bad in 1kk 1kz 1kbb 1e0; do
		run -2 --separate-stderr shmcreate "$S1" -s "$bad"
		assert_usage_error "shmcreate: invalid size '$bad': "
		[ ! -e "/dev/shm/$S1" ]
	done
}

@test "shmcreate: refuses bad modes with exit 2, naming the value, and makes nothing" {
	local bad
	for bad in 8 0888 '' u=q 017777 rw 'u=rw,'; do
		run -2 --separate-stderr shmcreate "$S1" -m "$bad"
		assert_output ''
		assert_usage_error "shmcreate: invalid mode '$bad': "
		[ ! -e "/dev/shm/$S1" ]
	done
	run -2 --separate-stderr shmcreate --mode=u=q "$S1"
	assert_usage_error "shmcreate: invalid mode 'u=q': "
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmcreate: without a name exits 2 with usage" {
	run -2 --separate-stderr shmcreate
	assert_output ''
	assert_usage_error "shmcreate: missing segment name"
	run -2 --separate-stderr shmcreate -e -s 1k
	assert_usage_error "shmcreate: missing segment name"
}

@test "shmcreate: an unknown option exits 2 with usage and makes nothing" {
	run -2 --separate-stderr shmcreate -z "$S1"
	assert_output ''
	assert_usage_error "shmcreate: invalid option -- 'z'"
	run -2 --separate-stderr shmcreate --bogus "$S1"
	assert_usage_error "shmcreate: unrecognized option '--bogus'"
	run -2 --separate-stderr shmcreate "$S1" -s
	assert_usage_error "shmcreate: option requires an argument -- 's'"
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmcreate: --help prints the usage to stdout and exits 0" {
	run -0 --separate-stderr shmcreate --help "$S1"
	assert_line --index 0 "$usage"
	assert_line --regexp '^ +-e, --exist-ok'
	assert_line --regexp '^ +-m, --mode=MODE'
	assert_line --regexp '^ +-r, --reserve'
	assert_line --regexp '^ +-s, --size=SIZE'
	assert_line --regexp '^ +-v, --verbose'
	assert_equal "$stderr" ''
	[ ! -e "/dev/shm/$S1" ]
}

@test "shmcreate: --version prints the project version" {
	assert_version shmcreate
}

@test "shmcreate: --help and --version to a full stdout exit 1" {
	assert_full_stdout shmcreate
}

@test "shmcreate: a directory under the name is refused without hanging" {
	mkdir "/dev/shm/$S1"
	run -1 --separate-stderr timeout 5 shmcreate "$S1"
	assert_equal "$stderr" "shmcreate: $S1: File exists"
	run -1 --separate-stderr timeout 5 shmcreate -e -s 4k "$S1"
	assert_equal "$stderr" "shmcreate: $S1: Is a directory"
	[ -d "/dev/shm/$S1" ]
}

@test "shmcreate: a fifo under the name is refused without hanging" {
	mkfifo "/dev/shm/$S1"
	run -1 --separate-stderr timeout 5 shmcreate "$S1"
	assert_equal "$stderr" "shmcreate: $S1: File exists"
	run -1 --separate-stderr timeout 5 shmcreate -e -r -s 4k "$S1"
	assert_equal "$stderr" "shmcreate: $S1: not a regular file"
	[ -p "/dev/shm/$S1" ]
}

@test "shmcreate: -e never follows a symbolic link under the name" {
	printf 'keep' >"$BATS_TEST_TMPDIR/target"
	ln -s "$BATS_TEST_TMPDIR/target" "/dev/shm/$S1"
	run -1 --separate-stderr shmcreate -e -s 4k "$S1"
	assert_equal "$stderr" "shmcreate: $S1: symbolic link, not followed"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/target")" keep
	# A dangling link does not make its target either.
	ln -s "/dev/shm/$S3" "/dev/shm/$S2"
	run -1 --separate-stderr shmcreate -e "$S2"
	assert_equal "$stderr" "shmcreate: $S2: symbolic link, not followed"
	[ ! -e "/dev/shm/$S3" ]
	[ -L "/dev/shm/$S2" ]
}

@test "shmcreate: -e on another user's 0600 segment fails with Permission denied" {
	need_private_shm
	make_full_segment "$S1"
	chmod 0600 "/dev/shm/$S1"
	run -1 --separate-stderr as_nobody shmcreate -e -s 8k "$S1"
	assert_output ''
	assert_equal "$stderr" "shmcreate: $S1: Permission denied"
	assert_equal "$(size_of "$S1")" 5000
	run -0 cmp "$data" "/dev/shm/$S1"
}

@test "shmcreate: an unprivileged user gets the mode given, whatever the umask" {
	need_private_shm
	run -0 as_nobody sh -c 'umask 077 && shmcreate -m u=rw,g=r,o=r "$1"' _ "$S1"
	assert_equal "$(stat -c %U "/dev/shm/$S1")" nobody
	assert_equal "$(mode_of "$S1")" 644
}

@test "shmcreate: a size that cannot be set fails, and removes what it made" {
	command -v strace >/dev/null || skip "no strace"
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=ftruncate:error=EIO shmcreate -s 4k "$S1" "$S2"
	assert_output ""
	assert_equal "$stderr" "$(printf '%s\n' "shmcreate: $S1: Input/output error" \
	    "shmcreate: $S2: Input/output error")"
	[ ! -e "/dev/shm/$S1" ]
	[ ! -e "/dev/shm/$S2" ]
	# -e: an existing segment is neither removed nor changed.
	printf abc >"/dev/shm/$S1"
	run -1 --separate-stderr traced -qq -o /dev/null \
	    -e inject=ftruncate:error=EIO shmcreate -e -s 4k "$S1"
	assert_equal "$stderr" "shmcreate: $S1: Input/output error"
	assert_equal "$(cat "/dev/shm/$S1")" abc
}
