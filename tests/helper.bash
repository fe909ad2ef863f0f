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

# Runs a command as an unprivileged user, since root skips permission checks.
as_nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    --inh-caps=-all env PATH="$PATH" "$@"
}

# Random binary data of N bytes into FILE, with NUL bytes at both ends.
bindata() {
	{
		printf '\0a\0'
		head -c "$(($2 - 6))" /dev/urandom
		printf 'z\0\0'
	} >"$1"
}
