#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Shell completion: the bash completion, sourced and called the way bash
# calls it, for options, option arguments and segment names; the zsh one
# is loaded by compinit and driven in a real zsh.

setup() {
	load helper
	COMPLETIONS=$BATS_TEST_DIRNAME/../completions
	source "$COMPLETIONS/shmtools.bash"
	# compopt works only while bash is completing; record what the
	# completion asks of it instead.
	compopt() { COMPOPT+=" $*"; }
}

# Completes the last of the words given, as bash does at a TAB, and puts
# the candidates into $got, sorted, one per line.
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	COMPOPT=
	_shmtools "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)
}

# Whether $got has, or lacks, the line $1.
has() {
	[[ $'\n'$got$'\n' == *$'\n'"$1"$'\n'* ]] ||
	    fail "no '$1' among: $got"
}
lacks() {
	[[ $'\n'$got$'\n' != *$'\n'"$1"$'\n'* ]] ||
	    fail "'$1' among: $got"
}

# The candidates that are this test's, when /dev/shm may be shared.
mine() {
	printf '%s\n' "${COMPREPLY[@]}" | grep -F -e "$S" | LC_ALL=C sort || true
}

# Every option a command's --help lists, long ones that take a value
# written as --name=, the way the completion offers them.
help_options() {
	"$1" --help | sed -n -E \
	    -e 's/^  (-[[:alnum:]]), (--[a-z-]+)(=[A-Z]+)?.*/\1\n\2\3/p' \
	    -e 's/^      (--[a-z-]+)(=[A-Z]+)?.*/\1\2/p' |
	    sed -E 's/=[A-Z]+$/=/' | LC_ALL=C sort
}

@test "completion: registers one function for all seven commands" {
	local cmd

	for cmd in mapcat mapsync shmcat shmcreate shmls shmrm shmwrite; do
		run -0 complete -p "$cmd"
		assert_output "complete -F _shmtools $cmd"
	done
}

@test "completion: offers every option each command's --help lists" {
	local cmd want

	for cmd in mapcat mapsync shmcat shmcreate shmls shmrm shmwrite; do
		want=$(help_options "$cmd")
		[ -n "$want" ]
		comp "$cmd" -
		assert_equal "$got" "$want"
	done
}

# The options the zsh completion declares for command $1, one a line, as
# help_options prints them: each short and long one, '=' after a long one
# that takes a value, and -h, --help, -V, --version from $common.
zsh_options() {
	{
		sed -n "/^$1)\$/,/^	;;/p" "$COMPLETIONS/_shmtools" |
		    grep -oE "\{-[[:alnum:]]\+?,--[a-z-]+=?\}|(^|[')])--[a-z-]+=?\[" |
		    sed -E "s/^[')]//; s/\[\$//
			s/^\{(-[[:alnum:]])\+?,(--[a-z-]+=?)\}\$/\1\n\2/"
		sed -n '/^common=(/,/^)/p' "$COMPLETIONS/_shmtools" |
		    grep -oE '\{-[[:alnum:]],--[a-z-]+\}' | tr -d '{}' | tr , '\n'
	} | LC_ALL=C sort
}

@test "completion: the zsh completion declares every option each command's --help lists" {
	local cmd want

	for cmd in mapcat mapsync shmcat shmcreate shmls shmrm shmwrite; do
		want=$(help_options "$cmd")
		[ -n "$want" ]
		run -0 zsh_options "$cmd"
		assert_equal "$output" "$want"
	done
}

@test "completion: completes a long option, with = and no space when it takes a value" {
	comp shmcreate --m
	assert_equal "$got" "--mode="
	assert_equal "$COMPOPT" " -o nospace"
	comp shmcreate --ver
	assert_equal "$got" "--verbose
--version"
	comp shmls --output-
	assert_equal "$got" "--output-all"
	assert_equal "$COMPOPT" ""
}

@test "completion: offers modes after -m and --mode, in every spelling" {
	comp shmcreate -m ''
	has 0600
	has 0640
	has u=rw,g=r
	comp shmwrite --mode = 06
	assert_equal "$got" "0600
0640
0644
0660
0664
0666"
	comp shmwrite --mode =
	has u=rw,g=r
	comp shmcreate --mode=u=rw,g=
	assert_equal "$got" "--mode=u=rw,g=r
--mode=u=rw,g=rw"
	comp shmcreate -vm 064
	assert_equal "$got" "0640
0644"
	comp shmcreate -m064
	assert_equal "$got" "-m0640
-m0644"
	comp shmcreate --mo 066
	assert_equal "$got" "0660
0664
0666"
}

