#!/bin/sh
# make bench, PDF part: a 200-article compilation (the golden articles over
# and over) with title page and contents, in one folio-pdf process.
# Figures only: total time and peak RSS. Target: under 20 s and 400 MB.
BIN=$(cd "${1:-bin}" && pwd)
TOP=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
set -- "$TOP"/tests/golden/*/expected.xhtml
[ -f "$1" ] || { echo "bench pdf: no golden articles"; exit 0; }
i=0
while [ "$i" -lt 200 ]; do
    for f in "$@"; do
        [ "$i" -lt 200 ] || break
        i=$((i + 1))
        cp "$f" "$TMP/$(printf %03d "$i").xhtml"
    done
done
start=$(date +%s.%N)
/usr/bin/env time -f %M -o "$TMP/rss" "$BIN/folio-pdf" --toc --title "汇编" -o "$TMP/book.pdf" "$TMP"/[0-9]*.xhtml ||
    { echo "bench pdf: folio-pdf failed"; exit 0; }
end=$(date +%s.%N)
pages=$(pdfinfo "$TMP/book.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
echo "folio-pdf, 200-article compilation: ${pages:-?} pages in $(echo "$end - $start" | bc) s," \
     "peak RSS $(tail -n 1 "$TMP/rss") KB, $(wc -c <"$TMP/book.pdf") bytes"
# folio-pdf, one table of 50 columns by 5,000 and by 20,000 rows
# (tests/bench/gen_table.sh): the cost of a table grows with its cells.
for rows in 5000 20000; do
    sh "$TOP/tests/bench/gen_table.sh" 50 "$rows" >"$TMP/table.xhtml"
    /usr/bin/env time -f '%e %U %M' -o "$TMP/time" "$BIN/folio-pdf" -o "$TMP/table.pdf" "$TMP/table.xhtml" 2>/dev/null ||
        { echo "bench pdf: the 50 x $rows table failed"; continue; }
    awk -v rows="$rows" -v pages="$(pdfinfo "$TMP/table.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" \
        '{ printf "folio-pdf, a table of 50 x %d cells: %s pages in %.1f s (%.1f s CPU, %.1f us a cell), peak RSS %d KB\n",
           rows, pages, $1, $2, $2 * 1e6 / (50 * rows), $3 }' "$TMP/time"
done
