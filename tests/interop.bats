#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# interop: segments made by other programs are the segments these tools
# see, and the reverse: Python's multiprocessing.shared_memory, and a C
# program calling shm_open(3) and mmap(2) (tests/interop/shmpeer.c).

setup() {
	load helper
	bindata "$T/data" 300000
	bindata "$T/in" 5000
}

need_python() {
	python3 -c 'import multiprocessing.shared_memory' 2>/dev/null ||
	    skip "no python3 with multiprocessing.shared_memory"
}

# Python's resource tracker unlinks at exit every segment a SharedMemory
# object was made for, even one it only attached to (before 3.13), which
# would remove the segment under test: opt out, by track=False where there
# is one, else by unregistering.
PY_OPEN='
import sys
from multiprocessing import resource_tracker, shared_memory

def shm_open(name, create=False, size=0):
    kw = {"track": False} if sys.version_info >= (3, 13) else {}
    shm = shared_memory.SharedMemory(name=name, create=create, size=size, **kw)
    if not kw:
        resource_tracker.unregister(shm._name, "shared_memory")
    return shm
'

# py_put NAME FILE: SharedMemory(create=True) sized to FILE, FILE copied in.
py_put() {
	python3 -c "$PY_OPEN"'
name, path = sys.argv[1:]
data = open(path, "rb").read()
shm = shm_open(name, create=True, size=len(data))
shm.buf[:len(data)] = data
shm.close()' "$@"
}

# py_get NAME: the bytes of an existing segment, as SharedMemory sees them.
py_get() {
	python3 -c "$PY_OPEN"'
shm = shm_open(sys.argv[1])
data = bytes(shm.buf)
shm.close()
sys.stdout.buffer.write(data)' "$@"
}
# For pipeline, whose bash -c runs them with cmp.
export -f py_get
export PY_OPEN

# py_poke NAME OFFSET: stdin copied into an existing segment at OFFSET.
py_poke() {
	python3 -c "$PY_OPEN"'
shm = shm_open(sys.argv[1])
off = int(sys.argv[2])
data = sys.stdin.buffer.read()
shm.buf[off:off + len(data)] = data
shm.close()' "$@"
}

# Builds tests/interop/shmpeer.c into $T/shmpeer; skips without a compiler.
need_peer() {
	command -v cc >/dev/null || skip "no C compiler"
	cc -std=c17 -Wall -Wextra -Werror -D_DEFAULT_SOURCE \
	    -o "$T/shmpeer" "$BATS_TEST_DIRNAME/interop/shmpeer.c"
	PEER=$T/shmpeer
}

# -- Python -------------------------------------------------------------------

@test "interop: shmcat prints a segment Python's SharedMemory made" {
	need_python
	run -0 py_put "$S1" "$T/data"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S1" "$T/data"
	tail -c +1001 "$T/data" | head -c 100 >"$T/want"
	run -0 pipeline 'shmcat -o 1000 -l 100 "/$1" | cmp - "$2"' \
	    _ "$S1" "$T/want"
}

@test "interop: Python's SharedMemory reads a segment shmwrite -c made" {
	need_python
	run -0 shmwrite -c "$S1" <"$T/data"
	run -0 pipeline 'py_get "$1" | cmp - "$2"' _ "$S1" "$T/data"
	# Still there for the next program: nobody unlinked it at exit.
	cmp /dev/shm/"$S1" "$T/data"
}

@test "interop: shmwrite writes into a Python segment and Python sees it" {
	need_python
	run -0 py_put "$S1" "$T/data"
	oracle "$T/in" 4096
	run -0 shmwrite -o 4k "$S1" <"$T/in"
	run -0 pipeline 'py_get "$1" | cmp - "$2"' _ "$S1" "$T/want"
}

