# folio-pdf's titles, title page and contents: run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, check/ok/bad from tests/lib.sh).
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000

# the lines of the first heading of PDF's page N: those before the first
# line of body text BODY begins with
title_lines() {  # PDF PAGE BODY
    pdf_page_text "$1" "$2" | tr -d ' ' | awk -v body="$3" 'index($0, body) == 1 { exit } NF { print }'
}

# A title that runs over two lines breaks after its comma, not inside
# 新成效, in both styles.
pdf_article "1个100%+3个全覆盖,聊城市行政应诉工作取得新成效" "<p>正文第一段。</p>" >"$TMP/comma.xhtml"
pdf_title_comma() {
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/comma.pdf" "$TMP/comma.xhtml" 2>/dev/null || return 1
        title_lines "$TMP/comma.pdf" 1 正文 >"$TMP/lines"
        printf '%s\n' '1个100%+3个全覆盖,' '聊城市行政应诉工作取得新成效' | cmp -s - "$TMP/lines" ||
            { echo "$style:"; cat "$TMP/lines"; return 1; }
    done
}
check "pdf title breaks after its punctuation" pdf_title_comma

# Lines balanced: a title a little longer than the measure does not leave
# two characters alone on its last line; and no line is cut inside a run
# of digits or Latin letters.
pdf_title_balanced() {  # TITLE [SPREAD]: lines within SPREAD ems of each other (4.5)
    pdf_article "$1" "<p>正文第一段。</p>" >"$TMP/bal.xhtml"
    for style in book gbt9704; do
        "$BIN/folio-pdf" --style "$style" -o "$TMP/bal.pdf" "$TMP/bal.xhtml" 2>/dev/null || return 1
        title_lines "$TMP/bal.pdf" 1 正文 >"$TMP/lines"
        [ "$(wc -l <"$TMP/lines")" -ge 2 ] || { echo "$style: one line"; cat "$TMP/lines"; return 1; }
        python3 - "$TMP/lines" "${2:-4.5}" <<'EOF' || { echo "$style:"; cat "$TMP/lines"; return 1; }
import sys
lines = [l.rstrip('\n') for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
widths = [sum(0.5 if c.isascii() else 1 for c in l) for l in lines]
ok = len(lines[-1]) > 3 and max(widths) - min(widths) <= float(sys.argv[2])
for a, b in zip(lines, lines[1:]):
    if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        ok = False
sys.exit(0 if ok else 1)
EOF
    done
}
check "pdf title lines balanced (book measure + 2)" pdf_title_balanced "聊城市人民政府办公室印发城市生活垃圾分类工作实施方案的通知书"
check "pdf title lines balanced (gbt9704 measure + 2)" pdf_title_balanced "聊城市人民政府办公室印发城市生活垃圾分类实施方案"
check "pdf title never breaks in a Latin run" pdf_title_balanced "关于做好ABCDEFGHIJKLMN2023项目申报工作的通知及有关说明事项的补充" 10

# A title page for a title of 40 characters: the whole title on the page,
# in lines inside the type area (it used to run off both edges).
LONG40="二〇二三年度全国城市生活垃圾分类工作先进经验与典型案例及政策文件汇编"
SEED="$TOP/tests/golden/01-seed-gb18030-bulletin/expected.xhtml"
pdf_title_page() {  # STYLE
    "$BIN/folio-pdf" --style "$1" --title "$LONG40" --toc -o "$TMP/t40.pdf" "$SEED" 2>/dev/null || return 1
    pdf_page_text "$TMP/t40.pdf" 1 | tr -d ' \n' | grep -q "$LONG40" || { echo "title cut"; pdf_page_text "$TMP/t40.pdf" 1; return 1; }
    pdftotext -f 1 -l 1 -bbox "$TMP/t40.pdf" "$TMP/bbox.html" || return 1
    python3 - "$TMP/bbox.html" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
words = [(float(a), float(b)) for a, b in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)]
margin = 15 * 72 / 25.4
bad = [w for w in words if w[0] < margin or w[1] > width - margin]
if not words or bad:
    print("words outside the type area:", bad[:3], "of", len(words)); sys.exit(1)
EOF
}
# Where balance leaves a choice between breaks inside a run of ideographs,
# the one after a character that mostly ends a word: "全国城市/生活垃圾",
# not "全国城市生/活垃圾".
pdf_title_page_words() {  # STYLE
    "$BIN/folio-pdf" --style "$1" --title "$LONG40" --toc -o "$TMP/t40.pdf" "$SEED" 2>/dev/null || return 1
    pdf_page_text "$TMP/t40.pdf" 1 | tr -d ' ' | grep -v '^$' >"$TMP/t40.lines"
    grep -q '城市$' "$TMP/t40.lines" && ! grep -q '^活' "$TMP/t40.lines" || { cat "$TMP/t40.lines"; return 1; }
}
check "pdf long title page breaks at a word's end, book" pdf_title_page_words book
check "pdf long title page breaks at a word's end, gbt9704" pdf_title_page_words gbt9704
check "pdf long title page, book" pdf_title_page book
check "pdf long title page, gbt9704" pdf_title_page gbt9704

