#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Sizes, offsets and lengths as util-linux and coreutils take them: K, KiB,
# M, MiB... are powers of 1024, KB, MB... powers of 1000, in any case, and
# a fraction is taken when it comes to a whole number of bytes.  Every
# command parses them the same way (lib/parse.c); shmcreate -s shows the
# value most directly, as the size of the segment it makes.

setup() {
	load helper
	usage='usage: shmcreate [-erv] [-m mode] [-s size] [--target pid] name ...'
}

# The size shmcreate -s $1 gives a new segment (removed again).
made_size() {
	shmcreate -s "$1" "$S1" || return
	size_of "$S1"
	rm /dev/shm/"$S1"
}

@test "sizes: K, M, G and KiB, MiB, GiB are powers of 1024, in any case" {
	local row arg want
	for row in 1k:1024 1K:1024 1KiB:1024 1kib:1024 1KIB:1024 \
	    1M:1048576 1MiB:1048576 1mIb:1048576 1G:1073741824 \
	    1GiB:1073741824 0x10KiB:16384; do
		arg=${row%:*} want=${row#*:}
		run -0 made_size "$arg"
		assert_output "$want"
	done
}

@test "sizes: KB, MB and GB are powers of 1000, in any case" {
	local row arg want
	for row in 1KB:1000 1kb:1000 1kB:1000 1MB:1000000 2mb:2000000 \
	    1GB:1000000000 0x10KB:16000; do
		arg=${row%:*} want=${row#*:}
		run -0 made_size "$arg"
		assert_output "$want"
	done
}

@test "sizes: a fraction that comes to whole bytes is taken" {
	local row arg want
	for row in 1.5M:1572864 1.5k:1536 0.5KiB:512 1.25K:1280 \
	    2.5MB:2500000 0.001KB:1 1.0:1 1.50k:1536 007.5k:7680; do
		arg=${row%:*} want=${row#*:}
		run -0 made_size "$arg"
		assert_output "$want"
	done
}

@test "sizes: 010 is ten, never eight" {
	run -0 made_size 010
	assert_output 10
	run -0 made_size 010k
	assert_output 10240
	run -0 made_size 010.5k
	assert_output 10752
}

@test "sizes: a fraction of a byte is a usage error naming the value" {
	local bad
	for bad in 0.5 1.5 1.1k 0.0001KB 0.3M; do
		run -2 --separate-stderr shmcreate -s "$bad" "$S1"
		assert_output ''
		assert_usage_error \
		    "shmcreate: invalid size '$bad': not a whole number of bytes"
		[ ! -e /dev/shm/"$S1" ]
	done
}

@test "sizes: values past 2^63-1 are usage errors naming the value" {
	local bad
	for bad in 8E 8EiB 8.0E 10EB 9.223372036854775808EB \
	    9223372036854775808 99999999999999999999.5k 9223372036854775807k; do
		run -2 --separate-stderr shmcreate -s "$bad" "$S1"
		assert_output ''
		assert_usage_error "shmcreate: invalid size '$bad': too large"
		[ ! -e /dev/shm/"$S1" ]
	done
}

@test "sizes: negative values and garbage are usage errors naming the value" {
	local row bad why
	for row in '-1:negative value' '-1.5k:negative value' \
	    '1.:not a number' '.5k:not a number' '1.k:not a number' \
	    '1,5k:invalid suffix' '1KiBB:invalid suffix' '1iB:invalid suffix' \
	    '1b:invalid suffix' '1ki:invalid suffix' '0x1.8k:invalid suffix' \
	    '0.0000000000000000001EB:too many digits after the point'; do
		bad=${row%%:*} why=${row#*:}
		run -2 --separate-stderr shmcreate -s "$bad" "$S1"
		assert_output ''
		assert_usage_error "shmcreate: invalid size '$bad': $why"
		[ ! -e /dev/shm/"$S1" ]
	done
}

@test "sizes: offsets and lengths take the same suffixes and fractions" {
	head -c 5000 /dev/urandom >"$T/data"
	shmwrite -c "$S1" <"$T/data"
	# 1.5KiB is 1536, 1KB is 1000.
	tail -c +1537 "$T/data" | head -c 1000 >"$T/want"
	prints "$T/want" shmcat -o 1.5KiB -l 1KB "$S1"
	prints "$T/want" mapcat -o 1.5k -l 1kb "$T/data"
	prints "$T/want" mapcat -o 1.5k -l 1kb /dev/shm/"$S1"
	# shmwrite -o and mapsync -o put bytes where shmcat finds them.
	printf 'xyz' | shmwrite -o 0.5KiB "$S1"
	run -0 --separate-stderr shmcat -o 512 -l 3 "$S1"
	assert_output xyz
	printf 'uvw' | mapsync -w -o 0.002MB "$T/data"
	run -0 dd if="$T/data" bs=1 skip=2000 count=3 status=none
	assert_output uvw
}

@test "sizes: every command names its option and the value" {
	run -2 --separate-stderr shmcat -o 0.5 "$S1"
	stderr_has "shmcat: invalid offset '0.5': not a whole number of bytes"
	run -2 --separate-stderr shmcat -l 1.1k "$S1"
	stderr_has "shmcat: invalid length '1.1k': not a whole number of bytes"
	run -2 --separate-stderr shmwrite -o 10EB "$S1" </dev/null
	stderr_has "shmwrite: invalid offset '10EB': too large"
	run -2 --separate-stderr mapcat -o 1.5 /dev/null
	stderr_has "mapcat: invalid offset '1.5': not a whole number of bytes"
	run -2 --separate-stderr mapsync -l 2.5 /dev/null
	stderr_has "mapsync: invalid length '2.5': not a whole number of bytes"
}
