# shellcheck shell=bash
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# bash completion for shmtools: mapcat, mapsync, shmcat, shmcreate, shmls,
# shmrm and shmwrite.  Installed under each command's name, so that
# bash-completion's loader finds it whichever command is completed first;
# it also works sourced on its own, without bash-completion.

# The options of command $1, into the caller's opts (every option; long
# ones that take an argument end in '='), args (each option that takes an
# argument, as OPTION:KIND, KIND empty when any value goes) and operands
# (segments or files).
_shmtools_spec()
{
	case $1 in
	mapcat)
		opts='-a --advice= -l --length= -o --offset= --progress'
		args='-a:advice --advice:advice -l: --length: -o: --offset:'
		operands=files ;;
	mapsync)
		opts='-a --async -g --grow -i --invalidate -l --length=
		    -o --offset= --progress -v --verbose -w --write'
		args='-l: --length: -o: --offset:'
		operands=files ;;
	shmcat)
		opts='-l --length= --lock -o --offset= --progress -s --string
		    --target='
		args='-l: --length: -o: --offset: --target:pid'
		operands=segments ;;
	shmcreate)
		opts='-e --exist-ok -m --mode= -r --reserve -s --size=
		    --target= -v --verbose'
		args='-m:mode --mode:mode -s: --size: --target:pid'
		operands=segments ;;
	shmls)
		opts='-a --all --all-targets -b --bytes --deleted -E --export
		    -J --json -n --noheadings -o --output= --output-all -P --pairs
		    -p --processes -r --raw --summary --target= --time-format=
		    -x --sort='
		args='-o:columns --output:columns --target:pid
		    --time-format:timefmt -x:column --sort:column'
		operands=segments ;;
	shmrm)
		opts='-f --force -g --glob -n --dry-run --older-than= --target=
		    --this-pid-namespace --unused -v --verbose'
		args='--older-than: --target:pid'
		operands=segments ;;
	shmwrite)
		opts='-a --append -c --create -g --grow -k --keep-partial
		    --lock -m --mode= -o --offset= --progress --target= -t
		    --truncate'
		args='-m:mode --mode:mode -o: --offset: --target:pid'
		operands=segments ;;
	*)
		return 1 ;;
	esac
	opts+=' -h --help -V --version'
}

