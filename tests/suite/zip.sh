# Zips of saved pages through folio-clean: run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh). The
# archives are built from the readable sources in tests/captures/zip/ by
# its make_zips.py. Each test is a function that returns 0 when the tool
# behaved, or calls fail and returns 1.

ZP=$TMP
ZP_FIX="$ZP/fixtures"

zp_test() { test_fn "zip $1" "$2"; }
# zp_dir NAME: a new folder holding a copy of the fixture NAME.zip and an
# empty folder out/, as the current folder of the test (so that output
# names are relative).
zp_dir() {
    rm -rf "$ZP/$1" && mkdir -p "$ZP/$1/out" && cp "$ZP_FIX/$1.zip" "$ZP/$1/" && cd "$ZP/$1"
}
# zp_files DIR: every file and folder under DIR, one a line, sorted.
zp_files() { (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' '); }
zp_has() { grep -qF -e "$2" "$1" || fail "$1 lacks '$2'"; }
zp_err_has() { grep -qF -e "$1" "$ZP/err" || fail "no '$1' in stderr: $(head -c 600 "$ZP/err")"; }
# zp_image FILE PNG: the article FILE embeds the image PNG as a data: URI.
zp_image() {
    uri="data:image/png;base64,$(base64 -w0 "$2")"
    grep -qF "src=\"$uri\"" "$1" || fail "$1 does not embed $(basename "$2") as $uri"
}

t_zp_pages() {
    zp_dir pages || return 1
    run "$BIN/folio-clean" -o out pages.zip
    exit_is 0 || return 1
    [ ! -s "$ZP/err" ] || fail "said: $(cat "$ZP/err")" || return 1
    want="./out ./out/pages.zip ./out/pages.zip/a.xhtml ./out/pages.zip/news ./out/pages.zip/news/b.xhtml ./pages.zip "
    [ "$(zp_files .)" = "$want" ] || fail "wrote: $(zp_files .)" || return 1
    a=out/pages.zip/a.xhtml b=out/pages.zip/news/b.xhtml
    zp_has $a '<title>柳河镇开展春季植树护绿活动</title>' || return 1
    zp_has $a '<meta name="dcterms.date" content="2024-03-12"/>' || return 1
    zp_has $a '<h1>柳河镇开展春季植树护绿活动</h1>' || return 1
    zp_has $a '<p>三月十二日上午，柳河镇组织机关干部' || return 1
    zp_has $a '<p>镇党委负责人表示，下一步将把植树护绿' || return 1
    zp_has $a 'alt="河堤植树现场"' || return 1
    zp_image $a "$ZP_FIX/photo.png" || return 1
    zp_has $b '<title>东湖区召开第一季度安全生产工作会议</title>' || return 1
    zp_has $b '<meta name="dcterms.date" content="2024-04-08"/>' || return 1
    zp_has $b '<p>会议强调，要严格落实党政同责' || return 1
    # ./b_files/chart.png?v=2, from the page's own folder news/
    zp_image $b "$ZP_FIX/chart.png" || return 1
    ! grep -qF 'photo' $b || fail "b embeds a's photo" || return 1
    # The frame a_files/saved_resource.html is part of a, not a page.
    ! grep -qF '访问' $a || fail "a.xhtml holds the frame's text"
}

t_zp_record() {
    rm -rf "$ZP/ref" && mkdir "$ZP/ref" && cd "$ZP_FIX" || return 1
    "$BIN/folio-clean" -o "$ZP/ref" pages.zip 2>"$ZP/err" || fail "-o failed: $(cat "$ZP/err")" || return 1
    ref="$ZP/ref/pages.zip/news/b.xhtml"
    zp_dir pages || return 1
    run "$BIN/folio-clean" --record news/b.htm pages.zip
    exit_is 0 || return 1
    cmp -s "$ZP/out" "$ref" || fail "stdout differs from news/b.xhtml of -o" || return 1
    zp_image "$ZP/out" "$ZP_FIX/chart.png" || return 1
    [ "$(zp_files .)" = "./out ./pages.zip " ] || fail "wrote: $(zp_files .)" || return 1
    run "$BIN/folio-clean" --record news/b.htm <pages.zip
    exit_is 0 || return 1
    cmp -s "$ZP/out" "$ref" || fail "read from standard input, b differs"
}

t_zp_record_not_page() {
    zp_dir pages || return 1
    for rec in a_files/saved_resource.html a_files/photo.png news/b.html; do
        run "$BIN/folio-clean" --record $rec pages.zip
        exit_is 1 || return 1
        zp_err_has "pages.zip: no record $rec" || return 1
        [ ! -s "$ZP/out" ] || fail "--record $rec wrote output" || return 1
    done
}

