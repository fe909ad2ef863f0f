#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# --target PID: shmls, shmcat, shmwrite, shmcreate and shmrm on the
# /dev/shm of a container, built here from new mount and PID namespaces,
# a root of read-only bind mounts and a chroot; and containers whose
# /dev/shm is a symbolic link meant to lead to the host's files.

setup() {
	load helper
	need_private_shm
	CTRS=()
	# Here, since loading the helper defines a teardown of its own.
	teardown() {
		stop_containers
		common_teardown
	}
}

# The warning of --all-targets when some processes could not be inspected:
# where even root may not read some (a sandbox's PID 1, say), it comes in
# every run, so the tests look at stderr without it.
TSKIPPED='shmls: [1-9][0-9]* process(es)? could not be inspected; a /dev/shm only they see may be missing'

# $stderr without that warning.
unskipped() {
	grep -Ev "^$TSKIPPED\$" <<<"$stderr" || true
}

# Kills each container's init, which ends every process inside it.  A
# PID namespace's init takes from outside only the signals it handles,
# and SIGKILL.
stop_containers() {
	local u c

	for u in "${CTRS[@]}"; do
		c=$(cat "/proc/$u/task/$u/children" 2>/dev/null) || true
		[ -z "$c" ] || kill -KILL $c 2>/dev/null || true
		wait "$u" 2>/dev/null || true
	done
	CTRS=()
}

# mkroot DIR: a root for a container: /usr (bound read-only when it
# starts), the merged-/usr links to it, /tmp, and dev/ with dev/shm
# unless $2 is "bare".
mkroot() {
	mkdir -p "$1/usr" "$1/tmp" "$1/proc"
	ln -s usr/bin "$1/bin"
	ln -s usr/lib "$1/lib"
	ln -s usr/lib64 "$1/lib64"
	[ "${2:-}" = bare ] || mkdir -p "$1/dev/shm"
}

# ctr_start ROOT SCRIPT: runs sh -c SCRIPT chrooted in ROOT as PID 1 of
# new mount and PID namespaces; a real ROOT/dev/shm directory gets a
# 1 MiB tmpfs of its own, and a real ROOT/dev the host's /dev/null.  The
# script says it is ready by making /tmp/ready.  The container's init's
# host PID in $ctr.
ctr_start() {
	local root=$1 u

	unshare -m -p -f --mount-proc --propagation private sh -c '
	    r=$1
	    mount --bind /usr "$r/usr" && mount -o remount,bind,ro "$r/usr" ||
		exit 1
	    if [ -d "$r/dev" ] && [ ! -L "$r/dev" ]; then
		: >"$r/dev/null" && mount --bind /dev/null "$r/dev/null" ||
		    exit 1
		if [ -d "$r/dev/shm" ] && [ ! -L "$r/dev/shm" ]; then
		    mount -t tmpfs -o size=1m,mode=1777 ctr-shm "$r/dev/shm" ||
			exit 1
		fi
	    fi
	    exec chroot "$r" /bin/sh -c "$2"' ctr "$root" "$2" \
	    </dev/null >/dev/null 2>&1 3>&- &
	u=$!
	CTRS+=("$u")
	wait_for "$root/tmp/ready"
	ctr=$(cat "/proc/$u/task/$u/children")
	ctr=${ctr% }
	[ -n "$ctr" ]
}

# The usual container: segments "held" (hello, held open by a sleep on
# descriptor 3) and "free" (free), a symbolic link "link" to a file of
# the host's, and that sleep's host PID in $held_by.
ctr_usual() {
	mkroot "$T/root"
	ctr_start "$T/root" '
	    printf hello >/dev/shm/held && printf free >/dev/shm/free &&
	    ln -s /etc/hostname /dev/shm/link &&
	    { sleep 1000 3</dev/shm/held & } && : >/tmp/ready && exec sleep 1000'
	retry child_of "$ctr"
	held_by=$child
	retry fd_ends "$held_by" /dev/shm/held 3
}

# child_of PID: its child, the one there is, into $child.
child_of() {
	child=$(cat "/proc/$1/task/$1/children" 2>/dev/null)
	child=${child% }
	[ -n "$child" ] && runs "$child" sleep
}

# Whether process $1's descriptor $3 is a file whose path ends in $2.
fd_ends() {
	[[ $(readlink "/proc/$1/fd/$3" 2>/dev/null) == *"$2" ]]
}

