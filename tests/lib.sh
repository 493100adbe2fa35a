# tests/lib.sh: what every part of the test run shares. Sourced by
# tests/run.sh (and so by every suite it runs) and tests/golden-update.sh.
#
# The caller sets BIN (the tools), TOP (the source tree), TMP (the scratch
# folder of the part that runs now: each suite has its own) and RESULTS
# (the file where every outcome is recorded, one line each, so that suites
# run in subshells still add to one count). VERBOSE=1 prints the passes too.

# A test cleans a page with the rules it names, or none: never with those
# of a folio installed on the machine (folio-clean's default folder).
export FOLIO_RULES=

ok()  { printf 'ok\t%s\n' "$1" >>"$RESULTS"; [ -n "$VERBOSE" ] && echo "ok   $1"; return 0; }
bad() { printf 'FAIL\t%s\n' "$1" >>"$RESULTS"; echo "FAIL $1${2:+: $2}"; }
# check NAME CMD...: passes when CMD exits 0; on failure its output is shown.
check() {
    _check_name=$1
    shift
    if "$@" >"$TMP/out" 2>&1; then ok "$_check_name"; else bad "$_check_name" "$(head -c 600 "$TMP/out")"; fi
}

# --- test functions ----------------------------------------------------------
# A test is a shell function that returns 0 when the tool behaved, or calls
# fail (which keeps the reason in $why) and returns 1. test_fn runs one and
# records it under its name. run runs a command with its output in
# $TMP/out, its errors in $TMP/err and its exit status in $st.

test_fn() { why=; if "$2"; then ok "$1"; else bad "$1" "$why"; fi; }
run() { "$@" >"$TMP/out" 2>"$TMP/err"; st=$?; }
fail() { why=$*; return 1; }
exit_is() { [ "$st" = "$1" ] || fail "exit $st, expected $1; stderr: $(head -c 400 "$TMP/err")"; }
no_stdout() { [ ! -s "$TMP/out" ] || fail "wrote to standard output: $(head -c 200 "$TMP/out")"; }
# scratch NAME: a fresh empty folder $TMP/NAME, its path on standard output.
scratch() { rm -rf "${TMP:?}/$1" && mkdir -p "$TMP/$1" && echo "$TMP/$1"; }

# --- choosing what runs -------------------------------------------------------
# Every part of the run has a name: unit/test_md, golden/03-big5-traditional,
# suite/epub (tests/suite/epub.sh), suite/cli (tests/cli.sh). With a PATTERN
# only the parts whose name holds it run: it is a shell glob matched
# anywhere in the name, so "epub" selects unit/test_epub and suite/epub,
# "golden/" every golden case, "golden/0[1-5]" the first five.
selected() {
    [ -z "$PATTERN" ] && return 0
    # shellcheck disable=SC2254
    case $1 in *$PATTERN*) return 0 ;; esac
    return 1
}

# --- golden cases -------------------------------------------------------------
# tests/golden/NAME/ holds input.* (and args, folio-clean's options), and
# either expected.xhtml (with expected.md, what folio-md makes of it) or,
# for a page that must be refused, expected.status and expected.err.

# golden_clean DIR: folio-clean run on the case as make check runs it, from
# inside the case's folder: the article in $TMP/got.xhtml, the errors in
# $TMP/got.err, the exit status in $st. Returns 1 with $why when the case
# has no input.
golden_clean() {
    input=$(cd "$1" && ls input.* 2>/dev/null | head -n 1)
    [ -n "$input" ] || fail "no input file" || return 1
    args=$(cat "$1/args" 2>/dev/null)
    # shellcheck disable=SC2086
    (cd "$1" && "$BIN/folio-clean" $args "$input" >"$TMP/got.xhtml" 2>"$TMP/got.err")
    st=$?
}

# golden_md DIR: folio-md on the case's expected.xhtml, into $TMP/got.md.
golden_md() {
    (cd "$1" && "$BIN/folio-md" expected.xhtml >"$TMP/got.md" 2>"$TMP/got.err")
}
