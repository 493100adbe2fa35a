# libfolio as another program meets it: run by tests/run.sh in a subshell
# ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh). `make install`
# into a DESTDIR under $TMP, examples/clean-to-md.c built there with
# pkg-config against the shared library and against the static archive,
# run on the example page, and `make uninstall` after.

L_ROOT=$TMP/root
L_LIB=$L_ROOT/usr/lib
L_PAGE=$TOP/examples/liaocheng-bulletin.html
# The make that runs make check, with its command line (MAKEFLAGS), so that
# the install is of this build and rebuilds nothing.
L_MAKE=${FOLIO_MAKE:-make}

# pkg-config over the tree installed in L_ROOT: its -I and -L paths lead
# there (the other packages' too, which do no harm: folio's headers include
# none of theirs, and their libraries are found where the system keeps them).
l_pkg() {
    PKG_CONFIG_PATH=$L_LIB/pkgconfig PKG_CONFIG_SYSROOT_DIR=$L_ROOT pkg-config "$@"
}

t_l_install() {
    run "$L_MAKE" -C "$TOP" install DESTDIR="$L_ROOT" PREFIX=/usr
    exit_is 0 || return 1
    for f in usr/lib/libfolio.so.0 usr/lib/libfolio.so usr/lib/libfolio.a usr/lib/pkgconfig/folio.pc \
             usr/include/folio/folio.h usr/bin/folio-clean usr/share/man/man1/folio-clean.1; do
        [ -e "$L_ROOT/$f" ] || fail "no $f" || return 1
    done
    for h in "$TOP"/include/folio/*.h; do
        cmp -s "$h" "$L_ROOT/usr/include/folio/${h##*/}" || fail "$h not installed" || return 1
    done
    [ "$(readlink "$L_LIB/libfolio.so.0")" = libfolio.so.0.1.0 ] && [ -f "$L_LIB/libfolio.so.0.1.0" ] ||
        fail "libfolio.so.0 -> $(readlink "$L_LIB/libfolio.so.0")" || return 1
    readelf -d "$L_LIB/libfolio.so.0.1.0" | grep -q 'SONAME.*\[libfolio\.so\.0\]' || fail "no soname libfolio.so.0"
}

t_l_pkg_config() {
    [ "$(l_pkg --modversion folio)" = "$("$BIN/folio-clean" --version | cut -d' ' -f2)" ] ||
        fail "folio.pc version: $(l_pkg --modversion folio 2>&1)" || return 1
    l_pkg --cflags folio | grep -q -- "-I$L_ROOT/usr/include" || fail "cflags: $(l_pkg --cflags folio)" || return 1
    l_pkg --libs folio | grep -q -- "-L$L_LIB -lfolio" || fail "libs: $(l_pkg --libs folio)" || return 1
    grep -qx 'prefix=/usr' "$L_LIB/pkgconfig/folio.pc" || fail "prefix: $(head -n 1 "$L_LIB/pkgconfig/folio.pc")"
}

# Only the folio_ names are for others: in the shared library's dynamic
# symbols, and among the static archive's global ones.
t_l_exports() {
    nm -D --defined-only "$L_LIB/libfolio.so.0.1.0" | awk '{ print $3 }' >"$TMP/exports"
    [ "$(grep -c '^folio_' "$TMP/exports")" -ge 20 ] || fail "$(wc -l <"$TMP/exports") exports" || return 1
    ! grep -v '^folio_' "$TMP/exports" >"$TMP/other" || fail "exports more: $(head -n 5 "$TMP/other" | tr '\n' ' ')" || return 1
    nm -g --defined-only "$L_LIB/libfolio.a" 2>/dev/null | awk 'NF == 3 { print $3 }' | grep -v '^folio_' >"$TMP/other"
    [ ! -s "$TMP/other" ] || fail "the archive's globals: $(head -n 5 "$TMP/other" | tr '\n' ' ')"
}

# The example, built against the shared library, as the tools make Markdown.
l_build() {  # OUT EXTRA-LIBS...: the example linked with pkg-config's flags
    out=$1
    shift
    # a library built with the sanitizers wants its program built so too
    san=
    readelf -d "$L_LIB/libfolio.so.0.1.0" | grep -q 'NEEDED.*libasan' && san=-fsanitize=address,undefined
    # shellcheck disable=SC2046,SC2086
    ${CC:-cc} $san -Wall -Wextra -Werror -o "$out" "$TOP/examples/clean-to-md.c" $(l_pkg --cflags folio) "$@"
}

t_l_example_shared() {
    # shellcheck disable=SC2046
    run l_build "$TMP/clean-to-md" $(l_pkg --libs folio)
    exit_is 0 || return 1
    readelf -d "$TMP/clean-to-md" | grep -q 'NEEDED.*\[libfolio\.so\.0\]' || fail "not linked to libfolio.so.0" || return 1
    "$BIN/folio-clean" "$L_PAGE" 2>/dev/null | "$BIN/folio-md" >"$TMP/want.md" 2>/dev/null
    [ -s "$TMP/want.md" ] || fail "folio-clean | folio-md wrote nothing" || return 1
    run env LD_LIBRARY_PATH="$L_LIB" "$TMP/clean-to-md" "$L_PAGE"
    exit_is 0 || return 1
    cmp -s "$TMP/out" "$TMP/want.md" || fail "differs from folio-clean | folio-md: $(diff "$TMP/want.md" "$TMP/out" | head -c 300)"
}

t_l_example_static() {
    [ -s "$TMP/want.md" ] || fail "no Markdown to compare with" || return 1
    # shellcheck disable=SC2046
    run l_build "$TMP/clean-to-md-static" $(l_pkg --static --libs folio | sed 's/ -lfolio / -l:libfolio.a /')
    exit_is 0 || return 1
    ! readelf -d "$TMP/clean-to-md-static" | grep -q 'libfolio' || fail "linked to the shared library" || return 1
    run "$TMP/clean-to-md-static" "$L_PAGE"
    exit_is 0 || return 1
    cmp -s "$TMP/out" "$TMP/want.md" || fail "differs from folio-clean | folio-md" || return 1
    run "$TMP/clean-to-md-static" "$TOP/tests/golden/30-pdf-file/input.html"
    exit_is 1 || return 1
    grep -q 'not HTML (starts like a PDF)' "$TMP/err" || fail "the error: $(cat "$TMP/err")"
}

t_l_uninstall() {
    run "$L_MAKE" -C "$TOP" uninstall DESTDIR="$L_ROOT" PREFIX=/usr
    exit_is 0 || return 1
    left=$(cd "$L_ROOT" && find . ! -type d)
    [ -z "$left" ] || fail "left: $(echo "$left" | head -n 5 | tr '\n' ' ')"
}

test_fn "library make install DESTDIR" t_l_install
test_fn "library folio.pc" t_l_pkg_config
test_fn "library exports only folio_ names" t_l_exports
test_fn "library example with the shared library" t_l_example_shared
test_fn "library example with the static archive" t_l_example_static
test_fn "library make uninstall" t_l_uninstall