t_zp_evil() {
    # Deep enough that ../ from the output folder stays inside the test's
    # folder, where the listing would show it.
    rm -rf "$ZP/evil" && mkdir -p "$ZP/evil/a/b/out" && cp "$ZP_FIX/evil.zip" "$ZP/evil/a/b/" &&
        cd "$ZP/evil/a/b" || return 1
    run "$BIN/folio-clean" -o out evil.zip
    exit_is 1 || return 1
    for name in '../evil.html' '/abs.html' 'C:\drive.html' 'sub/../../up.html' '../evil_files/'; do
        zp_err_has "folio-clean: evil.zip: entry $name: name leaves the archive" || return 1
    done
    [ "$(wc -l <"$ZP/err")" -eq 5 ] || fail "not one line per refused entry: $(cat "$ZP/err")" || return 1
    want="./a ./a/b ./a/b/evil.zip ./a/b/out ./a/b/out/evil.zip ./a/b/out/evil.zip/good.xhtml "
    [ "$(zp_files "$ZP/evil")" = "$want" ] || fail "wrote: $(zp_files "$ZP/evil")" || return 1
    zp_has out/evil.zip/good.xhtml '<h1>市图书馆推出周末亲子阅读课堂</h1>' || return 1
    for f in /abs.html /abs.xhtml "$ZP/evil.html" "$ZP/evil.xhtml" "${ZP%/*}/evil.xhtml"; do
        [ ! -e "$f" ] || fail "$f was written" || return 1
    done
    # And through a pipe: the same refusals, the good page to stdout.
    run "$BIN/folio-clean" --record good.html <evil.zip
    exit_is 1 || return 1
    zp_err_has "folio-clean: <stdin>: entry /abs.html: name leaves the archive" || return 1
    zp_has "$ZP/out" '<h1>市图书馆推出周末亲子阅读课堂</h1>'
}

# zp_refused NAME STATUS MESSAGE: NAME.zip fails as a whole with MESSAGE and
# leaves nothing behind.
zp_refused() {
    zp_dir "$1" || return 1
    run "$BIN/folio-clean" -o out "$1.zip"
    exit_is "$2" || return 1
    [ "$(cat "$ZP/err")" = "$3" ] || fail "stderr: $(cat "$ZP/err"), expected: $3" || return 1
    want=$(printf './%s\n' "$1.zip" out | LC_ALL=C sort | tr '\n' ' ')
    [ "$(zp_files .)" = "$want" ] || fail "wrote: $(zp_files .)"
}

t_zp_not_zip() {
    zp_refused notzip 1 "folio-clean: notzip.zip: not a zip archive"
}

t_zp_empty() {
    # No PK magic to go by: the name makes it a zip, and an empty file is no archive.
    zp_refused x 1 "folio-clean: x.zip: empty file, not a zip archive"
}

t_zp_cut() {
    zp_refused cut 1 "folio-clean: cut.zip: truncated zip archive: it starts as one, but its central directory is missing"
}

t_zp_fifo() {
    zp_dir pages || return 1
    mkfifo pipe.zip || return 1
    cat pages.zip >pipe.zip 2>/dev/null &
    run "$BIN/folio-clean" --record a.html pipe.zip
    wait $!
    exit_is 0 || return 1
    grep -q '<h1>' "$ZP/out" || fail "no article from the pipe: $(head -c 300 "$ZP/out")"
}

t_zp_no_pages() {
    zp_dir images || return 1
    run "$BIN/folio-clean" -o out images.zip
    exit_is 1 || return 1
    zp_err_has "folio-clean: images.zip: no saved page (.html, .htm, .shtml, .xhtml) among its 2 entries" || return 1
    [ "$(zp_files .)" = "./images.zip ./out " ] || fail "wrote: $(zp_files .)"
}

# zp_one_refused NAME MESSAGE: one entry of NAME.zip is refused with
# MESSAGE, and its good.html is still written.
zp_one_refused() {
    zp_dir "$1" || return 1
    run "$BIN/folio-clean" -o out "$1.zip"
    exit_is 1 || return 1
    [ "$(cat "$ZP/err")" = "$2" ] || fail "stderr: $(cat "$ZP/err"), expected: $2" || return 1
    [ "$(zp_files out)" = "./$1.zip ./$1.zip/good.xhtml " ] || fail "wrote: $(zp_files out)" || return 1
    zp_has "out/$1.zip/good.xhtml" '<h1>市图书馆推出周末亲子阅读课堂</h1>'
}

t_zp_encrypted() {
    zp_one_refused secret "folio-clean: secret.zip: entry secret.html: encrypted (folio reads no passwords)"
}

t_zp_big() {
    zp_one_refused big "folio-clean: big.zip: entry huge.html: declares 68157440 bytes, more than the 64 MB an entry may have"
}

t_zp_bomb() {
    # It claims 1000 bytes: only counting what comes out finds it.
    zp_one_refused bomb "folio-clean: bomb.zip: entry huge.html: inflates to more than the 64 MB an entry may have"
}

if python3 "$TOP/tests/captures/zip/make_zips.py" "$ZP_FIX" 2>"$ZP/make.err"; then
    zp_here=$(pwd)
    zp_test "a zip of saved pages, images embedded" t_zp_pages
    zp_test "--record gives one page, from a file or standard input" t_zp_record
    zp_test "--record finds no frame, image or other name" t_zp_record_not_page
    zp_test "refuses names that leave the archive, goes on" t_zp_evil
    zp_test "a file that is no zip" t_zp_not_zip
    zp_test "an empty file named .zip" t_zp_empty
    zp_test "a zip cut short" t_zp_cut
    zp_test "a zip without pages" t_zp_no_pages
    zp_test "a zip through a named pipe" t_zp_fifo
    zp_test "an encrypted entry" t_zp_encrypted
    zp_test "an entry that declares too many bytes" t_zp_big
    zp_test "an entry that inflates beyond its word" t_zp_bomb
    cd "$zp_here" || exit 1
else
    bad "zip fixtures" "$(cat "$ZP/make.err")"
fi
