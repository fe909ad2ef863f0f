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

common_teardown() {
	if [ -n "${SMALL_SHM:-}" ]; then
		umount /dev/shm
	fi
	rm -rf -- /dev/shm/"$S"*
}

teardown() {
	common_teardown
}

# Skips unless root in a private /dev/shm (tests that mount or chown).
need_private_shm() {
	[ "${SHMTOOLS_PRIVATE_SHM:-0}" = 1 ] ||
	    skip "needs root and a private mount namespace"
}

# Mounts a tmpfs of the given size over /dev/shm for this test only.
small_shm() {
	need_private_shm
	mount -t tmpfs -o "size=$1,mode=1777" shmtools-small /dev/shm
	SMALL_SHM=1
}

# bash -c with pipefail, for run: a pipeline fails when any command in it
# fails, not only the last, so `run -0 pipeline 'shmcat X | cmp - F'`
# checks shmcat's status as well as cmp's.
pipeline() {
	bash -o pipefail -c "$@"
}

# Runs a command as an unprivileged user, since root skips permission checks.
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    --inh-caps=-all env PATH="$PATH" "$@"
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

# A usage error: a first line that starts with $1, then the usage line
# that the test file keeps in $usage.
assert_usage_error() {
	[[ ${stderr_lines[0]} == "$1"* ]] ||
	    fail "stderr starts '${stderr_lines[0]}', want '$1...'"
	assert_equal "${stderr_lines[1]}" "$usage"
	assert_equal "${#stderr_lines[@]}" 2
}

# Waits up to 10 seconds for a file to appear.
wait_for() {
	local i

	for i in $(seq 200); do
		[ -e "$1" ] && return 0
		sleep 0.05
	done
	echo "timed out waiting for $1" >&2
	return 1
}

# What stat says about a segment: octal mode, size.
mode_of() { stat -c %a "/dev/shm/$1"; }
size_of() { stat -c %s "/dev/shm/$1"; }

# strace(1) a command.  LeakSanitizer cannot run under ptrace, so a build
# with -fsanitize=address checks leaks everywhere but here.
traced() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace "$@"
}

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
