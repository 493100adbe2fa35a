# folio-pdf: run by tests/run.sh in a subshell ($BIN $TOP, its own $TMP,
# check/ok/bad from tests/lib.sh).
# Properties, not bytes: the shared checks when ../shared/checks is at hand,
# and our own pdffonts / pdftotext / qpdf checks always.
PDFCHECKS="$TOP/../shared/checks/pdf"
PDFSRC="$TOP/tests/suite/pdf_source_text.py"
SEED="$TOP/tests/golden/01-seed-gb18030-bulletin/expected.xhtml"
export SOURCE_DATE_EPOCH=1700000000

# every font embedded and subset; qpdf finds nothing wrong; the text is there
pdf_own_checks() {  # PDF WORD
    pdffonts "$1" >"$TMP/pdffonts" 2>&1 || return 1
    if tail -n +3 "$TMP/pdffonts" | awk '$(NF-4) != "yes" || $(NF-3) != "yes" { bad = 1 } END { exit bad }'; then :; else
        echo "font not embedded and subset:"; cat "$TMP/pdffonts"; return 1; fi
    qpdf --check "$1" >"$TMP/qpdf" 2>&1 || { cat "$TMP/qpdf"; return 1; }
    if grep -qE 'WARNING|damaged' "$TMP/qpdf"; then cat "$TMP/qpdf"; return 1; fi
    pdftotext "$1" - | tr -d ' \n' | grep -q "$2" || { echo "text '$2' not found"; return 1; }
}

check "pdf --help" "$BIN/folio-pdf" --help
check "pdf --version" "$BIN/folio-pdf" --version
"$BIN/folio-pdf" --bogus >/dev/null 2>&1; st=$?
[ "$st" = 2 ] && ok "pdf bad option exits 2" || bad "pdf bad option exits 2" "exit $st"
"$BIN/folio-pdf" --style nonesuch "$SEED" -o "$TMP/x.pdf" >/dev/null 2>"$TMP/err"; st=$?
[ "$st" = 2 ] && grep -q "unknown style" "$TMP/err" && [ ! -e "$TMP/x.pdf" ] &&
    ok "pdf bad style" || bad "pdf bad style" "exit $st: $(cat "$TMP/err")"
printf 'not a clean article\n' >"$TMP/junk.xhtml"
"$BIN/folio-pdf" --title 汇编 -o "$TMP/junk.pdf" "$SEED" "$TMP/junk.xhtml" 2>"$TMP/err"; st=$?
if [ "$st" = 1 ] && [ ! -e "$TMP/junk.pdf" ] && grep -q "folio-pdf: .*junk.xhtml" "$TMP/err" &&
   [ -z "$(ls "$TMP" | grep '^\.\?junk.pdf.')" ]; then ok "pdf bad input: exit 1, no file"
else bad "pdf bad input: exit 1, no file" "exit $st: $(cat "$TMP/err")"; fi

# the seed bulletin in both styles
python3 "$PDFSRC" "$SEED" >"$TMP/seed.txt"
check "pdf seed book" "$BIN/folio-pdf" -o "$TMP/seed.pdf" "$SEED"

# An article that is the first page of several goes into the book with a
# warning that names the page it goes on at; a whole one without.
pdf_next_page_said() {
    "$BIN/folio-pdf" --title 汇编 -o "$TMP/next.pdf" "$TOP/tests/golden/169-article-split-over-pages/expected.xhtml" "$SEED" 2>"$TMP/next.err" || return 1
    grep -q '^folio-pdf: warning: .*169-article-split-over-pages/expected.xhtml: the article continues on its next page, http://zjj.example.gov.cn/art/2024/11/20/art_1203_556677_2.html, which the book does not hold$' "$TMP/next.err" &&
        [ "$(grep -c 'continues on its next page' "$TMP/next.err")" = 1 ]
}
check "pdf says an article goes on at a page the book does not hold" pdf_next_page_said
check "pdf seed gbt9704" "$BIN/folio-pdf" --style gbt9704 -o "$TMP/seed-gb.pdf" "$SEED"
check "pdf seed own checks" pdf_own_checks "$TMP/seed.pdf" "聊城市积极探索"
check "pdf seed gbt9704 own checks" pdf_own_checks "$TMP/seed-gb.pdf" "聊城市积极探索"
pdfinfo "$TMP/seed.pdf" 2>/dev/null | grep -q '^Title: *1个100%' && ok "pdf seed title metadata" ||
    bad "pdf seed title metadata" "$(pdfinfo "$TMP/seed.pdf" 2>&1 | head -3)"
