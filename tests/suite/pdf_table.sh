# folio-pdf's tables: run by tests/run.sh in a subshell ($BIN $TOP, its own
# $TMP, check/ok/bad from tests/lib.sh). Properties of the text pdftotext
# reads back, not bytes.
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000

long=$(for i in 1 2 3 4 5 6 7 8; do printf '这是一段很长的说明文字，用来占满表格的这一列。'; done)
pdf_article 表格 "<table><thead><tr><th>编号</th><th>说明</th><th>备注</th><th>其他</th></tr></thead><tbody>
<tr><td>X12345678</td><td>$long</td><td>$long</td><td>$long</td></tr>
<tr><td>2rd</td><td>时间：5月14日<ul><li>语言：韩语</li><li>地点：北京</li></ul><p>另见附件。</p></td><td>$long</td><td>$long</td></tr>
</tbody></table>" >"$TMP/cells.xhtml"

# a list in a cell: each item on a line of its own, after its marker, and a
# paragraph after the list on its own line too
pdf_table_cell_list() {
    "$BIN/folio-pdf" -o "$TMP/cells.pdf" "$TMP/cells.xhtml" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    pdftotext "$TMP/cells.pdf" - | tr -d ' ' >"$TMP/text"
    grep -q '^时间：5月14日$' "$TMP/text" && grep -q '^●语言：韩语$' "$TMP/text" &&
        grep -q '^●地点：北京$' "$TMP/text" && grep -q '^另见附件。$' "$TMP/text" ||
        { echo "items not on lines of their own:"; grep -E '时间|语言|地点|附件' "$TMP/text"; return 1; }
}
check "pdf table list in a cell" pdf_table_cell_list

# a column is never narrower than its longest unbreakable token, however
# wide its neighbours would like to be
pdf_table_token() {
    pdftotext "$TMP/cells.pdf" - | tr -d ' ' | grep -qx 'X12345678' ||
        { echo "X12345678 broken:"; pdftotext "$TMP/cells.pdf" - | grep -E 'X1|^[0-9]+$'; return 1; }
}
check "pdf table column as wide as its longest word" pdf_table_token

# a table carried onto another page says 续表 there in book style, as a
# caption of the table (no unmarked content), and not on its first page;
# the GB/T 9704 style does without
sh "$TOP/tests/bench/gen_table.sh" 5 120 >"$TMP/rows.xhtml"
pdf_table_continued() {
    "$BIN/folio-pdf" -o "$TMP/rows.pdf" "$TMP/rows.xhtml" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    n=$(pdf_pages "$TMP/rows.pdf")
    [ "${n:-0}" -ge 3 ] || { echo "want 3 pages or more, got ${n:-none}"; return 1; }
    pdf_page_text "$TMP/rows.pdf" 1 | grep -q 续表 && { echo "续表 on the first page"; return 1; }
    p=2
    while [ "$p" -le "$n" ]; do
        pdf_page_text "$TMP/rows.pdf" "$p" | grep -q 续表 || { echo "no 续表 on page $p"; return 1; }
        p=$((p + 1))
    done
    python3 "$TOP/tests/suite/pdf_struct.py" "$TMP/rows.pdf" >"$TMP/struct" &&
        grep -qx 'unmarked content: 0' "$TMP/struct" || { cat "$TMP/struct"; return 1; }
    "$BIN/folio-pdf" --style gbt9704 -o "$TMP/rows-gb.pdf" "$TMP/rows.xhtml" 2>/dev/null &&
        ! pdftotext "$TMP/rows-gb.pdf" - | grep -q 续表 || { echo "续表 in the GB/T 9704 style"; return 1; }
}
check "pdf table 续表 on later pages" pdf_table_continued

# rowspans across many rows still hold together and every cell is set
awk 'BEGIN {
    printf "<table><tbody>"
    for (r = 0; r < 60; r++) {
        printf "<tr>"
        if (r % 6 == 0) printf "<td rowspan=\"6\">组%d</td>", r / 6
        printf "<td>行%d</td><td>%d</td></tr>\n", r, r * 7
    }
    print "</tbody></table>"
}' >"$TMP/spans.frag"
pdf_article 合并 "$(cat "$TMP/spans.frag")" >"$TMP/spans.xhtml"
pdf_table_rowspans() {
    "$BIN/folio-pdf" -o "$TMP/spans.pdf" "$TMP/spans.xhtml" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    pdftotext "$TMP/spans.pdf" - | tr -d ' ' >"$TMP/text"
    for k in 0 5 9; do grep -qx "组$k" "$TMP/text" || { echo "组$k missing"; return 1; }; done
    [ "$(grep -c '^行[0-9]*$' "$TMP/text")" = 60 ] || { echo "$(grep -c '^行' "$TMP/text") rows of 60"; return 1; }
    # a group of six rows never parts: its rows are on its own page
    n=$(pdf_pages "$TMP/spans.pdf") p=1
    while [ "$p" -le "$n" ]; do
        pdf_page_text "$TMP/spans.pdf" "$p" | tr -d ' ' | awk -v p="$p" '
            /^组[0-9]+$/ { g = substr($0, 4) + 0; seen[g] = 1 }
            /^行[0-9]+$/ { r = substr($0, 4) + 0; if (!(int(r / 6) in seen)) { print "row " r " apart from its group on page " p; bad = 1 } }
            END { exit bad }' || return 1
        p=$((p + 1))
    done
}
check "pdf table rowspan groups stay whole" pdf_table_rowspans
unset SOURCE_DATE_EPOCH

# A band of rows a rowspan binds, taller than a page, is set over pages:
# every row is there, and no row runs past the foot of the type area.
rows='<tr><td rowspan="60">合并的单元格</td><td>第1行</td></tr>'
i=2
while [ "$i" -le 60 ]; do rows="$rows<tr><td>第${i}行</td></tr>"; i=$((i + 1)); done
pdf_article "长跨行表格" "<table><tbody>$rows</tbody></table>" >"$TMP/tallband.xhtml"
pdf_tall_band() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/tall.pdf" "$TMP/tallband.xhtml" 2>/dev/null || return 1
        (cd "$TOP/tests/suite" && python3 - "$TMP/tall.pdf" "$style") <<'PY' || return 1
import collections, re, sys
from pdf_line_ends import glyphs
foot = {'book': 260 - 22, 'gbt9704': 297 - 35}[sys.argv[2]] * 72 / 25.4
lines = collections.defaultdict(list)
for page, y, x, ch, adv, size in glyphs(sys.argv[1]):
    lines[(page, y)].append((x, ch))
rows = {}
for (page, y), gs in lines.items():
    m = re.fullmatch(r'第(\d+)行', ''.join(c for _, c in sorted(gs)))
    if m:
        rows[int(m.group(1))] = y
low = sorted(k for k, y in rows.items() if y > foot + 1)
if sorted(rows) != list(range(1, 61)) or low:
    print(sys.argv[2], 'rows found:', len(rows), 'below the type area:', low[:5])
    sys.exit(1)
PY
    done
}
check "pdf table band taller than a page" pdf_tall_band
