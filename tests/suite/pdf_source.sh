# folio-pdf's 来源 · date line under each article's title (book style, on
# unless --no-source-line): run by tests/run.sh in a subshell ($BIN $TOP,
# its own $TMP, check/ok/bad from tests/lib.sh).
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000

pdf_article "聊城市行政应诉工作取得新成效" "<p>正文第一段。</p>" \
    '<meta name="dcterms.date" content="2019-11-13"/>
<meta name="dcterms.publisher" content="山东省司法厅"/>' >"$TMP/both.xhtml"
pdf_article "春季农业生产工作会议召开" "<p>正文第二段。</p>" \
    '<meta name="dcterms.date" content="2023-03-05T09:30"/>' >"$TMP/date.xhtml"
pdf_article "无来源也无日期的一篇" "<p>正文第三段。</p>" >"$TMP/none.xhtml"
set -- "$TMP/both.xhtml" "$TMP/date.xhtml" "$TMP/none.xhtml"

# what page N holds from its title to its first body line, spaces dropped
opening() {  # PDF PAGE
    pdf_page_text "$1" "$2" | tr -d ' \f' | awk 'NF { print } /^正文/ { exit }' | tr '\n' '/'
}

pdf_source_lines() {
    "$BIN/folio-pdf" -o "$TMP/book.pdf" "$@" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    # page 1 is the title page, page 2 its blank back
    for want in "3 聊城市行政应诉工作取得新成效/来源：山东省司法厅·2019年11月13日/正文第一段。/" \
                "4 春季农业生产工作会议召开/2023年3月5日/正文第二段。/" \
                "5 无来源也无日期的一篇/正文第三段。/"; do
        got=$(opening "$TMP/book.pdf" "${want%% *}")
        [ "$got" = "${want#* }" ] || { echo "page ${want%% *}: $got, expected ${want#* }"; return 1; }
    done
}
check "pdf 来源 · date under each title" pdf_source_lines --title 汇编 "$@"

# An article in English: no 来源 label, no 年月日.
pdf_article "Harbour ferries" "<p>The ferries run all winter.</p>" \
    '<meta name="dcterms.date" content="2020-02-24T08:15"/>
<meta name="dcterms.publisher" content="City Press"/>' |
    sed 's/lang="zh-CN" xml:lang="zh-CN"/lang="en" xml:lang="en"/' >"$TMP/en.xhtml"
pdf_source_line_english() {
    "$BIN/folio-pdf" -o "$TMP/en.pdf" "$TMP/en.xhtml" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
    got=$(pdftotext -l 1 "$TMP/en.pdf" - | sed -n 2p)
    [ "$got" = "City Press · 2020-02-24" ] || { echo "source line: $got"; return 1; }
}
check "pdf source line of an English article" pdf_source_line_english

# Emphasis: Han words in Kai (clreq), Western words leaning in the body
# face, never in Kai's typewriter Latin letters.
pdf_emphasis_faces() {
    pdf_article "强调" "<p>正文中的<em>强调文字</em>照常。</p>" >"$TMP/em-han.xhtml"
    pdf_article "Emphasis" "<p>The <em>emphasis here</em> and <em>there</em>.</p>" |
        sed 's/lang="zh-CN" xml:lang="zh-CN"/lang="en" xml:lang="en"/' >"$TMP/em-latin.xhtml"
    "$BIN/folio-pdf" --no-source-line -o "$TMP/em-han.pdf" "$TMP/em-han.xhtml" &&
        "$BIN/folio-pdf" --no-source-line -o "$TMP/em-latin.pdf" "$TMP/em-latin.xhtml" || return 1
    pdffonts "$TMP/em-han.pdf" | grep -qi kai || { echo "Han emphasis not in Kai"; pdffonts "$TMP/em-han.pdf"; return 1; }
    ! pdffonts "$TMP/em-latin.pdf" | grep -qi kai || { echo "Latin emphasis in Kai"; pdffonts "$TMP/em-latin.pdf"; return 1; }
    pdftotext "$TMP/em-latin.pdf" - | tr -s ' \n' ' ' | grep -q 'The emphasis here and there' ||
        { echo "Latin emphasis text lost"; return 1; }
}
check "pdf emphasis: Han in Kai, Latin leaning" pdf_emphasis_faces

pdf_no_source_line() {  # OPTION...: no 来源 and no date line
    "$BIN/folio-pdf" --title 汇编 -o "$TMP/off.pdf" "$@" "$TMP/both.xhtml" "$TMP/date.xhtml" 2>"$TMP/err" ||
        { cat "$TMP/err"; return 1; }
    got="$(opening "$TMP/off.pdf" 3)$(opening "$TMP/off.pdf" 4)"
    case $got in *来源*|*年*月*日*) echo "$got"; return 1 ;; esac
    case $got in *正文第一段*正文第二段*) ;; *) echo "no body text: $got"; return 1 ;; esac
}
check "pdf --no-source-line" pdf_no_source_line --no-source-line
check "pdf gbt9704 has no source line" pdf_no_source_line --style gbt9704
"$BIN/folio-pdf" --help | grep -q -- '--no-source-line' && ok "pdf --help tells --no-source-line" ||
    bad "pdf --help tells --no-source-line"
unset SOURCE_DATE_EPOCH
