# Bad usage, the same in every tool: sourced by tests/run.sh ($BIN $TOP
# $TMP, ok/bad). Each test is a function that returns 0 when the tools
# behaved, or sets u_msg and returns 1.

U="$TMP/usage"
U_ARTICLE="$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/expected.xhtml"
U_TOOLS="folio folio-clean folio-md folio-meta folio-pdf folio-epub folio-zhpunct folio-batch"
rm -rf "$U"
mkdir -p "$U"

u_run() { "$@" >"$U/out" 2>"$U/err"; u_st=$?; }
u_fail() { u_msg=$*; return 1; }
u_test() { u_msg=; if "$2"; then ok "usage $1"; else bad "usage $1" "$u_msg"; fi; }
# u_refused PROG MESSAGE: exit 2, nothing on standard output, and standard
# error exactly "PROG: MESSAGE" and the hint to --help.
u_refused() {
    [ "$u_st" = 2 ] || u_fail "$1: exit $u_st, expected 2: $(head -c 300 "$U/err")" || return 1
    [ ! -s "$U/out" ] || u_fail "$1: wrote to standard output" || return 1
    printf "%s: %s\nTry '%s --help'.\n" "$1" "$2" "$1" >"$U/want"
    cmp -s "$U/err" "$U/want" || u_fail "$1: stderr: $(cat "$U/err")"
}

t_u_unknown() {
    for t in $U_TOOLS; do
        u_run "$BIN/$t" --no-such-option "$U_ARTICLE"
        u_refused "$t" "unknown option '--no-such-option'" || return 1
        u_run "$BIN/$t" -Z "$U_ARTICLE"
        u_refused "$t" "unknown option '-Z'" || return 1
    done
}

t_u_missing_value() {
    for t in folio-clean folio-md folio-meta folio-pdf folio-epub folio-zhpunct folio-batch; do
        u_run "$BIN/$t" "$U_ARTICLE" -o
        u_refused "$t" "option '-o' needs a value" || return 1
        u_run "$BIN/$t" "$U_ARTICLE" --output
        u_refused "$t" "option '--output' needs a value" || return 1
    done
}

t_u_no_value() {
    u_run "$BIN/folio-meta" --json=yes "$U_ARTICLE"
    u_refused folio-meta "option '--json' takes no value" || return 1
    u_run "$BIN/folio-pdf" --toc=yes "$U_ARTICLE"
    u_refused folio-pdf "option '--toc' takes no value"
}

# --opt=VALUE and --opt VALUE, -oVALUE and -o VALUE are one option; -- ends
# the options.
t_u_forms() {
    "$BIN/folio-md" "$U_ARTICLE" >"$U/want.md" 2>/dev/null || u_fail "folio-md failed" || return 1
    for args in "--output=$U/a.md" "--output $U/a.md" "-o$U/a.md" "-o $U/a.md"; do
        rm -f "$U/a.md"
        # shellcheck disable=SC2086
        u_run "$BIN/folio-md" $args "$U_ARTICLE"
        [ "$u_st" = 0 ] && cmp -s "$U/a.md" "$U/want.md" || u_fail "folio-md $args: exit $u_st" || return 1
    done
    cp "$U_ARTICLE" "$U/-n.xhtml"
    (cd "$U" && "$BIN/folio-zhpunct" -n -- -n.xhtml >out 2>err) || u_fail "-- did not end the options" || return 1
    grep -q '^folio-zhpunct: -n.xhtml: ' "$U/err" || u_fail "-n.xhtml not read: $(cat "$U/err")"
}

t_u_help_everywhere() {
    for t in $U_TOOLS; do
        u_run "$BIN/$t" --help
        [ "$u_st" = 0 ] && grep -q "^usage: $t" "$U/out" && [ ! -s "$U/err" ] || u_fail "$t --help" || return 1
        u_run "$BIN/$t" --version
        [ "$u_st" = 0 ] && grep -Eqx "$t [0-9]+\.[0-9]+\.[0-9]+" "$U/out" || u_fail "$t --version" || return 1
    done
}

# SOURCE_DATE_EPOCH that is no count of seconds is bad usage wherever it
# is read, in one message, and nothing is written.
t_u_epoch() {
    for value in yesterday -5 1e9 " 5" 99999999999999999999; do
        u_run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-pdf" -o "$U/e.pdf" "$U_ARTICLE"
        u_refused folio-pdf "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
        u_run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-epub" -o "$U/e.epub" "$U_ARTICLE"
        u_refused folio-epub "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
        u_run env SOURCE_DATE_EPOCH="$value" "$BIN/folio-batch" "$U_ARTICLE" -o "$U/e-out" --to pdf,epub
        u_refused folio-batch "SOURCE_DATE_EPOCH is not a count of seconds: $value" || return 1
    done
    [ ! -e "$U/e.pdf" ] && [ ! -e "$U/e.epub" ] && [ ! -e "$U/e-out" ] || u_fail "wrote on bad usage"
}

# An empty SOURCE_DATE_EPOCH is no SOURCE_DATE_EPOCH; a good one dates the
# books, whichever tool makes them.
t_u_epoch_used() {
    u_run env SOURCE_DATE_EPOCH= "$BIN/folio-pdf" -o "$U/empty.pdf" "$U_ARTICLE"
    [ "$u_st" = 0 ] || u_fail "folio-pdf with an empty SOURCE_DATE_EPOCH: exit $u_st" || return 1
    u_run env -u SOURCE_DATE_EPOCH "$BIN/folio-pdf" -o "$U/unset.pdf" "$U_ARTICLE"
    cmp -s "$U/empty.pdf" "$U/unset.pdf" || u_fail "empty and unset differ" || return 1
    u_run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-batch" "$U_ARTICLE" -o "$U/b-out" --to pdf,epub -q
    [ "$u_st" = 0 ] || u_fail "folio-batch: exit $u_st: $(cat "$U/err")" || return 1
    u_run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-pdf" -o "$U/alone.pdf" "$U/b-out/expected.xhtml"
    cmp -s "$U/alone.pdf" "$U/b-out/expected.pdf" || u_fail "folio-batch's PDF is not folio-pdf's" || return 1
    u_run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-epub" -o "$U/alone.epub" "$U/b-out/expected.xhtml"
    cmp -s "$U/alone.epub" "$U/b-out/expected.epub" || u_fail "folio-batch's EPUB is not folio-epub's"
}

u_test "unknown option" t_u_unknown
u_test "option without its value" t_u_missing_value
u_test "a flag given a value" t_u_no_value
u_test "the forms of an option" t_u_forms
u_test "--help and --version" t_u_help_everywhere
u_test "bad SOURCE_DATE_EPOCH" t_u_epoch
u_test "SOURCE_DATE_EPOCH used alike" t_u_epoch_used
