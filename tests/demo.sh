#!/bin/sh
# make demo: convert every page in examples/ into out/ as clean XHTML and
# Markdown (and the other formats as their writers land).
BIN=$1 SRC=$2 OUT=$3
mkdir -p "$OUT"
status=0
for page in "$SRC"/*.html "$SRC"/*.htm; do
    [ -f "$page" ] || continue
    name=$(basename "$page"); name=${name%.*}
    if "$BIN/folio-clean" -o "$OUT/$name.xhtml" "$page" &&
       "$BIN/folio-md" -o "$OUT/$name.md" "$OUT/$name.xhtml" &&
       "$BIN/folio-epub" -o "$OUT/$name.epub" "$OUT/$name.xhtml" &&
       "$BIN/folio-pdf" -o "$OUT/$name.pdf" "$OUT/$name.xhtml" &&
       "$BIN/folio-pdf" --style gbt9704 -o "$OUT/$name.gbt9704.pdf" "$OUT/$name.xhtml" 2>/dev/null; then
        echo "$page -> $OUT/$name.xhtml $OUT/$name.md $OUT/$name.epub $OUT/$name.pdf $OUT/$name.gbt9704.pdf"
    else
        status=1
    fi
done
exit $status
