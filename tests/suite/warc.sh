# WARC captures: run by tests/run.sh in a subshell ($BIN $TOP, its own
# $TMP, the helpers of tests/lib.sh). The captures are built from the
# readable records in tests/captures/warc (see build.sh there for what each
# holds). Each test is a function that returns 0 when folio-clean behaved,
# or calls fail and returns 1.

W=$TMP
WIN="$W/in"
SITE=www.qinghe.example
HEATING=$SITE/tzgg/2024/heating.xhtml     # GBK, the HTTP header says so, the meta says UTF-8
HARVEST=$SITE/gzdt/2024/harvest.xhtml     # two images, one record before it, one after
DRILL=$SITE/yjgl/2024/drill.xhtml         # gzip content coding, chunked
LIBRARY=$SITE/tzgg/2024/library.xhtml     # a resource record

w_test() { test_fn "warc $1" "$2"; }
# w_scratch NAME: a fresh folder holding an empty output folder "out"; the
# tool runs from inside it, so anything written beside "out" shows.
w_scratch() { rm -rf "$W/$1" && mkdir -p "$W/$1/out" && echo "$W/$1"; }
# w_files DIR: the files under DIR, one a line, sorted.
w_files() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }
# w_expect DIR FILE...: DIR holds exactly these files.
w_expect() {
    dir=$1
    shift
    : >"$W/want"
    [ $# -eq 0 ] || printf '%s\n' "$@" | LC_ALL=C sort >"$W/want"
    w_files "$dir" >"$W/got"
    cmp -s "$W/want" "$W/got" || fail "files: $(diff "$W/want" "$W/got" | grep '^[<>]' | tr '\n' ' ')"
}
# w_clean_run NAME INPUT: folio-clean -o out INPUT, run from a scratch folder.
w_clean_run() {
    s=$(w_scratch "$1")
    (cd "$s" && "$BIN/folio-clean" -o out "$2" >"$W/out" 2>"$W/err")
    st=$?
}
# w_only_out: the scratch folder holds nothing but "out".
w_only_out() {
    extra=$(cd "$s" && ls -A | grep -vx out)
    [ -z "$extra" ] || fail "written outside the output folder: $extra"
}

w_built=no
if sh "$TOP/tests/captures/warc/build.sh" "$WIN" >"$W/build.err" 2>&1 && [ -s "$WIN/good.warc.gz" ]; then
    w_built=yes
    ok "warc build.sh"
else
    bad "warc build.sh" "$(head -c 400 "$W/build.err")"
fi

t_w_good() {
    w_clean_run good "$WIN/good.warc.gz"
    exit_is 0 || return 1
    [ ! -s "$W/err" ] || fail "stderr: $(head -c 300 "$W/err")" || return 1
    [ ! -s "$W/out" ] || fail "wrote to standard output" || return 1
    # The request, revisit, stylesheet, 404 and image records make no page.
    w_expect "$s/out" "$HEATING" "$HARVEST" "$DRILL" "$LIBRARY" || return 1
    w_only_out || return 1
    cp -R "$s/out" "$W/good-out"
}

t_w_gbk_header_wins() {
    f="$W/good-out/$HEATING"
    grep -qF '<h1>青禾县启动2024年冬季供暖保障工作</h1>' "$f" || fail "no GBK title in $HEATING" || return 1
    grep -qF '对独居老人、低保家庭实行上门走访' "$f" || fail "GBK body text is not right" || return 1
    grep -qF '<meta name="dcterms.date" content="2024-11-02"/>' "$f" || fail "no date" || return 1
    [ "$(grep -c '<p>' "$f")" -ge 4 ] || fail "fewer than four paragraphs" || return 1
    # The page's bytes alone would be guessed right too: the proof that the
    # header decided is in the explanation.
    run "$BIN/folio-clean" --explain --record "http://$SITE/tzgg/2024/heating.html" "$WIN/good.warc.gz"
    exit_is 0 || return 1
    grep -q '^charset: GB18030 (by caller)' "$W/err" || fail "charset not from the HTTP header: $(grep charset "$W/err")"
}

# Skipped records are counted, and --explain tells the counts.
t_w_counts() {
    s=$(w_scratch counts)
    run "$BIN/folio-clean" --explain -o "$s/out" "$WIN/good.warc.gz"
    exit_is 0 || return 1
    grep -qF "good.warc.gz: 4 pages, 1 revisit records and 6 other records or entries passed over, 0 refused" "$W/err" ||
        fail "counts: $(grep 'passed over' "$W/err")"
}

t_w_images() {
    f="$W/good-out/$HARVEST"
    n=$(grep -o 'src="data:image/png;base64,iVBORw0KGgo' "$f" | wc -l)
    [ "$n" -eq 2 ] || fail "$n images embedded as data:image/png, expected 2" || return 1
    ! grep -q 'harvest-map.png\|harvest-stage.png' "$f" || fail "an image kept its address" || return 1
    grep -qF '县农业农村局负责人介绍' "$f" || fail "body text missing"
}

t_w_chunked_gzip() {
    f="$W/good-out/$DRILL"
    grep -qF '<h1>青禾县开展防汛应急演练</h1>' "$f" || fail "no title" || return 1
    grep -qF '切实提高应对突发汛情的能力' "$f" || fail "the last paragraph is missing"
}

t_w_resource() {
    f="$W/good-out/$LIBRARY"
    grep -qF '<h1>关于县图书馆延长开放时间的公告</h1>' "$f" || fail "no title" || return 1
    grep -qF '<link rel="canonical" href="http://www.qinghe.example/tzgg/2024/library.html"/>' "$f" ||
        fail "the record's address is not the page's"
}

# The same pages from the plain WARC, the one-member .gz and standard input.
w_same_as_good() {
    exit_is 0 || return 1
    [ ! -s "$W/err" ] || fail "stderr: $(head -c 300 "$W/err")" || return 1
    diff -r "$W/good-out" "$1" >"$W/diff" 2>&1 || fail "differs from good.warc.gz: $(head -c 300 "$W/diff")"
}

t_w_plain() {
    w_clean_run plain "$WIN/good.warc"
    w_same_as_good "$s/out"
}

t_w_one_member() {
    w_clean_run one-member "$WIN/good-one-member.warc.gz"
    w_same_as_good "$s/out"
}

t_w_stdin() {
    s=$(w_scratch stdin)
    (cd "$s" && "$BIN/folio-clean" -o out - <"$WIN/good.warc.gz" >"$W/out" 2>"$W/err")
    st=$?
    w_same_as_good "$s/out"
}

t_w_record() {
    run "$BIN/folio-clean" --record http://www.qinghe.example/yjgl/2024/drill.html "$WIN/good.warc.gz"
    exit_is 0 || return 1
    cmp -s "$W/out" "$W/good-out/$DRILL" || fail "stdout is not the drill page's article" || return 1
    run "$BIN/folio-clean" --record http://www.qinghe.example/tzgg/2024/heating.html "$WIN/good.warc"
    exit_is 0 || return 1
    cmp -s "$W/out" "$W/good-out/$HEATING" || fail "stdout is not the GBK page's article"
}

t_w_record_not_page() {
    # A stylesheet and a 404 page are records, but not pages.
    for uri in http://www.qinghe.example/css/main.css http://www.qinghe.example/tzgg/2024/gone.html; do
        run "$BIN/folio-clean" --record "$uri" "$WIN/good.warc.gz"
        exit_is 1 || return 1
        [ ! -s "$W/out" ] || fail "wrote a page for $uri" || return 1
        grep -qF "good.warc.gz: no record $uri" "$W/err" || fail "stderr: $(cat "$W/err")" || return 1
    done
}

t_w_needs_dir() {
    run "$BIN/folio-clean" "$WIN/good.warc.gz"
    exit_is 2 || return 1
    grep -q 'give -o FOLDER' "$W/err" || fail "stderr: $(cat "$W/err")"
}

# Two records of wrong Content-Length: each named with its cause; the
# record after the first (an image) is found again although the wrong
# length ran over its start, so the next page still shows it.
w_wrong_length() {
    name=$(basename "$1")
    w_clean_run "wrong-$name" "$1"
    exit_is 1 || return 1
    w_expect "$s/out" "$HARVEST" "$LIBRARY" || return 1
    w_only_out || return 1
    [ "$(wc -l <"$W/err")" -eq 2 ] || fail "not two errors: $(cat "$W/err")" || return 1
    grep -q "^folio-clean: $1: record 3 at offset [0-9]* (http://$SITE/tzgg/2024/heating.html): Content-Length 1394 does not fit the block" "$W/err" ||
        fail "the GBK page's error: $(cat "$W/err")" || return 1
    grep -q "^folio-clean: $1: record 10 at offset [0-9]* (http://$SITE/yjgl/2024/drill.html): Content-Length 1011 does not fit the block" "$W/err" ||
        fail "the chunked page's error: $(cat "$W/err")" || return 1
    cmp -s "$s/out/$HARVEST" "$W/good-out/$HARVEST" || fail "the image page differs from good.warc's"
}

t_w_wrong_length_plain() { w_wrong_length "$WIN/wrong-length.warc"; }
t_w_wrong_length_gz() { w_wrong_length "$WIN/wrong-length.warc.gz"; }

t_w_truncated() {
    w_clean_run truncated "$WIN/truncated.warc.gz"
    exit_is 1 || return 1
    w_expect "$s/out" "$HEATING" "$HARVEST" "$DRILL" || return 1
    w_only_out || return 1
    at=$(cat "$WIN/truncated.at")
    want="folio-clean: $WIN/truncated.warc.gz: record 11 at offset $at (http://$SITE/tzgg/2024/library.html): truncated gzip member at offset $at"
    [ "$(cat "$W/err")" = "$want" ] || fail "stderr: $(cat "$W/err")"
}

t_w_not_warc() {
    # A gzip file of something else: one clear error, nothing written.
    gzip -n -c "$TOP/tests/captures/warc/library.html" >"$W/page.html.gz"
    w_clean_run not-warc "$W/page.html.gz"
    exit_is 1 || return 1
    w_expect "$s/out" || return 1
    grep -qF "$W/page.html.gz: not a WARC file" "$W/err" || fail "stderr: $(cat "$W/err")"
}

if [ "$w_built" = yes ]; then
    w_test "pages into DIR/HOST/PATH.xhtml" t_w_good
    w_test "HTTP charset wins over the page's meta" t_w_gbk_header_wins
    w_test "images from the same WARC, before and after the page" t_w_images
    w_test "chunked and gzip-coded response" t_w_chunked_gzip
    w_test "resource record" t_w_resource
    w_test "--explain counts what was passed over" t_w_counts
    w_test "plain .warc" t_w_plain
    w_test "one gzip member for the whole file" t_w_one_member
    w_test "standard input" t_w_stdin
    w_test "--record URI to stdout" t_w_record
    w_test "--record of a record that is no page" t_w_record_not_page
    w_test "many pages need -o DIR" t_w_needs_dir
    w_test "wrong Content-Length, plain" t_w_wrong_length_plain
    w_test "wrong Content-Length, gzip" t_w_wrong_length_gz
    w_test "truncated gzip member" t_w_truncated
    w_test "gzip that is no WARC" t_w_not_warc
fi
