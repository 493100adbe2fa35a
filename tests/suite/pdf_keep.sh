# folio-pdf keeps together what a reader reads together: run by
# tests/run.sh in a subshell ($BIN $TOP, its own $TMP, check/ok/bad from
# tests/lib.sh). K one-line paragraphs before the case move it over the
# last lines of a page, in both styles.
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000

keep_article() {  # K TAIL
    body="<p>$(printf '示例文字%.0s' $(seq 1 40))结束。</p>"
    i=0
    while [ "$i" -lt "$1" ]; do body="$body<p>第${i}段。</p>"; i=$((i + 1)); done
    pdf_article "保持同页的测试" "$body$2"
}
keep_every_line() {  # TAIL TEXT...: the TEXTs on one page, for every K that
    tail=$1           # brings the tail to a page end (the first page holds
    shift             # 33 lines in book style, 22 in gbt9704)
    for style in book:21:33 gbt9704:9:21; do
        k=$(echo "$style" | cut -d: -f2) last=$(echo "$style" | cut -d: -f3) style=${style%%:*}
        while [ "$k" -le "$last" ]; do
            keep_article "$k" "$tail" >"$TMP/keep.xhtml"
            "$BIN/folio-pdf" --style "$style" -o "$TMP/keep.pdf" "$TMP/keep.xhtml" 2>/dev/null || return 1
            python3 "$TOP/tests/suite/pdf_same_page.py" "$TMP/keep.pdf" "$@" >"$TMP/where" ||
                { echo "$style, $k one-line paragraphs:"; cat "$TMP/where"; return 1; }
            k=$((k + 1))
        done
    done
}

# Two headings in a row stay together, with the first line they head.
check "pdf heading after heading kept with its text" keep_every_line \
    "<h2>二级标题</h2><h3>三级标题</h3><p>标题下正文。</p><p>$(printf '后文%.0s' $(seq 1 30))</p>" \
    二级标题 三级标题 标题下正文
# A line ending in "：" stays with the list it introduces.
check "pdf colon line kept with its list" keep_every_line \
    "<p>下列事项：</p><ul><li>事项甲</li><li>事项乙</li><li>事项丙</li></ul>" 下列事项 事项甲
# The last page of an article holds more than one lonely line.
check "pdf last line not alone" keep_every_line \
    "<p>$(printf '倒数第二段%.0s' $(seq 1 12))止。</p><p>末段。</p>" 末段 倒数第二段
unset SOURCE_DATE_EPOCH
