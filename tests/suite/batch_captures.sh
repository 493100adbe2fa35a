# folio-batch over capture containers: run by tests/run.sh in a subshell
# ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh). One SRC folder
# holds an MHTML page, a WARC of gzip members and a zip of saved pages,
# beside broken ones of each kind; the containers are built by the fixture
# scripts the warc and zip suites use. Each test is a function that returns
# 0 when the tool behaved, or calls fail and returns 1. Every run happens
# inside $BC/run, which must hold nothing afterwards but src/ and the output
# folders.

BC=$TMP
mkdir -p "$BC/run"

bc_test() {
    bc_here=$(pwd)
    cd "$BC/run" || return
    test_fn "batch captures $1" "$2"
    cd "$bc_here" || return
}
bc_want_counts() {
    bc_got=$(sed -n 's/^folio-batch: pages found \([0-9]*\), converted \([0-9]*\), skipped \([0-9]*\) (up to date), failed \([0-9]*\), elapsed .*/found \1 converted \2 skipped \3 failed \4/p' "$BC/err")
    [ "$bc_got" = "$1" ] || fail "summary says '$bc_got', expected '$1'; stderr: $(tail -c 300 "$BC/err")"
}
# bc_grep FILE TEXT: FILE holds TEXT (fixed).
bc_grep() { grep -qF -e "$2" "$1" || fail "$1 lacks '$2'"; }
# Every file and link under the current folder, outside the bookkeeping.
bc_list() { find . -path ./out/.folio-batch -prune -o ! -type d -print | LC_ALL=C sort; }
# The MHTML fixture's image part, in base64 as it is written there.
bc_mhtml_png() {
    sed -n '/^Content-Location: .*tree\.png/,/^------=_Part_gbk_qp_2024--/p' \
        "$TOP/tests/captures/mhtml/gbk-quoted-printable.mht" | sed '1,2d;$d' | tr -d '\r'
}
bc_sums() { find src -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; }

# --- the sources ---------------------------------------------------------------
# Good containers at the top, broken ones in trouble/: names are claimed in
# the order pages are found, so the good WARC's pages get the plain names
# and the broken WARCs' good pages the -2, -3 ones.
bc_built=yes
sh "$TOP/tests/captures/warc/build.sh" "$BC/warc" >"$BC/build.err" 2>&1 &&
    python3 "$TOP/tests/captures/zip/make_zips.py" "$BC/zip" >>"$BC/build.err" 2>&1 || bc_built=no
BC_SRC="$BC/run/src"
mkdir -p "$BC_SRC/trouble/loop/deeper"
if [ "$bc_built" = yes ]; then
    cp "$BC/warc/good.warc.gz" "$BC_SRC/crawl.warc.gz"
    cp "$TOP/tests/captures/mhtml/gbk-quoted-printable.mht" "$BC_SRC/gbk.mht"
    cp "$BC/zip/pages.zip" "$BC_SRC/pages.zip"
    cp "$BC/warc/truncated.warc.gz" "$BC/warc/wrong-length.warc" "$BC/zip/evil.zip" \
        "$TOP/tests/captures/mhtml/no-boundary.mht" "$BC_SRC/trouble/"
    : >"$BC_SRC/trouble/empty.html"
    ln -s ../.. "$BC_SRC/trouble/loop/deeper/up"
    (cd "$BC/run" && bc_sums) >"$BC/sums.before"
fi

