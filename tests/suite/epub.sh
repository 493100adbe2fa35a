# folio-epub: run by tests/run.sh in a subshell ($BIN $TOP, its own $TMP,
# the helpers of tests/lib.sh). Each test is a function that returns 0 when
# the tool behaved, or calls fail and returns 1. The books go through epubcheck (which must be
# installed: a missing Java or epubcheck fails the test, it is not skipped)
# and, when ../shared/checks is at hand, its structure checks.

E=$TMP
EG="$TOP/tests/golden"
EF="$TOP/tests/epub"
E_SEED="$EG/01-seed-gb18030-bulletin/expected.xhtml"
E_SEED_TITLE="1个100%+3个全覆盖,聊城市行政应诉工作取得新成效"
E_RICH="$EF/rich-article.xhtml"
E_EPOCH=1573603200                       # 2019-11-13T00:00:00Z
E_CHECKS="$TOP/../shared/checks/epub"
E_EPUBCHECK_JAR=/usr/share/java/epubcheck.jar

# The golden articles in Chinese (epub_check.sh wants every chapter in the
# book's language) and the rich fixture: 30 articles, with images
# (data: PNG, JPEG and GIF, one beside the article, remote and missing
# ones) and tables (rowspan, colspan, thead, caption, the record table).
# Cases 01-49 only, so that the captures' cases (50 on) leave the book as is;
# 34, refused until plain text was read, is no part of it either.
e_book_inputs() {
    for f in "$EG"/[0-4][0-9]-*/expected.xhtml; do
        case $f in *26-english-news* | *34-plain-text-notice*) ;; *) printf '%s\n' "$f" ;; esac
    done
    printf '%s\n' "$E_RICH"
}
e_book_inputs >"$E/book.list"

e_test() { test_fn "epub $1" "$2"; }
# e_entry BOOK NAME: the bytes of one file in the book on stdout;
# e_names BOOK: the names of its files, one a line.
e_zip() {
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
data = z.read(sys.argv[2]) if len(sys.argv) > 2 else "\n".join(z.namelist()).encode() + b"\n"
try:
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
except BrokenPipeError:  # grep -q stops reading at its first match
    sys.stderr.close()' "$@"
}
e_entry() { e_zip "$1" "$2"; }
e_names() { e_zip "$1"; }
e_build() {  # OUT ARGS...: SOURCE_DATE_EPOCH fixed, the book in OUT
    out=$1; shift
    SOURCE_DATE_EPOCH=$E_EPOCH "$BIN/folio-epub" -o "$out" "$@" >"$E/out" 2>"$E/err"
}

# epubcheck and the shared structure checks, in the background: a run
# takes seconds, so the three books are checked while the rest goes on.
e_check_start() {  # NAME BOOK
    (
        if [ -f "$E_CHECKS/epub_check.sh" ]; then
            bash "$E_CHECKS/epub_check.sh" "$2"
        else
            java -jar "$E_EPUBCHECK_JAR" "$2" 2>&1
        fi
    ) >"$E/check.$1" 2>&1
    echo $? >"$E/check.$1.status"
}
e_check_verdict() {  # NAME
    st=$(cat "$E/check.$1.status" 2>/dev/null)
    if ! command -v java >/dev/null 2>&1 || [ ! -f "$E_EPUBCHECK_JAR" ]; then
        bad "epub epubcheck $1" "java or epubcheck is not installed (make deps installs them)"
    elif [ "$st" = 0 ] && grep -q 'fatal=0 error=0 warning=0\|No errors or warnings detected' "$E/check.$1"; then
        ok "epub epubcheck $1"
    else
        bad "epub epubcheck $1" "$(grep -v '^PASS' "$E/check.$1" | head -c 1200)"
    fi
}

# --- the three books epubcheck must pass --------------------------------------

e_build "$E/seed.epub" "$E_SEED" || bad "epub build seed" "$(cat "$E/err")"
# shellcheck disable=SC2046
e_build "$E/book.epub" --title "聊城政务信息汇编" $(cat "$E/book.list") ||
    bad "epub build 30-article book" "$(cat "$E/err")"
cp "$E/err" "$E/book.err"
# shellcheck disable=SC2046
e_build "$E/fonts.epub" --embed-fonts --title "聊城政务信息汇编" $(cat "$E/book.list") ||
    bad "epub build book with fonts" "$(cat "$E/err")"