# The last NSpid field of process $1: its PID in its own namespace.
nspid_of() {
	awk '/^NSpid:/ { print $NF }' "/proc/$1/status"
}

@test "target: shmls lists the container's segments, not the host's" {
	: >"/dev/shm/$S1"
	ctr_usual
	run -0 --separate-stderr shmls --target "$ctr" -rn -o NAME,SIZE
	assert_output "$(printf '%s\n' 'free 4B' 'held 5B')"
	assert_equal "$stderr" ''
	run -0 shmls --target="$ctr" -J -o NAME
	assert_equal "$(echo "$output" | json_names | tr '\0' ' ')" 'free held '
	run -0 shmls --target "$ctr" -rn -o NAME 'h*'
	assert_output held
	run -1 --separate-stderr shmls --target "$ctr" "$S1"
	assert_equal "$stderr" "shmls: $S1: No such file or directory"
}

@test "target: shmcat reads the container's segment; a link there is not followed" {
	ctr_usual
	prints <(printf hello) shmcat --target "$ctr" held
	prints <(printf ell) shmcat --target "$ctr" -o 1 -l 3 /held
	run -1 --separate-stderr shmcat --target "$ctr" link
	assert_output ''
	assert_equal "$stderr" "shmcat: link: symbolic link, not followed"
}

@test "target: shmwrite writes into the container's segment, byte for byte" {
	ctr_usual
	bindata "$T/data" 300000
	run -1 --separate-stderr shmwrite --target "$ctr" -t "$S1" <"$T/data"
	assert_equal "$stderr" "shmwrite: $S1: No such file or directory"
	run -0 shmwrite --target "$ctr" -c -t "$S1" <"$T/data"
	cmp "/proc/$ctr/root/dev/shm/$S1" "$T/data"
	[ ! -e "/dev/shm/$S1" ]
	run -0 pipeline 'printf HE | shmwrite --target "$1" held' _ "$ctr"
	prints <(printf HEllo) cat "/proc/$ctr/root/dev/shm/held"
}

@test "target: shmcreate makes segments in the container, and shmrm removes them" {
	ctr_usual
	run -0 --separate-stderr shmcreate --target "$ctr" -v -s 4k -m 0640 \
	    "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	assert_equal "$(stat -c '%a %s' "/proc/$ctr/root/dev/shm/$S1")" \
	    '640 4096'
	[ ! -e "/dev/shm/$S1" ]
	run -1 --separate-stderr shmcreate --target "$ctr" "$S1"
	assert_equal "$stderr" "shmcreate: $S1: File exists"
	: >"/dev/shm/$S3"
	run -0 shmrm --target "$ctr" -v "$S1" "$S2"
	assert_output "$(printf '%s\n' "$S1" "$S2")"
	[ ! -e "/proc/$ctr/root/dev/shm/$S1" ]
	run -1 --separate-stderr shmrm --target "$ctr" "$S3"
	assert_equal "$stderr" "shmrm: $S3: No such file or directory"
	[ -e "/dev/shm/$S3" ]
}

@test "target: shmrm --unused keeps the segment a container process holds" {
	ctr_usual
	# The host's /dev/shm has an idle segment of the same name: untouched.
	: >/dev/shm/free
	run -0 --separate-stderr shmrm --target "$ctr" -n -g --unused '*'
	assert_output free
	run -0 --separate-stderr shmrm --target "$ctr" -v -g --unused '*'
	assert_output free
	[ -e "/proc/$ctr/root/dev/shm/held" ]
	[ ! -e "/proc/$ctr/root/dev/shm/free" ]
	[ -e /dev/shm/free ]
	rm /dev/shm/free
}