@test "completion: offers the madvise advice names after mapcat -a" {
	comp mapcat -a ''
	assert_equal "$got" "dontneed
hugepage
normal
random
sequential
willneed"
	comp mapcat --advice = w
	assert_equal "$got" "willneed"
	comp mapcat --advice=s
	assert_equal "$got" "--advice=sequential"
}

@test "completion: mapsync -a takes no value, so files follow it" {
	touch "$T/data.bin"
	comp mapsync -a "$T/da"
	assert_equal "$got" "$T/data.bin"
}

@test "completion: offers shmls columns for -o, a list at a time" {
	comp shmls -o ''
	assert_equal "$got" "$(printf '%s\n' NAME SIZE ALLOC PERMS MODE UID \
	    USER GID GROUP MTIME NPROCS PIDS NSPIDS COMMANDS | LC_ALL=C sort)"
	assert_equal "$COMPOPT" " -o nospace"
	comp shmls -o NAME,S
	assert_equal "$got" "NAME,SIZE"
	comp shmls -o +p
	assert_equal "$got" "+PERMS
+PIDS"
	comp shmls --output = NAME,SIZE,
	lacks NAME,SIZE,NAME
	lacks NAME,SIZE,SIZE
	has NAME,SIZE,MTIME
	comp shmls --output=MO
	assert_equal "$got" "--output=MODE"
}

@test "completion: offers one shmls column for -x, with a space after it" {
	comp shmls -x ''
	assert_equal "$got" "$(printf '%s\n' NAME SIZE ALLOC PERMS MODE UID \
	    USER GID GROUP MTIME NPROCS PIDS NSPIDS COMMANDS | LC_ALL=C sort)"
	assert_equal "$COMPOPT" ""
	comp shmls -x al
	assert_equal "$got" "ALLOC"
	comp shmls --sort=MT
	assert_equal "$got" "--sort=MTIME"
	comp shmls -J --sort = np
	assert_equal "$got" "NPROCS"
}

@test "completion: offers the time formats after --time-format" {
	comp shmls --time-format ''
	assert_equal "$got" "full
iso
short"
	comp shmls -J --time-format = i
	assert_equal "$got" "iso"
}

@test "completion: offers nothing for sizes, offsets, lengths and ages" {
	shmcreate "$S1"
	comp shmcreate -s "$S"
	assert_equal "$got" ""
	comp shmcat -o "$S"
	assert_equal "$got" ""
	comp mapcat --length "$T"
	assert_equal "$got" ""
	comp shmrm --older-than ''
	assert_equal "$got" ""
}

@test "completion: offers segment names to shmcat, shmwrite, shmrm and shmls" {
	local cmd

	shmcreate "$S1" "$S2 with spaces"
	for cmd in shmcat shmwrite shmrm shmls; do
		comp "$cmd" "$S"
		assert_equal "$got" "$S1
$S2 with spaces"
		# readline quotes them, so the blanks stay in one word.
		assert_equal "$COMPOPT" " -o filenames"
	done
	comp shmcat -o 4k -l 16 "$S-a"
	assert_equal "$got" "$S1"
	comp shmrm -f -- "$S-b"
	assert_equal "$got" "$S2 with spaces"
}

@test "completion: does not offer named semaphores, links or directories" {
	shmcreate "$S1" "sem.$S1"
	mkdir "/dev/shm/$S-dir"
	ln -s "$S1" "/dev/shm/$S-link"
	comp shmls ''
	assert_equal "$(mine)" "$S1"
	comp shmrm "sem.$S"
	assert_equal "$got" ""
	comp shmcat "$S-"
	assert_equal "$got" "$S1"
}

@test "completion: matches names typed with quotes, backslashes or a slash" {
	shmcreate "$S1" "$S2 with spaces"
	comp shmcat "${S2}\\ wi"
	assert_equal "$got" "$S2 with spaces"
	comp shmcat "'$S2 with"
	assert_equal "$got" "$S2 with spaces"
	comp shmcat "\"$S2 w"
	assert_equal "$got" "$S2 with spaces"
	comp shmrm "/$S1"
	assert_equal "$got" "/$S1"
}

@test "completion: offers hidden segments only once a dot is typed" {
	shmcreate "$S1" ".$S1"
	comp shmcat ''
	assert_equal "$(mine)" "$S1"
	comp shmcat ".$S"
	assert_equal "$got" ".$S1"
}

