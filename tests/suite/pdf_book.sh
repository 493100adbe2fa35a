# folio-pdf on real compilations: the shared checks (../shared/checks/pdf)
# on a 30-article book from the shared corpus with contents (tests/book30.sh)
# and on a book whose title runs to 40 characters. Runs only when the
# shared folder is at hand. Run by tests/run.sh in a subshell ($BIN $TOP,
# its own $TMP, check/ok/bad from tests/lib.sh).
PDFCHECKS="$TOP/../shared/checks/pdf"
SEED="$TOP/tests/golden/01-seed-gb18030-bulletin/expected.xhtml"
export SOURCE_DATE_EPOCH=1700000000
if [ -d "$PDFCHECKS" ] && [ -d "$TOP/../shared/corpus" ]; then
    if sh "$TOP/tests/book30.sh" "$BIN" "$TMP/b30" --toc >"$TMP/b30.log" 2>&1; then
        check "pdf run_all 30-article book --toc" sh "$PDFCHECKS/run_all.sh" "$TMP/b30/book.pdf" "$TMP/b30/book.txt"
        python3 "$PDFCHECKS/measure_layout.py" "$TMP/b30/book.pdf" >"$TMP/layout" 2>&1
        loose=$(sed -n 's/^loose_lines_over_1.15: //p' "$TMP/layout")
        [ "${loose:-x}" = 0 ] && ok "pdf 30-article book: no line looser than 1.15" ||
            bad "pdf 30-article book: no line looser than 1.15" "${loose:-none} loose"
    else bad "pdf 30-article book built" "$(tail -5 "$TMP/b30.log")"; fi
    # the same in the GB/T 9704 style (its body in FangSong when FandolFang
    # is there), whose narrow columns make tall tables
    if sh "$TOP/tests/book30.sh" "$BIN" "$TMP/b30g" --toc --style gbt9704 >"$TMP/b30.log" 2>&1; then
        check "pdf run_all 30-article book --toc, gbt9704" sh "$PDFCHECKS/run_all.sh" "$TMP/b30g/book.pdf" "$TMP/b30g/book.txt"
    else bad "pdf 30-article gbt9704 book built" "$(tail -5 "$TMP/b30.log")"; fi
    python3 "$TOP/tests/suite/pdf_source_text.py" "$SEED" >"$TMP/seed.txt"
    T40="二〇二三年度全国城市生活垃圾分类工作先进经验与典型案例及政策文件汇编"
    for style in book gbt9704; do
        if "$BIN/folio-pdf" --style "$style" --title "$T40" --toc -o "$TMP/t40.pdf" "$SEED" 2>"$TMP/err"; then
            check "pdf run_all 40-character title, $style" sh "$PDFCHECKS/run_all.sh" "$TMP/t40.pdf" "$TMP/seed.txt"
        else bad "pdf 40-character title, $style" "$(cat "$TMP/err")"; fi
    done
else
    echo "SKIP pdf compilations from the shared corpus: no ../shared"
fi
unset SOURCE_DATE_EPOCH
