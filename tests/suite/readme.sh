# The README's shell examples, run as printed: every ```sh block of
# README.md not marked "```sh not-runnable" (those need root, the source
# tree, a cluster or other machines) runs as a bash -e -o pipefail script,
# so that any command of it that fails fails the test, with the tools on
# PATH. They run in README order in one fresh folder, as a reader who
# follows the README from the top would: a block may use what an earlier
# one made (clean/). The folder starts with only the inputs the examples
# name (page.html, notice.xhtml, archive/, saved/, crawl.warc.gz, saved.mht,
# pages.zip, rules/), made from the test fixtures. Run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP).

R_FIX=$TMP/inputs
R_BLOCKS=$TMP/blocks

# The inputs, once: the demo page, two golden pages as a folder of saved
# pages, a WARC, an MHTML file and a zip built from tests/captures.
r_inputs() {
    mkdir -p "$R_FIX/archive" "$TMP/build" || return 1
    cp "$TOP/examples/liaocheng-bulletin.html" "$R_FIX/page.html" &&
    cp "$TOP/tests/golden/01-seed-gb18030-bulletin/input.html" "$R_FIX/archive/seed.html" &&
    cp "$TOP/tests/golden/02-utf8-under-stale-gb2312-meta/input.html" "$R_FIX/archive/linqing.html" &&
    cp -R "$R_FIX/archive" "$R_FIX/saved" &&
    cp "$TOP/tests/captures/mhtml/chrome-snapshot.mhtml" "$R_FIX/saved.mht" &&
    cp -R "$TOP/rules" "$R_FIX/rules" || return 1
    sh "$TOP/tests/captures/warc/build.sh" "$TMP/build" >"$TMP/build.err" 2>&1 &&
    python3 "$TOP/tests/captures/zip/make_zips.py" "$TMP/build" >>"$TMP/build.err" 2>&1 || return 1
    cp "$TMP/build/good.warc.gz" "$R_FIX/crawl.warc.gz" && cp "$TMP/build/pages.zip" "$R_FIX/pages.zip" || return 1
    "$BIN/folio-clean" -o "$R_FIX/notice.xhtml" "$R_FIX/page.html" 2>>"$TMP/build.err"
}

# README.md's runnable blocks as block-LINE.sh in R_BLOCKS, LINE being
# where the block's fence is.
r_extract() {
    mkdir -p "$R_BLOCKS"
    awk -v dir="$R_BLOCKS" '
        /^```/ && !open { open = 1; keep = ($0 ~ /^```sh( |$)/ && $0 !~ /not-runnable/)
                          file = dir "/block-" NR ".sh"; next }
        /^```/ && open  { open = 0; if (keep) close(file); next }
        open && keep    { print >file }' "$TOP/README.md"
}

t_r_examples() {
    r_inputs || fail "cannot make the inputs: $(tail -n 3 "$TMP/build.err")" || return 1
    r_extract
    n=$(ls "$R_BLOCKS" | wc -l)
    [ "$n" -ge 5 ] || fail "only $n runnable examples found in README.md" || return 1
    failed=
    dir=$(scratch reader)
    cp -R "$R_FIX"/. "$dir" || return 1
    for line in $(ls "$R_BLOCKS" | sed 's/^block-\([0-9]*\)\.sh$/\1/' | sort -n); do
        block=$R_BLOCKS/block-$line.sh
        (cd "$dir" && PATH="$BIN:$PATH" bash -e -o pipefail "$block" >"$TMP/out" 2>"$TMP/err")
        st=$?
        [ "$st" -eq 0 ] || failed="$failed
README.md line $line: exit $st: $(tail -n 3 "$TMP/err")"
    done
    [ -z "$failed" ] || fail "$failed" || return 1
    # what the examples say they make
    for f in page.md compilation.pdf notice.pdf book.pdf notice.epub book.epub page.epub out/failures.tsv; do
        [ -s "$dir/$f" ] || fail "the examples made no $f" || return 1
    done
}

test_fn "readme examples run as printed" t_r_examples
