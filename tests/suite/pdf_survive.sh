# A PDF book survives an article the PDF library cannot set: run by
# tests/run.sh in a subshell ($BIN $TOP, its own $TMP, check/ok/bad from
# tests/lib.sh). FOLIO_PDF_TEST_ABORT_WITH=A,B makes the child that sets
# the PDF abort, as cairo 1.16 does on some pairs of articles, whenever
# the book holds both A and B.
. "$TOP/tests/pdf_lib.sh"
export SOURCE_DATE_EPOCH=1700000000
for name in 甲 乙 丙 丁; do
    pdf_article "${name}篇文章" "<p>${name}篇的正文。</p>" >"$TMP/$name.xhtml"
done
pdf_survives_pair() {
    (cd "$TMP" && FOLIO_PDF_TEST_ABORT_WITH=乙.xhtml,丁.xhtml "$BIN/folio-pdf" --toc --title 汇编 \
        -o book.pdf 甲.xhtml 乙.xhtml 丙.xhtml 丁.xhtml) 2>"$TMP/err"
    st=$?
    [ "$st" = 1 ] || { echo "exit $st"; cat "$TMP/err"; return 1; }
    grep -qx 'folio-pdf: 丁.xhtml: the PDF library crashed on this article (signal 6); it is left out of the book' \
        "$TMP/err" || { cat "$TMP/err"; return 1; }
    [ "$(wc -l <"$TMP/err")" = 1 ] || { echo "more than one message:"; cat "$TMP/err"; return 1; }
    pdftotext "$TMP/book.pdf" - | tr -d ' \n' >"$TMP/text" || return 1
    for name in 甲 乙 丙; do
        grep -q "${name}篇的正文" "$TMP/text" || { echo "$name missing"; return 1; }
    done
    grep -q 丁篇 "$TMP/text" && { echo "丁 set"; return 1; }
    return 0
}
check "pdf book survives an article it cannot set" pdf_survives_pair
# ...and one article alone that cannot be set costs the file, as before
pdf_lone_crash() {
    (cd "$TMP" && FOLIO_PDF_TEST_ABORT_WITH=甲.xhtml "$BIN/folio-pdf" -o lone.pdf 甲.xhtml) 2>"$TMP/err"
    st=$?
    [ "$st" = 1 ] && [ ! -e "$TMP/lone.pdf" ] && grep -q 'crashed while finishing the file (signal 6); nothing was written' "$TMP/err" ||
        { echo "exit $st"; cat "$TMP/err"; return 1; }
}
check "pdf lone article that cannot be set: no file" pdf_lone_crash
unset SOURCE_DATE_EPOCH
