# The compilation workflow: folio-meta's date order and paths, read by
# folio-pdf and folio-epub through --files-from (and -0), names with spaces
# kept whole. Run by tests/run.sh in a subshell ($BIN $TOP, its own $TMP,
# check/ok/bad and the test functions of tests/lib.sh).
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000
ARTS=$(scratch arts)
pdf_article "第一篇文章" "<p>甲文正文。</p>" '<meta name="dcterms.date" content="2021-05-01"/>' >"$ARTS/a one.xhtml"
pdf_article "第二篇文章" "<p>乙文正文。</p>" >"$ARTS/b two.xhtml"
pdf_article "第三篇文章" "<p>丙文正文。</p>" '<meta name="dcterms.date" content="2020-01-02"/>' >"$ARTS/c three.xhtml"
pdf_article "第四篇文章" "<p>丁文正文。</p>" >"$ARTS/d four.xhtml"

# folio-meta --sort date: oldest first, the undated last in the order given
t_meta_sort_date() {
    run "$BIN/folio-meta" --sort date "$ARTS/d four.xhtml" "$ARTS/a one.xhtml" "$ARTS/b two.xhtml" "$ARTS/c three.xhtml"
    exit_is 0 || return 1
    got=$(cut -f2 "$TMP/out" | tr '\n' ' ')
    [ "$got" = "第三篇文章 第一篇文章 第四篇文章 第二篇文章 " ] || fail "order: $got"
}
test_fn "meta --sort date: undated last" t_meta_sort_date