@test "interop: Python writes into a shmwrite segment and shmcat sees it" {
	need_python
	run -0 shmwrite -c "$S1" <"$T/data"
	oracle "$T/in" 123
	run -0 py_poke "$S1" 123 <"$T/in"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S1" "$T/want"
}

@test "interop: shmcat -s prints a C string Python left in a segment" {
	need_python
	{ printf 'ready: 42\0'; head -c 100 /dev/zero; } >"$T/str"
	run -0 py_put "$S1" "$T/str"
	run -0 shmcat -s "$S1"
	assert_output "ready: 42"
}

@test "interop: a segment shmwrite -t shrank is the size Python sees" {
	need_python
	run -0 py_put "$S1" "$T/data"
	run -0 shmwrite -t "$S1" <"$T/in"
	run -0 python3 -c "$PY_OPEN"'
shm = shm_open(sys.argv[1])
print(shm.size)
shm.close()' "$S1"
	assert_output 5000
}

# -- C, through shm_open and mmap ---------------------------------------------

@test "interop: shmcat prints a segment a C program made with shm_open" {
	need_peer
	run -0 "$PEER" put "/$S1" <"$T/data"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S1" "$T/data"
	run -0 pipeline 'shmcat "/$1" | cmp - "$2"' _ "$S1" "$T/data"
}

@test "interop: a C program maps and reads a segment shmwrite -c made" {
	need_peer
	run -0 pipeline 'cat "$2" | shmwrite -c "$1"' _ "$S1" "$T/data"
	run -0 pipeline '"$1" get "/$2" | cmp - "$3"' _ "$PEER" "$S1" "$T/data"
}

@test "interop: shmwrite writes into a C program's segment, C reads it back" {
	need_peer
	run -0 "$PEER" put "/$S1" <"$T/data"
	oracle "$T/in" 295000
	run -0 shmwrite -o 295000 "$S1" <"$T/in"
	run -0 pipeline '"$1" get "/$2" | cmp - "$3"' _ "$PEER" "$S1" "$T/want"
}

@test "interop: a C program writes through its mapping and shmcat sees it" {
	need_peer
	run -0 shmwrite -c "$S1" <"$T/data"
	oracle "$T/in" 70000
	run -0 "$PEER" poke "/$S1" 70000 <"$T/in"
	run -0 pipeline 'shmcat "$1" | cmp - "$2"' _ "$S1" "$T/want"
}

@test "interop: a C program sees shmwrite's bytes through a live mapping" {
	need_peer
	cp "$T/data" /dev/shm/"$S1"
	oracle "$T/in" 1000
	# The peer maps the segment before shmwrite runs and prints what that
	# mapping holds afterwards: the same object, written in place.
	"$PEER" watch "/$S1" "$T/ready" "$T/go" >"$T/seen" 2>"$T/err" 3>&- &
	peer=$!
	wait_for "$T/ready"
	run -0 shmwrite -o 1000 "$S1" <"$T/in"
	: >"$T/go"
	wait "$peer" || { cat "$T/err"; false; }
	cmp "$T/seen" "$T/want"
}

@test "interop: a C program's live mapping sees writes of shmwrite -g and -t" {
	need_peer
	cp "$T/data" /dev/shm/"$S1"
	# -t to a smaller size and -g back past it keep the object, so the
	# mapping made before shows the bytes written after.
	{ head -c 100000 "$T/data"; cat "$T/in"; head -c 195000 /dev/zero; } \
	    >"$T/want"
	"$PEER" watch "/$S1" "$T/ready" "$T/go" >"$T/seen" 2>"$T/err" 3>&- &
	peer=$!
	wait_for "$T/ready"
	run -0 shmwrite -t -o 100000 "$S1" </dev/null
	run -0 shmwrite -g -o 100000 "$S1" <"$T/in"
	run -0 shmwrite -t -o 300000 "$S1" </dev/null
	: >"$T/go"
	wait "$peer" || { cat "$T/err"; false; }
	cmp "$T/seen" "$T/want"
}
