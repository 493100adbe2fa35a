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
