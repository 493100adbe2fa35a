#!/bin/sh
# make bench: folio-clean -o DIR over 1, 4 and 16 copies of the shared
# corpus in which every page is named source.html, as saved archives name
# them: each page claims STEM-K.xhtml, and the CPU time per page must stay
# flat however many pages share the name. Figures only; nothing here fails.
# usage: tests/bench_names.sh BIN_DIR     (CORPUS= overrides the corpus)
BIN=$(cd "${1:-bin}" && pwd)
CORPUS=${CORPUS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus}
[ -d "$CORPUS" ] || { echo "bench_names: no corpus at $CORPUS (set CORPUS=); skipped"; exit 0; }
T=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench-names.XXXXXX")
trap 'rm -rf "$T"' EXIT
for copies in 1 4 16; do
    # the copies are hard links of the corpus folders: no bytes copied
    i=0
    while [ "$i" -lt "$copies" ]; do
        cp -al "$CORPUS" "$T/copy$i" 2>/dev/null || cp -a "$CORPUS" "$T/copy$i"
        i=$((i + 1))
    done
    find "$T" -path "$T/out" -prune -o -name source.html -print | sort >"$T/pages"
    n=$(wc -l <"$T/pages")
    rm -rf "$T/out" && mkdir "$T/out"
    # shellcheck disable=SC2046
    /usr/bin/env time -f '%U %S %M' -o "$T/time" "$BIN/folio-clean" -o "$T/out" $(cat "$T/pages") \
        >/dev/null 2>&1
    written=$(find "$T/out" -name '*.xhtml' | wc -l)
    # a list page makes the exit status 3, and time says so on a line first
    tail -n 1 "$T/time" | awk -v n="$n" -v w="$written" -v c="$copies" '{ cpu = $1 + $2
        printf "folio-clean -o DIR, %2dx the corpus, %d pages named source.html: %.1f s CPU, %.2f ms/page, %d written, peak RSS %d KB\n",
               c, n, cpu, cpu * 1000 / n, w, $3 }'
    rm -rf "$T"/copy*
done
