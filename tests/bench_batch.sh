#!/bin/sh
# make bench: folio-batch over the shared corpus, to Markdown and to every
# format, with one worker and with two. Figures only; nothing here fails.
# usage: tests/bench_batch.sh BIN_DIR     (CORPUS= overrides the corpus)
BIN=$(cd "${1:-bin}" && pwd)
CORPUS=${CORPUS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus}
[ -d "$CORPUS" ] || { echo "bench_batch: no corpus at $CORPUS (set CORPUS=); skipped"; exit 0; }
T=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench-batch.XXXXXX")
trap 'rm -rf "$T"' EXIT
for to in md md,epub,pdf; do
    for j in 1 2; do
        out="$T/out-$(echo "$to" | tr , -)-j$j"
        # --stats: the workers' peak RSS; the summary: pages, time, rate
        "$BIN/folio-batch" "$CORPUS" -o "$out" --to "$to" -j "$j" --quiet --stats 2>"$T/err"
        summary=$(sed -n 's/^folio-batch: pages found \([0-9]*\), converted \([0-9]*\).*, failed \([0-9]*\), elapsed \(.*\) s, \(.*\) pages\/s$/\2 of \1 pages (\3 failed) in \4 s, \5 pages\/s/p' "$T/err")
        rss=$(sed -n 's/^folio-batch: workers.*peak RSS per worker \([0-9]*\) KB, parent \([0-9]*\) KB.*/peak RSS per worker \1 KB, parent \2 KB/p' "$T/err")
        echo "folio-batch --to $to -j$j: $summary, $rss"
    done
done
echo "failures (--to md -j2):"
sed 's/^/  /' "$T/out-md-j2/failures.tsv"
