# Output names: run by tests/run.sh in a subshell ($BIN $TOP, its own $TMP,
# the helpers of tests/lib.sh). folio-clean -o FOLDER and folio batch name
# a page by one rule (by its address, else by its file), and an address's
# percent-escaped UTF-8 becomes the characters it spells.

N=$TMP

# n_src DIR: an MHTML file, a page whose canonical link is escaped UTF-8, a
# GBK-escaped one, and a page without an address, all in DIR/src.
n_src() {
    mkdir -p "$1/src"
    cp "$TOP/tests/captures/mhtml/gbk-quoted-printable.mht" "$1/src/saved.mht"
    for pair in 'wiki|https://zh.wikipedia.org/wiki/%E7%BB%B4%E5%9F%BA%E7%99%BE%E7%A7%91' \
                'gbk|http://www.example.gov.cn/%D0%C2%CE%C5.html'; do
        printf '<html><head><meta charset="utf-8"><link rel="canonical" href="%s"><title>名字</title></head><body><p>一段文字，有标点，也够长了。一段文字，有标点，也够长了。一段文字。</p></body></html>\n' \
            "${pair#*|}" >"$1/src/${pair%%|*}.html"
    done
    cp "$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/input.html" "$1/src/plain.html"
}

N_WANT='plain.xhtml
www.example.gov.cn/_D0_C2_CE_C5.xhtml
www.example.gov.cn/lyj/2024/0312/zhishu.xhtml
zh.wikipedia.org/wiki/维基百科.xhtml'

n_list() { (cd "$1" && find . -name '*.xhtml' | sed 's|^\./||' | LC_ALL=C sort); }

t_n_same_rule() {
    d=$(scratch same-rule)
    n_src "$d"
    mkdir "$d/clean"
    (cd "$d" && "$BIN/folio-clean" -o clean src/saved.mht src/wiki.html src/gbk.html src/plain.html) \
        >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 0 || return 1
    (cd "$d" && "$BIN/folio-batch" src -o batch -j1 --quiet) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 0 || return 1
    got_clean=$(n_list "$d/clean")
    got_batch=$(n_list "$d/batch")
    [ "$got_clean" = "$N_WANT" ] || fail "folio-clean -o: $(echo $got_clean)" || return 1
    [ "$got_batch" = "$N_WANT" ] || fail "folio batch: $(echo $got_batch)" || return 1
    cmp -s "$d/clean/www.example.gov.cn/lyj/2024/0312/zhishu.xhtml" \
        "$d/batch/www.example.gov.cn/lyj/2024/0312/zhishu.xhtml" || fail "the MHTML's two articles differ"
}

# A page's own file name stays as written, % and all.
t_n_file_name() {
    d=$(scratch file-name)
    mkdir "$d/out"
    cp "$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/input.html" "$d/a%E7%BB%B4.html"
    run "$BIN/folio-clean" -o "$d/out" "$d/a%E7%BB%B4.html"
    exit_is 0 || return 1
    [ "$(n_list "$d/out")" = "a_E7_BB_B4.xhtml" ] || fail "named $(n_list "$d/out")"
}

test_fn "names: folio-clean -o and folio batch name a page alike" t_n_same_rule
test_fn "names: a file's own name is not unescaped" t_n_file_name