pdfinfo "$TMP/seed.pdf" 2>/dev/null | grep -q '^CreationDate:.*2023' && ok "pdf date from SOURCE_DATE_EPOCH" ||
    bad "pdf date from SOURCE_DATE_EPOCH" "$(pdfinfo "$TMP/seed.pdf" 2>&1 | grep Date)"
"$BIN/folio-pdf" -o "$TMP/seed2.pdf" "$SEED" 2>/dev/null
check "pdf same input, same bytes" cmp "$TMP/seed.pdf" "$TMP/seed2.pdf"
[ "$(pdftotext -f 1 -l 1 "$TMP/seed.pdf" - | grep -c '^1$')" -ge 1 ] && ok "pdf page number" ||
    bad "pdf page number" "no page number 1 on page 1"

# a compilation of every golden article, with title page and contents
set -- "$TOP"/tests/golden/*/expected.xhtml
narts=$#
check "pdf compilation" "$BIN/folio-pdf" --title "测试汇编" --publisher "folio" --toc -o "$TMP/book.pdf" "$@"
check "pdf compilation own checks" pdf_own_checks "$TMP/book.pdf" "目录"
nout=$(qpdf --json=2 --json-key=outlines "$TMP/book.pdf" 2>/dev/null | grep -c '"title"')
[ "$nout" -ge "$narts" ] && ok "pdf compilation bookmarks" || bad "pdf compilation bookmarks" "$nout < $narts"
mutool show "$TMP/book.pdf" trailer/Root 2>/dev/null | grep -q PageLabels && ok "pdf page labels" ||
    bad "pdf page labels" "no /PageLabels"
# the contents are a TOC element of TOCI entries; the heading the
# contents repeat on their later pages is no content
pdf_book_struct() {
    python3 "$TOP/tests/suite/pdf_struct.py" "$1" >"$TMP/struct" &&
        grep -q '^elements:.* TOC=.* TOCI=' "$TMP/struct" && grep -qx 'unmarked content: 0' "$TMP/struct" &&
        grep -qx 'unparented links: 0' "$TMP/struct" || { cat "$TMP/struct"; return 1; }
}
check "pdf compilation structure" pdf_book_struct "$TMP/book.pdf"

# The long article: a table across pages, a PNG and a JPEG, links, a quote,
# a list and a signature, in both styles.
LONG_DIR="$TOP/tests/golden/60-long-article-tables-images"
LONG="$LONG_DIR/expected.xhtml"
python3 "$PDFSRC" "$LONG" >"$TMP/long.txt"
check "pdf long article" "$BIN/folio-pdf" -o "$TMP/long.pdf" "$LONG"
check "pdf long article gbt9704" "$BIN/folio-pdf" --style gbt9704 -o "$TMP/long-gb.pdf" "$LONG"
check "pdf long own checks" pdf_own_checks "$TMP/long.pdf" "2022年全市降水总量"
check "pdf long gbt9704 own checks" pdf_own_checks "$TMP/long-gb.pdf" "2022年全市降水总量"
"$BIN/folio-pdf" -o "$TMP/long2.pdf" "$LONG" 2>/dev/null
check "pdf long same bytes" cmp "$TMP/long.pdf" "$TMP/long2.pdf"
npages=$(pdfinfo "$TMP/long.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${npages:-0}" -ge 3 ] && ok "pdf long three pages or more" || bad "pdf long three pages or more" "${npages:-no} pages"

# both images drawn; the JPEG's own bytes embedded (DCT), not decoded and
# compressed again
pdf_images() {  # PDF
    pdfimages -list "$1" >"$TMP/images" 2>&1 || { cat "$TMP/images"; return 1; }
    [ "$(awk 'NR > 2 && $9 == "jpeg"' "$TMP/images" | wc -l)" = 1 ] &&
        [ "$(awk 'NR > 2 && $9 != "jpeg" && $3 == "image"' "$TMP/images" | wc -l)" = 1 ] ||
        { echo "want one JPEG and one other image:"; cat "$TMP/images"; return 1; }
    rm -rf "$TMP/img" && mkdir "$TMP/img" && pdfimages -j "$1" "$TMP/img/x" || return 1
    cmp "$TMP/img/x-001.jpg" "$LONG_DIR/reservoir.jpg" || { echo "the JPEG was re-encoded"; return 1; }
}
check "pdf long images" pdf_images "$TMP/long.pdf"

# the table's head rows again on each page the table goes on to
pdf_table_head() {  # PDF
    n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p') p=1 heads=0 last=0
    while [ "$p" -le "$n" ]; do
        pdftotext -f "$p" -l "$p" "$1" - | tr -d ' \n' >"$TMP/page"
        grep -q '较上年（%）' "$TMP/page" && heads=$((heads + 1))
        grep -q -- '-19.4' "$TMP/page" && last=$p
        p=$((p + 1))
    done
    [ "$heads" -ge 2 ] || { echo "table head on $heads page(s)"; return 1; }
    pdftotext -f "$last" -l "$last" "$1" - | tr -d ' \n' | grep -q '较上年（%）' ||
        { echo "no head over the table's last rows (page $last)"; return 1; }
}
check "pdf long table head repeated" pdf_table_head "$TMP/long.pdf"
check "pdf long gbt9704 table head repeated" pdf_table_head "$TMP/long-gb.pdf"

# links as URI annotations inside the structure tree; language; tags
pdf_links_tags() {  # PDF
    python3 "$TOP/tests/suite/pdf_struct.py" "$1" >"$TMP/struct" || { cat "$TMP/struct"; return 1; }
    for uri in http://slj.liaocheng.gov.cn/xxgk/szygb/202306/P020230630512345678.pdf \
               http://slj.liaocheng.gov.cn/xxgk/szygb/ mailto:slj_szy@lc.shandong.cn \
               http://slj.liaocheng.gov.cn/xxgk/szygb/202306/P020230630512345679.xls; do
        grep -qx "link [0-9]* $uri" "$TMP/struct" || { echo "no link to $uri"; cat "$TMP/struct"; return 1; }
    done
    [ "$(grep -c '^link ' "$TMP/struct")" = 4 ] || { echo "want 4 links"; cat "$TMP/struct"; return 1; }
    grep -qx 'unparented links: 0' "$TMP/struct" && grep -qx 'lang: zh-CN' "$TMP/struct" &&
        grep -qx 'marked: true' "$TMP/struct" && grep -qx 'unmarked content: 0' "$TMP/struct" ||
        { cat "$TMP/struct"; return 1; }
    for el in H1 H2 H3 P L LI Table TR TH TD Figure Caption BlockQuote Link; do
        grep -q "^elements:.* $el=" "$TMP/struct" || { echo "no $el element"; cat "$TMP/struct"; return 1; }
    done
    pdfinfo "$1" | grep -q '^Tagged: *yes' || { echo "pdfinfo: not tagged"; return 1; }
}
check "pdf long links, language, tags" pdf_links_tags "$TMP/long.pdf"
check "pdf long gbt9704 links, language, tags" pdf_links_tags "$TMP/long-gb.pdf"

# A link's box and underline start at its word, not at the space before it.
pdf_link_starts_at_word() {
    cat >"$TMP/linkword.xhtml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><meta charset="UTF-8"/><title>Links</title></head>
<body><article><h1>Links</h1>
<p>A matrix is a <a href="http://a.example.org/square">square</a> array of numbers, and <strong>this</strong> one is <a href="http://a.example.org/real">real</a>.</p>
</article></body></html>
EOF
    "$BIN/folio-pdf" -o "$TMP/linkword.pdf" "$TMP/linkword.xhtml" || return 1
    python3 "$TOP/tests/suite/pdf_struct.py" "$TMP/linkword.pdf" >"$TMP/linkword.struct" || return 1
    pdftotext -bbox "$TMP/linkword.pdf" "$TMP/linkword.html" || return 1
    for w in square real; do
        box=$(awk -v u="http://a.example.org/$w" '$1 == "rect" && $3 == u { print $4 }' "$TMP/linkword.struct")
        word=$(sed -n "s/.*xMin=\"\([0-9.]*\)\".*>$w[.<].*/\1/p" "$TMP/linkword.html" | head -1)
        [ -n "$box" ] && [ -n "$word" ] || { echo "no box or word for $w"; cat "$TMP/linkword.struct"; return 1; }
        awk -v b="$box" -v w="$word" 'BEGIN { exit !(b >= w - 1) }' ||
            { echo "link box of '$w' starts at $box, its word at $word"; return 1; }
    done
}
check "pdf link box starts at its word" pdf_link_starts_at_word

