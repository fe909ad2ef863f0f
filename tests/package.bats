#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# Copyright (c) 2026 The shmtools authors
# Packaging: what cmake --install puts in a scratch root, and the .deb and
# .tar.gz that cpack makes from the build directory.

COMMANDS=(mapcat mapsync shmcat shmcreate shmls shmrm shmwrite)

setup() {
	load helper
	SRC=$BATS_TEST_DIRNAME/..
	BUILD=${SHMTOOLS_BIN:-$SRC/build}
}

# Every file an installation holds, relative to its prefix, sorted; the
# zsh completion in directory $1 (relative to the prefix).
expected_files() {
	local c

	for c in "${COMMANDS[@]}"; do
		echo "bin/$c"
		echo "share/bash-completion/completions/$c"
		echo "share/man/man1/$c.1.gz"
	done
	echo share/doc/shmtools/changelog.gz
	echo share/doc/shmtools/copyright
	echo share/man/man7/shmtools.7.gz
	echo "$1/_shmtools"
}

# The files under directory $1, relative to it, sorted.
files_under() {
	(cd "$1" && find . -type f -o -type l) | sed 's|^\./||' | LC_ALL=C sort
}

# Fails unless the tree under prefix $1 holds every expected file (the zsh
# completion in $2), the programs executable, the man pages those of the
# source tree gzipped, and the rest the files from the source tree.
assert_tree() {
	local f c

	while read -r f; do
		[ -f "$1/$f" ] || fail "missing: $f (in $1)"
	done < <(expected_files "$2")
	for c in "${COMMANDS[@]}"; do
		[ -x "$1/bin/$c" ] || fail "not executable: bin/$c"
		gzip -dc "$1/share/man/man1/$c.1.gz" | cmp "$SRC/man/$c.1" -
		cmp "$SRC/completions/shmtools.bash" \
		    "$1/share/bash-completion/completions/$c"
	done
	gzip -dc "$1/share/man/man7/shmtools.7.gz" |
	    cmp "$SRC/man/shmtools.7" -
	cmp "$SRC/completions/_shmtools" "$1/$2/_shmtools"
	grep -qx 'License: BSD-2-Clause' "$1/share/doc/shmtools/copyright"
}

need_cpack() {
	command -v cpack >/dev/null || skip "cpack is not installed"
	[ -f "$BUILD/CPackConfig.cmake" ] || skip "no CPackConfig.cmake in $BUILD"
}

need_deb_tools() {
	need_cpack
	command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed"
	command -v dpkg-shlibdeps >/dev/null ||
	    skip "dpkg-shlibdeps (package dpkg-dev) is not installed"
}

# Makes the package of generator $1 (DEB or TGZ) once for this file's
# tests, and sets $pkg to its path.
make_package() {
	local dir=$BATS_FILE_TMPDIR/cpack-$1

	if [ ! -e "$dir/made" ]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		(cd "$dir" && cpack -G "$1" --config "$BUILD/CPackConfig.cmake" \
		    -B "$dir") >"$dir/log" 2>&1 || {
			cat "$dir/log"
			fail "cpack -G $1 failed"
		}
		touch "$dir/made"
	fi
	pkg=$(cd "$dir" && ls -d -- *.deb *.tar.gz 2>/dev/null) || true
	if [ -z "$pkg" ] || [ "$(wc -l <<<"$pkg")" != 1 ]; then
		fail "cpack -G $1 made '$pkg'"
	fi
	pkg=$dir/$pkg
}

@test "package: cmake --install with --prefix and DESTDIR installs every file" {
	DESTDIR=$T/root run -0 cmake --install "$BUILD" --prefix /usr
	assert_tree "$T/root/usr" share/zsh/vendor-completions
	run -0 "$T/root/usr/bin/shmcat" --version
	assert_output --partial "shmcat (shmtools) "
}

@test "package: cmake --install honours another prefix" {
	DESTDIR=$T/root run -0 cmake --install "$BUILD" --prefix /opt/shm
	assert_tree "$T/root/opt/shm" share/zsh/site-functions
	[ ! -e "$T/root/usr" ]
}

