#!/bin/sh
# Rewrite the golden cases' expected files from the current build, for
# review with `git diff tests/golden`.
# usage: tests/golden-update.sh BIN_DIR [PATTERN]   (make golden-update [T=PATTERN])
# Each case is run as make check runs it (tests/lib.sh); a file is written
# only when its content changes, so an unchanged case is not touched. A
# case that would change kind (a refused page now converted, or a converted
# page now refused) is left as it is and named: that is a decision to make
# by hand. Exits 1 when a case was left so. A new case (a folder with its
# input and no expected file yet) gets what the build makes of it:
# expected.xhtml and expected.md, or expected.status and expected.err. A
# converted case with an expected.err has its warnings checked too.
BIN=$(cd "${1:-bin}" && pwd)
PATTERN=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-golden.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
RESULTS=/dev/null
. "$TOP/tests/lib.sh"
updated=0 left=0

# update FILE NEW: FILE gets NEW's content, unless it holds it already.
update() {
    cmp -s "$2" "$1" && return 0
    cp "$2" "$1" && echo "updated ${1#"$TOP"/}" && updated=$((updated + 1))
}

leave() {  # CASE WHY
    echo "left $1 as it is: $2" >&2
    left=$((left + 1))
}

for dir in "$TOP"/tests/golden/*/; do
    dir=${dir%/}
    case=$(basename "$dir")
    selected "golden/$case" || continue
    golden_clean "$dir" || { leave "$case" "$why"; continue; }
    if [ ! -f "$dir/expected.xhtml" ] && [ ! -f "$dir/expected.status" ]; then
        # a new case: of the kind the build makes it
        if [ "$st" = 0 ]; then : >"$dir/expected.md"; else : >"$dir/expected.status"; fi
    fi
    if [ -f "$dir/expected.status" ]; then
        if [ "$st" = 0 ]; then
            leave "$case" "folio-clean now converts this refused page"
            continue
        fi
        [ "$(cat "$dir/expected.status")" = "$st" ] || { echo "$st" >"$TMP/got.status" && update "$dir/expected.status" "$TMP/got.status"; }
        update "$dir/expected.err" "$TMP/got.err"
        continue
    fi
    if [ "$st" != 0 ]; then
        leave "$case" "folio-clean now refuses it (exit $st): $(head -c 300 "$TMP/got.err")"
        continue
    fi
    update "$dir/expected.xhtml" "$TMP/got.xhtml"
    # a converted case's warnings are kept once it has them
    [ -f "$dir/expected.err" ] && update "$dir/expected.err" "$TMP/got.err"
    if [ -f "$dir/expected.md" ]; then
        golden_md "$dir" || { leave "$case" "folio-md: $(head -c 300 "$TMP/got.err")"; continue; }
        update "$dir/expected.md" "$TMP/got.md"
    fi
done

echo "$updated files updated${PATTERN:+ (cases matching '$PATTERN')}; review them with: git diff tests/golden"
[ "$left" -eq 0 ]
