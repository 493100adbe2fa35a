#!/bin/sh
# make bench: folio-clean over every page of the shared corpus, in one process
# and in one process per page. Figures only; nothing here can fail a build.
BIN=$(cd "${1:-bin}" && pwd)
sh "$(dirname "$0")/bench_pdf.sh" "$BIN"
CORPUS=${CORPUS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus}
[ -d "$CORPUS" ] || { echo "bench: no corpus at $CORPUS (set CORPUS=)"; exit 0; }
pages=$(find "$CORPUS" -name source.html | sort)
count=$(echo "$pages" | wc -l)
echo "corpus: $CORPUS ($count pages)"
# shellcheck disable=SC2086
"$BIN/tests/bench_clean" -r 5 $pages
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
start=$(date +%s.%N)
i=0
for p in $pages; do
    i=$((i + 1))
    /usr/bin/env time -f %M -o "$TMP/rss.$i" "$BIN/folio-clean" "$p" >/dev/null 2>&1 ||
        "$BIN/folio-clean" "$p" >/dev/null 2>&1
done
end=$(date +%s.%N)
rss=$(cat "$TMP"/rss.* 2>/dev/null | grep -E '^[0-9]+$' | sort -n | tail -n 1)
echo "folio-clean, one process per page: $count pages in $(echo "$end - $start" | bc) s," \
     "$(echo "scale=2; ($end - $start) * 1000 / $count" | bc) ms/page, peak RSS ${rss:-?} KB"