# The contents: a long article title wraps under its entry instead of
# being cut with an ellipsis, and every entry is a link to its article.
pdf_article "$LONG40$LONG40" "<p>正文第一段。</p>" >"$TMP/long-title.xhtml"
pdf_contents() {
    "$BIN/folio-pdf" --toc --title 目录测试 -o "$TMP/toc.pdf" "$TMP/long-title.xhtml" "$SEED" 2>/dev/null || return 1
    pdf_page_text "$TMP/toc.pdf" 3 | tr -d ' \n' >"$TMP/toc"
    grep -q "$LONG40$LONG40" "$TMP/toc" || { echo "entry cut:"; cat "$TMP/toc"; return 1; }
    grep -q '…' "$TMP/toc" && { echo "an ellipsis"; return 1; }
    n=$(qpdf --qdf --object-streams=disable "$TMP/toc.pdf" - 2>/dev/null | grep -ac '/Dest (m')
    [ "$n" = 2 ] || { echo "$n contents links, want 2"; return 1; }
    pdfinfo -dests "$TMP/toc.pdf" | grep -q '"m0"' || { echo "no destination m0"; return 1; }
}
check "pdf contents wrap and link" pdf_contents
unset SOURCE_DATE_EPOCH

# As a printed book: the title page's back is blank and the contents fill
# an even number of pages, so body page 1 is a right-hand (odd) page.
pdf_article "第一篇" "<p>正文第一段。</p>" >"$TMP/recto1.xhtml"
pdf_body_on_recto() {  # OPTION...
    "$BIN/folio-pdf" "$@" -o "$TMP/recto.pdf" "$TMP/recto1.xhtml" "$SEED" 2>/dev/null || return 1
    n=$(pdf_pages "$TMP/recto.pdf") p=1
    while [ "$p" -le "$n" ] && ! pdf_page_text "$TMP/recto.pdf" "$p" | tr -d ' ' | grep -q 正文第一段; do p=$((p + 1)); done
    [ $((p % 2)) = 1 ] && [ "$p" -le "$n" ] || { echo "body page 1 is page $p of $n"; return 1; }
    [ -z "$(pdf_page_text "$TMP/recto.pdf" 2 | tr -d ' \n\f')" ] || { echo "the title page's back is not blank"; return 1; }
}
check "pdf body page 1 on a right-hand page, title page" pdf_body_on_recto --title 汇编
check "pdf body page 1 on a right-hand page, contents" pdf_body_on_recto --title 汇编 --toc
check "pdf body page 1 on a right-hand page, gbt9704" pdf_body_on_recto --title 汇编 --toc -s gbt9704

# A law's 题注 under its title and its division headings (第一章　总　则,
# 第二节, 目录) are set centred in both styles; another heading keeps the
# style's place.
pdf_division_headings_centred() {  # STYLE
    pdf_article "某某省行政执法监督条例" '<p>（2024年5月1日起施行）</p><h2>目　录</h2><p>第一章　总　则</p><h2>第一章　总　则</h2>
<p><strong>第一条</strong>　为了加强行政执法监督，促进严格规范公正文明执法，保护公民、法人和其他组织的合法权益，根据有关法律、行政法规，结合本省实际，制定本条例。</p>
<h3>第二节　监督方式</h3><p><strong>第二条</strong>　本条例自公布之日起施行。</p>
<h2>一、工作要求</h2><p>各地要认真组织实施。</p>' >"$TMP/law.xhtml"
    "$BIN/folio-pdf" --no-source-line -s "$1" -o "$TMP/law-$1.pdf" "$TMP/law.xhtml" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    pdftotext -bbox "$TMP/law-$1.pdf" "$TMP/law-$1.html" || return 1
    python3 - "$TMP/law-$1.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
rows = {}
for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>', html):
    row = rows.setdefault(round(float(m.group(2))), [])
    row.append((float(m.group(1)), float(m.group(3)), m.group(4)))
lines = []
for y in sorted(rows):
    words = sorted(rows[y])
    lines.append((words[0][0], max(w[1] for w in words), ''.join(w[2] for w in words)))
text_lines = [l for l in lines if not l[2].startswith('—') and not l[2].isdigit()]
page_left = min(l[0] for l in text_lines)    # a paragraph's second line starts at the margin
right = max(l[1] for l in text_lines)
def centred(text):   # the heading: the last line of that text (the contents' entry comes first)
    for x0, x1, t in reversed(lines):
        if t == text:
            return abs((x0 - page_left) - (right - x1)) < 6   # within half an em
    print('no line', text, [l[2] for l in lines]); sys.exit(1)
for text in ('（2024年5月1日起施行）', '目录', '第一章总则', '第二节监督方式'):
    if not centred(text):
        print(text, 'is not centred'); sys.exit(1)
if centred('一、工作要求'):
    print('一、工作要求 is centred'); sys.exit(1)
PY
}
check "pdf a law's division headings centred" pdf_division_headings_centred book
check "pdf gbt9704 a law's division headings centred" pdf_division_headings_centred gbt9704
