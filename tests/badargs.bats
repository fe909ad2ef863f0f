#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Bad arguments to every command, from one table.
#
# A row is a command line, as shell words (eval'd: '' is an empty
# argument; $S1, $S2, $F, $G and $LONG are this test's names), then '|',
# then the first line of stderr, where $S1, $S2, $LONG and $ADVICES are
# replaced too.  Each row must exit 2; print that line and then the usage
# on stderr, and nothing on stdout; and create, remove or change nothing
# in /dev/shm or in the files given to mapcat and mapsync.  Standard input
# is data that would change a segment or file if a bad argument got
# through.

setup() {
	load helper
	mkdir "$T/files"
	F=$T/files/f
	G=$T/files/g
	bindata "$F" 5000
	cp "$F" "$G"
	bindata "$T/in" 1000
	# $S1 is there to be written, printed or removed; $S2 is missing.
	cp "$F" /dev/shm/"$S1"
	chmod 0640 /dev/shm/"$S1"
	LONG=$(printf 'x%.0s' $(seq 256))
	ADVICES='normal, sequential, random, willneed, dontneed, hugepage'
}

# The table.  Values of sizes, offsets and lengths are added by size_rows.
table() {
	cat <<'EOF'
shmcreate -m 8 $S2                  | shmcreate: invalid mode '8': invalid mode
shmcreate -m 0888 $S2               | shmcreate: invalid mode '0888': invalid mode
shmcreate -m u=q $S2                | shmcreate: invalid mode 'u=q': invalid mode
shmcreate -m '' $S2                 | shmcreate: invalid mode '': empty mode
shmcreate -m 017777 $S2             | shmcreate: invalid mode '017777': invalid mode
shmcreate -m -1 $S2                 | shmcreate: invalid mode '-1': invalid mode
shmcreate -m 0x644 $S2              | shmcreate: invalid mode '0x644': invalid mode
shmcreate -m 'u=rw,' $S2            | shmcreate: invalid mode 'u=rw,': invalid mode
shmcreate -m 'u=rw g=r' $S2         | shmcreate: invalid mode 'u=rw g=r': invalid mode
shmcreate --mode=u=q $S2            | shmcreate: invalid mode 'u=q': invalid mode
shmcreate --mode= $S2               | shmcreate: invalid mode '': empty mode
shmcreate -e -m 0888 $S1            | shmcreate: invalid mode '0888': invalid mode
shmcreate ''                        | shmcreate: invalid name '': empty name
shmcreate /                         | shmcreate: invalid name '/': empty name
shmcreate .                         | shmcreate: invalid name '.': '.' and '..' are not names
shmcreate ..                        | shmcreate: invalid name '..': '.' and '..' are not names
shmcreate /..                       | shmcreate: invalid name '/..': '.' and '..' are not names
shmcreate a/b                       | shmcreate: invalid name 'a/b': name contains '/' after the first byte
shmcreate //a                       | shmcreate: invalid name '//a': name contains '/' after the first byte
shmcreate $S2/                      | shmcreate: invalid name '$S2/': name contains '/' after the first byte
shmcreate $LONG                     | shmcreate: invalid name '$LONG': name longer than 255 bytes
shmcreate /$LONG                    | shmcreate: invalid name '/$LONG': name longer than 255 bytes
shmcreate $S2 a/b                   | shmcreate: invalid name 'a/b': name contains '/' after the first byte
shmcreate -e $S1 ..                 | shmcreate: invalid name '..': '.' and '..' are not names
shmcreate $'x/\n'                   | shmcreate: invalid name 'x/\n': name contains '/' after the first byte
shmcreate                           | shmcreate: missing segment name
shmcreate -e -s 1k -m 0644          | shmcreate: missing segment name
shmcreate -x $S2                    | shmcreate: invalid option -- 'x'
shmcreate -c $S2                    | shmcreate: invalid option -- 'c'
shmcreate --bogus $S2               | shmcreate: unrecognized option '--bogus'
shmcreate --lock $S2                | shmcreate: unrecognized option '--lock'
shmcreate --verbose=1 $S2           | shmcreate: option '--verbose' doesn't allow an argument
shmcreate $S2 -s                    | shmcreate: option requires an argument -- 's'
shmcreate $S2 --mode                | shmcreate: option '--mode' requires an argument
shmwrite -c -m 8 $S2                | shmwrite: invalid mode '8': invalid mode
shmwrite -c -m 0888 $S2             | shmwrite: invalid mode '0888': invalid mode
shmwrite -c -m u=q $S2              | shmwrite: invalid mode 'u=q': invalid mode
shmwrite -c -m '' $S2               | shmwrite: invalid mode '': empty mode
shmwrite -c -m 017777 $S2           | shmwrite: invalid mode '017777': invalid mode
shmwrite -c --mode=0x644 $S2        | shmwrite: invalid mode '0x644': invalid mode
shmwrite -c ''                      | shmwrite: invalid name '': empty name
shmwrite -c /                       | shmwrite: invalid name '/': empty name
shmwrite -c .                       | shmwrite: invalid name '.': '.' and '..' are not names
shmwrite -c ..                      | shmwrite: invalid name '..': '.' and '..' are not names
shmwrite -c a/b                     | shmwrite: invalid name 'a/b': name contains '/' after the first byte
shmwrite -c $LONG                   | shmwrite: invalid name '$LONG': name longer than 255 bytes
shmwrite -c /$LONG                  | shmwrite: invalid name '/$LONG': name longer than 255 bytes
shmwrite                            | shmwrite: missing segment name
shmwrite -c -g --lock               | shmwrite: missing segment name
shmwrite $S1 $S2                    | shmwrite: one segment name only
shmwrite -c $S1 $S1                 | shmwrite: one segment name only
shmwrite -a -o 5 $S1                | shmwrite: -a and -o cannot be used together
shmwrite --append --offset=0 $S1    | shmwrite: -a and -o cannot be used together
shmwrite -m 0644 $S1                | shmwrite: -m needs -c
shmwrite -g -m 0600 $S2             | shmwrite: -m needs -c
shmwrite -k $S1                     | shmwrite: -k needs -c
shmwrite --keep-partial -t $S1      | shmwrite: -k needs -c
shmwrite -x $S1                     | shmwrite: invalid option -- 'x'
shmwrite -s $S1                     | shmwrite: invalid option -- 's'
shmwrite --bogus $S1                | shmwrite: unrecognized option '--bogus'
shmwrite --lock=yes $S1             | shmwrite: option '--lock' doesn't allow an argument
shmwrite $S1 -o                     | shmwrite: option requires an argument -- 'o'
shmwrite $S1 --offset               | shmwrite: option '--offset' requires an argument
shmcat ''                           | shmcat: invalid name '': empty name
shmcat /                            | shmcat: invalid name '/': empty name
shmcat .                            | shmcat: invalid name '.': '.' and '..' are not names
shmcat ..                           | shmcat: invalid name '..': '.' and '..' are not names
shmcat a/b                          | shmcat: invalid name 'a/b': name contains '/' after the first byte
shmcat $LONG                        | shmcat: invalid name '$LONG': name longer than 255 bytes
shmcat $S1 /$LONG                   | shmcat: invalid name '/$LONG': name longer than 255 bytes
shmcat $S1 ''                       | shmcat: invalid name '': empty name
shmcat                              | shmcat: missing segment name
shmcat -s --lock -o 1               | shmcat: missing segment name
shmcat -x $S1                       | shmcat: invalid option -- 'x'
shmcat -c $S1                       | shmcat: invalid option -- 'c'
shmcat --bogus $S1                  | shmcat: unrecognized option '--bogus'
shmcat --l 5 $S1                    | shmcat: option '--l' is ambiguous; possibilities: '--length' '--lock'
shmcat --lock=1 $S1                 | shmcat: option '--lock' doesn't allow an argument
shmcat --string=x $S1               | shmcat: option '--string' doesn't allow an argument
shmcat $S1 -o                       | shmcat: option requires an argument -- 'o'
shmcat $S1 -l                       | shmcat: option requires an argument -- 'l'
shmcat $S1 --length                 | shmcat: option '--length' requires an argument
shmrm ''                            | shmrm: invalid name '': empty name
shmrm /                             | shmrm: invalid name '/': empty name
shmrm .                             | shmrm: invalid name '.': '.' and '..' are not names
shmrm ..                            | shmrm: invalid name '..': '.' and '..' are not names
shmrm a/b                           | shmrm: invalid name 'a/b': name contains '/' after the first byte
shmrm $LONG                         | shmrm: invalid name '$LONG': name longer than 255 bytes
shmrm $S1 $LONG                     | shmrm: invalid name '$LONG': name longer than 255 bytes
shmrm -f $S1 ..                     | shmrm: invalid name '..': '.' and '..' are not names
shmrm -g $S1 '*/*'                  | shmrm: invalid name '*/*': name contains '/' after the first byte
shmrm                               | shmrm: missing segment name
shmrm -v                            | shmrm: missing segment name
shmrm -g -n --unused                | shmrm: missing segment name
shmrm --older-than 1d               | shmrm: missing segment name
shmrm --older-than '' $S1           | shmrm: invalid age '': empty value
shmrm --older-than -1 $S1           | shmrm: invalid age '-1': negative value
shmrm --older-than -1d $S1          | shmrm: invalid age '-1d': negative value
shmrm --older-than 1w $S1           | shmrm: invalid age '1w': invalid unit (s, m, h or d)
shmrm --older-than 1S $S1           | shmrm: invalid age '1S': invalid unit (s, m, h or d)
shmrm --older-than 1.5h $S1         | shmrm: invalid age '1.5h': invalid unit (s, m, h or d)
shmrm --older-than 1hh $S1          | shmrm: invalid age '1hh': invalid unit (s, m, h or d)
shmrm --older-than 12abc $S1        | shmrm: invalid age '12abc': invalid unit (s, m, h or d)
shmrm --older-than 0x10 $S1         | shmrm: invalid age '0x10': invalid unit (s, m, h or d)
shmrm --older-than h $S1            | shmrm: invalid age 'h': not a number
shmrm --older-than ' 1' $S1         | shmrm: invalid age ' 1': not a number
shmrm --older-than +1 $S1           | shmrm: invalid age '+1': not a number
shmrm --older-than 18446744073709551616 $S1 | shmrm: invalid age '18446744073709551616': too large
shmrm --older-than 99999999999999999999 $S1 | shmrm: invalid age '99999999999999999999': too large
shmrm --older-than 106751991167301d $S1     | shmrm: invalid age '106751991167301d': too large
shmrm --older-than=1Q $S1           | shmrm: invalid age '1Q': invalid unit (s, m, h or d)
shmrm $S1 --older-than              | shmrm: option '--older-than' requires an argument
shmrm -x $S1                        | shmrm: invalid option -- 'x'
shmrm -r $S1                        | shmrm: invalid option -- 'r'
shmrm --bogus $S1                   | shmrm: unrecognized option '--bogus'
shmrm --ver $S1                     | shmrm: option '--ver' is ambiguous; possibilities: '--verbose' '--version'
shmrm --unused=1 $S1                | shmrm: option '--unused' doesn't allow an argument
shmls ''                            | shmls: invalid name '': empty name
shmls /                             | shmls: invalid name '/': empty name
shmls .                             | shmls: invalid name '.': '.' and '..' are not names
shmls ..                            | shmls: invalid name '..': '.' and '..' are not names
shmls $S1/x                         | shmls: invalid name '$S1/x': name contains '/' after the first byte
shmls '*/*'                         | shmls: invalid name '*/*': name contains '/' after the first byte
shmls $LONG                         | shmls: invalid name '$LONG': name longer than 255 bytes
shmls $S1 ''                        | shmls: invalid name '': empty name
shmls -o BOGUS                      | shmls: unknown column 'BOGUS'
shmls -o ''                         | shmls: empty column list
shmls -o +                          | shmls: empty column list
shmls --output=                     | shmls: empty column list
shmls -o +BOGUS                     | shmls: unknown column 'BOGUS'
shmls -o ++NAME                     | shmls: unknown column '+NAME'
shmls -o NAME,BOGUS                 | shmls: unknown column 'BOGUS'
shmls -o name,size,bogus            | shmls: unknown column 'bogus'
shmls -o NAME,                      | shmls: unknown column ''
shmls -o ,NAME                      | shmls: unknown column ''
shmls -o NAME,,SIZE                 | shmls: unknown column ''
shmls -o +NAME,                     | shmls: unknown column ''
shmls -o 'NAME SIZE'                | shmls: unknown column 'NAME SIZE'
shmls -o NAM                        | shmls: unknown column 'NAM'
shmls -o NAMES                      | shmls: unknown column 'NAMES'
shmls -o $'NAME,\n'                 | shmls: unknown column '\n'
shmls --output=+SIZE,BOGUS -J       | shmls: unknown column 'BOGUS'
shmls --time-format=long            | shmls: invalid time format 'long': use short, full or iso
shmls --time-format ''              | shmls: invalid time format '': use short, full or iso
shmls --time-format ISO8601         | shmls: invalid time format 'ISO8601': use short, full or iso
shmls --time-format 'iso '          | shmls: invalid time format 'iso ': use short, full or iso
shmls --time-format is              | shmls: invalid time format 'is': use short, full or iso
shmls --time-format=short,iso       | shmls: invalid time format 'short,iso': use short, full or iso
shmls --time-format                 | shmls: option '--time-format' requires an argument
shmls -J -r                         | shmls: options -J and -r are mutually exclusive
shmls -r -J                         | shmls: options -r and -J are mutually exclusive
shmls -r -E                         | shmls: options -r and -E are mutually exclusive
shmls --export --json               | shmls: options -E and -J are mutually exclusive
shmls -Jr                           | shmls: options -J and -r are mutually exclusive
shmls -x                            | shmls: option requires an argument -- 'x'
shmls -x BOGUS                      | shmls: unknown column 'BOGUS'
shmls --sort=NAME,SIZE              | shmls: unknown column 'NAME,SIZE'
shmls --sort ''                     | shmls: unknown column ''
shmls -x +NAME                      | shmls: unknown column '+NAME'
shmls -P -J                         | shmls: options -P and -J are mutually exclusive
shmls -r --pairs                    | shmls: options -r and -P are mutually exclusive
shmls --summary -o NAME             | shmls: options --summary and -o are mutually exclusive
shmls -p --summary                  | shmls: options --summary and -p are mutually exclusive
shmls --summary -x SIZE             | shmls: options --summary and -x are mutually exclusive
shmls --deleted --summary           | shmls: options --summary and --deleted are mutually exclusive
shmls --summary '*/*'               | shmls: invalid name '*/*': name contains '/' after the first byte
shmls -s                            | shmls: invalid option -- 's'
shmls --bogus                       | shmls: unrecognized option '--bogus'
shmls --out=NAME                    | shmls: option '--out=NAME' is ambiguous; possibilities: '--output' '--output-all'
shmls --json=1                      | shmls: option '--json' doesn't allow an argument
shmls -o                            | shmls: option requires an argument -- 'o'
mapcat -a bogus $F                  | mapcat: invalid advice 'bogus': unknown advice ($ADVICES)
mapcat -a '' $F                     | mapcat: invalid advice '': unknown advice ($ADVICES)
mapcat -a SEQ $F                    | mapcat: invalid advice 'SEQ': unknown advice ($ADVICES)
mapcat -a 'random ' $F              | mapcat: invalid advice 'random ': unknown advice ($ADVICES)
mapcat -a 1 $F                      | mapcat: invalid advice '1': unknown advice ($ADVICES)
mapcat --advice=free $F             | mapcat: invalid advice 'free': unknown advice ($ADVICES)
mapcat -x $F                        | mapcat: invalid option -- 'x'
mapcat -w $F                        | mapcat: invalid option -- 'w'
mapcat --bogus $F                   | mapcat: unrecognized option '--bogus'
mapcat --lock $F                    | mapcat: unrecognized option '--lock'
mapcat $F -a                        | mapcat: option requires an argument -- 'a'
mapcat $F --offset                  | mapcat: option '--offset' requires an argument
mapcat --progress=1 $F              | mapcat: option '--progress' doesn't allow an argument
mapsync                             | mapsync: missing file operand
mapsync -w                          | mapsync: missing file operand
mapsync -a -i -v -o 1 -l 1          | mapsync: missing file operand
mapsync -g $F                       | mapsync: -g needs -w
mapsync --grow -o 10 $F             | mapsync: -g needs -w
mapsync -w $F $G                    | mapsync: -w takes one file only
mapsync -w -g $F $F                 | mapsync: -w takes one file only
mapsync -x $F                       | mapsync: invalid option -- 'x'
mapsync -c -w $F                    | mapsync: invalid option -- 'c'
mapsync --bogus -w $F               | mapsync: unrecognized option '--bogus'
mapsync --write=1 $F                | mapsync: option '--write' doesn't allow an argument
mapsync -w $F -o                    | mapsync: option requires an argument -- 'o'
mapsync -w $F --length              | mapsync: option '--length' requires an argument
EOF
}