# Links and <u> are underlined and <s> struck through, each span once, on
# its own line's text: two heights a line, one a little below the baseline
# and one through the letters. (folio draws these itself.)
pdf_decorations() {
    cat >"$TMP/deco.xhtml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
<head><meta charset="UTF-8"/><title>线</title></head>
<body><article><h1>线</h1>
<p>见<a href="http://a.example.cn/x">链接</a>和<u>下划线</u>，又有<s>删除线</s>。</p>
<table><tbody><tr><td><a href="http://a.example.cn/y">表格链接</a></td><td><s>作废</s></td></tr></tbody></table>
</article></body></html>
EOF
    "$BIN/folio-pdf" -o "$TMP/deco.pdf" "$TMP/deco.xhtml" || return 1
    python3 - "$TMP/deco.pdf" <<'PY'
import re, sys, zlib
data = open(sys.argv[1], 'rb').read()
thin = []
for m in re.finditer(rb'stream\r?\n', data):
    try:
        text = zlib.decompress(data[m.end():data.find(b'endstream', m.end())])
    except zlib.error:
        continue
    for x, y, w, h in re.findall(rb'([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re f', text):
        if 0 < float(h) < 1.5 and float(w) > 5:
            thin.append((round(float(y), 1), float(w)))
if len(thin) != 5:
    sys.exit('want 5 lines drawn (3 under, 2 through), got %d: %s' % (len(thin), thin))
heights = sorted(set(y for y, w in thin))
if len(heights) != 4:   # the paragraph's two kinds, the table's two
    sys.exit('want lines at 4 heights, got %s' % heights)
PY
}
check "pdf underlines links and <u>, strikes <s>" pdf_decorations

