# folio-batch: run by tests/run.sh in a subshell ($BIN $TOP, its own $TMP,
# the helpers of tests/lib.sh). Each test is a function that returns 0 when
# the tool behaved, or calls fail and returns 1. The sources are built here
# from the golden inputs, and every run happens inside $B/run, which must
# hold nothing afterwards but src/ and the output folders.

B=$TMP
BG="$TOP/tests/golden"
mkdir -p "$B/run"

b_test() {
    b_here=$(pwd)
    cd "$B/run" || return
    test_fn "batch $1" "$2"
    cd "$b_here" || return
}
# The summary's counts, as "found N converted N skipped N failed N".
b_counts() {
    sed -n 's/^folio-batch: pages found \([0-9]*\), converted \([0-9]*\), skipped \([0-9]*\) (up to date), failed \([0-9]*\), elapsed .*/found \1 converted \2 skipped \3 failed \4/p' "$B/err"
}
b_want_counts() {
    got=$(b_counts)
    [ "$got" = "$1" ] || fail "summary says '$got', expected '$1'; stderr: $(tail -c 300 "$B/err")"
}
# Every file and folder under a tree, outside the bookkeeping folder.
b_list() { (cd "$1" && find . -path ./.folio-batch -prune -o -print | LC_ALL=C sort); }

# --- the sources -------------------------------------------------------------
S="$B/run/src"
mkdir -p "$S/a" "$S/b" "$S/c" "$S/dup1" "$S/dup2" "$S/list" "$S/loop/deeper"
cp "$BG/01-seed-gb18030-bulletin/input.html" "$S/a/seed.html"
cp "$BG/02-utf8-under-stale-gb2312-meta/input.html" "$S/a/meeting.HTM"
cp "$BG/19-image-beside-page/input.html" "$BG/19-image-beside-page/pic.png" "$S/b/"
# a page whose article is a frame saved in its input_files/ folder: one page
cp -r "$BG/166-article-in-a-saved-frame/input.html" "$BG/166-article-in-a-saved-frame/input_files" "$S/c/"
# one address, two pages: the second gets NAME-2
cp "$BG/26-english-news/input.html" "$S/dup1/news.html"
cp "$BG/26-english-news/input.html" "$S/dup2/news.shtml"
cp "$BG/27-list-page-refused/input.html" "$S/list/index.html"
: >"$S/empty.html"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$S/binary.html"
echo 'not a page' >"$S/notes.txt"
ln -s ../.. "$S/loop/deeper/up"
B_ROOT=$(id -u)
if [ "$B_ROOT" != 0 ]; then
    echo '<p>secret</p>' >"$S/unreadable.html"
    chmod 000 "$S/unreadable.html"
fi
(cd "$B/run" && find src -print0 | LC_ALL=C sort -z | xargs -0 ls -ld --time-style=full-iso) >"$B/src.before" 2>/dev/null
B_NEWS=english.shandong.gov.cn/art/2023/7/4/art_98213_12345
printf 'input\trecord\tstage\terror\n' >"$B/failures.want"
printf 'src/binary.html\t\tclean\tnot HTML (starts like a PNG image)\n' >>"$B/failures.want"
printf 'src/empty.html\t\tclean\tempty input\n' >>"$B/failures.want"
printf 'src/list/index.html\t\tclean\ta list or index page, not an article\n' >>"$B/failures.want"
printf 'src/loop/deeper/up\t\tread\tsymlink loop\n' >>"$B/failures.want"
[ "$B_ROOT" != 0 ] && printf 'src/unreadable.html\t\tread\tPermission denied\n' >>"$B/failures.want"
B_GOOD=6   # seed, meeting, b/input, c/input, dup1, dup2
B_BAD=$(($(wc -l <"$B/failures.want") - 1))
B_FOUND=$((B_GOOD + B_BAD - 1))   # the loop is a folder, not a page

t_b_help() {
    run "$BIN/folio-batch" --help
    exit_is 0 || return 1
    grep -q '^usage: folio-batch SRC' "$B/out" || fail "no usage line on stdout" || return 1
    run "$BIN/folio-batch" --version
    exit_is 0 || return 1
    grep -q '^folio-batch [0-9]' "$B/out" || fail "no version: $(cat "$B/out")" || return 1
    run "$BIN/folio" --help
    grep -q '^  batch ' "$B/out" || fail "folio --help does not list batch"
}

