#!/bin/sh
# tests/book30.sh BIN OUT [FOLIO-PDF OPTION...]: a compilation of 30 articles
# from the shared corpus (../shared/corpus, or $CORPUS), for the PDF suite
# and make bench. Writes OUT/book.pdf, OUT/book.txt (the articles' text, for
# the shared checks) and OUT/articles/; prints which pages it left out and
# why. The pages are taken in order from the Chinese sets (cwced, gne,
# gbk163, magichtml); one is left out when folio-clean refuses it, or when
# its article carries private-use characters, U+FFFD or mojibake (the
# page's own bytes hold them: fixing that is extraction's work, not the
# typesetter's), or holds fewer than 200 Han characters. Exits 1 when
# there are not 30, or folio-pdf fails.
BIN=$(cd "${1:?usage: book30.sh BIN OUT}" && pwd)
OUT=${2:?usage: book30.sh BIN OUT}
shift 2
TOP=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$TOP/../shared/corpus}
[ -d "$CORPUS" ] || { echo "book30: no corpus at $CORPUS" >&2; exit 1; }
mkdir -p "$OUT/articles" && rm -f "$OUT"/articles/*.xhtml
n=0
for set in cwced gne gbk163 magichtml; do
    for page in $(find "$CORPUS/$set" -name source.html | sort); do
        [ "$n" -lt 30 ] || break 2
        name=$set-$(basename "$(dirname "$page")" | cut -c1-8)
        art=$OUT/articles/$(printf %02d $((n + 1)))-$name.xhtml
        if ! "$BIN/folio-clean" -o "$art" "$page" 2>/dev/null; then
            echo "book30: left out $name: folio-clean refused it"; rm -f "$art"; continue
        fi
        why=$(python3 - "$art" "$TOP/tests/mojibake.py" <<'PY'
import re, subprocess, sys
text = open(sys.argv[1], encoding='utf-8').read()
body = re.sub(r'<[^>]*>', '', text.split('<body', 1)[-1])
if re.search('[\ue000-\uf8ff]', body): print('private-use characters')
elif '\ufffd' in body: print('U+FFFD')
elif subprocess.run([sys.executable, sys.argv[2], sys.argv[1]], capture_output=True).returncode: print('mojibake')
elif len(re.findall('[\u4e00-\u9fff]', body)) < 200: print('under 200 Han characters')
PY
)
        if [ -n "$why" ]; then echo "book30: left out $name: $why"; rm -f "$art"; continue; fi
        n=$((n + 1))
    done
done
[ "$n" = 30 ] || { echo "book30: only $n articles" >&2; exit 1; }
python3 "$TOP/tests/suite/pdf_source_text.py" "$OUT"/articles/*.xhtml >"$OUT/book.txt" || exit 1
"$BIN/folio-pdf" --title "政务信息汇编（三十篇）" "$@" -o "$OUT/book.pdf" "$OUT"/articles/*.xhtml 2>"$OUT/pdf.err" ||
    { cat "$OUT/pdf.err" >&2; exit 1; }
