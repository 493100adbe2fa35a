#!/bin/sh
# make bench: folio-clean over every page of the shared corpus, in one process
# and in one process per page. Figures only; nothing here can fail a build.
BIN=$(cd "${1:-bin}" && pwd)
sh "$(dirname "$0")/bench_pdf.sh" "$BIN"
# folio-epub: a 200-article book of the golden articles, in one process
# (tests/bench/bench_epub.c) and as the tool, for its wall time and peak RSS.
EPUB_SRC=$(ls "$(dirname "$0")"/golden/*/expected.xhtml "$(dirname "$0")"/epub/rich-article.xhtml)
# shellcheck disable=SC2086
"$BIN/tests/bench_epub" -n 200 -r 5 $EPUB_SRC 2>&1 | grep -v 'warning:'
# shellcheck disable=SC2086
"$BIN/tests/bench_epub" -n 200 -r 3 --embed-fonts $EPUB_SRC 2>&1 | grep -v 'warning:'
EPUB_200=$(for i in 1 2 3 4 5 6 7; do echo $EPUB_SRC; done | tr ' ' '\n' | head -n 200)
EPUB_T=$(mktemp -d)
# shellcheck disable=SC2086
/usr/bin/env time -f '%e %M' -o "$EPUB_T/time" "$BIN/folio-epub" --title bench -o "$EPUB_T/b.epub" $EPUB_200 2>/dev/null &&
    awk '{ printf "folio-epub, one process: 200 articles in %.2f s, %.2f ms/article, peak RSS %d KB\n", $1, $1 * 1000 / 200, $2 }' "$EPUB_T/time"
rm -rf "$EPUB_T"
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
# folio-batch: the whole corpus by a pool of workers (tests/bench_batch.sh).
sh "$(dirname "$0")/bench_batch.sh" "$BIN"
# folio-clean -o DIR naming thousands of pages of one name (tests/bench_names.sh).
sh "$(dirname "$0")/bench_names.sh" "$BIN"