t_b_usage() {
    for args in "src -o bad1 --to md,docx" "src -o bad2 --to" "src" "-o bad3" "src -o bad4 -j 0" \
                "src -o bad5 --shard 4/4" "src -o bad6 --shard 1" "src -o bad7 --order size" \
                "src -o src" "src -o bad8 --bogus"; do
        # shellcheck disable=SC2086
        run "$BIN/folio-batch" $args
        exit_is 2 || { why="folio-batch $args: $why"; return 1; }
        grep -q "Try 'folio-batch --help'" "$B/err" || fail "folio-batch $args: no hint: $(cat "$B/err")" || return 1
        [ ! -e bad1 ] && [ ! -e bad4 ] || fail "folio-batch $args made its output folder" || return 1
    done
    run "$BIN/folio" batch src -o bad9 --to epub,pdf,docx
    exit_is 2 || return 1
    grep -q 'docx' "$B/err" || fail "the error does not name the format: $(cat "$B/err")"
}

t_b_first_run() {
    run "$BIN/folio" batch src -o out --to md -j2
    exit_is 1 || return 1
    b_want_counts "found $B_FOUND converted $B_GOOD skipped 0 failed $B_BAD" || return 1
    for f in a/seed.xhtml a/seed.md a/meeting.xhtml a/meeting.md b/input.xhtml b/input.md \
             b/input.assets/img-001.png c/input.xhtml "$B_NEWS.xhtml" "$B_NEWS.md" "$B_NEWS-2.xhtml" "$B_NEWS-2.md"; do
        [ -s "out/$f" ] || fail "no out/$f; got: $(b_list out | tr '\n' ' ')" || return 1
    done
    [ "$(find out -name '*.xhtml' | wc -l)" -eq "$B_GOOD" ] || fail "not $B_GOOD articles: $(b_list out | tr '\n' ' ')" || return 1
    [ ! -e out/a/seed.epub ] && [ ! -e out/a/seed.pdf ] || fail "wrote formats not asked for" || return 1
    cmp -s out/a/seed.xhtml "$BG/01-seed-gb18030-bulletin/expected.xhtml" ||
        fail "out/a/seed.xhtml is not what folio-clean makes of it" || return 1
    cmp -s out/a/seed.md "$BG/01-seed-gb18030-bulletin/expected.md" ||
        fail "out/a/seed.md is not what folio-md makes of it" || return 1
    grep -q 'src="input.assets/img-001.png"\|](input.assets/img-001.png' out/b/input.md ||
        fail "b/input.md does not link its image" || return 1
    diff -u "$B/failures.want" out/failures.tsv >"$B/diff" || fail "failures.tsv: $(cat "$B/diff")" || return 1
    grep -q 'src/empty.html: clean: empty input' "$B/err" || fail "the failure was not told on stderr" || return 1
    cp -r out "$B/first"
}

t_b_nothing_outside() {
    [ -d out ] || fail "no first run" || return 1
    got=$(ls -A | tr '\n' ' ')
    [ "$got" = "out src " ] ||
        fail "the run folder holds: $got" || return 1
    find src -print0 | LC_ALL=C sort -z | xargs -0 ls -ld --time-style=full-iso >"$B/src.after" 2>/dev/null
    diff -u "$B/src.before" "$B/src.after" >"$B/diff" || fail "the sources changed: $(cat "$B/diff")" || return 1
    left=$(find out -name '*.tmp*')
    [ -z "$left" ] || fail "temporary files left: $left"
}

t_b_rerun_skips() {
    run "$BIN/folio-batch" src -o out --to md -j2
    exit_is 1 || return 1
    b_want_counts "found $B_FOUND converted 0 skipped $B_GOOD failed $B_BAD" || return 1
    diff -u "$B/failures.want" out/failures.tsv >"$B/diff" || fail "failures.tsv: $(cat "$B/diff")" || return 1
    # fewer formats than were written: still up to date; more: converted again
    run "$BIN/folio-batch" src -o out -j2 --quiet
    b_want_counts "found $B_FOUND converted 0 skipped $B_GOOD failed $B_BAD" || return 1
    [ "$(wc -l <"$B/err")" -eq 1 ] || fail "--quiet still printed: $(cat "$B/err")" || return 1
    # a changed input is converted again, and only it
    touch src/a/seed.html
    run "$BIN/folio-batch" src -o out --to md -j2
    b_want_counts "found $B_FOUND converted 1 skipped $((B_GOOD - 1)) failed $B_BAD" || return 1
    # an output removed is written again
    rm out/b/input.md
    run "$BIN/folio-batch" src -o out --to md -j2
    b_want_counts "found $B_FOUND converted 1 skipped $((B_GOOD - 1)) failed $B_BAD" || return 1
    [ -s out/b/input.md ] || fail "out/b/input.md was not written again"
}

