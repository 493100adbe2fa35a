# The article subset, one for every reader: run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh). An input
# with an element outside the subset is refused by every tool that reads
# clean articles, in the same words, with exit 1 and nothing written.

SB_OUT="$TOP/tests/epub/not-subset.xhtml"   # a <div> at line 12
SB_IN="$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/expected.xhtml"

# sb_refused TOOL ARGS...: refused as the subset says.
sb_refused() {
    sb_tool=$1
    shift
    sb_dir=$(scratch "refused-$sb_tool")
    run "$BIN/$sb_tool" "$@" "$SB_OUT"
    exit_is 1 && no_stdout || return 1
    [ "$(cat "$TMP/err")" = "$sb_tool: $SB_OUT: not a clean article: <div> (line 12) is outside the article subset (run folio-clean first)" ] ||
        fail "stderr: $(cat "$TMP/err")" || return 1
    [ -z "$(ls -A "$sb_dir")" ] || fail "wrote $(ls -A "$sb_dir")"
}
t_sb_md() { sb_refused folio-md -o "$TMP/refused-folio-md/a.md"; }
t_sb_pdf() { sb_refused folio-pdf -o "$TMP/refused-folio-pdf/a.pdf"; }
t_sb_epub() { sb_refused folio-epub -o "$TMP/refused-folio-epub/a.epub"; }
t_sb_zhpunct() { sb_refused folio-zhpunct -o "$TMP/refused-folio-zhpunct/a.xhtml"; }
t_sb_meta() { sb_refused folio-meta; }   # lists what it could read: nothing

# ...and what is inside the subset is read by all of them.
t_sb_all_read() {
    for sb_tool in folio-md folio-pdf folio-epub folio-zhpunct folio-meta; do
        run "$BIN/$sb_tool" -o "$TMP/in.$sb_tool" "$SB_IN"
        exit_is 0 || { why="$sb_tool: $why"; return 1; }
    done
}

test_fn "subset folio-md refuses <div>" t_sb_md
test_fn "subset folio-pdf refuses <div>" t_sb_pdf
test_fn "subset folio-epub refuses <div>" t_sb_epub
test_fn "subset folio-zhpunct refuses <div>" t_sb_zhpunct
test_fn "subset folio-meta refuses <div>" t_sb_meta
test_fn "subset every reader takes a clean article" t_sb_all_read
