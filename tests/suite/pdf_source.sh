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
