#!/bin/sh
# make eval: folio-clean scored against the human ground truth of each
# development set of the shared corpus, one line a set (F1 with each CJK
# character one token, title, date and author accuracy, leaks, ms a page),
# then the sets without ground truth for refusals and errors. Figures only.
BIN=$(cd "${1:-bin}" && pwd)
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
EVAL="$SHARED/eval/folio-eval"
[ -x "$EVAL" ] || { echo "eval: no $EVAL (set SHARED=)"; exit 0; }
for set in ${SETS:-cwced magichtml readability}; do
    [ -d "$SHARED/corpus/$set" ] || continue
    "$EVAL" --jobs "${JOBS:-2}" --cmd "$BIN/folio-clean {}" "$SHARED/corpus/$set" 2>/dev/null | grep '^ALL' |
        sed "s|^ALL  *|$set |"
done
for set in gne gbk163; do
    [ -d "$SHARED/corpus/$set" ] || continue
    n=0 refused=0 failed=0
    for p in "$SHARED/corpus/$set"/*/source.html; do
        n=$((n + 1))
        "$BIN/folio-clean" "$p" >/dev/null 2>&1
        case $? in 0) ;; 3) refused=$((refused + 1)) ;; *) failed=$((failed + 1)) ;; esac
    done
    echo "$set pages=$n refused-as-list=$refused failed=$failed"
done