# Links everywhere they can be: a heading, a paragraph of 120 running over
# pages, table cells, nested list items; every one an annotation inside the
# structure, the one broken by a page end on both pages.
awk 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>"
    print "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">"
    print "<head>\n<meta charset=\"UTF-8\"/>\n<title>链接</title>\n</head>\n<body><article>\n<h1>链接</h1>"
    print "<h2>见<a href=\"http://a.example.cn/h2\">标题链接</a>说明</h2>"
    printf "<p>"
    for (i = 0; i < 120; i++) printf "第%d条见<a href=\"http://a.example.cn/p/%d\">附件%d所列说明文字与有关规定的全部内容</a>，", i, i, i
    print "以上。</p>\n<table><tbody><tr><th>项目</th><th>链接</th></tr>"
    for (i = 0; i < 40; i++) printf "<tr><td>第%d项</td><td><a href=\"https://b.example.cn/t/%d\">表格链接%d</a></td></tr>\n", i, i, i
    print "</tbody></table>\n<ul><li>条目<a href=\"mailto:x@example.cn\">邮件</a><ul><li>下级<a href=\"ftp://f.example.cn/x\">文件</a></li></ul></li></ul>"
    print "</article></body></html>"
}' >"$TMP/links.xhtml"
pdf_many_links() {  # STYLE
    "$BIN/folio-pdf" --style "$1" -o "$TMP/links.pdf" "$TMP/links.xhtml" || return 1
    qpdf --check "$TMP/links.pdf" >"$TMP/qpdf" 2>&1 && ! grep -qE 'WARNING|damaged' "$TMP/qpdf" || { cat "$TMP/qpdf"; return 1; }
    python3 "$TOP/tests/suite/pdf_struct.py" "$TMP/links.pdf" >"$TMP/struct" || return 1
    n=$(grep '^link ' "$TMP/struct" | cut -d' ' -f3 | sort -u | wc -l)
    [ "$n" = 163 ] || { echo "$n distinct link targets, want 163"; return 1; }
    [ "$(grep -c '^link ' "$TMP/struct")" -gt 163 ] || { echo "no link broken across pages"; return 1; }
    grep -qx 'unparented links: 0' "$TMP/struct" && grep -qx 'unmarked content: 0' "$TMP/struct" ||
        { grep -v '^link' "$TMP/struct"; return 1; }
}
check "pdf many links" pdf_many_links book
check "pdf many links gbt9704" pdf_many_links gbt9704

