# folio-pdf's lines as copy and search see them: run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, check/ok/bad from tests/lib.sh).
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000

# A <br/> right before a closing mark is the page's accident: no line
# starts with the mark.
pdf_article "换行" "<p>一个人把赢得他人承认(或避免他人否认<br/>)作为最高标准，另一人<br/>。</p>" >"$TMP/br.xhtml"
pdf_br_closing() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/br.pdf" "$TMP/br.xhtml" 2>/dev/null || return 1
        pdf_page_text "$TMP/br.pdf" 1 >"$TMP/text"
        grep -q '^[)。]' "$TMP/text" && { echo "$style:"; cat "$TMP/text"; return 1; }
        grep -q '否认)作为' "$TMP/text" || { echo "$style: text lost"; cat "$TMP/text"; return 1; }
    done
}
check "pdf no line starts at a closing mark after <br/>" pdf_br_closing

# A character the body face lacks (FandolFang has no 祂) is set in a
# fallback face on the same baseline; a superscript still rides above it.
pdf_article "基线" "<p>她轻声回答：“祂若愿意，祂必定能！”第2<sup>2</sup>页。</p>" >"$TMP/base.xhtml"
pdf_fallback_baseline() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --no-source-line --style "$style" -o "$TMP/base.pdf" "$TMP/base.xhtml" 2>/dev/null || return 1
        mutool trace "$TMP/base.pdf" 1 >"$TMP/trace" 2>/dev/null || return 1
        python3 - "$TMP/trace" "$style" <<'PY' || return 1
import re, sys
ys = {}
for ch, y in re.findall(r'<g unicode="([^"]+)" glyph="\d+" x="[-\d.]+" y="([-\d.]+)"', open(sys.argv[1]).read()):
    ys.setdefault(ch, []).append(float(y))
if '祂' not in ys or '答' not in ys or '2' not in ys:
    sys.exit(f"{sys.argv[2]}: glyphs missing: {sorted(ys)[:20]}")
line = ys['答'][0]
off = [abs(y - line) for y in ys['祂']]
if max(off) > 0.05:
    sys.exit(f"{sys.argv[2]}: 祂 {max(off):.2f} pt off the baseline of 答")
sup = min(ys['2'])
if line - sup < 2:
    sys.exit(f"{sys.argv[2]}: the superscript is not raised ({line - sup:.2f} pt)")
PY
    done
}
check "pdf a fallback face's glyphs on the line's baseline" pdf_fallback_baseline

# A narrow table cell is left ragged rather than spaced out: copied text
# has no space between two of its Han characters. One column of Han text
# among columns of Latin words that take the width.
cells='<td>ABCDEFGHIJKL</td><td>ABCDEFGHIJKL</td><td>ABCDEFGHIJKL</td><td>ABCDEFGHIJKL</td><td>ABCDEFGH</td>'
rows=''
for t in '金锺国黄致列UV组合' 'F-Killer(金锺国、Haha、Gummy)' '2018年5月12日发行' '梁静茹演唱会2019年9月23日' '金锺国首场日本见面会站次'; do
    rows="$rows<tr><td>$t</td>$cells</tr>"
done
pdf_article "窄栏" "<table><tbody>$rows</tbody></table>" >"$TMP/narrow.xhtml"
pdf_narrow_cells() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/narrow.pdf" "$TMP/narrow.xhtml" 2>/dev/null || return 1
        pdf_page_text "$TMP/narrow.pdf" 1 >"$TMP/text"
        python3 - "$TMP/text" <<'PY' || { echo "$style:"; cat "$TMP/text"; return 1; }
import re, sys
han = '\u3400-\u4dbf\u4e00-\u9fff'
text = open(sys.argv[1], encoding='utf-8').read()
sys.exit(1 if re.search('[' + han + '] +[' + han + ']', text) else 0)
PY
    done
}
check "pdf narrow cells not spaced out" pdf_narrow_cells


# A link is underlined in print (a reader of paper sees where it was), and
# text with no link is not.
pdf_article "链接" "<p>详见<a href=\"http://example.cn/a\">附件说明</a>。</p>" >"$TMP/link.xhtml"
pdf_article "链接" "<p>详见附件说明。</p>" >"$TMP/nolink.xhtml"
pdf_link_underlined() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/link.pdf" "$TMP/link.xhtml" 2>/dev/null &&
            "$BIN/folio-pdf" --style "$style" -o "$TMP/nolink.pdf" "$TMP/nolink.xhtml" 2>/dev/null || return 1
        with=$(mutool trace "$TMP/link.pdf" 1 2>/dev/null | grep -c '<fill_path')
        without=$(mutool trace "$TMP/nolink.pdf" 1 2>/dev/null | grep -c '<fill_path')
        [ "$with" -ge 1 ] && [ "$without" = 0 ] || { echo "$style: $with rules with a link, $without without"; return 1; }
    done
}
check "pdf link underlined" pdf_link_underlined
unset SOURCE_DATE_EPOCH

# A web address breaks inside after a slash, a dot, a question mark or an
# ampersand, as printers break one, never between two of its letters
# (UAX #14 gives no break after "." or "&", so the breaker had to split a
# word: "lang" / "=zh"); copied text keeps it whole.
pdf_article "网址" "<p>有关材料已在本单位门户网站公布，网址为http://zwgk.example.gov.cn/tzgg.jsp?channel=notice&amp;year=2024&amp;month=05&amp;day=20&amp;docid=1234567&amp;page=2&amp;lang=zh&amp;from=index，欢迎社会各界查阅并提出意见建议。</p>" >"$TMP/url.xhtml"
pdf_url_breaks() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --no-source-line --style "$style" -o "$TMP/url.pdf" "$TMP/url.xhtml" 2>/dev/null || return 1
        pdftotext -layout -f 1 -l 1 "$TMP/url.pdf" "$TMP/text" 2>/dev/null || return 1
        python3 - "$TMP/text" <<'PY' || { echo "$style:"; cat "$TMP/text"; return 1; }
import re, sys
lines = [l.strip() for l in open(sys.argv[1]) if l.strip()]
for a, b in zip(lines, lines[1:]):
    if re.search(r'[A-Za-z0-9]$', a) and re.match(r'[A-Za-z0-9=]', b):
        sys.exit(f"the address split inside a word: {a[-8:]!r} / {b[:8]!r}")
if 'http://zwgk.example.gov.cn/tzgg.jsp?channel=notice&year=2024&month=05&day=20&docid=1234567&page=2&lang=zh&from=index' not in ''.join(lines):
    sys.exit("the address is not whole in the text")
PY
    done
}
check "pdf a web address breaks after a slash, a dot or an ampersand" pdf_url_breaks