# --paths: the paths alone, a line each or NUL-ended with -0
t_meta_paths() {
    run "$BIN/folio-meta" --sort date --paths -0 "$ARTS"/*.xhtml
    exit_is 0 || return 1
    tr '\0' '|' <"$TMP/out" >"$TMP/got"
    [ "$(cat "$TMP/got")" = "$ARTS/c three.xhtml|$ARTS/a one.xhtml|$ARTS/b two.xhtml|$ARTS/d four.xhtml|" ] ||
        fail "paths: $(cat "$TMP/got")"
    run "$BIN/folio-meta" -0 "$ARTS/a one.xhtml"
    exit_is 2 || return 1
    run "$BIN/folio-meta" --sort title "$ARTS/a one.xhtml"
    exit_is 2
}
test_fn "meta --paths -0, and bad usage" t_meta_paths

# the body text of a PDF's articles, in the order they are set
pdf_bodies() {
    pdftotext "$1" - 2>/dev/null | grep -o '[甲乙丙丁]文正文' | tr '\n' ' '
}

# the README's pipeline: names with spaces, date order, undated last
t_pdf_files_from_nul() {
    "$BIN/folio-meta" --sort date --paths -0 "$ARTS"/*.xhtml >"$TMP/list0"
    run "$BIN/folio-pdf" -0 --files-from - --title 汇编 -o "$TMP/nul.pdf" <"$TMP/list0"
    exit_is 0 || return 1
    got=$(pdf_bodies "$TMP/nul.pdf")
    [ "$got" = "丙文正文 甲文正文 乙文正文 丁文正文 " ] || fail "order: $got"
}
test_fn "pdf -0 --files-from -" t_pdf_files_from_nul

# a list of lines, after the files named on the command line
t_pdf_files_from_lines() {
    printf '%s\n' "$ARTS/b two.xhtml" "" "$ARTS/a one.xhtml" >"$TMP/list"
    run "$BIN/folio-pdf" --files-from "$TMP/list" --title 汇编 -o "$TMP/lines.pdf" "$ARTS/d four.xhtml"
    exit_is 0 || return 1
    got=$(pdf_bodies "$TMP/lines.pdf")
    [ "$got" = "丁文正文 乙文正文 甲文正文 " ] || fail "order: $got"
}
test_fn "pdf --files-from LIST" t_pdf_files_from_lines

# the chapters of an EPUB, in order: their h1 in the nav document
epub_chapters() {
    unzip -p "$1" EPUB/nav.xhtml | grep -o '第.篇文章' | tr '\n' ' '
}
t_epub_files_from() {
    "$BIN/folio-meta" --sort date --paths "$ARTS"/*.xhtml >"$TMP/list"
    run "$BIN/folio-epub" --files-from "$TMP/list" --title 汇编 -o "$TMP/lines.epub"
    exit_is 0 || return 1
    got=$(epub_chapters "$TMP/lines.epub")
    [ "$got" = "第三篇文章 第一篇文章 第二篇文章 第四篇文章 " ] || fail "order: $got"
    "$BIN/folio-meta" --sort date --paths -0 "$ARTS"/*.xhtml |
        "$BIN/folio-epub" -0 --files-from - --title 汇编 -o "$TMP/nul.epub" 2>"$TMP/err" ||
        fail "-0: $(cat "$TMP/err")" || return 1
    cmp -s "$TMP/lines.epub" "$TMP/nul.epub" || fail "-0 made another book"
}
test_fn "epub --files-from LIST and -0" t_epub_files_from

# what is wrong with a list is told, and nothing is written
t_files_from_bad() {
    for tool in folio-pdf folio-epub; do
        run "$BIN/$tool" --files-from "$TMP/no such list" --title 汇编 -o "$TMP/bad.out"
        exit_is 1 || return 1
        grep -q "no such list" "$TMP/err" || fail "$tool: $(cat "$TMP/err")" || return 1
        run "$BIN/$tool" -0 --title 汇编 -o "$TMP/bad.out" "$ARTS/a one.xhtml"
        exit_is 2 || return 1
        : >"$TMP/empty"
        run "$BIN/$tool" --files-from "$TMP/empty" --title 汇编 -o "$TMP/bad.out"
        exit_is 2 || return 1
        run "$BIN/$tool" --files-from - --title 汇编 -o "$TMP/bad.out" - </dev/null
        exit_is 2 || return 1
        [ ! -e "$TMP/bad.out" ] || fail "$tool wrote $TMP/bad.out"
    done
}
test_fn "pdf, epub: a bad --files-from" t_files_from_bad

# folio batch --book NAME --toc: the book's PDF has a contents page after
# its title page and that page's blank back; without --toc it has none;
# --toc without --book is bad usage
t_batch_book_toc() {
    src=$(scratch batch-src)
    cp "$TOP/tests/golden/01-seed-gb18030-bulletin/input.html" "$src/seed.html" &&
    cp "$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/input.html" "$src/linqing.html" || return 1
    for toc in --toc ""; do
        out=$(scratch "batch-out$toc")
        run "$BIN/folio-batch" "$src" -o "$out" --to pdf -j 1 -q --book 汇编 $toc
        exit_is 0 || return 1
        contents=$(pdftotext -f 3 -l 3 "$out/汇编.pdf" - 2>/dev/null | tr -d ' \n' | grep -c '目录')
        if [ -n "$toc" ]; then [ "$contents" -ge 1 ] || fail "no 目录 on page 3" || return 1
        else [ "$contents" = 0 ] || fail "a 目录 without --toc" || return 1; fi
    done
    run "$BIN/folio-batch" "$src" -o "$out" --toc
    exit_is 2
}
test_fn "batch --book --toc: a contents page" t_batch_book_toc

# a book of several articles is named by --title in both writers, in the
# same words; one article is titled by its own title
t_book_title_alike() {
    for tool in folio-pdf folio-epub; do
        run "$BIN/$tool" -o "$TMP/untitled.out" "$ARTS/a one.xhtml" "$ARTS/b two.xhtml"
        exit_is 2 || return 1
        grep -q "^$tool: a book of several articles needs --title$" "$TMP/err" || fail "$tool: $(cat "$TMP/err")" || return 1
        [ ! -e "$TMP/untitled.out" ] || fail "$tool wrote a book" || return 1
        run "$BIN/$tool" --title "" -o "$TMP/untitled.out" "$ARTS/a one.xhtml"
        exit_is 2 || return 1
        run "$BIN/$tool" -o "$TMP/one.out" "$ARTS/a one.xhtml"
        exit_is 0 || return 1
    done
    run "$BIN/folio-pdf" -o "$TMP/one.pdf" "$ARTS/a one.xhtml"
    pdfinfo "$TMP/one.pdf" | grep -q '^Title: *第一篇文章$' || fail "one article's PDF title: $(pdfinfo "$TMP/one.pdf" | grep Title)"
}
test_fn "pdf, epub: several articles need --title, alike" t_book_title_alike

# a PDF or an EPUB goes to a file or a pipe: a terminal or a folder as the
# output is bad usage, in the same words for both, and nothing is written
t_book_output_refused() {
    d=$(scratch outdir)
    for tool in folio-pdf folio-epub; do
        run "$BIN/$tool" -o "$d" "$ARTS/a one.xhtml"
        exit_is 2 || return 1
        grep -q "^$tool: the output is a folder; name the book's file: $d" "$TMP/err" || fail "$tool: $(cat "$TMP/err")" || return 1
        [ -z "$(ls -A "$d")" ] || fail "$tool wrote into $d" || return 1
        if command -v script >/dev/null 2>&1; then
            # script runs the tool with a terminal as its standard output
            script -qec "'$BIN/$tool' '$ARTS/a one.xhtml'" /dev/null >"$TMP/tty" 2>&1
            st=$?
            [ "$st" = 2 ] || fail "$tool to a terminal: exit $st" || return 1
            grep -q "is not for a terminal" "$TMP/tty" || fail "$tool: $(head -c 200 "$TMP/tty")" || return 1
        else echo "SKIP $tool to a terminal: no script(1)"; fi
    done
}
test_fn "pdf, epub: no book onto a terminal or into a folder" t_book_output_refused

# warnings alike are told three times, then counted in one line; -q says
# none of them
pdf_article "缺字" "<p>甲𰀀乙𰀁丙𰀂丁𰀃戊𰀄己𰀅。</p>" >"$TMP/tofu.xhtml"
for i in 1 2 3 4 5; do
    pdf_article "图$i" "<p>文<img src=\"http://x.cn/$i.png\" alt=\"\"/></p>" >"$TMP/img$i.xhtml"
done
for i in 1 2 3 4 5; do
    pdf_article "图$i" "<p>文。</p><figure><img src=\"http://x.cn/$i.png\" alt=\"\"/></figure>" >"$TMP/fig$i.xhtml"
done
t_warnings_summed() {
    run "$BIN/folio-pdf" -o "$TMP/tofu.pdf" "$TMP/tofu.xhtml"
    exit_is 0 || return 1
    [ "$(grep -c 'is in no installed font' "$TMP/err")" = 4 ] || fail "pdf: $(cat "$TMP/err")" || return 1
    grep -q '^folio-pdf: warning: 6 warnings in all like "U+30000 is in no installed font (page 1); it is drawn as a box"; 3 of them not shown$' \
        "$TMP/err" || fail "pdf summary: $(cat "$TMP/err")" || return 1
    run "$BIN/folio-epub" --title 图集 -o "$TMP/img.epub" "$TMP"/img[1-5].xhtml
    exit_is 0 || return 1
    [ "$(grep -c 'is not fetched' "$TMP/err")" = 4 ] || fail "epub: $(cat "$TMP/err")" || return 1
    grep -q '^folio-epub: warning: 5 warnings in all like .*; 2 of them not shown$' "$TMP/err" ||
        fail "epub summary: $(cat "$TMP/err")" || return 1
    # a PDF tells of each web picture it sets as its alt text, once, even
    # when the book is set twice for its contents
    run "$BIN/folio-pdf" --toc --title 图集 -o "$TMP/fig.pdf" "$TMP"/fig[1-5].xhtml
    exit_is 0 || return 1
    [ "$(grep -c 'image http://x.cn/[1-5].png is not in the article' "$TMP/err")" = 4 ] || fail "pdf: $(cat "$TMP/err")" || return 1
    grep -q '^folio-pdf: warning: 5 warnings in all like "image http://x.cn/1.png .*; 2 of them not shown$' "$TMP/err" ||
        fail "pdf pictures summary: $(cat "$TMP/err")"
}
test_fn "pdf, epub: warnings alike summed up" t_warnings_summed
t_warnings_quiet() {
    run "$BIN/folio-pdf" -q -o "$TMP/tofu.pdf" "$TMP/tofu.xhtml"
    exit_is 0 && [ ! -s "$TMP/err" ] || fail "pdf -q: $(cat "$TMP/err")" || return 1
    run "$BIN/folio-epub" --quiet --title 图集 -o "$TMP/img.epub" "$TMP"/img[1-5].xhtml
    exit_is 0 && [ ! -s "$TMP/err" ] || fail "epub -q: $(cat "$TMP/err")" || return 1
    run "$BIN/folio-pdf" -q -o "$TMP/q.pdf" "$TMP/no such.xhtml"   # errors are still told
    exit_is 1 && grep -q "no such.xhtml" "$TMP/err" || fail "pdf -q hid an error"
}
test_fn "pdf, epub -q: no warnings" t_warnings_quiet
unset SOURCE_DATE_EPOCH