# Whether option word $1 takes an argument in the next word; if so, sets
# the caller's kind.  Long options may be abbreviated, as getopt_long
# allows; short ones may be bundled (-vm), the last one taking it.
_shmtools_argopt()
{
	local word=$1 o found='' i

	if [[ $word == --?* ]]; then
		for o in $opts; do
			o=${o%=}
			if [[ $o == "$word" ]]; then
				found=$o
				break
			fi
			[[ $o == "$word"* ]] && found+="$o "
		done
		[[ $found == *' '*' ' ]] && return 1	# ambiguous
		found=${found% }
		[[ -n $found ]] && _shmtools_kind "$found"
		return
	fi
	[[ $word == -[!-]* ]] || return 1
	for ((i = 1; i < ${#word}; i++)); do
		if _shmtools_kind "-${word:i:1}"; then
			# An argument attached to the option is not in the
			# next word.
			((i == ${#word} - 1))
			return
		fi
	done
	return 1
}

# Whether option $1 (exact) takes an argument; sets the caller's kind.
_shmtools_kind()
{
	local a

	for a in $args; do
		if [[ ${a%%:*} == "$1" ]]; then
			kind=${a#*:}
			return 0
		fi
	done
	return 1
}

# The words of list $1 that start with $2, into COMPREPLY.
_shmtools_words()
{
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# The word as the shell will see it once quotes are gone: enough to match
# names against what has been typed so far.
_shmtools_dequote()
{
	local s=$1

	REPLY=
	case $s in
	\'*)
		s=${s#\'}
		REPLY=${s%\'}
		return ;;
	\"*)
		s=${s#\"}
		s=${s%\"} ;;
	esac
	while [[ -n $s ]]; do
		if [[ $s == \\?* ]]; then
			REPLY+=${s:1:1}
			s=${s:2}
		else
			REPLY+=${s:0:1}
			s=${s:1}
		fi
	done
}

# Segment names starting with $1: the regular files in /dev/shm, without
# named semaphores (sem.*); hidden ones only when $1 starts with a dot.
# readline quotes them (-o filenames), so names with blanks work.
_shmtools_segments()
{
	local dir=/dev/shm slash='' cur f name

	_shmtools_dequote "$1"
	cur=$REPLY
	# NAME and /NAME are the same segment.
	if [[ $cur == /* ]]; then
		slash=/
		cur=${cur#/}
	fi
	# Only names that start with what was typed: a glob of the whole
	# directory took a second a TAB at 120,000 segments.  The quoted part
	# is matched as it is; a leading dot in it matches dot names.
	for f in "$dir/$cur"*; do
		name=${f#"$dir"/}
		[[ $name == "$cur"* && $name != sem.* ]] || continue
		[[ $name != .* || $cur == .* ]] || continue
		[[ -f $f && ! -L $f ]] || continue
		COMPREPLY+=("$slash$name")
	done
	compopt -o filenames 2>/dev/null
	return 0
}

# --target: the PIDs of the processes there are, starting with $1.
_shmtools_pids()
{
	local p

	for p in /proc/[1-9]*; do
		p=${p#/proc/}
		[[ $p == "$1"* ]] && COMPREPLY+=("$p")
	done
	return 0
}

# shmls -o: a comma-separated list of columns, optionally after '+'; with
# $3 = one, the one column of shmls -x.  The column names come from shmls
# --help, which prints them from the same table that shmls reads, so they
# are declared once.
_shmtools_columns()
{
	local cur=$1 head='' line incols='' col
	local -a cols

	if [[ $3 == one ]]; then
		:
	elif [[ $cur == +* ]]; then
		head=+
		cur=${cur#+}
	fi
	head+=${cur%"${cur##*,}"}
	cur=${cur##*,}
	while IFS= read -r line; do
		if [[ $line == Columns* ]]; then
			incols=1
		elif [[ -z $line ]]; then
			incols=''
		elif [[ -n $incols && $line =~ ^\ \ ([A-Z][A-Z0-9_]*)\  ]]; then
			cols+=("${BASH_REMATCH[1]}")
		fi
	done < <({ command "$2" --help || command shmls --help; } 2>/dev/null)
	for col in "${cols[@]}"; do
		[[ $col == "${cur^^}"* ]] || continue
		# A column already in the list is not offered again.
		[[ ,${head#+}, == *,"$col",* ]] && continue
		COMPREPLY+=("$head$col")
	done
	[[ $3 == one ]] || compopt -o nospace 2>/dev/null
	return 0
}

# The completion function of all seven commands.
_shmtools()
{
	local cmd=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} prev='' w2=''
	local opts args operands kind='' isarg='' arg='' prefix='' ddash='' i
	local REPLY

	COMPREPLY=()
	_shmtools_spec "$cmd" || return 0
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	((COMP_CWORD > 1)) && w2=${COMP_WORDS[COMP_CWORD - 2]}

	# After "--" every word is an operand.
	for ((i = 1; i < COMP_CWORD; i++)); do
		[[ ${COMP_WORDS[i]} == -- ]] && ddash=1
	done

	# Is cur the argument of an option?  bash splits "--mode=06" at the
	# '=' into "--mode" "=" "06" (or "--mode" "=" while nothing follows,
	# readline then completing the empty word after the '='); without '='
	# in COMP_WORDBREAKS it stays one word, to be given back whole.
	if [[ -n $ddash ]]; then
		:
	elif [[ $cur == = && $prev == --?* ]] && _shmtools_argopt "$prev"
	then
		isarg=1
	elif [[ $prev == = && $w2 == --?* ]] && _shmtools_argopt "$w2"; then
		isarg=1 arg=$cur
	elif [[ $cur == --?*=* ]] && _shmtools_argopt "${cur%%=*}"; then
		isarg=1 arg=${cur#*=} prefix=${cur%%=*}=
	elif _shmtools_argopt "$prev"; then
		isarg=1 arg=$cur
	elif [[ $cur == -[!-]?* ]]; then
		# An argument attached to a short option: -m06, -vm06.
		for ((i = 1; i < ${#cur} - 1; i++)); do
			if _shmtools_kind "-${cur:i:1}"; then
				isarg=1 arg=${cur:i+1} prefix=${cur:0:i+1}
				break
			fi
		done
	fi

	if [[ -n $isarg ]]; then
		case $kind in
		mode)
			_shmtools_words '0600 0640 0644 0660 0664 0666 u=rw
			    u=rw,g=r u=rw,g=rw u=rw,go=r' "$arg" ;;
		advice)
			_shmtools_words 'normal sequential random willneed
			    dontneed hugepage' "$arg" ;;
		timefmt)
			_shmtools_words 'short full iso' "$arg" ;;
		columns)
			_shmtools_columns "$arg" "$1" ;;
		column)
			_shmtools_columns "$arg" "$1" one ;;
		pid)
			_shmtools_pids "$arg" ;;
		esac
		# Sizes, offsets, lengths and ages: nothing to offer.
		((${#COMPREPLY[@]})) && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		return 0
	fi

	if [[ $cur == -* && -z $ddash ]]; then
		_shmtools_words "$opts" "$cur"
		if [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]]; then
			compopt -o nospace 2>/dev/null
		fi
		return 0
	fi

	case $operands in
	segments)
		_shmtools_segments "$cur" ;;
	files)
		_shmtools_dequote "$cur"
		mapfile -t COMPREPLY < <(compgen -f -- "$REPLY")
		compopt -o filenames 2>/dev/null ;;
	esac
	return 0
}

complete -F _shmtools mapcat mapsync shmcat shmcreate shmls shmrm shmwrite
