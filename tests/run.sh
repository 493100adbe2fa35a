#!/bin/sh
# The test suite: unit tests, golden cases, tool behaviour and output checks.
# usage: tests/run.sh BIN_DIR      (make check runs it)
# Ends with the line "N passed, N failed" and exits non-zero on a failure.
BIN=$(cd "${1:-bin}" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
# In the SANITIZE=1 build: cairo and fontconfig keep caches that LeakSanitizer
# takes for leaks (tests/lsan.supp says which); folio's own are still reported.
export LSAN_OPTIONS="suppressions=$TOP/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

ok()   { pass=$((pass + 1)); [ -n "$VERBOSE" ] && echo "ok   $1"; return 0; }
bad()  { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
check() { name=$1; shift; if "$@" >"$TMP/out" 2>&1; then ok "$name"; else bad "$name" "$(head -c 600 "$TMP/out")"; fi; }

# --- unit tests: each prints its own counts, exits non-zero on failure ---
for t in "$BIN"/tests/test_*; do
    [ -x "$t" ] || continue
    check "unit $(basename "$t")" "$t"
done

# --- golden cases: tests/golden/NAME/{input.*, expected.xhtml, expected.md}
#     or, for pages that must be refused, expected.status and expected.err ---
for dir in "$TOP"/tests/golden/*/; do
    case=$(basename "$dir")
    input=$(cd "$dir" && ls input.* 2>/dev/null | head -n 1)
    [ -n "$input" ] || { bad "golden $case" "no input file"; continue; }
    args=$(cat "$dir/args" 2>/dev/null)
    (cd "$dir" && "$BIN/folio-clean" $args "$input" >"$TMP/got.xhtml" 2>"$TMP/got.err")
    status=$?
    if [ -f "$dir/expected.status" ]; then
        want=$(cat "$dir/expected.status")
        if [ "$status" != "$want" ]; then bad "golden $case" "exit $status, expected $want"; continue; fi
        if [ -s "$TMP/got.xhtml" ]; then bad "golden $case" "wrote output for a refused page"; continue; fi
        if ! diff -u "$dir/expected.err" "$TMP/got.err" >"$TMP/diff"; then
            bad "golden $case" "$(head -c 800 "$TMP/diff")"; continue
        fi
        ok "golden $case"
        continue
    fi
    if [ "$status" != 0 ]; then bad "golden $case" "exit $status: $(cat "$TMP/got.err")"; continue; fi
    if ! diff -u "$dir/expected.xhtml" "$TMP/got.xhtml" >"$TMP/diff"; then
        bad "golden $case xhtml" "$(head -c 1500 "$TMP/diff")"
    else
        ok "golden $case xhtml"
    fi
    if [ -f "$dir/expected.md" ]; then
        (cd "$dir" && "$BIN/folio-md" expected.xhtml >"$TMP/got.md" 2>"$TMP/got.err")
        if ! diff -u "$dir/expected.md" "$TMP/got.md" >"$TMP/diff"; then
            bad "golden $case md" "$(head -c 1500 "$TMP/diff")"
        else
            ok "golden $case md"
        fi
    fi
done

# --- behaviour of the tools as a shell user meets them ---
. "$TOP/tests/cli.sh"

# --- further suites, one file per writer (tests/suite/NAME.sh) ---
for suite in "$TOP"/tests/suite/*.sh; do
    [ -f "$suite" ] && . "$suite"
done

# --- properties of the Markdown: the shared checks when they are at hand ---
CHECKS="$TOP/../shared/checks"
if [ -d "$CHECKS/md" ] && command -v cmark-gfm >/dev/null 2>&1; then
    for md in "$TOP"/tests/golden/*/expected.md; do
        [ -f "$md" ] || continue
        case=$(basename "$(dirname "$md")")
        check "md_check $case" bash "$CHECKS/md/md_check.sh" --ignore-class docmeta --source "$(dirname "$md")/expected.xhtml" "$md"
        check "md_roundtrip $case" python3 "$CHECKS/md/md_roundtrip.py" "$(dirname "$md")/expected.xhtml" "$md" --min-score 0.95 --ignore-class docmeta
    done
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
