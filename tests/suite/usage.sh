# Bad usage, the same in every tool: run by tests/run.sh in a subshell ($BIN
# $TOP, its own $TMP, the helpers of tests/lib.sh). Each test is a function
# that returns 0 when the tools behaved, or calls fail and returns 1.

U_ARTICLE="$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/expected.xhtml"
U_TOOLS="folio folio-clean folio-md folio-meta folio-pdf folio-epub folio-zhpunct folio-batch"

u_test() { test_fn "usage $1" "$2"; }
# u_refused PROG MESSAGE: exit 2, nothing on standard output, and standard
# error exactly "PROG: MESSAGE" and the hint to --help.
u_refused() {
    exit_is 2 || { why="$1: $why"; return 1; }
    no_stdout || return 1
    printf "%s: %s\nTry '%s --help'.\n" "$1" "$2" "$1" >"$TMP/want"
    cmp -s "$TMP/err" "$TMP/want" || fail "$1: stderr: $(cat "$TMP/err")"
}

t_u_unknown() {
    for t in $U_TOOLS; do
        run "$BIN/$t" --no-such-option "$U_ARTICLE"
        u_refused "$t" "unknown option '--no-such-option'" || return 1
        run "$BIN/$t" -Z "$U_ARTICLE"
        u_refused "$t" "unknown option '-Z'" || return 1
    done
}

t_u_missing_value() {
    for t in folio-clean folio-md folio-meta folio-pdf folio-epub folio-zhpunct folio-batch; do
        run "$BIN/$t" "$U_ARTICLE" -o
        u_refused "$t" "option '-o' needs a value" || return 1
        run "$BIN/$t" "$U_ARTICLE" --output
        u_refused "$t" "option '--output' needs a value" || return 1
    done
}

t_u_no_value() {
    run "$BIN/folio-meta" --json=yes "$U_ARTICLE"
    u_refused folio-meta "option '--json' takes no value" || return 1
    run "$BIN/folio-pdf" --toc=yes "$U_ARTICLE"
    u_refused folio-pdf "option '--toc' takes no value"
}

# --opt=VALUE and --opt VALUE, -oVALUE and -o VALUE are one option; -- ends
# the options.
t_u_forms() {
    "$BIN/folio-md" "$U_ARTICLE" >"$TMP/want.md" 2>/dev/null || fail "folio-md failed" || return 1
    for args in "--output=$TMP/a.md" "--output $TMP/a.md" "-o$TMP/a.md" "-o $TMP/a.md"; do
        rm -f "$TMP/a.md"
        # shellcheck disable=SC2086
        run "$BIN/folio-md" $args "$U_ARTICLE"
        exit_is 0 || return 1
        cmp -s "$TMP/a.md" "$TMP/want.md" || fail "folio-md $args wrote another file" || return 1
    done
    d=$(scratch dashes)
    cp "$U_ARTICLE" "$d/-n.xhtml"
    (cd "$d" && "$BIN/folio-zhpunct" -n -- -n.xhtml >out 2>err) || fail "-- did not end the options" || return 1
    grep -q '^folio-zhpunct: -n.xhtml: ' "$d/err" || fail "-n.xhtml not read: $(cat "$d/err")"
}

t_u_help_everywhere() {
    for t in $U_TOOLS; do
        run "$BIN/$t" --help
        exit_is 0 && grep -q "^usage: $t" "$TMP/out" && [ ! -s "$TMP/err" ] || fail "$t --help" || return 1
        run "$BIN/$t" --version
        exit_is 0 && grep -Eqx "$t [0-9]+\.[0-9]+\.[0-9]+" "$TMP/out" || fail "$t --version" || return 1
    done
}

# SOURCE_DATE_EPOCH that is no count of seconds is bad usage wherever it
# is read, in one message, and nothing is written.
t_u_epoch() {
    d=$(scratch epoch)
    for value in yesterday -5 1e9 " 5" 99999999999999999999; do
        run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-pdf" -o "$d/e.pdf" "$U_ARTICLE"
        u_refused folio-pdf "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
        run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-epub" -o "$d/e.epub" "$U_ARTICLE"
        u_refused folio-epub "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
        run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-batch" "$U_ARTICLE" -o "$d/out" --to pdf,epub
        u_refused folio-batch "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
    done
    [ -z "$(ls -A "$d")" ] || fail "wrote on bad usage: $(ls -A "$d")"
}

# An empty SOURCE_DATE_EPOCH is no SOURCE_DATE_EPOCH; a good one dates the
# books alike, whichever tool makes them.
t_u_epoch_used() {
    d=$(scratch epoch-used)
    run env SOURCE_DATE_EPOCH= "$BIN/folio-pdf" -o "$d/empty.pdf" "$U_ARTICLE"
    exit_is 0 || return 1
    run env -u SOURCE_DATE_EPOCH "$BIN/folio-pdf" -o "$d/unset.pdf" "$U_ARTICLE"
    cmp -s "$d/empty.pdf" "$d/unset.pdf" || fail "empty and unset differ" || return 1
    run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-batch" "$U_ARTICLE" -o "$d/out" --to pdf,epub -q
    exit_is 0 || return 1
    run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-pdf" -o "$d/alone.pdf" "$d/out/expected.xhtml"
    cmp -s "$d/alone.pdf" "$d/out/expected.pdf" || fail "folio-batch's PDF is not folio-pdf's" || return 1
    run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-epub" -o "$d/alone.epub" "$d/out/expected.xhtml"
    cmp -s "$d/alone.epub" "$d/out/expected.epub" || fail "folio-batch's EPUB is not folio-epub's"
}

u_test "unknown option" t_u_unknown
u_test "option without its value" t_u_missing_value
u_test "a flag given a value" t_u_no_value
u_test "the forms of an option" t_u_forms
u_test "--help and --version" t_u_help_everywhere
u_test "bad SOURCE_DATE_EPOCH" t_u_epoch
u_test "SOURCE_DATE_EPOCH used alike" t_u_epoch_used
