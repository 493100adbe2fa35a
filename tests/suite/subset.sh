# The article subset, one for every reader: sourced by tests/run.sh ($BIN
# $TOP $TMP, ok/bad). An input with an element outside the subset is
# refused by every tool that reads clean articles, in the same words, with
# exit 1 and nothing written.

SB="$TMP/subset"
SB_OUT="$TOP/tests/epub/not-subset.xhtml"   # a <div> at line 12
SB_IN="$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/expected.xhtml"
rm -rf "$SB"
mkdir -p "$SB"

sb_refused() {  # TOOL ARGS...: refused as the subset says
    sb_tool=$1
    shift
    "$BIN/$sb_tool" "$@" >"$SB/out" 2>"$SB/err"
    sb_st=$?
    sb_want="$sb_tool: $SB_OUT: not a clean article: <div> (line 12) is outside the article subset (run folio-clean first)"
    if [ "$sb_st" = 1 ] && [ "$(cat "$SB/err")" = "$sb_want" ] && [ ! -s "$SB/out" ] && [ -z "$(ls -A "$SB/o" 2>/dev/null)" ]; then
        ok "subset $sb_tool refuses <div>"
    else
        bad "subset $sb_tool refuses <div>" "exit $sb_st: $(head -c 300 "$SB/err")"
    fi
}

mkdir -p "$SB/o"
sb_refused folio-md -o "$SB/o/a.md" "$SB_OUT"
sb_refused folio-pdf -o "$SB/o/a.pdf" "$SB_OUT"
sb_refused folio-epub -o "$SB/o/a.epub" "$SB_OUT"
sb_refused folio-zhpunct -o "$SB/o/a.xhtml" "$SB_OUT"
sb_refused folio-meta "$SB_OUT"   # lists what it could read: nothing

# ...and what is inside the subset is read by all of them.
sb_all_read() {
    for sb_tool in folio-md folio-pdf folio-epub folio-zhpunct folio-meta; do
        "$BIN/$sb_tool" -o "$SB/in.$sb_tool" "$SB_IN" 2>"$SB/err" || { echo "$sb_tool: $(cat "$SB/err")"; return 1; }
    done
}
check "subset every reader takes a clean article" sb_all_read