# The pages, by the names their addresses give (and the zips' by entry).
BC_Q=www.qinghe.example
BC_ZHISHU=www.example.gov.cn/lyj/2024/0312/zhishu
BC_PAGES="$BC_ZHISHU
$BC_Q/tzgg/2024/heating $BC_Q/gzdt/2024/harvest $BC_Q/yjgl/2024/drill $BC_Q/tzgg/2024/library
pages.zip/a pages.zip/news/b
trouble/evil.zip/good
$BC_Q/tzgg/2024/heating-2 $BC_Q/gzdt/2024/harvest-2 $BC_Q/yjgl/2024/drill-2
$BC_Q/gzdt/2024/harvest-3 $BC_Q/tzgg/2024/library-2"
BC_GOOD=$(echo $BC_PAGES | wc -w)
# the pages with images, and so an .assets folder beside their .md
BC_ASSETS="$BC_ZHISHU $BC_Q/gzdt/2024/harvest $BC_Q/gzdt/2024/harvest-2 $BC_Q/gzdt/2024/harvest-3 pages.zip/a pages.zip/news/b"

# Every file the run folder holds after a run with --to md into out/.
{
    printf './out/failures.tsv\n'
    for p in $BC_PAGES; do printf './out/%s.xhtml\n./out/%s.md\n' "$p" "$p"; done
    for p in $BC_ASSETS; do printf './out/%s.assets/img-001.png\n' "$p"; done
    printf './src/%s\n' crawl.warc.gz gbk.mht pages.zip trouble/empty.html trouble/evil.zip \
        trouble/loop/deeper/up trouble/no-boundary.mht trouble/truncated.warc.gz trouble/wrong-length.warc
} | LC_ALL=C sort >"$BC/files.want"

# failures.tsv, line for line: each refused record names itself in the
# record column. The plain WARC's offsets are those of its version lines.
if [ "$bc_built" = yes ]; then
    bc_at3=$(grep -a -b '^WARC/1\.' "$BC/warc/wrong-length.warc" | sed -n '3s/:.*//p')
    bc_at10=$(grep -a -b '^WARC/1\.' "$BC/warc/wrong-length.warc" | sed -n '10s/:.*//p')
    bc_trunc=$(cat "$BC/warc/truncated.at")
    {
        printf 'input\trecord\tstage\terror\n'
        printf 'src/trouble/empty.html\t\tclean\tempty input\n'
        for e in '../evil.html' '/abs.html' 'C:\drive.html' 'sub/../../up.html' '../evil_files/'; do
            printf 'src/trouble/evil.zip\t%s\tread\tentry %s: name leaves the archive\n' "$e" "$e"
        done
        printf 'src/trouble/loop/deeper/up\t\tread\tsymlink loop\n'
        printf 'src/trouble/no-boundary.mht\t\tread\tMHTML without its boundary (its Content-Type has no boundary parameter)\n'
        u=http://$BC_Q/tzgg/2024/library.html
        printf 'src/trouble/truncated.warc.gz\t%s\tread\trecord 11 at offset %s (%s): truncated gzip member at offset %s\n' \
            "$u" "$bc_trunc" "$u" "$bc_trunc"
        u=http://$BC_Q/tzgg/2024/heating.html
        printf 'src/trouble/wrong-length.warc\t%s\tread\trecord 3 at offset %s (%s): Content-Length 1394 does not fit the block: no CRLF CRLF after it\n' \
            "$u" "$bc_at3" "$u"
        u=http://$BC_Q/yjgl/2024/drill.html
        printf 'src/trouble/wrong-length.warc\t%s\tread\trecord 10 at offset %s (%s): Content-Length 1011 does not fit the block: no CRLF CRLF after it\n' \
            "$u" "$bc_at10" "$u"
    } >"$BC/failures.want"
fi
BC_BAD=$(($(wc -l <"$BC/failures.want" 2>/dev/null || echo 1) - 1))
# pages: the good ones, the empty page and the MHTML that cannot be opened
BC_FOUND=$((BC_GOOD + 2))

t_bc_first_run() {
    run "$BIN/folio-batch" src -o out --to md -j2
    exit_is 1 || return 1
    bc_want_counts "found $BC_FOUND converted $BC_GOOD skipped 0 failed $BC_BAD" || return 1
    # revisit, request, metadata, image and stylesheet records, and the zips' images
    grep -qx 'folio-batch: passed over in archives: 3 revisit records, 26 records or entries that are not pages' "$BC/err" ||
        fail "$(grep 'passed over' "$BC/err")" || return 1
    diff -u "$BC/failures.want" out/failures.tsv >"$BC/diff" || fail "failures.tsv: $(cat "$BC/diff")" || return 1
    cp -R out "$BC/first"
}

