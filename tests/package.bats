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

# Every file an installation holds, relative to its prefix, sorted.
expected_files() {
	local c

	for c in "${COMMANDS[@]}"; do
		echo "bin/$c"
		echo "share/bash-completion/completions/$c"
		echo "share/man/man1/$c.1"
	done
	echo share/man/man7/shmtools.7
	echo share/zsh/site-functions/_shmtools
}

# The files under directory $1, relative to it, sorted.
files_under() {
	(cd "$1" && find . -type f -o -type l) | sed 's|^\./||' | LC_ALL=C sort
}

# Fails unless the tree under prefix $1 holds every expected file, the
# programs executable and the rest the files from the source tree.
assert_tree() {
	local f c

	while read -r f; do
		[ -f "$1/$f" ] || fail "missing: $f (in $1)"
	done < <(expected_files)
	for c in "${COMMANDS[@]}"; do
		[ -x "$1/bin/$c" ] || fail "not executable: bin/$c"
		cmp "$SRC/man/$c.1" "$1/share/man/man1/$c.1"
		cmp "$SRC/completions/shmtools.bash" \
		    "$1/share/bash-completion/completions/$c"
	done
	cmp "$SRC/man/shmtools.7" "$1/share/man/man7/shmtools.7"
	cmp "$SRC/completions/_shmtools" "$1/share/zsh/site-functions/_shmtools"
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
	assert_tree "$T/root/usr"
	run -0 "$T/root/usr/bin/shmcat" --version
	assert_output --partial "shmcat (shmtools) "
}

@test "package: cmake --install honours another prefix" {
	DESTDIR=$T/root run -0 cmake --install "$BUILD" --prefix /opt/shm
	assert_tree "$T/root/opt/shm"
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
	assert_tree "$T/root/usr"
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
	assert_tree "$T/x/$top"
	assert_equal "$(files_under "$T/x/$top")" \
	    "$(expected_files | LC_ALL=C sort)"
	run -0 "$T/x/$top/bin/shmls" --version
}

@test "package: the .deb and the tarball hold the same files" {
	need_deb_tools
	make_package DEB
	dpkg -x "$pkg" "$T/deb"
	make_package TGZ
	mkdir "$T/tgz"
	tar -xzf "$pkg" -C "$T/tgz"
	assert_equal "$(files_under "$T/deb/usr")" \
	    "$(files_under "$T/tgz"/*)"
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

	command -v git >/dev/null || skip "git is not installed"
	git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1 ||
	    skip "not a git checkout"
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
	done < <(git -C "$SRC" ls-files -z)
	[ -z "$missing" ] || fail "no SPDX or copyright line in:$missing"
}