e_check_start seed "$E/seed.epub" &
e_check_pids=$!
e_check_start book "$E/book.epub" &
e_check_pids="$e_check_pids $!"
e_check_start fonts "$E/fonts.epub" &
e_check_pids="$e_check_pids $!"

# --- the tool as a shell user meets it -----------------------------------------

t_epub_help() {
    run "$BIN/folio-epub" --help
    exit_is 0 || return 1
    grep -q '^usage: folio-epub' "$E/out" || fail "no 'usage: folio-epub' on stdout"
}

t_epub_version() {
    run "$BIN/folio-epub" --version
    exit_is 0 || return 1
    grep -Eq '^folio-epub [0-9]+\.[0-9]+\.[0-9]+$' "$E/out" || fail "version line: $(head -c 100 "$E/out")"
}

t_epub_bad_usage() {
    run "$BIN/folio-epub" --no-such-option -o "$E/u.epub" "$E_SEED"
    exit_is 2 || return 1
    grep -q '^folio-epub: unknown option' "$E/err" || fail "stderr: $(cat "$E/err")" || return 1
    run "$BIN/folio-epub" -o "$E/u.epub" "$E_SEED" "$E_RICH"
    exit_is 2 || return 1
    grep -q 'needs --title' "$E/err" || fail "several articles without --title: $(cat "$E/err")" || return 1
    run "$BIN/folio-epub" -o "$E" "$E_SEED"
    exit_is 2 || return 1
    run "$BIN/folio-epub" --title "$(printf 'bad\377')" -o "$E/u.epub" "$E_SEED"
    exit_is 2 || return 1
    run env SOURCE_DATE_EPOCH=yesterday "$BIN/folio-epub" -o "$E/u.epub" "$E_SEED"
    exit_is 2 || return 1
    grep -q 'SOURCE_DATE_EPOCH' "$E/err" || fail "bad SOURCE_DATE_EPOCH not named: $(cat "$E/err")" || return 1
    [ ! -e "$E/u.epub" ] || fail "wrote a book on bad usage"
}

# Input that is not a clean article: refused with program, file and cause,
# exit 1, and no book (nor a temporary file) left behind, even when the
# other inputs were good.
t_epub_refuses() {
    d="$E/refuse"
    mkdir -p "$d"
    printf 'just some text\n' >"$d/plain.xhtml"
    : >"$d/empty.xhtml"
    run "$BIN/folio-epub" --title T -o "$d/book.epub" "$E_SEED" "$EF/not-subset.xhtml" \
        "$d/plain.xhtml" "$d/empty.xhtml" "$EG/12-br-separated-indented-text/input.html" "$d/missing.xhtml"
    exit_is 1 || return 1
    [ -z "$(ls "$d" | grep book)" ] || fail "left $(ls "$d" | grep book)" || return 1
    grep -q "^folio-epub: .*not-subset.xhtml: not a clean article: <div> (line 12) is outside the article subset" "$E/err" ||
        fail "div not refused: $(cat "$E/err")" || return 1
    grep -q "^folio-epub: .*plain.xhtml: not a clean article" "$E/err" || fail "text not refused" || return 1
    grep -q "^folio-epub: .*empty.xhtml: not a clean article" "$E/err" || fail "empty file not refused" || return 1
    grep -q "^folio-epub: .*input.html: " "$E/err" || fail "tag soup not refused" || return 1
    grep -q "^folio-epub: .*missing.xhtml: No such file" "$E/err" || fail "missing file not named"
}

t_epub_keeps_old_output() {
    d="$E/keep"
    mkdir -p "$d"
    echo old >"$d/book.epub"
    run "$BIN/folio-epub" -o "$d/book.epub" "$EF/not-subset.xhtml"
    exit_is 1 || return 1
    [ "$(cat "$d/book.epub")" = old ] || fail "a refused input replaced the old book"
}

t_epub_no_self_overwrite() {
    d="$E/self"
    mkdir -p "$d"
    cp "$E_SEED" "$d/a.xhtml"
    run "$BIN/folio-epub" -o "$d/a.xhtml" "$d/a.xhtml"
    exit_is 1 || return 1
    cmp -s "$d/a.xhtml" "$E_SEED" || fail "the input was written over" || return 1
    cp "$EF/cover.png" "$d/c.png"
    run "$BIN/folio-epub" --cover "$d/c.png" -o "$d/c.png" "$d/a.xhtml"
    exit_is 1 || return 1
    cmp -s "$d/c.png" "$EF/cover.png" || fail "the cover was written over"
}

