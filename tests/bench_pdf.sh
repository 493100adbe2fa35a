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
