#!/usr/bin/env bats
# shmcat: segments to standard output.

setup() {
	load helper
	bindata "$BATS_TEST_TMPDIR/data" 300000
	shmwrite -c "$S1" <"$BATS_TEST_TMPDIR/data"
}

@test "shmcat: prints a segment byte for byte, NUL bytes included" {
	run -0 bash -c 'shmcat "$1" | cmp - "$2"' _ "$S1" "$BATS_TEST_TMPDIR/data"
}