@test "target: -p shows holders by host PID and by the PID the container shows" {
	ctr_usual
	want=$(nspid_of "$held_by")
	[ "$want" != "$held_by" ]
	run -0 --separate-stderr shmls --target "$ctr" -p -rn -o NAME,NPROCS,PIDS,NSPIDS,COMMANDS
	assert_output "$(printf '%s\n' 'free 0   ' \
	    "held 1 $held_by $want sleep")"
	run -0 --separate-stderr shmls --target "$ctr" -rn -o NAME -x NSPIDS
	assert_output "$(printf '%s\n' free held)"
	# NSPIDS is a default column with -p and --target only.
	run -0 --separate-stderr shmls --target "$ctr" -p held
	assert_regex "${lines[0]}" ' NPROCS +PIDS +NSPIDS +COMMANDS$'
	: >"/dev/shm/$S1"
	run -0 --separate-stderr shmls -p "$S1"
	assert_regex "${lines[0]}" ' NPROCS +PIDS +COMMANDS$'
	# A host process holding the container's segment is a holder too.
	sleep 100 3<"/proc/$ctr/root/dev/shm/free" &
	host=$!
	HOLDERS+=("$host")
	retry fd_ends "$host" /dev/shm/free 3
	run -0 --separate-stderr shmls --target "$ctr" -J -p free
	run -0 jq -c '.segments[] | [.nprocs, .pids, .nspids]' <<<"$output"
	assert_output "[1,[$host],[$host]]"
	run -0 --separate-stderr shmls --target "$ctr" -J -p held
	run -0 jq -c '.segments[] | [.pids, .nspids, .commands]' <<<"$output"
	assert_output "[[$held_by],[$want],[\"sleep\"]]"
}

@test "target: --deleted shows what a container process holds after removal" {
	ctr_usual
	rm "/proc/$ctr/root/dev/shm/held"
	run -0 --separate-stderr shmls --target "$ctr" --deleted -rn -o NAME,PIDS,NSPIDS
	assert_output "held $held_by $(nspid_of "$held_by")"
	run -0 --separate-stderr shmls --deleted -rn -o NAME
	assert_output ''
}

# hostile LAYOUT: a container whose /dev/shm leads, by the host's paths,
# to $T/host, where the host has a file "host-secret"; in the container's
# root the same path holds "ctr-file".
hostile() {
	mkdir -p "$T/host" "$T/hostdev/shm"
	: >"$T/host/host-secret"
	: >"$T/hostdev/shm/host-secret"
	mkroot "$T/evil" bare
	mkdir -p "$T/evil$T/host" "$T/evil$T/hostdev/shm"
	: >"$T/evil$T/host/ctr-file"
	: >"$T/evil$T/hostdev/shm/ctr-file"
	mkdir -p "$T/evil/dev"
	case $1 in
	absolute)
		ln -s "$T/host" "$T/evil/dev/shm" ;;
	dotdot)
		ln -s "../../../../../../../../../../..$T/host" \
		    "$T/evil/dev/shm" ;;
	dev)
		rmdir "$T/evil/dev"
		ln -s "$T/hostdev" "$T/evil/dev" ;;
	esac
	ctr_start "$T/evil" ': >/tmp/ready && exec sleep 1000'
}

@test "target: a /dev/shm that is a symbolic link resolves inside the container" {
	local layout

	for layout in absolute dotdot dev; do
		hostile "$layout"
		# What the kernel shows through the root, followed as the host
		# would: the host's file.  The reason for RESOLVE_IN_ROOT.
		run -0 ls "/proc/$ctr/root/dev/shm/"
		assert_output host-secret
		run -0 --separate-stderr shmls --target "$ctr" -rn -o NAME
		assert_output ctr-file
		run -0 shmcat --target "$ctr" ctr-file
		run -1 --separate-stderr shmcat --target "$ctr" host-secret
		assert_equal "$stderr" \
		    "shmcat: host-secret: No such file or directory"
		run -0 shmcreate --target "$ctr" "$S1"
		[ -f "$T/evil$T/host/$S1" ] || [ -f "$T/evil$T/hostdev/shm/$S1" ]
		# One test a line: errexit ignores a failure before an &&.
		[ ! -e "$T/host/$S1" ]
		[ ! -e "$T/hostdev/shm/$S1" ]
		run -0 shmrm --target "$ctr" -g '*'
		[ -e "$T/host/host-secret" ]
		[ -e "$T/hostdev/shm/host-secret" ]
		stop_containers
		rm -rf "$T/evil" "$T/host" "$T/hostdev"
	done
}

@test "target: a container with no /dev/shm is an error naming the process" {
	mkroot "$T/root" bare
	ctr_start "$T/root" ': >/tmp/ready && exec sleep 1000'
	for cmd in shmls "shmcat x" "shmcreate x" "shmrm x" "shmwrite x"; do
		run -1 --separate-stderr $cmd --target "$ctr" </dev/null
		assert_output ''
		assert_equal "$stderr" \
		    "${cmd% *}: /dev/shm of process $ctr: No such file or directory"
	done
}

