#!/bin/sh
# The test suite: unit tests, golden cases, tool behaviour and output checks.
# usage: tests/run.sh BIN_DIR [PATTERN]     (make check [T=PATTERN] runs it)
# With PATTERN only the parts whose name holds it run (tests/lib.sh says
# how names are matched). Ends with the line "N passed, N failed" and exits
# non-zero on a failure.
BIN=$(cd "${1:-bin}" && pwd)
PATTERN=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$RUN_TMP"' EXIT
RESULTS=$RUN_TMP/results
: >"$RESULTS"
TMP=$RUN_TMP/main
mkdir "$TMP"
# In the SANITIZE=1 build: cairo and fontconfig keep caches that LeakSanitizer
# takes for leaks (tests/lsan.supp says which); folio's own are still reported.
export LSAN_OPTIONS="suppressions=$TOP/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
. "$TOP/tests/lib.sh"
ran=0

# --- unit tests: each prints its own counts, exits non-zero on failure ---
for t in "$BIN"/tests/test_*; do
    [ -x "$t" ] && selected "unit/$(basename "$t")" || continue
    ran=$((ran + 1))
    check "unit $(basename "$t")" "$t"
done

# --- golden cases: page in, exact article (and Markdown, or refusal) out ---
golden_case() {  # DIR NAME
    golden_clean "$1" || { bad "golden $2" "$why"; return; }
    if [ -f "$1/expected.status" ]; then
        want=$(cat "$1/expected.status")
        if [ "$st" != "$want" ]; then bad "golden $2" "exit $st, expected $want"; return; fi
        if [ -s "$TMP/got.xhtml" ]; then bad "golden $2" "wrote output for a refused page"; return; fi
        if ! diff -u "$1/expected.err" "$TMP/got.err" >"$TMP/diff"; then
            bad "golden $2" "$(head -c 800 "$TMP/diff")"; return
        fi
        ok "golden $2"
        return
    fi
    if [ "$st" != 0 ]; then bad "golden $2" "exit $st: $(cat "$TMP/got.err")"; return; fi
    # a warning the page calls for is part of the case
    if [ -f "$1/expected.err" ] && ! diff -u "$1/expected.err" "$TMP/got.err" >"$TMP/diff"; then
        bad "golden $2 warnings" "$(head -c 800 "$TMP/diff")"; return
    fi
    if ! diff -u "$1/expected.xhtml" "$TMP/got.xhtml" >"$TMP/diff"; then
        bad "golden $2 xhtml" "$(head -c 1500 "$TMP/diff")"
    else
        ok "golden $2 xhtml"
    fi
    [ -f "$1/expected.md" ] || return
    golden_md "$1"
    if ! diff -u "$1/expected.md" "$TMP/got.md" >"$TMP/diff"; then
        bad "golden $2 md" "$(head -c 1500 "$TMP/diff")"
    else
        ok "golden $2 md"
    fi
}
for dir in "$TOP"/tests/golden/*/; do
    case=$(basename "$dir")
    selected "golden/$case" || continue
    ran=$((ran + 1))
    golden_case "$dir" "$case"
done

# --- suites: the tools as a shell user meets them (tests/cli.sh), then one
#     file per reader or writer (tests/suite/NAME.sh, found by name). Each
#     runs in a subshell with a scratch folder of its own, so that nothing
#     one sets reaches another; a suite that stops before its end fails. ---
run_suite() {  # NAME FILE
    selected "suite/$1" || return 0
    ran=$((ran + 1))
    mkdir "$RUN_TMP/suite-$1"
    (TMP=$RUN_TMP/suite-$1; . "$2"; exit 0) ||
        bad "suite $1" "stopped before its end (exit $?)"
}
run_suite cli "$TOP/tests/cli.sh"
for suite in "$TOP"/tests/suite/*.sh; do
    [ -f "$suite" ] && run_suite "$(basename "$suite" .sh)" "$suite"
done

# --- properties of the Markdown: the shared checks when they are at hand ---
CHECKS="$TOP/../shared/checks"
if [ -d "$CHECKS/md" ] && command -v cmark-gfm >/dev/null 2>&1; then
    for md in "$TOP"/tests/golden/*/expected.md; do
        [ -f "$md" ] || continue
        case=$(basename "$(dirname "$md")")
        selected "golden/$case" || continue
        check "md_check $case" bash "$CHECKS/md/md_check.sh" --ignore-class docmeta --source "$(dirname "$md")/expected.xhtml" "$md"
        check "md_roundtrip $case" python3 "$CHECKS/md/md_roundtrip.py" "$(dirname "$md")/expected.xhtml" "$md" --min-score 0.95 --ignore-class docmeta
    done
fi

if [ "$ran" -eq 0 ]; then
    echo "no unit test, golden case or suite has a name holding '$PATTERN'"
    echo "0 passed, 1 failed"
    exit 1
fi
pass=$(grep -c '^ok' "$RESULTS")
fail=$(grep -c '^FAIL' "$RESULTS")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