@test "package: the installed bash completion registers all seven commands" {
	local c

	DESTDIR=$T/root run -0 cmake --install "$BUILD" --prefix /usr
	# bash-completion sources the file named after the command completed.
	source "$T/root/usr/share/bash-completion/completions/shmls"
	for c in "${COMMANDS[@]}"; do
		run -0 complete -p "$c"
		assert_output "complete -F _shmtools $c"
	done
}

@test "package: cpack -G DEB makes a .deb named for the package and version" {
	need_deb_tools
	make_package DEB
	run -0 dpkg-deb -f "$pkg" Package Version Section Architecture
	assert_line "Package: shmtools"
	assert_line "Version: $(shmcat --version | sed 's/.* //')"
	assert_line "Section: utils"
	assert_line "Architecture: $(dpkg --print-architecture)"
	[[ ${pkg##*/} == shmtools_*_*.deb ]]
}

@test "package: the .deb depends on libbsd0 and libsmartcols1" {
	need_deb_tools
	make_package DEB
	run -0 dpkg -I "$pkg"
	assert_line --regexp '^ Depends: .*libbsd0'
	assert_line --regexp '^ Depends: .*libsmartcols1'
	assert_line --regexp '^ Depends: .*libc6'
	assert_line --regexp '^ Maintainer: .+'
	assert_line --regexp '^ Description: .+'
}

@test "package: the .deb unpacked into a scratch root holds every file and runs" {
	local c

	need_deb_tools
	make_package DEB
	run -0 dpkg -x "$pkg" "$T/root"
	assert_tree "$T/root/usr" share/zsh/vendor-completions
	for c in "${COMMANDS[@]}"; do
		run -0 "$T/root/usr/bin/$c" --version
		assert_output --partial "$c (shmtools) "
	done
	# Nothing but /usr: no files land in /etc, /opt or /usr/local.
	run -0 ls "$T/root"
	assert_output usr
	run -0 "$T/root/usr/bin/shmcreate" -s 4k "$S1"
	printf 'from the package' | "$T/root/usr/bin/shmwrite" "$S1"
	run -0 "$T/root/usr/bin/shmcat" -s "$S1"
	assert_output "from the package"
}

@test "package: cpack -G TGZ makes a tarball with the same files" {
	local top

	need_cpack
	make_package TGZ
	mkdir "$T/x"
	tar -xzf "$pkg" -C "$T/x"
	top=$(ls "$T/x")
	[ "$(wc -l <<<"$top")" = 1 ] || fail "more than one top directory: $top"
	assert_tree "$T/x/$top" share/zsh/site-functions
	assert_equal "$(files_under "$T/x/$top")" \
	    "$(expected_files share/zsh/site-functions | LC_ALL=C sort)"
	run -0 "$T/x/$top/bin/shmls" --version
}

@test "package: the .deb and the tarball hold the same files, zsh's where each prefix wants it" {
	need_deb_tools
	make_package DEB
	dpkg -x "$pkg" "$T/deb"
	make_package TGZ
	mkdir "$T/tgz"
	tar -xzf "$pkg" -C "$T/tgz"
	assert_equal \
	    "$(files_under "$T/deb/usr" | sed 's|/vendor-completions/|/DIR/|')" \
	    "$(files_under "$T/tgz"/* | sed 's|/site-functions/|/DIR/|')"
}

@test "package: lintian reports no error and no warning on the .deb" {
	need_deb_tools
	command -v lintian >/dev/null || skip "lintian is not installed"
	make_package DEB
	# --fail-on makes a warning fail as an error does; the report is
	# printed whatever the result, for the log.
	run lintian --fail-on error,warning --pedantic --info "$pkg"
	echo "$output"
	assert_equal "$status" 0
	refute_line --regexp '^[EW]: '
}

# Whether this toolchain can mark a program as built for CET (IBT and
# SHSTK) at all: that needs the C library's start files marked too, which
# Debian 12's are not, so no program built there (not /bin/ls either)
# passes hardening-check's control flow test.
cet_toolchain() {
	printf 'int main(void) { return 0; }\n' >"$T/cet.c"
	${CC:-cc} -fcf-protection -o "$T/cet" "$T/cet.c" 2>/dev/null &&
	    readelf -n "$T/cet" | grep -q 'x86 feature: IBT, SHSTK'
}

@test "package: hardening-check finds every protection on in the .deb's programs" {
	local -a bins opts=()
	local c p

	need_deb_tools
	command -v hardening-check >/dev/null ||
	    skip "hardening-check (package devscripts) is not installed"
	# CI's sanitizer build is unoptimised, so without _FORTIFY_SOURCE:
	# not a build anyone ships.  The plain build is checked.
	if grep -q __asan_init "$BUILD/shmcat"; then
		skip_sanitizer "a sanitizer build is not hardened as shipped"
	fi
	make_package DEB
	dpkg -x "$pkg" "$T/root"
	for c in "${COMMANDS[@]}"; do
		bins+=("$T/root/usr/bin/$c")
	done
	if ! cet_toolchain; then
		opts=(--nocfprotection)
		# The code is still built with -fcf-protection: every
		# function starts with an endbr64.
		if [ "$(uname -m)" = x86_64 ]; then
			for c in "${bins[@]}"; do
				objdump -d "$c" | grep -q endbr64 ||
				    fail "no endbr64 in $c"
			done
		fi
	fi
	run hardening-check "${opts[@]}" "${bins[@]}"
	echo "$output"
	assert_equal "$status" 0
	for p in "Position Independent Executable" "Stack protected" \
	    "Fortify Source functions" "Read-only relocations" \
	    "Immediate binding"; do
		assert_equal "$(grep -c "^ $p: yes" <<<"$output")" \
		    "${#COMMANDS[@]}"
	done
}

@test "package: a build honours the distribution's CPPFLAGS, CFLAGS and LDFLAGS" {
	command -v dpkg-buildflags >/dev/null ||
	    skip "dpkg-buildflags (package dpkg-dev) is not installed"
	(
		eval "$(dpkg-buildflags --export=sh)"
		# A mark of our own, to find in the compile and link lines.
		export CPPFLAGS="$CPPFLAGS -DSHMTOOLS_FROM_CPPFLAGS"
		export LDFLAGS="$LDFLAGS -Wl,--build-id=sha1"
		cmake -S "$SRC" -B "$T/b" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
		    -DSHMTOOLS_ZSH_COMPLETION_DIR=share/zsh/elsewhere
	) >"$T/log" 2>&1 || { cat "$T/log"; fail "cmake failed"; }
	run -0 jq -r '.[] | select(.file | endswith("cmd/shmcat.c")) |
	    .command' "$T/b/compile_commands.json"
	assert_output --partial " -DSHMTOOLS_FROM_CPPFLAGS "
	assert_output --partial " -D_FORTIFY_SOURCE=2 "
	assert_output --partial " -fstack-protector-strong "
	assert_output --partial " -ffile-prefix-map="
	# The distribution's fortify level stands: not overridden by ours.
	refute_output --partial "_FORTIFY_SOURCE=3"
	run -0 cat "$T/b/CMakeFiles/shmcat.dir/link.txt"
	assert_output --partial " -Wl,--build-id=sha1 "
	assert_output --partial " -Wl,-z,relro,-z,now "
	# The cache variable puts the zsh completion where it says.
	run -0 grep -F '/share/zsh/elsewhere" TYPE FILE' \
	    "$T/b/cmake_install.cmake"
}

@test "package: a Debug build has no _FORTIFY_SOURCE, an optimised one does" {
	cmake -S "$SRC" -B "$T/d" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
	    -DCMAKE_BUILD_TYPE=Debug >"$T/log" 2>&1 ||
	    { cat "$T/log"; fail "cmake failed"; }
	run -0 jq -r '.[0].command' "$T/d/compile_commands.json"
	refute_output --partial _FORTIFY_SOURCE
	assert_output --partial " -fstack-protector-strong "
	cmake -S "$SRC" -B "$T/r" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
	    -DCMAKE_BUILD_TYPE=Release >"$T/log" 2>&1 ||
	    { cat "$T/log"; fail "cmake failed"; }
	run -0 jq -r '.[0].command' "$T/r/compile_commands.json"
	assert_output --regexp ' -D_FORTIFY_SOURCE=[23] '
}

@test "package: the .deb puts the zsh completion where Debian's zsh looks" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	need_deb_tools
	make_package DEB
	run -0 dpkg -c "$pkg"
	assert_line --regexp ' \./usr/share/zsh/vendor-completions/_shmtools$'
	run -0 zsh -fc 'print -l $fpath'
	assert_line /usr/share/zsh/vendor-completions
}

@test "package: every man page's SEE ALSO names its siblings and shmtools(7)" {
	local page c see f

	for page in "${COMMANDS[@]}" shmtools; do
		[ "$page" = shmtools ] && f=$SRC/man/shmtools.7 ||
		    f=$SRC/man/$page.1
		see=$(sed -n '/^\.Sh SEE ALSO/,/^\.Sh /p' "$f")
		for c in "${COMMANDS[@]}"; do
			[ "$c" = "$page" ] && continue
			[[ $see == *".Xr $c 1"* ]] ||
			    fail "$f: SEE ALSO lacks $c(1)"
		done
		if [ "$page" != shmtools ]; then
			[[ $see == *".Xr shmtools 7"* ]] ||
			    fail "$f: SEE ALSO lacks shmtools(7)"
		fi
	done
}

@test "package: every man page's footer names shmtools and the project version" {
	local version f

	version=$(sed -n 's/^project(shmtools VERSION \([0-9.]*\).*/\1/p' \
	    "$SRC/CMakeLists.txt")
	[ -n "$version" ]
	# The pages are static files, so this is what keeps .Os in step with
	# the version in CMakeLists.txt when it changes.
	for f in "$SRC"/man/*.[1-9]; do
		run -0 grep '^\.Os' "$f"
		assert_output ".Os shmtools $version"
	done
	run -0 mandoc -Tascii "$SRC/man/shmcat.1"
	assert_line --regexp "^shmtools $version +.+ +shmtools $version\$"
}

@test "package: every tracked file but LICENSE and fuzz seeds has the SPDX and copyright lines" {
	local f missing=

	# As root, git refuses a checkout another user owns (a CI runner's)
	# unless it is trusted: here, for this test only.  Without git or a
	# checkout (a release tarball), every file but the builds' is checked.
	printf '[safe]\n\tdirectory = *\n' >"$T/gitconfig"
	export GIT_CONFIG_GLOBAL=$T/gitconfig
	if command -v git >/dev/null &&
	    git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
		files() { git -C "$SRC" ls-files -z; }
	else
		files() {
			(cd "$SRC" && find . \( -path ./.git -o -path ./build \
			    -o -path './build-*' \) -prune -o -type f -printf '%P\0')
		}
	fi
	# Fuzz seeds are inputs whose every byte matters; LICENSE is the
	# licence text itself.
	while IFS= read -r -d '' f; do
		case $f in
		LICENSE | tests/fuzz/corpus/*) continue ;;
		esac
		head -n 5 "$SRC/$f" |
		    grep -q 'SPDX-License-Identifier: BSD-2-Clause' &&
		    head -n 5 "$SRC/$f" |
		    grep -q 'Copyright (c) [0-9]\{4\}.* The shmtools authors' ||
		    missing+=" $f"
	done < <(files)
	[ -z "$missing" ] || fail "no SPDX or copyright line in:$missing"
}

@test "package: the changelog is for this version and the copyright file holds LICENSE" {
	local version

	version=$(sed -n 's/^project(shmtools VERSION \([0-9.]*\).*/\1/p' \
	    "$SRC/CMakeLists.txt")
	DESTDIR=$T/root run -0 cmake --install "$BUILD" --prefix /usr
	run -0 pipeline 'gzip -dc "$1" | head -n 1' _ \
	    "$T/root/usr/share/doc/shmtools/changelog.gz"
	assert_output --regexp "^shmtools \\($version\\) [a-z]+; urgency=[a-z]+\$"
	# copyright-format: the licence text indented by one space, an
	# empty line written as " .", after the stand-alone License field.
	sed -n '/^License: BSD-2-Clause$/,$p' \
	    "$T/root/usr/share/doc/shmtools/copyright" | sed '1,/^$/d' |
	    sed -n '2,$p' | sed 's/^ //; s/^\.$//' >"$T/licence"
	run -0 diff "$SRC/LICENSE" "$T/licence"
	run -0 grep -c '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$' \
	    "$T/root/usr/share/doc/shmtools/copyright"
}