@test "target: without privilege, cannot enter the mount namespace: exit 1" {
	ctr_usual
	for cmd in shmls "shmcat held" "shmcreate x" "shmrm held" \
	    "shmwrite held"; do
		run -1 --separate-stderr as_nobody $cmd --target "$ctr" </dev/null
		assert_output ''
		assert_equal "$stderr" "${cmd% *}: cannot enter the mount namespace of $ctr: Permission denied"
	done
	[ -e "/proc/$ctr/root/dev/shm/held" ]
}

@test "target: a process that does not exist is exit 1" {
	# Above PID_MAX_LIMIT, so never a process.
	for cmd in shmls "shmcat x" "shmcreate x" "shmrm x" "shmwrite x"; do
		run -1 --separate-stderr $cmd --target 4194304 </dev/null
		assert_output ''
		assert_equal "$stderr" \
		    "${cmd% *}: process 4194304: No such process"
	done
}

@test "target: a PID that is not a positive number is a usage error" {
	for bad in abc 0 -1 '' 1x 99999999999; do
		run -2 --separate-stderr shmls --target "$bad"
		assert_output ''
		[[ ${stderr_lines[0]} == "shmls: invalid PID '$bad': "* ]] ||
		    fail "stderr: $stderr"
		assert_regex "${stderr_lines[1]}" '^usage: shmls '
	done
	# A usage error comes first, whatever the target.
	run -2 --separate-stderr shmcat --target 4194304 -o bad x
	assert_regex "${stderr_lines[0]}" "^shmcat: invalid offset 'bad'"
}

@test "target: shmls --all-targets has one row per /dev/shm, with a PID that sees it" {
	ctr_usual
	usual=$ctr
	mkroot "$T/full"
	ctr_start "$T/full" '
	    yes | head -c 600000 >/dev/shm/big &&
	    truncate -s 4M /dev/shm/sparse && : >/tmp/ready && exec sleep 1000'
	full=$ctr
	run -0 --separate-stderr shmls --all-targets -J
	# The container whose segments promise more than it holds is named.
	assert_equal "$(unskipped)" "shmls: /dev/shm of process $full: segments promise 4.6M, more than its size of 1.0M"
	json=$output
	# Each file system once, ours among them; rows of processes that
	# ended meanwhile (other tests') are left out.
	for pid in $(jq '.targets[].pid' <<<"$json"); do
		stat -L -c %d "/proc/$pid/root/dev/shm" 2>/dev/null || true
	done >"$T/devs"
	[ -s "$T/devs" ]
	run -0 pipeline 'sort "$1" | uniq -d' _ "$T/devs"
	assert_output ''
	grep -qx "$(stat -c %d /dev/shm)" "$T/devs"
	cgroup=$(sed -n 's/^0:://p' "/proc/$usual/cgroup")
	run -0 jq -c --argjson p "$usual" '.targets[] | select(.pid == $p) |
	    [.command, .cgroup, .size, .segments, .promised, .alloc]' <<<"$json"
	assert_output "[\"sleep\",\"$cgroup\",1048576,2,9,8192]"
	run -0 jq -c --argjson p "$full" '.targets[] | select(.pid == $p) |
	    [.command, .size, .segments, .promised, .alloc]' <<<"$json"
	assert_output '["sleep",1048576,2,4794304,602112]'
	# Patterns pick the segments counted.
	run -0 --separate-stderr pipeline 'shmls --all-targets -rn "b*" | grep "^$1 "' _ "$full"
	assert_regex "$output" "^$full sleep [^ ]+ 1.0M [^ ]+ [^ ]+ 1 "
}

@test "target: --all-targets takes no --target, nor what --summary refuses" {
	run -2 --separate-stderr shmls --summary --all-targets --target 1
	assert_output ''
	assert_equal "${stderr_lines[0]}" \
	    "shmls: options --all-targets and --target are mutually exclusive"
	for opt in -p --deleted "-o NAME" --output-all "--time-format iso" \
	    "-x NAME"; do
		run -2 --separate-stderr shmls --all-targets $opt
		assert_output ''
		assert_equal "${stderr_lines[0]}" \
		    "shmls: options --all-targets and ${opt%% *} are mutually exclusive"
	done
}