# stops at a line end take half an em; the signature is set right (two
# characters in on the GB/T 9704 page)
check "pdf long line ends" python3 "$TOP/tests/suite/pdf_line_ends.py" "$TMP/long-gb.pdf"
check "pdf long signature, book" python3 "$TOP/tests/suite/pdf_line_ends.py" "$TMP/long.pdf" \
    --flush-right 聊城市水利局 --flush-right 2023年6月30日
check "pdf long signature, gbt9704" sh -c 'cd "$1" && python3 pdf_signature.py "$2" 聊城市水利局 2023年6月30日 --in 2' \
    - "$TOP/tests/suite" "$TMP/long-gb.pdf"

# the shared checks
if [ -d "$PDFCHECKS" ]; then
    check "pdf run_all long article" sh "$PDFCHECKS/run_all.sh" "$TMP/long.pdf" "$TMP/long.txt"
    # not --gbt9704: its 22 lines a page are for running text, and pages
    # holding table rows or a picture cannot have them
    check "pdf run_all long article gbt9704" sh "$PDFCHECKS/run_all.sh" "$TMP/long-gb.pdf" "$TMP/long.txt"
    check "pdf run_all seed" sh "$PDFCHECKS/run_all.sh" "$TMP/seed.pdf" "$TMP/seed.txt"
    check "pdf run_all seed gbt9704" sh "$PDFCHECKS/run_all.sh" "$TMP/seed-gb.pdf" "$TMP/seed.txt" --gbt9704
    python3 "$PDFSRC" --contents "$@" >"$TMP/book.txt"   # the book prints its contents first
    check "pdf run_all compilation" sh "$PDFCHECKS/run_all.sh" "$TMP/book.pdf" "$TMP/book.txt"
    if "$BIN/folio-clean" -o "$TMP/kinsoku.xhtml" "$PDFCHECKS/samples/kinsoku_stress.html" 2>"$TMP/err" &&
       "$BIN/folio-pdf" -o "$TMP/kinsoku.pdf" "$TMP/kinsoku.xhtml" 2>>"$TMP/err"; then
        check "pdf kinsoku stress" python3 "$PDFCHECKS/check_kinsoku.py" "$TMP/kinsoku.pdf" --level=basic
    else bad "pdf kinsoku stress" "$(cat "$TMP/err")"; fi
    if "$BIN/folio-pdf" --style gbt9704 -o "$TMP/kinsoku-gb.pdf" "$TMP/kinsoku.xhtml" 2>"$TMP/err"; then
        check "pdf kinsoku stress line ends" python3 "$TOP/tests/suite/pdf_line_ends.py" "$TMP/kinsoku-gb.pdf"
    else bad "pdf kinsoku stress line ends" "$(cat "$TMP/err")"; fi
    python3 "$PDFCHECKS/measure_layout.py" "$TMP/seed.pdf" >"$TMP/layout" 2>&1
    ratio=$(sed -n 's/^punct_pair_span_ratio_median: //p' "$TMP/layout")
    awk -v r="$ratio" 'BEGIN { exit !(r != "" && r <= 0.8) }' && ok "pdf punctuation compression" ||
        bad "pdf punctuation compression" "pair ratio ${ratio:-none}"
