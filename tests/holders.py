# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
"""Processes that hold segments, for the tests and the bench.

  holders.py mapped PATH READY keep|unlink
      map PATH shared, close its descriptor (and with unlink, remove it),
      touch READY, then sleep
  holders.py many PREFIX NPROCS PER READY
      NPROCS processes, each holding PER segments /dev/shm/PREFIX<k> (k from
      0 up, each once), the first half of each one's mapped with no
      descriptor left, the rest open; READY once all hold theirs; SIGTERM
      ends them all

Mappings go through libc's mmap(2): Python's own mmap keeps a duplicate
descriptor, and a mapping with no descriptor is what the tests are about.
"""
import ctypes
import mmap
import os
import signal
import sys
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
                      ctypes.c_int, ctypes.c_int, ctypes.c_long)


def map_shared(fd, size):
    """Maps fd read-only and shared; the mapping outlives the descriptor."""
    addr = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
    if addr in (None, ctypes.c_void_p(-1).value):
        sys.exit("mmap: " + os.strerror(ctypes.get_errno()))


def mapped(path, ready, then):
    fd = os.open(path, os.O_RDONLY)
    map_shared(fd, os.fstat(fd).st_size)
    os.close(fd)
    if then == "unlink":
        os.unlink(path)
    open(ready, "w").close()
    time.sleep(100)


def many(prefix, nprocs, per, ready):
    kids = []
    for i in range(nprocs):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            for j in range(per):
                fd = os.open("/dev/shm/%s%d" % (prefix, i * per + j),
                             os.O_RDONLY)
                if j < per // 2:
                    map_shared(fd, 4096)
                    os.close(fd)
            os.close(w)
            signal.pause()
            os._exit(0)
        os.close(w)
        if os.read(r, 1) != b"" or os.waitpid(pid, os.WNOHANG)[0] != 0:
            sys.exit("holder %d failed" % i)
        os.close(r)
        kids.append(pid)

    def bye(*_):
        for k in kids:
            os.kill(k, signal.SIGKILL)
        os._exit(0)
    signal.signal(signal.SIGTERM, bye)
    open(ready, "w").close()
    while True:
        signal.pause()


if sys.argv[1] == "mapped":
    mapped(sys.argv[2], sys.argv[3], sys.argv[4])
elif sys.argv[1] == "many":
    many(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
else:
    sys.exit("holders.py: unknown job " + sys.argv[1])