t_bc_files() {
    [ -d out ] || fail "no first run" || return 1
    # run in an otherwise empty folder: anything written beside out/ shows
    bc_list >"$BC/files.got"
    diff -u "$BC/files.want" "$BC/files.got" >"$BC/diff" || fail "files: $(grep '^[-+][^-+]' "$BC/diff" | tr '\n' ' ')" || return 1
    left=$(find out -name '*.tmp*')
    [ -z "$left" ] || fail "temporary files left: $left" || return 1
    bc_sums >"$BC/sums.after"
    diff -u "$BC/sums.before" "$BC/sums.after" >"$BC/diff" || fail "the sources changed: $(cat "$BC/diff")"
}

t_bc_mhtml() {
    f=out/$BC_ZHISHU.xhtml
    # GBK in quoted-printable, under a meta that says UTF-8
    bc_grep "$f" '<h1>青川县开展2024年春季义务植树活动</h1>' || return 1
    bc_grep "$f" '当天共栽植侧柏、银杏、红叶石楠等苗木四千余株。' || return 1
    bc_grep "$f" '<meta name="dcterms.date" content="2024-03-12"/>' || return 1
    # the base64 part, embedded as it came
    b64=$(bc_mhtml_png | tr -d '\n')
    [ -n "$b64" ] || fail "no image part in the fixture" || return 1
    bc_grep "$f" "src=\"data:image/png;base64,$b64\"" || return 1
    [ "$(grep -c 'data:' "$f")" -eq 1 ] || fail "$f has more than one data: URI"
}

t_bc_warc() {
    f=out/$BC_Q/tzgg/2024/heating.xhtml
    # The HTTP header says GBK, the page's meta UTF-8. The bytes alone would
    # be guessed right too: tests/suite/warc.sh shows the header deciding.
    bc_grep "$f" '<h1>青禾县启动2024年冬季供暖保障工作</h1>' || return 1
    bc_grep "$f" '对独居老人、低保家庭实行上门走访' || return 1
    f=out/$BC_Q/gzdt/2024/harvest.xhtml
    png=$(base64 -d <"$TOP/tests/captures/warc/pixel.png.b64" | base64 -w0)
    n=$(grep -oF "src=\"data:image/png;base64,$png\"" "$f" | wc -l)
    [ "$n" -eq 2 ] || fail "$f embeds the image record $n times, expected 2" || return 1
    bc_grep out/$BC_Q/yjgl/2024/drill.xhtml '<h1>青禾县开展防汛应急演练</h1>' || return 1
    bc_grep out/$BC_Q/tzgg/2024/library.xhtml '<h1>关于县图书馆延长开放时间的公告</h1>' || return 1
    # the pages before a broken record, and after it, are the good WARC's
    for p in tzgg/2024/heating-2 gzdt/2024/harvest-2 yjgl/2024/drill-2; do
        cmp -s "out/$BC_Q/$p.xhtml" "out/$BC_Q/${p%-2}.xhtml" ||
            fail "$p from truncated.warc.gz differs from the good WARC's page" || return 1
    done
    for p in gzdt/2024/harvest-3 tzgg/2024/library-2; do
        cmp -s "out/$BC_Q/$p.xhtml" "out/$BC_Q/${p%-[23]}.xhtml" ||
            fail "$p from wrong-length.warc differs from the good WARC's page" || return 1
    done
}

