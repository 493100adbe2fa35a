# The layering check (tests/layering.sh): sourced by tests/run.sh ($TOP
# $TMP, ok/bad/check). It passes on this tree, passes on a tiny tree whose
# includes all follow the pipeline, and fails, naming the one bad line, on
# copies of that tree each given one include out of order.

L="$TMP/layering"
rm -rf "$L"
mkdir -p "$L"

check "layering of formats/" sh "$TOP/tests/layering.sh" "$TOP"

# l_tree DIR: a tree with one file per stage, each including only what it
# may, and a tools/ folder with a header of its own.
l_tree() {
    for s in util charset capture article clean zhpunct md epub pdf; do
        mkdir -p "$1/formats/$s"
    done
    mkdir -p "$1/tools/common"
    printf '#include "util/buf.h"\n' >"$1/formats/util/buf.c"
    printf '#include "util/buf.h"\n#include "charset/charset.h"\n' >"$1/formats/charset/charset.c"
    printf '#include "charset/charset.h"\n#include "capture_int.h"\n' >"$1/formats/capture/capture.c"
    printf '#include "util/buf.h"\n' >"$1/formats/article/article.h"
    printf '# include "article/article.h"\n#include "charset/charset.h"\n#include <libxml/tree.h>\n' \
        >"$1/formats/clean/clean.c"
    for s in zhpunct md epub pdf; do
        printf '#include "article/article.h"\n#include "util/io.h"\n#include "%s/%s.h"\n' "$s" "$s" \
            >"$1/formats/$s/$s.c"
    done
    printf '#include "article/article.h"\n' >"$1/tools/common/cli.h"
}

l_tree "$L/good"
check "layering passes a tree in order" sh -c '
    out=$(sh "$1/tests/layering.sh" "$2") && [ -z "$out" ] || { echo "exit $?: $out"; exit 1; }' \
    sh "$TOP" "$L/good"

# l_bad NAME FILE LINE: FILE (under formats/) gets LINE put first; the
# check must fail with one line that names FILE:1.
l_bad() {
    rm -rf "$L/$1"
    l_tree "$L/$1"
    f="$L/$1/formats/$2"
    { printf '%s\n' "$3"; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
    out=$(sh "$TOP/tests/layering.sh" "$L/$1")
    st=$?
    if [ "$st" != 1 ]; then
        bad "layering refuses $1" "exit $st, expected 1: $out"
    elif [ "$(printf '%s\n' "$out" | wc -l)" -ne 1 ]; then
        bad "layering refuses $1" "expected one line, got: $out"
    else
        case $out in
        "formats/$2:1: "*) ok "layering refuses $1" ;;
        *) bad "layering refuses $1" "the line does not name formats/$2:1: $out" ;;
        esac
    fi
}

l_bad "a writer including clean" md/md.c '#include "clean/page.h"'
l_bad "a writer including another writer" pdf/pdf.c '#include "epub/epub.h"'
l_bad "a writer including charset" zhpunct/zhpunct.c '#include "charset/charset.h"'
l_bad "formats including tools" util/buf.c '#include "common/cli.h"'
l_bad "clean including capture" clean/clean.c '#include "capture/capture.h"'
l_bad "capture including clean" capture/capture.c '#include "clean/clean.h"'
l_bad "charset including capture" charset/charset.c '#include "capture/capture.h"'
l_bad "util including charset" util/buf.c '#  include "charset/charset.h"'
l_bad "article including clean" article/article.h '#include "clean/page.h"'
l_bad "an include in no stage" article/article.h '#include "../tools/common/cli.h"'

rm -rf "$L/new-stage"
l_tree "$L/new-stage"
mkdir -p "$L/new-stage/formats/html"
printf '#include "util/buf.h"\n' >"$L/new-stage/formats/html/html.c"
check "layering refuses a folder it has no place for" sh -c '
    out=$(sh "$1/tests/layering.sh" "$2"); st=$?
    [ "$st" = 1 ] && [ "$out" = "formats/html/: a folder with no place in the pipeline order (give it one in tests/layering.sh)" ] ||
        { echo "exit $st: $out"; exit 1; }' sh "$TOP" "$L/new-stage"