t_epub_stdin_stdout() {
    run sh -c 'cat "$1" | SOURCE_DATE_EPOCH=$3 "$2"/folio-epub' sh "$E_SEED" "$BIN" "$E_EPOCH"
    exit_is 0 || return 1
    cmp -s "$E/out" "$E/seed.epub" || fail "stdin to stdout differs from the named file to -o" || return 1
    run sh -c 'SOURCE_DATE_EPOCH=$3 "$2"/folio-epub -o - - <"$1"' sh "$E_SEED" "$BIN" "$E_EPOCH"
    exit_is 0 || return 1
    cmp -s "$E/out" "$E/seed.epub" || fail "'-o - -' differs"
}

t_epub_deterministic() {
    e_build "$E/seed2.epub" "$E_SEED" || fail "second build failed" || return 1
    cmp -s "$E/seed.epub" "$E/seed2.epub" || fail "same input and SOURCE_DATE_EPOCH, different bytes" || return 1
    # shellcheck disable=SC2046
    e_build "$E/fonts2.epub" --embed-fonts --title "聊城政务信息汇编" $(cat "$E/book.list") 2>/dev/null
    cmp -s "$E/fonts.epub" "$E/fonts2.epub" || fail "the book with fonts differs between runs"
}

t_epub_shared_repro() {
    [ -f "$E_CHECKS/repro.sh" ] || return 0
    run bash "$E_CHECKS/repro.sh" "$E/repro.epub" -- "$BIN/folio-epub" --embed-fonts --cover "$EF/cover.png" \
        --title "聊城政务信息汇编" -o "$E/repro.epub" "$E_SEED" "$E_RICH"
    exit_is 0 || return 1
    grep -q '^PASS repro' "$E/out" || fail "$(cat "$E/out")"
}

# dcterms:modified: SOURCE_DATE_EPOCH, else the newest article's date; the
# zip entries carry the same time. Never the clock.
t_epub_modified() {
    e_entry "$E/seed.epub" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2019-11-13T00:00:00Z</meta>' ||
        fail "modified is not SOURCE_DATE_EPOCH" || return 1
    run env -u SOURCE_DATE_EPOCH "$BIN/folio-epub" --title T -o "$E/nodate.epub" "$E_SEED" "$E_RICH"
    exit_is 0 || return 1
    e_entry "$E/nodate.epub" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2023-12-28T10:30:00Z</meta>' ||
        fail "modified is not the newest article's date: $(e_entry "$E/nodate.epub" EPUB/package.opf | grep modified)" || return 1
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = [i.filename for i in z.infolist() if i.date_time != (2023, 12, 28, 10, 30, 0)]
sys.exit(1 if bad else 0)' "$E/nodate.epub" || fail "zip entry times are not the book's"
}

t_epub_metadata() {
    opf=$(e_entry "$E/seed.epub" EPUB/package.opf)
    for want in "<dc:title>$E_SEED_TITLE</dc:title>" '<dc:language>zh-CN</dc:language>' \
                '<dc:publisher>山东省司法厅</dc:publisher>' '<dc:date>2019-11-13</dc:date>' \
                '<dc:source>http://sft.shandong.gov.cn/articles/' 'properties="cover-image"'; do
        case $opf in *"$want"*) ;; *) fail "package lacks $want"; return 1 ;; esac
    done
    echo "$opf" | grep -Eq '<dc:identifier id="pub-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>' ||
        fail "no content-derived urn:uuid" || return 1
    e_build "$E/id.epub" --id "urn:isbn:9787000000000" "$E_SEED" || fail "--id failed" || return 1
    e_entry "$E/id.epub" EPUB/package.opf | grep -q '<dc:identifier id="pub-id">urn:isbn:9787000000000</dc:identifier>' ||
        fail "--id not the identifier" || return 1
    e_entry "$E/id.epub" EPUB/toc.ncx | grep -q '<meta name="dtb:uid" content="urn:isbn:9787000000000"/>' ||
        fail "--id not the NCX uid"
}