# Every size, offset and length option, with how the message names it
# and the rest of a command line it would act on.
size_options() {
	cat <<'EOF'
shmcreate -s size $S2
shmcreate --size= size $S2
shmcreate -s size -e $S1
shmwrite -o offset $S1
shmwrite --offset= offset -c $S2
shmcat -o offset $S1
shmcat -l length $S1
shmcat --offset= offset $S1
shmcat --length= length $S1
mapcat -o offset $F
mapcat -l length $F
mapcat --length= length $F
mapsync -o offset -w $F
mapsync -l length -w $F
mapsync --offset= offset $F
mapsync --length= length $F
EOF
}

# Bad values, and the reason the message gives for each.
size_values() {
	cat <<'EOF'
|empty value
-1|negative value
-0|negative value
18446744073709551616|too large
99999999999999999999|too large
9223372036854775808|too large
8E|too large
16e|too large
1Q|invalid suffix
12abc|invalid suffix
1kk|invalid suffix
1e3|invalid suffix
4k!|invalid suffix
1.1k|not a whole number of bytes
0.5|not a whole number of bytes
1KiBB|invalid suffix
0x0x5|not a number
0x|not a number
k|not a number
 1|not a number
+1|not a number
1,000|invalid suffix
EOF
}

# size_options crossed with size_values, as rows of the table.
size_rows() {
	local cmd opt what rest value why arg

	while read -r cmd opt what rest; do
		while IFS='|' read -r value why; do
			# --opt= takes the value in the same word.
			if [[ $opt == *= ]]; then
				printf -v arg '%q' "$opt$value"
			else
				printf -v arg '%s %q' "$opt" "$value"
			fi
			echo "$cmd $arg $rest | $cmd: invalid $what '$value': $why"
		done < <(size_values)
	done < <(size_options)
}