fi
unset SOURCE_DATE_EPOCH

# A character no font has is reported with its code point, its article and
# its page, never dropped silently: U+30000 (CJK Ext. G) is in no Noto face.
sed 's|<p>近年来|<p>𰀀近年来|' "$SEED" >"$TMP/tofu.xhtml"
"$BIN/folio-pdf" -o "$TMP/tofu.pdf" "$TMP/tofu.xhtml" 2>"$TMP/err"; st=$?
if [ "$st" = 0 ] && grep -q "^folio-pdf: warning: $TMP/tofu.xhtml: U+30000 is in no installed font (page 1)" "$TMP/err"; then
    ok "pdf missing glyph reported"
else bad "pdf missing glyph reported" "exit $st: $(head -c 300 "$TMP/err")"; fi
# White space collapsed between two Chinese characters goes, and a bold run
# that follows it still starts on a character (else cairo stops drawing).
sed 's|<p>近年来|<table><tbody><tr><td>曲目<ol>\
<li><strong>一个男人</strong></li></ol></td></tr></tbody></table><p>近年来|' "$SEED" >"$TMP/boldspan.xhtml"
"$BIN/folio-pdf" -o "$TMP/boldspan.pdf" "$TMP/boldspan.xhtml" 2>"$TMP/err"; st=$?
if [ "$st" = 0 ] && ! grep -q cairo "$TMP/err" && pdftotext "$TMP/boldspan.pdf" - | tr -d ' \n' | grep -q '曲目.*一个男人.*近年来'; then
    ok "pdf bold run after collapsed space"
else bad "pdf bold run after collapsed space" "exit $st: $(head -c 300 "$TMP/err")"; fi
# A crash of the PDF library is told in folio's words, and nothing is written.
FOLIO_PDF_TEST_ABORT=1 "$BIN/folio-pdf" -o "$TMP/crash.pdf" "$SEED" 2>"$TMP/err"; st=$?
if [ "$st" = 1 ] && [ ! -e "$TMP/crash.pdf" ] && [ -z "$(ls "$TMP" | grep '^crash.pdf')" ] &&
   grep -q "^folio-pdf: $TMP/crash.pdf: the PDF library crashed while finishing the file (signal 6); nothing was written" "$TMP/err"; then
    ok "pdf library crash reported, no file"
else bad "pdf library crash reported, no file" "exit $st: $(head -c 300 "$TMP/err")"; fi
# ...once for its page, however often it occurs there
sed 's|<p>近年来|<p>𰀀𰀀近年来𰀀|' "$SEED" >"$TMP/tofu3.xhtml"
"$BIN/folio-pdf" -o "$TMP/tofu3.pdf" "$TMP/tofu3.xhtml" 2>"$TMP/err"
n=$(grep -c "U+30000 is in no installed font (page 1)" "$TMP/err")
[ "$n" = 1 ] && ok "pdf missing glyph told once a page" || bad "pdf missing glyph told once a page" "$n warnings"