# The TOC: one entry per article with its h2 sections nested below it, in
# the nav document and in toc.ncx; a book has a title page and a cover.
t_epub_toc() {
    nav=$(e_entry "$E/book.epub" EPUB/nav.xhtml)
    n=$(echo "$nav" | grep -c '^<li><a href="article-[0-9]*.xhtml">')
    [ "$n" = 30 ] || fail "$n article entries in the nav, expected 30" || return 1
    echo "$nav" | grep -q '<li><a href="article-001.xhtml#s1">01 “高势能”起点　激活“关键少数”的“头雁效应”</a></li>' ||
        fail "the seed's first section is not nested under it" || return 1
    e_entry "$E/book.epub" EPUB/toc.ncx | python3 -c 'import sys, xml.etree.ElementTree as ET
ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
m = ET.parse(sys.stdin).getroot().find("n:navMap", ns)
top = m.findall("n:navPoint", ns)
nested = sum(len(p.findall("n:navPoint", ns)) for p in top)
sys.exit(0 if len(top) == 30 and nested >= 3 else 1)' || fail "toc.ncx: not 30 entries with nested sections" || return 1
    e_names "$E/book.epub" | grep -qx 'EPUB/title.xhtml' || fail "a book without a title page" || return 1
    e_entry "$E/book.epub" EPUB/title.xhtml | grep -q '聊城政务信息汇编' || fail "title page without the title" || return 1
    ! e_names "$E/seed.epub" | grep -qx 'EPUB/title.xhtml' || fail "a single article got a title page"
}

t_epub_equal_titles() {
    e_build "$E/same.epub" --title 安全生产 "$EF/same-title-a.xhtml" "$EF/same-title-b.xhtml" "$EF/same-title-a.xhtml" ||
        fail "build failed: $(cat "$E/err")" || return 1
    n=$(e_names "$E/same.epub" | grep -c '^EPUB/article-00[123].xhtml$')
    [ "$n" = 3 ] || fail "$n chapter files for 3 articles" || return 1
    n=$(e_entry "$E/same.epub" EPUB/nav.xhtml | grep -c '">关于做好元旦春节期间安全生产工作的通知</a>')
    [ "$n" = 3 ] || fail "$n TOC entries for 3 articles of one title"
}

t_epub_content() {
    ch=$(e_entry "$E/book.epub" EPUB/article-030.xhtml)
    for want in 'xml:lang="zh-CN"' '<p class="signature">聊城市人民政府办公室</p>' '<figcaption>图1　城区口袋公园建成效果</figcaption>' \
                '<td rowspan="2">城乡供水一体化</td>' '<td colspan="2">' '<caption>表1' '<ul class="attachments">' \
                '<a>回到顶部</a>' '%20' '<span lang="en" xml:lang="en">weekly</span>'; do
        case $ch in *"$want"*) ;; *) fail "chapter lacks $want"; return 1 ;; esac
    done
    e_entry "$E/book.epub" EPUB/article-006.xhtml | grep -q '<table class="docmeta">' || fail "record table lost"
}

t_epub_images() {
    names=$(e_names "$E/book.epub")
    for ext in png jpg gif; do
        echo "$names" | grep -q "^EPUB/images/img-[0-9]*\.$ext$" || { fail "no .$ext image item"; return 1; }
    done
    opf=$(e_entry "$E/book.epub" EPUB/package.opf)
    for t in image/png image/jpeg image/gif; do
        case $opf in *"media-type=\"$t\""*) ;; *) fail "no $t manifest item"; return 1 ;; esac
    done
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(any(b"data:" in z.read(n) for n in z.namelist() if n.endswith(".xhtml")))' "$E/book.epub" ||
        fail "a data: URI is left in a chapter" || return 1
    e_entry "$E/book.epub" EPUB/article-011.xhtml | grep -q '<a class="image-link" href="https://mmbiz.qpic.cn/' ||
        fail "a remote image is not kept as a link" || return 1
    grep -q 'not fetched' "$E/book.err" || fail "no warning for the remote image" || return 1
    grep -q 'x.png.*outside' "$E/book.err" || fail "no warning for an image outside the folder"
}

t_epub_cover() {
    e_build "$E/cover.epub" --cover "$EF/cover.png" "$E_SEED" || fail "--cover failed: $(cat "$E/err")" || return 1
    e_entry "$E/cover.epub" EPUB/package.opf | grep -q '<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>' ||
        fail "--cover is not the cover-image" || return 1
    e_entry "$E/cover.epub" EPUB/images/cover.png | cmp -s - "$EF/cover.png" || fail "cover bytes changed" || return 1
    e_entry "$E/seed.epub" EPUB/images/cover.svg | grep -q '<text .*>1个100%+3个全覆' ||
        fail "the generated cover lacks the title" || return 1
    run "$BIN/folio-epub" --cover "$E_SEED" -o "$E/badcover.epub" "$E_SEED"
    exit_is 1 || return 1
    grep -q 'cannot be the cover' "$E/err" && [ ! -e "$E/badcover.epub" ] || fail "a non-image cover: $(cat "$E/err")"
}

