#!/bin/sh
# make fuzz: run each fuzz target (tests/fuzz/fuzz_*.c) for SECONDS, one
# after another, and say how many inputs each ran and what it found.
# usage: tests/fuzz/run.sh BIN_DIR SECONDS [NAME...]
#
# The corpora are seeded afresh each run from the project's own inputs (the
# golden pages and articles, the capture fixtures and the WARCs and zips
# their scripts build) and grow in BIN_DIR/fuzz-corpus/NAME, which is no
# part of the tree. An input that crashes a target, stalls it or runs it out
# of memory is kept in BIN_DIR/fuzz-findings/NAME/, and the last run's log
# in BIN_DIR/fuzz-findings/NAME.log. Ends "N targets, N with findings" and
# exits non-zero when any found something.
BIN=$(cd "${1:-bin-fuzz}" && pwd)
SECS=${2:-60}
shift 2 2>/dev/null
TOP=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/folio-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LSAN_OPTIONS="suppressions=$TOP/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# seed NAME FILE...: copy FILEs into NAME's corpus.
seed() {
    d="$BIN/fuzz-corpus/$1"
    shift
    mkdir -p "$d"
    for f in "$@"; do
        [ -f "$f" ] && cp "$f" "$d/seed-$(echo "$f" | cksum | cut -d' ' -f1)"
    done
}
sh "$TOP/tests/captures/warc/build.sh" "$WORK/warc" >/dev/null 2>&1
python3 "$TOP/tests/captures/zip/make_zips.py" "$WORK/zip" >/dev/null 2>&1
PAGES=$(ls "$TOP"/tests/golden/*/input.* 2>/dev/null)
ARTICLES=$(ls "$TOP"/tests/golden/*/expected.xhtml "$TOP"/tests/epub/*.xhtml 2>/dev/null)

# shellcheck disable=SC2086
seed_target() {
    case $1 in
    fuzz_charset|fuzz_clean) seed "$1" $PAGES ;;
    fuzz_mhtml) seed "$1" "$TOP"/tests/captures/mhtml/* "$TOP"/tests/golden/*/input.mht* ;;
    fuzz_warc) seed "$1" "$WORK"/warc/*.warc "$WORK"/warc/*.warc.gz ;;
    fuzz_zip) seed "$1" "$WORK"/zip/*.zip ;;
    *) seed "$1" $ARTICLES ;;
    esac
}

# The readers must meet articles large enough to nest deeply.
options_for() {
    case $1 in
    fuzz_md|fuzz_epub|fuzz_pdf) echo "-max_len=4194304" ;;
    *) echo "-max_len=1048576" ;;
    esac
}

targets=${*:-$(cd "$BIN/fuzz" && ls fuzz_* 2>/dev/null)}
n=0 found=0
for t in $targets; do
    [ -x "$BIN/fuzz/$t" ] || { echo "fuzz: no target $BIN/fuzz/$t"; found=$((found + 1)); continue; }
    n=$((n + 1))
    seed_target "$t"
    mkdir -p "$BIN/fuzz-findings/$t"
    # shellcheck disable=SC2046
    (cd "$WORK" && "$BIN/fuzz/$t" -max_total_time="$SECS" -timeout=120 -print_final_stats=1 \
        -artifact_prefix="$BIN/fuzz-findings/$t/" $(options_for "$t") "$BIN/fuzz-corpus/$t") \
        >"$BIN/fuzz-findings/$t.log" 2>&1
    st=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$BIN/fuzz-findings/$t.log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$BIN/fuzz-findings/$t.log" | tail -n 1)
    if [ "$st" = 0 ]; then
        echo "fuzz $t: ${runs:-?} inputs in $SECS s, ${cov:-cov: ?}, nothing found"
    else
        found=$((found + 1))
        echo "fuzz $t: FOUND after ${runs:-?} inputs (exit $st); kept in $BIN/fuzz-findings/$t/:"
        grep -E '^==[0-9]+==ERROR|^SUMMARY|ALARM|Test unit written|runtime error' "$BIN/fuzz-findings/$t.log" | head -n 8
    fi
done
echo "$n targets, $found with findings"
[ "$found" -eq 0 ]