t_b_force() {
    run "$BIN/folio-batch" src -o out --to md -j2 --force
    exit_is 1 || return 1
    b_want_counts "found $B_FOUND converted $B_GOOD skipped 0 failed $B_BAD" || return 1
    # names are kept: the second page of one address is still NAME-2, even
    # when it alone is converted again
    run "$BIN/folio-batch" src/dup2 -o out --to md --force
    exit_is 0 || return 1
    [ -s "out/$B_NEWS-2.xhtml" ] && [ ! -e "out/$B_NEWS-3.xhtml" ] || fail "dup2 changed its name" || return 1
    b_list out >"$B/list.now"
    b_list "$B/first" >"$B/list.first"
    diff -u "$B/list.first" "$B/list.now" >"$B/diff" || fail "the outputs changed: $(cat "$B/diff")"
}

t_b_jobs_agree() {
    run "$BIN/folio-batch" src -o out-j1 --to md -j1
    exit_is 1 || return 1
    run "$BIN/folio-batch" src -o out-j2 --to md -j2
    exit_is 1 || return 1
    diff -r out-j1 out-j2 >"$B/diff" || fail "-j1 and -j2 differ: $(head -c 600 "$B/diff")" || return 1
    diff -r -x .folio-batch out-j1 "$B/first" >"$B/diff" || fail "differs from the first run: $(head -c 600 "$B/diff")"
}

t_b_shards() {
    [ -d out-j1 ] || fail "no -j1 run to compare with" || return 1
    if command -v parallel >/dev/null 2>&1; then
        # four shards over two local job slots, as across hosts with --sshlogin
        parallel -S 2/: --will-cite "$BIN/folio-batch" src -o out-sh --to md -j1 --quiet --shard {}/4 \
            ::: 0 1 2 3 >"$B/out" 2>"$B/err"
    else
        echo "batch: GNU parallel is not installed; shards run one after another" >&2
        for k in 0 1 2 3; do
            "$BIN/folio-batch" src -o out-sh --to md -j1 --quiet --shard $k/4 2>>"$B/err"
        done
    fi
    [ "$(grep -c '^folio-batch: pages found' "$B/err")" -eq 4 ] || fail "not 4 summaries: $(cat "$B/err")" || return 1
    found=$(sed -n 's/^folio-batch: pages found \([0-9]*\),.*/\1/p' "$B/err" | paste -sd+ | bc)
    [ "$found" -eq "$B_FOUND" ] || fail "the shards found $found pages, not $B_FOUND" || return 1
    diff -r -x .folio-batch -x 'failures*.tsv' out-j1 out-sh >"$B/diff" ||
        fail "the shards' union differs: $(head -c 600 "$B/diff")" || return 1
    [ ! -e out-sh/failures.tsv ] && [ -e out-sh/failures-3-of-4.tsv ] || fail "shard failure files misnamed" || return 1
    awk 'FNR>1 || NR==1' out-sh/failures-*.tsv >"$B/merged.raw"
    { head -n 1 "$B/merged.raw"; tail -n +2 "$B/merged.raw" | LC_ALL=C sort; } >"$B/merged"
    { head -n 1 out-j1/failures.tsv; tail -n +2 out-j1/failures.tsv | LC_ALL=C sort; } >"$B/whole"
    diff -u "$B/whole" "$B/merged" >"$B/diff" || fail "merged failures differ: $(cat "$B/diff")" || return 1
    # run again: every shard skips its share
    "$BIN/folio-batch" src -o out-sh --to md --shard 1/4 2>"$B/err"
    grep -q 'converted 0,' "$B/err" || fail "a shard run again converted pages: $(cat "$B/err")"
}

t_b_worker_dies() {
    FOLIO_BATCH_TEST_CRASH=src/a/meeting.HTM run "$BIN/folio-batch" src -o out-crash --to md -j2
    exit_is 1 || return 1
    b_want_counts "found $B_FOUND converted $((B_GOOD - 1)) skipped 0 failed $((B_BAD + 1))" || return 1
    grep -q "^src/a/meeting.HTM		worker	the worker was killed by signal 9" out-crash/failures.tsv ||
        fail "no worker failure: $(cat out-crash/failures.tsv)" || return 1
    [ -s out-crash/a/seed.md ] && [ -s "out-crash/$B_NEWS-2.md" ] || fail "the rest was not converted"
}

# The PDF library aborting while it sets the book costs the book only: the
# run still writes its failures and manifest, and the EPUB is made.
t_b_book_crash() {
    FOLIO_PDF_TEST_ABORT=1 run "$BIN/folio-batch" src/a -o out-bookcrash --book 册 -j1
    exit_is 1 || return 1
    grep -q "^out-bookcrash/册.pdf		pdf	the PDF library crashed setting the book (signal 6)$" out-bookcrash/failures.tsv ||
        fail "failures.tsv: $(cat out-bookcrash/failures.tsv)" || return 1
    [ ! -e out-bookcrash/册.pdf ] && [ -s out-bookcrash/册.epub ] && [ -s out-bookcrash/.folio-batch/manifest.tsv ] ||
        fail "outputs: $(ls -a out-bookcrash out-bookcrash/.folio-batch)"
}