t_bc_zip() {
    bc_grep out/pages.zip/a.xhtml '<h1>柳河镇开展春季植树护绿活动</h1>' || return 1
    bc_grep out/pages.zip/a.xhtml "src=\"data:image/png;base64,$(base64 -w0 "$BC/zip/photo.png")\"" || return 1
    bc_grep out/pages.zip/news/b.xhtml '<title>东湖区召开第一季度安全生产工作会议</title>' || return 1
    bc_grep out/pages.zip/news/b.xhtml "src=\"data:image/png;base64,$(base64 -w0 "$BC/zip/chart.png")\"" || return 1
    bc_grep out/trouble/evil.zip/good.xhtml '<h1>市图书馆推出周末亲子阅读课堂</h1>'
}

t_bc_md() {
    f=out/$BC_ZHISHU.md
    bc_grep "$f" '# 青川县开展2024年春季义务植树活动' || return 1
    bc_grep "$f" '](zhishu.assets/img-001.png)' || return 1
    bc_mhtml_png | base64 -d >"$BC/tree.png"
    cmp -s "$BC/tree.png" "out/$BC_ZHISHU.assets/img-001.png" || fail "zhishu.assets/img-001.png is not the MHTML's image" || return 1
    bc_grep out/$BC_Q/gzdt/2024/harvest.md '](harvest.assets/img-001.png)' || return 1
    base64 -d <"$TOP/tests/captures/warc/pixel.png.b64" >"$BC/pixel.png"
    cmp -s "$BC/pixel.png" "out/$BC_Q/gzdt/2024/harvest.assets/img-001.png" || fail "harvest.assets/img-001.png is not the WARC's image" || return 1
    bc_grep out/pages.zip/news/b.md '](b.assets/img-001.png)' || return 1
    cmp -s "$BC/zip/chart.png" out/pages.zip/news/b.assets/img-001.png || fail "b.assets/img-001.png is not the zip's chart.png"
}

t_bc_rerun() {
    [ -d "$BC/first" ] || fail "no first run to compare with" || return 1
    run "$BIN/folio-batch" src -o out --to md -j2
    exit_is 1 || return 1
    bc_want_counts "found $BC_FOUND converted 0 skipped $BC_GOOD failed $BC_BAD" || return 1
    diff -u "$BC/failures.want" out/failures.tsv >"$BC/diff" || fail "failures.tsv: $(cat "$BC/diff")" || return 1
    diff -r -x failures.tsv "$BC/first" out >"$BC/diff" || fail "the outputs changed: $(head -c 600 "$BC/diff")" || return 1
    bc_list >"$BC/files.got"
    cmp -s "$BC/files.want" "$BC/files.got" || fail "files: $(diff "$BC/files.want" "$BC/files.got" | grep '^[<>]' | tr '\n' ' ')"
}

t_bc_jobs_agree() {
    [ -d "$BC/first" ] || fail "no first run to compare with" || return 1
    run "$BIN/folio-batch" src -o out-j1 --to md -j1
    exit_is 1 || return 1
    bc_want_counts "found $BC_FOUND converted $BC_GOOD skipped 0 failed $BC_BAD" || return 1
    diff -r out-j1 "$BC/first" >"$BC/diff" || fail "-j1 and -j2 differ: $(head -c 600 "$BC/diff")" || return 1
    rm -rf out-j1
}

if [ "$bc_built" = yes ]; then
    ok "batch captures fixtures"
    bc_test "containers and broken inputs: status, summary, failures.tsv" t_bc_first_run
    bc_test "exactly the expected files, inputs unchanged" t_bc_files
    bc_test "MHTML: GBK quoted-printable text, base64 image embedded" t_bc_mhtml
    bc_test "WARC: GBK page under a UTF-8 meta, image record embedded" t_bc_warc
    bc_test "zip: pages with their _files images" t_bc_zip
    bc_test "--to md: images in the .assets folder" t_bc_md
    bc_test "a second run skips every page" t_bc_rerun
    bc_test "-j1 writes what -j2 wrote" t_bc_jobs_agree
else
    bad "batch captures fixtures" "$(head -c 400 "$BC/build.err")"
fi