@test "target: shmls --summary --target sums up the container's /dev/shm" {
	ctr_usual
	run -0 --separate-stderr shmls --summary --target "$ctr" -J
	run -0 jq -c '.summary | [.size, .segments, .promised, .alloc]' \
	    <<<"$output"
	assert_output '[1048576,2,9,8192]'
	# --all-targets is --summary, row by row; --summary may be given too.
	run -0 --separate-stderr shmls --summary --all-targets -rn -b
	assert_line --regexp "^$ctr sleep [^ ]+ 1048576 8192 1040384 2 9 8192\$"
}

@test "target: --all-targets as a user says how many processes it could not inspect" {
	ctr_usual
	# root's container is among those nobody may not inspect.
	run -0 --separate-stderr as_nobody shmls --all-targets -rn
	assert_regex "$stderr" "^$TSKIPPED\$"
	refute_line --regexp "^$ctr "
	# Its own /dev/shm, which it may see, is still listed.
	assert_line --regexp "^[0-9]+ (shmls|setpriv|env) "
}

@test "target: --all-targets names a /dev/shm it cannot measure, lists the rest, exits 1" {
	ctr_usual
	run -1 --separate-stderr traced -f -qq -o /dev/null \
	    -e inject=fstatfs:error=EIO:when=1 shmls --all-targets -rn
	stderr=$(unskipped)
	assert_regex "$stderr" \
	    '^shmls: /dev/shm of process [0-9]+: Input/output error$'
	pid=${stderr#shmls: /dev/shm of process }
	pid=${pid%%:*}
	refute_line --regexp "^$pid "
	assert_line --regexp "^$ctr sleep "
}

@test "target: --all-targets says when /proc cannot show every process" {
	need_plain_build shmls
	run -1 --separate-stderr hide /proc 0755 shmls --all-targets
	assert_output ""
	assert_equal "$stderr" \
	    "shmls: /proc is not a procfs; no /dev/shm can be found"
	# Its own namespace's processes, its own /dev/shm among them.
	run -0 --separate-stderr unshare --pid --fork --mount-proc \
	    shmls --all-targets -rn
	assert_equal "${stderr_lines[0]}" "shmls: this is not the initial PID namespace; a /dev/shm only other processes see may be missing"
	assert_line --regexp '^1 shmls '
	run -0 --separate-stderr unshare --pid --fork shmls --all-targets -rn
	assert_equal "${stderr_lines[0]}" "shmls: /proc belongs to another PID namespace; a /dev/shm only other processes see may be missing"
}

@test "target: a process that ends while its root is opened is refused, not trusted" {
	ctr_usual
	# Its PID could be another's by then: the pidfd checked last says so.
	run -1 --separate-stderr traced -f -o /dev/null \
	    -e inject=pidfd_send_signal:error=ESRCH shmls --target "$ctr"
	assert_output ''
	assert_equal "$stderr" "shmls: process $ctr: No such process"
}

@test "target: a kernel without openat2 is an error, never a plain open" {
	ctr_usual
	run -1 --separate-stderr traced -f -o /dev/null \
	    -e inject=openat2:error=ENOSYS shmcat --target "$ctr" held
	assert_output ''
	assert_equal "$stderr" \
	    "shmcat: /dev/shm of process $ctr: Function not implemented"
}

@test "target: a segment only mapped in the container, then removed, has its holder" {
	mkroot "$T/root"
	ctr_start "$T/root" '
	    printf mapped >/dev/shm/m && exec python3 -c "
import ctypes, os, time
libc = ctypes.CDLL(None)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int,
    ctypes.c_int, ctypes.c_int, ctypes.c_long)
fd = os.open(\"/dev/shm/m\", os.O_RDONLY)
libc.mmap(None, 6, 1, 1, fd, 0)
os.close(fd)
os.unlink(\"/dev/shm/m\")
open(\"/tmp/ready\", \"w\").close()
time.sleep(1000)
"'
	# The container's init is the python3 itself: PID 1 inside.
	run -0 --separate-stderr shmls --target "$ctr" --deleted -rn -o NAME,SIZE,NPROCS,PIDS,NSPIDS
	assert_output "m 6B 1 $ctr 1"
}
