#!/bin/sh
# The layering check: the library's folders follow the pipeline, and an
# #include "..." under formats/ may only reach back along it:
#
#   util <- charset <- capture          (captures: bytes to pages)
#   util <- charset, article <- clean   (clean: pages to articles)
#   util <- article <- zhpunct, md, epub, pdf   (the writers)
#   every stage <- api                  (libfolio's public functions, over include/folio/)
#
# and nothing under formats/ includes a header of tools/. A stage may always
# include its own headers. A new folder under formats/ must be given its
# place in the table below.
#
# usage: sh tests/layering.sh [ROOT]   (ROOT: the tree to check, by default
# the one this script belongs to). Prints one line per include out of order,
# FILE:LINE: what and why, and exits 1 when there is any; 2 when ROOT has no
# formats/ folder.
ROOT=${1:-"$(dirname "$0")/.."}
cd "$ROOT" 2>/dev/null && [ -d formats ] || {
    echo "layering: $ROOT has no formats/ folder" >&2
    exit 2
}
# Each stage, then the stages it may include besides its own headers.
ORDER='
util
charset  util
capture  util charset
article  util
clean    util charset article
zhpunct  util article
md       util article
epub     util article
pdf      util article
api      util charset capture article clean zhpunct md epub pdf folio
'
STAGES=$(printf '%s\n' "$ORDER" | awk 'NF { print $1 }' | tr '\n' ' ')
# The folders under tools/ name its headers: "common/cli.h", "batch/batch.h".
TOOL_DIRS=$( (cd tools 2>/dev/null && find . -mindepth 1 -maxdepth 1 -type d) | sed 's|^\./||' | tr '\n' ' ')

status=0
for f in formats/*; do
    name=${f#formats/}
    if [ ! -d "$f" ]; then
        echo "$f: a file outside every stage folder of formats/"
        status=1
    else
        case " $STAGES " in
        *" $name "*) ;;
        *) echo "$f/: a folder with no place in the pipeline order (give it one in tests/layering.sh)"
           status=1 ;;
        esac
    fi
done

find formats -type f \( -name '*.c' -o -name '*.h' \) -exec env ORDER="$ORDER" TOOL_DIRS="$TOOL_DIRS" awk '
BEGIN {
    k = split(ENVIRON["ORDER"], row, "\n")
    for (i = 1; i <= k; i++) {
        if (split(row[i], w, " ") == 0)
            continue
        may[w[1]] = ""
        for (j = 2; w[j] != ""; j++)
            may[w[1]] = may[w[1]] " " w[j]
    }
    k = split(ENVIRON["TOOL_DIRS"], t, " ")
    for (i = 1; i <= k; i++)
        tool[t[i]] = 1
    status = 0
}
function fail(why) {
    printf "%s:%d: %s\n", FILENAME, FNR, why
    status = 1
}
# "util/, charset/ and clean/": what STAGE may include, said in words.
function allowed(stage,    s, k, i, out) {
    k = split(may[stage], s, " ")
    for (i = 1; i <= k; i++)
        out = out s[i] (i < k ? "/, " : "/ and ")
    return out stage "/"
}
FNR == 1 {
    split(FILENAME, part, "/")
    stage = part[2]
}
/^[ \t]*#[ \t]*include[ \t]*"/ && (stage in may) {
    inc = $0
    sub(/^[^"]*"/, "", inc)
    sub(/".*$/, "", inc)
    if (index(inc, "/") == 0)
        next   # found beside the including file: its own stage
    to = substr(inc, 1, index(inc, "/") - 1)
    if (to == stage || index(may[stage] " ", " " to " "))
        next
    if (to in may)
        fail(stage "/ includes \"" inc "\": " stage "/ may include only " allowed(stage))
    else if (to in tool)
        fail("includes \"" inc "\", a header of tools/: nothing under formats/ may")
    else
        fail("includes \"" inc "\", which is in no stage folder of formats/")
}
END { exit status }
' {} + || status=1
exit $status
