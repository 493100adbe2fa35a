# folio-pdf's GB/T 9704 style: its faces and its 落款. Run by tests/run.sh
# in a subshell ($BIN $TOP, its own $TMP, check/ok/bad from tests/lib.sh).
. "$TOP/tests/pdf_lib.sh"
PDFCHECKS="$TOP/../shared/checks/pdf"
SEED="$TOP/tests/golden/01-seed-gb18030-bulletin/expected.xhtml"
export SOURCE_DATE_EPOCH=1700000000

# the base font names of PDF, one a line
pdf_font_names() {
    pdffonts "$1" 2>/dev/null | tail -n +3 | awk '{ sub(/^[A-Z]+\+/, "", $1); print $1 }'
}

# The body in FangSong when FandolFang is at hand (make deps puts it in
# fonts/); without it the body falls back to Song with a warning, and the
# checks that need the face are skipped, saying so.
if fc-scan "$TOP/fonts/FandolFang-Regular.otf" >/dev/null 2>&1 || fc-list FandolFang | grep -q .; then
    pdf_fangsong_body() {
        "$BIN/folio-pdf" --style gbt9704 -o "$TMP/seed-fs.pdf" "$SEED" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
        grep -q FangSong "$TMP/err" && { cat "$TMP/err"; return 1; }
        pdf_font_names "$TMP/seed-fs.pdf" | grep -qx 'FandolFang-Regular' || { pdffonts "$TMP/seed-fs.pdf"; return 1; }
    }
    check "pdf gbt9704 body in FangSong" pdf_fangsong_body
    if [ -d "$PDFCHECKS" ]; then
        python3 "$TOP/tests/suite/pdf_source_text.py" "$SEED" >"$TMP/seed.txt"
        check "pdf run_all seed gbt9704 FangSong" sh "$PDFCHECKS/run_all.sh" "$TMP/seed-fs.pdf" "$TMP/seed.txt" --gbt9704
    fi
else
    echo "SKIP pdf gbt9704 body in FangSong: no FandolFang (make deps fetches it into fonts/)"
fi

# The title has a role of its own: another face for it changes the title
# and nothing else (the page numbers stay in the body's serif role).
pdf_title_role() {
    "$BIN/folio-pdf" --style gbt9704 -o "$TMP/t0.pdf" "$SEED" 2>/dev/null || return 1
    "$BIN/folio-pdf" --style gbt9704 --font "title=Noto Sans Mono CJK SC" -o "$TMP/t.pdf" "$SEED" 2>/dev/null || return 1
    pdf_font_names "$TMP/t0.pdf" | grep -q Mono && { echo "a mono face without the option"; return 1; }
    pdf_font_names "$TMP/t.pdf" | grep -q '^NotoSansMonoCJK' || { echo "title not in the title role:"; pdffonts "$TMP/t.pdf"; return 1; }
    # the title is what changed: the rest of page 1 is the same text
    [ "$(pdftotext -f 1 -l 1 "$TMP/t.pdf" - | tr -d ' ')" = "$(pdftotext -f 1 -l 1 "$TMP/t0.pdf" - | tr -d ' ')" ] ||
        { echo "page 1 reads otherwise"; return 1; }
}
check "pdf gbt9704 title role" pdf_title_role
unset SOURCE_DATE_EPOCH

# The 落款 across a page end: whichever line of a page the text ends on,
# the issuer and the date stand on consecutive lines of one page, with at
# least the last line of the text above them; on the GB/T 9704 grid the
# issuer ends two characters in from the right and the date begins two
# characters right of the issuer's first character. K one-line paragraphs
# move the end over every line of a page.
sign_article() {  # K
    body="<p>$(printf '示例文字%.0s' $(seq 1 40))结束。</p>"
    i=0
    while [ "$i" -lt "$1" ]; do body="$body<p>第${i}段。</p>"; i=$((i + 1)); done
    body="$body<p>$(printf '最后一段文字%.0s' $(seq 1 12))完。</p>"
    body="$body<p class=\"signature\">示例市人民政府办公室</p><p class=\"signature\">2024年3月8日</p>"
    pdf_article "关于落款位置的测试通知" "$body"
}
pdf_signature_every_line() {  # STYLE LINES [--in 2]
    style=$1 lines=$2
    shift 2
    k=0
    while [ "$k" -le "$lines" ]; do
        sign_article "$k" >"$TMP/sign.xhtml"
        "$BIN/folio-pdf" --style "$style" -o "$TMP/sign.pdf" "$TMP/sign.xhtml" 2>/dev/null || return 1
        (cd "$TOP/tests/suite" && python3 pdf_signature.py "$TMP/sign.pdf" 示例市人民政府办公室 2024年3月8日 "$@") ||
            { echo "with $k one-line paragraphs"; return 1; }
        k=$((k + 1))
    done
}
check "pdf signature and date across a page end, book" pdf_signature_every_line book 34
check "pdf signature and date across a page end, gbt9704" pdf_signature_every_line gbt9704 23 --in 2