t_b_leftovers() {
    # what a killed run leaves is removed by the next
    [ -d out ] || fail "no first run" || return 1
    echo partial >out/a/seed.xhtml.tmp.Ab12Cd
    mkdir -p out/.folio-batch/stage.tmp && echo partial >out/.folio-batch/stage.tmp/7.xhtml
    run "$BIN/folio-batch" src -o out --to md
    [ ! -e out/a/seed.xhtml.tmp.Ab12Cd ] && [ ! -e out/.folio-batch/stage.tmp ] ||
        fail "leftovers stay: $(find out -name '*tmp*')"
}

t_b_book() {
    mkdir -p small && cp src/a/seed.html src/a/meeting.HTM src/dup1/news.html small/
    run "$BIN/folio-batch" small -o out-book --to epub,pdf -j2 --book 公报
    exit_is 0 || return 1
    for f in out-book/公报.pdf out-book/公报.epub out-book/seed.pdf out-book/seed.epub out-book/$B_NEWS.pdf; do
        [ -s "$f" ] || fail "no $f" || return 1
    done
    if command -v qpdf >/dev/null 2>&1; then
        qpdf --check out-book/公报.pdf >"$B/qpdf" 2>&1 || fail "qpdf --check: $(tail -n 3 "$B/qpdf")" || return 1
        # one outline entry per article, by date: 2019 seed, 2023-03 meeting, 2023-07 news
        titles=$(qpdf --json --json-key=outlines out-book/公报.pdf |
            python3 -c 'import json,sys; print("|".join(o["title"][:6] for o in json.load(sys.stdin)["outlines"]))')
        [ "$titles" = "1个100%|临清市召开2|Liaoch" ] || fail "outline: $titles" || return 1
    fi
    if command -v pdfinfo >/dev/null 2>&1; then
        pages=$(pdfinfo out-book/公报.pdf | sed -n 's/^Pages: *//p')
        [ "${pages:-0}" -ge 4 ] || fail "the book has $pages pages" || return 1
    fi
    unzip -l out-book/公报.epub >"$B/epub.list" 2>&1 || fail "the EPUB is not a zip" || return 1
    [ "$(grep -c 'EPUB/.*\.xhtml' "$B/epub.list")" -ge 3 ] && grep -q 'mimetype' "$B/epub.list" ||
        fail "EPUB structure: $(cat "$B/epub.list")" || return 1
    # by path: meeting, news (by its address), seed
    run "$BIN/folio-batch" small -o out-book --to pdf --book 公报 --order path
    titles=$(qpdf --json --json-key=outlines out-book/公报.pdf 2>/dev/null |
        python3 -c 'import json,sys; print("|".join(o["title"][:6] for o in json.load(sys.stdin)["outlines"]))' 2>/dev/null)
    [ -z "$titles" ] || [ "$titles" = "Liaoch|临清市召开2|1个100%" ] || fail "--order path outline: $titles"
}

# A worker sets many PDFs with the fonts it loaded once: each must be the
# bytes folio-pdf gives for that article alone.
t_b_pdf_as_alone() {
    run env SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-batch" src/a src/b -o out-pdf --to pdf -j1
    exit_is 0 || return 1
    n=0
    for pdf in $(cd out-pdf && find . -name '*.pdf' | LC_ALL=C sort); do
        SOURCE_DATE_EPOCH=1700000000 "$BIN/folio-pdf" -o "$B/alone.pdf" "out-pdf/${pdf%.pdf}.xhtml" 2>"$B/err" ||
            fail "folio-pdf alone: $(cat "$B/err")" || return 1
        cmp -s "$B/alone.pdf" "out-pdf/$pdf" || fail "$pdf differs from folio-pdf's" || return 1
        n=$((n + 1))
    done
    [ "$n" = 3 ] || fail "$n PDFs, expected 3"
}

b_test "--help, --version, listed by folio" t_b_help
b_test "bad usage exits 2" t_b_usage
b_test "converts, names, reports failures" t_b_first_run
b_test "writes nothing outside OUTDIR" t_b_nothing_outside
b_test "a second run skips what is up to date" t_b_rerun_skips
b_test "--force converts again, names kept" t_b_force
b_test "-j1 and -j2 write the same bytes" t_b_jobs_agree
b_test "four shards make what one run makes" t_b_shards
b_test "a worker that dies fails its page only" t_b_worker_dies
b_test "a killed run's leftovers are removed" t_b_leftovers
b_test "--book binds a PDF and an EPUB" t_b_book
b_test "each PDF is what folio-pdf makes of its article" t_b_pdf_as_alone
b_test "a crash setting the book costs the book only" t_b_book_crash