# The rows of one command, from the table made once for the file.
rows() {
	grep "^$1 " "$BATS_FILE_TMPDIR/rows"
}

setup_file() {
	{ table; size_rows; } >"$BATS_FILE_TMPDIR/rows"
}

# What must not change: /dev/shm (all of it when it is this file's own,
# else this test's entries) and the files mapcat and mapsync are given:
# each entry's type, mode, links, owner, size, times and inode, and each
# regular file's checksum.
snapshot() {
	local -a only=()

	[ "${SHMTOOLS_PRIVATE_SHM:-0}" = 1 ] ||
	    only=(\( -path "$T/files*" -o -name "$S*" \))
	find /dev/shm "$T/files" -maxdepth 1 "${only[@]}" \
	    -printf '%M %n %U:%G %s %T+ %C+ %i %p\n' \
	    \( -type f -exec cksum {} + \)
}

# The usage lines of a command: what --help prints before its first blank
# line.
synopsis() {
	"$1" --help | sed '/^$/,$d'
}

# Runs one row; prints what is wrong with it, if anything.
check_row() {
	local row=$1 left want
	local -a argv

	left=${row%%|*}
	want=${row#*|}
	want=${want#"${want%%[! ]*}"}
	eval "argv=($left)"
	want=${want//'$S1'/$S1}
	want=${want//'$S2'/$S2}
	want=${want//'$LONG'/$LONG}
	want=${want//'$ADVICES'/$ADVICES}
	[ -n "${usage:-}" ] || usage=$(synopsis "${argv[0]}")

	snapshot >"$T/before"
	run --separate-stderr timeout 10 "${argv[@]}" <"$T/in"
	snapshot >"$T/after"

	[ "$status" = 2 ] || echo "  exit status $status, want 2"
	[ -z "$output" ] || echo "  stdout: '$output'"
	[ "$stderr" = "$want"$'\n'"$usage" ] ||
	    printf '  stderr:\n%s\n  want:\n%s\n' "$stderr" "$want"$'\n'"$usage"
	cmp -s "$T/before" "$T/after" ||
	    diff "$T/before" "$T/after" | sed 's/^/  changed: /'
}

# Runs every row of a command; fails with each bad row and what was wrong.
check_rows() {
	local row problems failed=0 n=0 usage

	usage=$(synopsis "$1")

	while IFS= read -r row; do
		n=$((n + 1))
		problems=$(check_row "$row")
		if [ -n "$problems" ]; then
			printf 'row: %s\n%s\n' "$row" "$problems"
			failed=$((failed + 1))
		fi
	done < <(rows "$1")
	[ "$n" -gt 0 ] || fail "no rows for $1"
	[ "$failed" = 0 ] || fail "$failed of $n rows failed"
}

@test "badargs: shmcreate refuses each bad argument with exit 2, changing nothing" {
	check_rows shmcreate
}

@test "badargs: shmwrite refuses each bad argument with exit 2, changing nothing" {
	check_rows shmwrite
}

@test "badargs: shmcat refuses each bad argument with exit 2, changing nothing" {
	check_rows shmcat
}

@test "badargs: shmrm refuses each bad argument with exit 2, changing nothing" {
	check_rows shmrm
}

@test "badargs: shmls refuses each bad argument with exit 2, changing nothing" {
	check_rows shmls
}

@test "badargs: mapcat refuses each bad argument with exit 2, changing nothing" {
	check_rows mapcat
}

@test "badargs: mapsync refuses each bad argument with exit 2, changing nothing" {
	check_rows mapsync
}

@test "badargs: the table itself is checked: a good row does fail it" {
	# Should check_row pass everything, the tests above would prove
	# nothing: rows that exit 0, print, change things or say something
	# else must each be caught.
	run -0 check_row 'shmcreate $S2 | shmcreate: invalid name'
	assert_output --partial "exit status 0, want 2"
	assert_output --partial "changed: "
	rm -f /dev/shm/"$S2"
	run -0 check_row 'shmcat $S1 | shmcat: x'
	assert_output --partial "stdout: "
	run -0 check_row 'shmrm $S1 | shmrm: x'
	assert_output --partial "changed: "
	cp "$F" /dev/shm/"$S1"
	run -0 check_row 'mapsync -w $F | mapsync: x'
	assert_output --partial "changed: "
	run -0 check_row 'shmcat -o 1Q $S1 | shmcat: invalid offset '"'1Q'"': other'
	assert_output --partial "stderr:"
	run -0 check_row 'shmcat -o 1Q $S1 | shmcat: invalid offset '"'1Q'"': invalid suffix'
	assert_output ""
}
