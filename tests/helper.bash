# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# helper.bash: loaded by every tests/*.bats in setup().  Puts the build on
# PATH, gives each test unique segment names, and cleans up after it.

bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

# ctest says where the build is; by hand, build/ beside tests/.
PATH="${SHMTOOLS_BIN:-$BATS_TEST_DIRNAME/../build}:$PATH"

# Names unique to this test, so that tests never see each other's segments
# (and, when not in a private /dev/shm, never touch anyone else's).
S="shmt-$$-${BATS_TEST_NUMBER}"
S1="$S-a"
S2="$S-b"
S3="$S-c"

# A directory of the test's own, for its files.
T=$BATS_TEST_TMPDIR

# Processes a test started to hold segments (hold_open, hold_mapped), and
# the file systems it mounted (tmpfs_on, small_shm).
HOLDERS=()
MOUNTS=()
# sysctl settings a test changed (set_sysctl), as "path value" to restore.
SYSCTLS=()

# Stops the holders, unmounts the test's mounts, newest first, and removes
# every name the test made: its segments, its semaphores, and dot names.
common_teardown() {
	local pid i

	# First, since they are global: the host and others' tests see them.
	for ((i = ${#SYSCTLS[@]} - 1; i >= 0; i--)); do
		echo "${SYSCTLS[i]#* }" >"${SYSCTLS[i]%% *}"
	done
	for pid in "${HOLDERS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	cd /
	for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
		umount "${MOUNTS[i]}"
	done
	rm -rf -- /dev/shm/"$S"* /dev/shm/sem."$S"* /dev/shm/."$S"*
}

teardown() {
	common_teardown
}

# CI runs the suite as root with every package scripts/deps installs, so
# there every test must run: a skip would hide a missing package or a
# broken setup behind a green summary.  Under CI=true as root, skip fails
# the test with its reason instead; only what a sanitizer build cannot run
# skips, through skip_sanitizer (CI runs those tests in its plain build).
eval "bats_skip() $(declare -f skip | tail -n +2)"
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
	skip() {
		fail "skipped under CI=true as root: ${1:-no reason given}"
	}
fi

# Skips a test that a build with AddressSanitizer cannot run, even in CI.
skip_sanitizer() {
	bats_skip "$@"
}

# Skips unless root in a private /dev/shm (tests that mount or chown).
need_private_shm() {
	[ "${SHMTOOLS_PRIVATE_SHM:-0}" = 1 ] ||
	    skip "needs root and a private mount namespace"
}

# tmpfs_on DIR SIZE [MODE]: mounts a tmpfs of that size (and mode, 0755
# unless given) on DIR, made if missing, for this test only.
tmpfs_on() {
	need_private_shm
	mkdir -p "$1"
	mount -t tmpfs -o "size=$2,mode=${3:-0755}" shmtools-test "$1"
	MOUNTS+=("$1")
}

# set_sysctl NAME VALUE: sets /proc/sys/NAME (with dots) for this test; the
# teardown puts back the old value, whether the test passed or not.
set_sysctl() {
	local path="/proc/sys/${1//.//}"

	need_private_shm
	SYSCTLS+=("$path $(cat "$path")")
	echo "$2" >"$path"
}

# Mounts a tmpfs of the given size over /dev/shm for this test only.
small_shm() {
	tmpfs_on /dev/shm "$1" 1777
}

# bash -c with pipefail, for run: a pipeline fails when any command in it
# fails, not only the last, so `run -0 pipeline 'shmcat X | cmp - F'`
# checks shmcat's status as well as cmp's.
pipeline() {
	bash -o pipefail -c "$@"
}

# oracle FILE OFFSET: $T/want is $T/data with FILE written over it at
# OFFSET, by dd, as shmwrite and mapsync -w should leave it.
oracle() {
	cp "$T/data" "$T/want"
	dd if="$1" of="$T/want" bs=64k oflag=seek_bytes seek="$2" \
	    conv=notrunc status=none
}

# prints WANT command...: the command, its output into a regular file,
# exits 0 and prints exactly the bytes of file WANT.
prints() {
	local want=$1 status=0

	shift
	"$@" >"$T/out" || status=$?
	assert_equal "$status" 0
	cmp "$T/out" "$want"
}

# Runs a command as an unprivileged user, since root skips permission checks.
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    --inh-caps=-all env PATH="$PATH" "$@"
}

# The names a shmls -J listing on stdin gives, each followed by a NUL,
# byte for byte, even where they are not UTF-8.
json_names() {
	python3 -c 'import json, sys
d = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogateescape"))
for s in d["segments"]:
    sys.stdout.buffer.write(s["name"].encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.write(b"\0")'
}

# For pipeline, whose bash -c would not see them otherwise.
export -f as_nobody json_names

# Skips when command $1 is built with AddressSanitizer, whose runtime reads
# /proc and fails without it (hide /proc).
need_plain_build() {
	if grep -q __asan_init "$(command -v "$1")"; then
		skip_sanitizer "a sanitizer build cannot run without /proc"
	fi
}

# hide DIR MODE [--nobody] command...: runs the command in a mount namespace
# of its own where an empty tmpfs of that mode covers DIR: /dev, so that
# /dev/shm is missing, or /proc, which mode 000 closes to all but root.
hide() {
	local dir=$1 mode=$2

	shift 2
	need_private_shm
	if [ "$1" = --nobody ]; then
		shift
		set -- setpriv --reuid=nobody --regid=nogroup --clear-groups \
		    --inh-caps=-all "$@"
	fi
	unshare --mount --propagation private sh -c '
	    mount -t tmpfs -o "mode=$1" shmtools-hide "$2" && shift 2 &&
	    exec "$@"' hide "$mode" "$dir" env PATH="$PATH" "$@"
}

# Random binary data of N bytes into FILE, with NUL bytes at both ends.
bindata() {
	{
		printf '\0a\0'
		head -c "$(($2 - 6))" /dev/urandom
		printf 'z\0\0'
	} >"$1"
}

# bats-assert 2.1 has no assert_stderr; this is the --partial form of it.
stderr_has() {
	output=$stderr assert_output --partial "$1"
}

# A usage error: a first line that starts with $1, then the usage (one
# line or more) that the test file keeps in $usage, and nothing else.
assert_usage_error() {
	[[ ${stderr_lines[0]} == "$1"* ]] ||
	    fail "stderr starts '${stderr_lines[0]}', want '$1...'"
	assert_equal "$(printf '%s\n' "${stderr_lines[@]:1}")" "$usage"
}

# Runs "$@" until it succeeds, for up to 10 seconds.
retry() {
	local i

	for i in $(seq 200); do
		"$@" && return 0
		sleep 0.05
	done
	echo "timed out waiting for: $*" >&2
	return 1
}

# Waits up to 10 seconds for a file to appear.
wait_for() {
	retry test -e "$1"
}

# Whether process $1 runs command $2.
runs() {
	[ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]
}

# Whether process $1 has segment $2 open on descriptor $3.
has_fd() {
	[ "$(readlink "/proc/$1/fd/$3" 2>/dev/null)" = "/dev/shm/$2" ]
}

# Whether process $1 has segment $2 open on any descriptor.
any_fd() {
	local fd

	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd" 2>/dev/null)" = "/dev/shm/$2" ] && return 0
	done
	return 1
}

# Whether process $1 has segment $2 mapped (removed or not).
mapped() {
	grep -qF " /dev/shm/$2" "/proc/$1/maps"
}

# Starts sleep with segment $1 open on descriptor 3, as root or, with $2 =
# nobody, as nobody; its pid in $holder.  A simple command run with & is
# the process itself, not a subshell that would hold the descriptor too.
hold_open() {
	if [ "${2:-}" = nobody ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups \
		    --inh-caps=-all sleep 100 3<"/dev/shm/$1" >/dev/null 2>&1 &
	else
		sleep 100 3<"/dev/shm/$1" >/dev/null 2>&1 &
	fi
	holder=$!
	HOLDERS+=("$holder")
	# The fork has the descriptor before it runs sleep.
	retry runs "$holder" sleep
	has_fd "$holder" "$1" 3 || fail "$holder does not hold $1 on fd 3"
}

# Starts a process with segment $1 (not empty) mapped shared and its
# descriptor closed, so that only the mapping holds it; with $2 = unlink,
# it then removes the segment (holders.py).  Its pid in $holder.
hold_mapped() {
	local ready="$BATS_TEST_TMPDIR/mapped.$1"

	python3 "$BATS_TEST_DIRNAME/holders.py" mapped "/dev/shm/$1" "$ready" \
	    "${2:-keep}" >/dev/null 2>&1 3>&- &
	holder=$!
	HOLDERS+=("$holder")
	wait_for "$ready"
	# What the tests are about: a mapping, and no descriptor.
	mapped "$holder" "$1" || fail "$holder has not mapped $1"
	! any_fd "$holder" "$1" || fail "$holder still has $1 open"
}

# What stat says about a segment: octal mode, size.
mode_of() { stat -c %a "/dev/shm/$1"; }
size_of() { stat -c %s "/dev/shm/$1"; }

# strace(1) a command.  LeakSanitizer cannot run under ptrace, so a build
# with -fsanitize=address checks leaks everywhere but here.
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace "$@"
}

# For pipeline, like as_nobody.
export -f traced

# --version prints "CMD (shmtools) VERSION", the version CMakeLists.txt has.
assert_version() {
	local version

	version=$(sed -n 's/^project(shmtools VERSION \([0-9.]*\).*/\1/p' \
	    "$BATS_TEST_DIRNAME/../CMakeLists.txt")
	[ -n "$version" ]
	run -0 --separate-stderr "$1" --version
	assert_output "$1 (shmtools) $version"
	assert_equal "$stderr" ""
}

# --help and --version into a full stdout: exit 1, and the reason.
assert_full_stdout() {
	local opt

	for opt in --help --version; do
		run -1 --separate-stderr \
		    bash -c '"$1" "$2" >/dev/full' _ "$1" "$opt"
		assert_output ""
		assert_equal "$stderr" "$1: stdout: No space left on device"
	done
}