t_epub_stylesheet() {
    css=$(e_entry "$E/seed.epub" EPUB/style.css)
    for want in 'text-indent: 2em' 'line-height: 1.75' 'text-align: justify' '"Noto Serif CJK SC"' \
                'STSong' '"Noto Sans CJK SC"' 'p.signature { text-indent: 0; text-align: right; }'; do
        case $css in *"$want"*) ;; *) fail "stylesheet lacks $want"; return 1 ;; esac
    done
}

# --embed-fonts: subsets, not the 20 MB collections; the stylesheet uses them.
t_epub_fonts() {
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
f = [i for i in z.infolist() if i.filename.startswith("EPUB/fonts/")]
sys.exit(0 if len(f) == 2 and all(0 < i.file_size < 1500000 for i in f) else 1)' "$E/fonts.epub" ||
        fail "not two font subsets under 1.5 MB" || return 1
    e_build "$E/seedfonts.epub" --embed-fonts "$E_SEED" || fail "seed with fonts failed" || return 1
    size=$(wc -c <"$E/seedfonts.epub")
    [ "$size" -lt 400000 ] || fail "the seed with fonts is $size bytes" || return 1
    e_entry "$E/fonts.epub" EPUB/style.css | grep -q '@font-face { font-family: "folio-serif"' ||
        fail "no @font-face for the serif subset"
}

# No CJK face installed: said so, with the package to install, and no book.
t_epub_no_fonts() {
    d="$E/nofonts"
    mkdir -p "$d"
    printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' "$d/cache" >"$d/fonts.conf"
    run env FONTCONFIG_FILE="$d/fonts.conf" "$BIN/folio-epub" --embed-fonts -o "$d/book.epub" "$E_SEED"
    exit_is 1 || return 1
    grep -q 'no serif (Song) body face.*fonts-noto-cjk' "$E/err" || fail "message: $(cat "$E/err")" || return 1
    [ ! -e "$d/book.epub" ] || fail "wrote a book without its fonts"
}

t_epub_driver() {
    d="$E/driver"
    mkdir -p "$d"
    run env SOURCE_DATE_EPOCH=$E_EPOCH "$BIN/folio" convert "$EG/01-seed-gb18030-bulletin/input.html" "$d/seed.epub"
    exit_is 0 || return 1
    e_entry "$d/seed.epub" EPUB/package.opf | grep -q "<dc:title>$E_SEED_TITLE</dc:title>" ||
        fail "folio convert IN OUT.epub made no book of the page"
}

# An article that is the first page of several (its <link rel="next">)
# goes into the book with a warning that names the page it goes on at; an
# article that is whole goes in without one.
t_epub_next_page_said() {
    run "$BIN/folio-epub" --title 汇编 -o "$E/next.epub" "$EG/169-article-split-over-pages/expected.xhtml" "$E_SEED"
    exit_is 0 || return 1
    grep -q '^folio-epub: warning: .*169-article-split-over-pages/expected.xhtml: the article continues on its next page, http://zjj.example.gov.cn/art/2024/11/20/art_1203_556677_2.html, which the book does not hold$' "$E/err" ||
        fail "no warning of the next page: $(head -c 300 "$E/err")" || return 1
    [ "$(grep -c 'continues on its next page' "$E/err")" = 1 ] || fail "a whole article was said to go on"
}

e_test help t_epub_help
e_test version t_epub_version
e_test "bad usage" t_epub_bad_usage
e_test "says an article goes on at a page the book does not hold" t_epub_next_page_said
e_test "refuses what is not a clean article" t_epub_refuses
e_test "keeps the old book on failure" t_epub_keeps_old_output
e_test "never writes over an input" t_epub_no_self_overwrite
e_test "stdin and stdout" t_epub_stdin_stdout
e_test deterministic t_epub_deterministic
e_test "shared repro.sh" t_epub_shared_repro
e_test "dcterms:modified" t_epub_modified
e_test metadata t_epub_metadata
e_test "nav and ncx" t_epub_toc
e_test "equal titles" t_epub_equal_titles
e_test "chapter content" t_epub_content
e_test images t_epub_images
e_test cover t_epub_cover
e_test stylesheet t_epub_stylesheet
e_test "embedded fonts" t_epub_fonts
e_test "no font to embed" t_epub_no_fonts
e_test "folio convert" t_epub_driver

# shellcheck disable=SC2086
wait $e_check_pids
e_check_verdict seed
e_check_verdict book
e_check_verdict fonts