# A picture among a paragraph's words is set as a block between the text
# before and after it, not dropped; one deeper inside the words (in bold
# text) is set as its alt text, and folio-pdf says so.
pdf_picture_in_paragraph() {
    png=$(python3 -c 'import base64,struct,zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\0" + b"\x20\x60\xa0" * 120 for _ in range(80))
print(base64.b64encode(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 120, 80, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")).decode())')
    cat >"$TMP/pic.xhtml" <<XHTML
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>图文</title></head>
<body><article><h1>图文</h1>
<p>水位站建成后的外观如下图所示<img src="data:image/png;base64,$png" alt="水位站"/>站房为单层砖混结构。</p>
<p>按<strong>图标<img src="data:image/png;base64,$png" alt="箭头"/>所示</strong>方向进入。</p>
</article></body></html>
XHTML
    "$BIN/folio-pdf" -o "$TMP/pic.pdf" "$TMP/pic.xhtml" 2>"$TMP/pic.err" || { cat "$TMP/pic.err"; return 1; }
    [ "$(pdfimages -list "$TMP/pic.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" = 1 ] ||
        { echo "want the one picture drawn:"; pdfimages -list "$TMP/pic.pdf"; return 1; }
    pdftotext "$TMP/pic.pdf" - | tr -d ' \n' >"$TMP/pic.txt"
    grep -q '如下图所示' "$TMP/pic.txt" && grep -q '站房为单层砖混结构' "$TMP/pic.txt" &&
        grep -q '［箭头］所示' "$TMP/pic.txt" || { echo "text:"; cat "$TMP/pic.txt"; return 1; }
    [ "$(grep -c 'picture inside a line of text' "$TMP/pic.err")" = 1 ] || { echo "stderr:"; cat "$TMP/pic.err"; return 1; }
}
check "pdf picture inside a paragraph" pdf_picture_in_paragraph

# The running head is drawn (the rule and the title's outlines) but is not
# text: a paragraph over a page end is copied and extracted whole.
pdf_running_head_not_text() {
    python3 - "$TMP/rh.xhtml" <<'PY'
import sys
para = '第{}条规定，执法人员应当按照法定程序履行职责，做到事实清楚、证据确凿、适用依据正确。'
body = ''.join(para.format(i) for i in range(1, 61))
open(sys.argv[1], 'w', encoding='utf-8').write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head>'
    '<meta charset="UTF-8"/><title>执法程序规定</title></head><body><article><h1>执法程序规定</h1>'
    '<p>' + body + '</p></article></body></html>\n')
open(sys.argv[1] + '.txt', 'w', encoding='utf-8').write(body)
PY
    cp "$TMP/rh.xhtml" "$TMP/rh2.xhtml"
    "$BIN/folio-pdf" --title 培训资料汇编 -o "$TMP/rh.pdf" "$TMP/rh.xhtml" "$TMP/rh2.xhtml" 2>"$TMP/rh.err" ||
        { cat "$TMP/rh.err"; return 1; }
    [ "$(pdfinfo "$TMP/rh.pdf" | sed -n 's/^Pages: *//p')" -ge 4 ] || { echo "want the paragraph over pages"; return 1; }
    pdftotext -raw "$TMP/rh.pdf" - | grep -v '^[0-9]*$' | tr -d ' \n\f' >"$TMP/rh.txt"
    [ "$(grep -o "$(cat "$TMP/rh.xhtml.txt")" "$TMP/rh.txt" | wc -l)" = 2 ] ||
        { echo "the paragraph is not whole in the extracted text:"; head -c 600 "$TMP/rh.txt"; return 1; }
    ! grep -q 培训资料汇编.*培训资料汇编 "$TMP/rh.txt" || { echo "the running head is text"; return 1; }
    # drawn all the same: page 3 has more ink in its head than an empty band
    pdftoppm -r 40 -gray -f 3 -l 3 -y 0 -H 70 -W 400 "$TMP/rh.pdf" >"$TMP/rh.pgm"
    python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); sys.exit(0 if d.count(bytes([0])) + sum(1 for b in d[-20000:] if b < 128) > 50 else 1)' "$TMP/rh.pgm" ||
        { echo "no running head drawn on page 3"; return 1; }
}
check "pdf running head drawn, not text" pdf_running_head_not_text

# A title longer than the measure ends in an ellipsis over the rule; no ink
# of the head band lies outside the type area, on a left page or a right.
pdf_long_running_head() {
    python3 - "$TMP/lh.xhtml" <<'PY'
import sys
title = '关于禁止在嫩江干流补充治理工程建设征占地范围内新增建设项目和迁入人口及进一步加强沿江两岸土地利用管理工作的通告'
para = '<p>第{}条规定，执法人员应当按照法定程序履行职责，做到事实清楚、证据确凿、适用依据正确，程序合法。</p>'
open(sys.argv[1], 'w', encoding='utf-8').write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head>'
    '<meta charset="UTF-8"/><title>' + title + '</title></head><body><article><h1>' + title + '</h1>'
    + ''.join(para.format(i) for i in range(1, 90)) + '</article></body></html>\n')
PY
    "$BIN/folio-pdf" --no-source-line -o "$TMP/lh.pdf" "$TMP/lh.xhtml" 2>"$TMP/lh.err" || { cat "$TMP/lh.err"; return 1; }
    for page in 2 3; do
        pdftoppm -r 72 -gray -f $page -l $page "$TMP/lh.pdf" >"$TMP/lh.pgm" || return 1
        python3 - "$TMP/lh.pgm" <<'PY' || { echo "page $page: the running head runs past the type area"; return 1; }
import sys
data = open(sys.argv[1], 'rb').read()
head, rest = data.split(b'\n255\n', 1)
w, h = map(int, head.split()[-2:])
rows = [rest[y * w:(y + 1) * w] for y in range(h)]
# the rule: the first long dark row; the head's ink stands in the 20 rows above it
rule = next(y for y, r in enumerate(rows) if sum(b < 128 for b in r) > w / 2)
left = min(x for x in range(w) if rows[rule][x] < 128)
right = max(x for x in range(w) if rows[rule][x] < 128)
ink = [x for y in range(rule - 20, rule - 1) for x in range(w) if rows[y][x] < 128]
sys.exit(0 if ink and min(ink) >= left - 1 and max(ink) <= right + 1 else 1)
PY
    done
}
check "pdf long running head held to the measure" pdf_long_running_head

# A heading in two parts (joined by an ideographic space where the page
# broke the line) is set on two lines, its number run in before the first.
pdf_heading_parts() {
    cat >"$TMP/parts.xhtml" <<'XHTML'
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>经验</title></head>
<body><article><h1>经验</h1><h2>01</h2><h3>“小网格”织密　托起“大民生”</h3>
<p>全区将社区划分为网格，每个网格配备一名专职网格员。</p><h2>第一章　总则</h2><p>正文。</p></article></body></html>
XHTML
    "$BIN/folio-pdf" -o "$TMP/parts.pdf" "$TMP/parts.xhtml" 2>"$TMP/parts.err" || { cat "$TMP/parts.err"; return 1; }
    pdftotext -layout "$TMP/parts.pdf" - | sed 's/^ *//; s/ *$//' >"$TMP/parts.txt"
    grep -q '^01 *“小网格”织密$' "$TMP/parts.txt" && grep -q '^托起“大民生”$' "$TMP/parts.txt" ||
        { echo "want the heading's two parts on two lines:"; cat "$TMP/parts.txt"; return 1; }
    grep -q '^第一章 *总则$' "$TMP/parts.txt" || { echo "a short heading split:"; cat "$TMP/parts.txt"; return 1; }
}
check "pdf heading in two parts" pdf_heading_parts