@test "completion: offers only operands after --" {
	shmcreate -- "$S1"
	comp shmrm -- -
	assert_equal "$got" ""
	comp shmrm -- "$S"
	assert_equal "$got" "$S1"
}

@test "completion: offers files to mapcat and mapsync" {
	touch "$T/a.txt" "$T/b c.bin"
	mkdir "$T/dir"
	comp mapcat "$T/b"
	assert_equal "$got" "$T/b c.bin"
	assert_equal "$COMPOPT" " -o filenames"
	comp mapsync -w -o 4k "$T/"
	assert_equal "$got" "$T/a.txt
$T/b c.bin
$T/dir"
	comp mapcat -a random "$T/b\\ c"
	assert_equal "$got" "$T/b c.bin"
}

# zcomp DIR WORDS: in a real interactive zsh whose fpath starts with DIR,
# after compinit, types WORDS and a TAB; prints one line per compadd the
# completion made, the candidates joined by '|'.  The input is handled in
# order, so the line that follows the TAB ends the output.
zcomp() {
	cat >"$T/zcomp.zsh" <<'ZSH'
zmodload zsh/zpty || exit 1
# Reads the terminal into out until it holds $1, for at most ten seconds.
upto() {
	local line i
	for ((i = 0; i < 100; i++)); do
		while zpty -r -t z line; do out+=$line; done
		[[ $out == *$1* ]] && return 0
		sleep 0.1
	done
	return 1
}
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=(${(q)1} \$fpath); PATH=${(q)PATH}"
zpty -w z "autoload -Uz compinit; compinit -u -d ${(q)2}/zcompdump"
# Records every compadd the completion makes, to the terminal; the
# quotes split each marker so that the echoed command is not a match.
zpty -w z '_zcomp_spy() { compadd() { local -a hits; builtin compadd -O hits "$@"; print -r -- "<""<${(j:|:)hits}>"">" >/dev/tty; builtin compadd "$@"; } }'
zpty -w z 'compprefuncs=(_zcomp_spy); bindkey "^I" complete-word'
zpty -w z 'print REA""DY'
out=
upto READY || exit 1
# Sent at once with the TAB, the next line came before any candidates;
# so they are awaited before the line is killed (^U).
out=
zpty -w -n z "$3"$'\t'
upto '<<'
zpty -w z $'\x15print EN""D'
upto END || exit 1
zpty -d z
print -r -- "${out//$'\r'}" | grep -a -o '<<[^>]*>>' | sed 's/^<<//; s/>>$//'
ZSH
	timeout 60 zsh -f "$T/zcomp.zsh" "$1" "$T" "$2"
}

# Whether one compadd of $output offered exactly the words given.
offered() {
	local want

	want=$(printf '%s\n' "$@" | LC_ALL=C sort | paste -sd '|')
	while IFS= read -r line; do
		[ "$(tr '|' '\n' <<<"$line" | LC_ALL=C sort | paste -sd '|')" = \
		    "$want" ] && return 0
	done <<<"$output"
	fail "no completion offered exactly '$want' among: $output"
}

@test "completion: zsh's compinit loads the zsh completion, which completes" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	mkdir "$T/fpath"
	cp "$COMPLETIONS/_shmtools" "$T/fpath"
	cat >"$T/loaded.zsh" <<'ZSH'
fpath=("$1" $fpath)
autoload -Uz compinit
compinit -u -d "$2/zcompdump"
for c in mapcat mapsync shmcat shmcreate shmls shmrm shmwrite; do
	print -r -- "$c ${_comps[$c]}"
done
ZSH
	run -0 zsh -f "$T/loaded.zsh" "$T/fpath" "$T"
	assert_output "mapcat _shmtools
mapsync _shmtools
shmcat _shmtools
shmcreate _shmtools
shmls _shmtools
shmrm _shmtools
shmwrite _shmtools"

	run -0 zcomp "$T/fpath" "shmcreate --ver"
	offered --verbose --version
	run -0 zcomp "$T/fpath" "mapcat -a "
	offered normal sequential random willneed dontneed hugepage
	shmcreate "$S1" "$S2"
	run -0 zcomp "$T/fpath" "shmcat $S-"
	offered "$S1" "$S2"
}

@test "completion: the zsh completion parses and covers all seven commands" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	run -0 zsh -n "$COMPLETIONS/_shmtools"
	run -0 head -n 1 "$COMPLETIONS/_shmtools"
	assert_output "#compdef mapcat mapsync shmcat shmcreate shmls shmrm shmwrite"
}
