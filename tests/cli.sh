# tests/cli.sh: the tools as a shell user meets them. Run by tests/run.sh,
# in a subshell, with $BIN, $TOP, a scratch folder $TMP of its own, and the
# helpers of tests/lib.sh: each test is a function that returns 0 when the
# tool behaved, or calls fail and returns 1; run keeps a command's output,
# errors and exit status in $TMP/out, $TMP/err and $st. Every test can fail;
# those that write files do so in a scratch folder of their own.

C=$TMP
G="$TOP/tests/golden"
PAGE="$G/02-utf8-under-stale-gb2312-meta/input.html"           # a plain article page
PAGE_TITLE="临清市召开2023年安全生产工作会议"
PAGE_DATE="2023-03-15"
SEED="$G/01-seed-gb18030-bulletin/input.html"                  # the GB18030 seed bulletin
PDF="$G/30-pdf-file/input.html"                                # refused: not HTML
SOUP="$G/12-br-separated-indented-text/input.html"             # a tag-soup page: not a clean article
ARTICLE="$G/02-utf8-under-stale-gb2312-meta/expected.xhtml"    # a clean article
IMG_ARTICLE="$G/19-image-beside-page/expected.xhtml"           # a clean article with a data: image
IMG_PNG="$G/19-image-beside-page/pic.png"

c_test() { test_fn "cli $1" "$2"; }

# --- folio-clean ------------------------------------------------------------

t_clean_help() {
    run "$BIN/folio-clean" --help
    exit_is 0 || return 1
    grep -q '^usage: folio-clean' "$C/out" || fail "no 'usage: folio-clean' on stdout" || return 1
    [ ! -s "$C/err" ] || fail "wrote to stderr"
}

t_clean_version() {
    run "$BIN/folio-clean" --version
    exit_is 0 || return 1
    [ "$(wc -l <"$C/out")" -eq 1 ] && grep -Eq '^folio-clean [0-9]+\.[0-9]+\.[0-9]+$' "$C/out" ||
        fail "version line: $(head -c 100 "$C/out")"
}

t_clean_bad_option() {
    run "$BIN/folio-clean" --no-such-option "$PAGE"
    exit_is 2 || return 1
    no_stdout || return 1
    grep -q 'folio-clean' "$C/err" || fail "stderr does not name the program"
}

t_clean_stdin() {
    "$BIN/folio-clean" "$PAGE" >"$C/named.xhtml" 2>/dev/null || fail "named page failed" || return 1
    run sh -c 'cat "$1" | "$2"/folio-clean' sh "$PAGE" "$BIN"
    exit_is 0 || return 1
    cmp -s "$C/out" "$C/named.xhtml" || fail "stdin output differs from the named page's" || return 1
    run "$BIN/folio-clean" - <"$PAGE"
    exit_is 0 || return 1
    cmp -s "$C/out" "$C/named.xhtml" || fail "'-' output differs from the named page's"
}

t_clean_stdin_charset() {
    # The seed is GB18030 under a gb2312 label: decoding must not depend on a file name.
    run sh -c '"$2"/folio-clean <"$1"' sh "$SEED" "$BIN"
    exit_is 0 || return 1
    grep -q '<h1>1个100%+3个全覆盖,聊城市行政应诉工作取得新成效</h1>' "$C/out" ||
        fail "seed title not decoded from stdin"
}

t_clean_output_file() {
    d=$(scratch ofile)
    "$BIN/folio-clean" "$PAGE" >"$d/want.xhtml" 2>/dev/null
    run "$BIN/folio-clean" -o "$d/got.xhtml" "$PAGE"
    exit_is 0 || return 1
    no_stdout || return 1
    [ -f "$d/got.xhtml" ] || fail "-o FILE wrote no file" || return 1
    cmp -s "$d/got.xhtml" "$d/want.xhtml" || fail "-o FILE differs from standard output" || return 1
    [ "$(ls "$d" | wc -l)" -eq 2 ] || fail "left other files: $(ls "$d" | tr '\n' ' ')"
}

t_clean_output_replaces() {
    d=$(scratch oreplace)
    echo "old" >"$d/got.xhtml"
    run "$BIN/folio-clean" -o "$d/got.xhtml" "$PAGE"
    exit_is 0 || return 1
    grep -q "<h1>$PAGE_TITLE</h1>" "$d/got.xhtml" || fail "an existing output file was not replaced"
}

t_clean_no_self_overwrite() {
    d=$(scratch self)
    cp "$PAGE" "$d/page.html"
    run "$BIN/folio-clean" -o "$d/page.html" "$d/page.html"
    exit_is 1 || return 1
    cmp -s "$d/page.html" "$PAGE" || fail "the input was changed" || return 1
    no_stdout || return 1
    [ "$(ls "$d")" = "page.html" ] || fail "left files behind: $(ls "$d" | tr '\n' ' ')"
}

t_clean_no_overwrite_via_link() {
    d=$(scratch selflink)
    cp "$PAGE" "$d/page.html"
    ln -s page.html "$d/out.xhtml"
    run "$BIN/folio-clean" -o "$d/out.xhtml" "$d/page.html"
    exit_is 1 || return 1
    cmp -s "$d/page.html" "$PAGE" || fail "the input was changed through a symlink"
}

t_clean_refused_leaves_nothing() {
    d=$(scratch refused)
    run "$BIN/folio-clean" -o "$d/out.xhtml" "$PDF"
    exit_is 1 || return 1
    no_stdout || return 1
    [ -z "$(ls -A "$d")" ] || fail "left files behind: $(ls -A "$d" | tr '\n' ' ')" || return 1
    grep -q "^folio-clean: $PDF: " "$C/err" || fail "stderr does not name the file: $(head -c 200 "$C/err")"
}

t_clean_refused_keeps_old_output() {
    d=$(scratch refusedold)
    echo "previous" >"$d/out.xhtml"
    run "$BIN/folio-clean" -o "$d/out.xhtml" "$PDF"
    exit_is 1 || return 1
    [ "$(cat "$d/out.xhtml")" = "previous" ] || fail "a refused page changed the existing output" || return 1
    [ "$(ls -A "$d")" = "out.xhtml" ] || fail "left files behind: $(ls -A "$d" | tr '\n' ' ')"
}

t_clean_many_need_dir() {
    d=$(scratch many)
    run "$BIN/folio-clean" "$PAGE" "$SEED"
    exit_is 2 || return 1
    no_stdout || return 1
    run "$BIN/folio-clean" -o "$d/one.xhtml" "$PAGE" "$SEED"
    exit_is 2 || return 1
    [ -z "$(ls -A "$d")" ] || fail "-o FILE with two pages wrote: $(ls -A "$d" | tr '\n' ' ')"
}

t_clean_many_into_dir() {
    d=$(scratch batch)
    mkdir "$d/in" "$d/out"
    cp "$PAGE" "$d/in/a.html"
    cp "$PDF" "$d/in/b.html"
    cp "$SEED" "$d/in/c.htm"
    "$BIN/folio-clean" "$PAGE" >"$d/a.want" 2>/dev/null
    "$BIN/folio-clean" "$SEED" >"$d/c.want" 2>/dev/null
    run "$BIN/folio-clean" -o "$d/out" "$d/in/a.html" "$d/in/b.html" "$d/in/c.htm"
    exit_is 1 || return 1
    no_stdout || return 1
    [ "$(ls -A "$d/out" | tr '\n' ' ')" = "a.xhtml c.xhtml " ] ||
        fail "folder holds: $(ls -A "$d/out" | tr '\n' ' ')" || return 1
    cmp -s "$d/out/a.xhtml" "$d/a.want" && cmp -s "$d/out/c.xhtml" "$d/c.want" ||
        fail "a page written into the folder differs from its standard output" || return 1
    grep -q "^folio-clean: $d/in/b.html: " "$C/err" || fail "the bad page is not named: $(head -c 200 "$C/err")"
}

t_clean_deterministic() {
    for p in "$PAGE" "$SEED" "$G/19-image-beside-page/input.html"; do
        (cd "$(dirname "$p")" && "$BIN/folio-clean" "$(basename "$p")") >"$C/one" 2>/dev/null
        (cd "$(dirname "$p")" && "$BIN/folio-clean" "$(basename "$p")") >"$C/two" 2>/dev/null
        [ -s "$C/one" ] && cmp -s "$C/one" "$C/two" || fail "two runs differ on $p" || return 1
    done
}

t_clean_explain_stderr_only() {
    "$BIN/folio-clean" "$PAGE" >"$C/plain" 2>/dev/null
    run "$BIN/folio-clean" --explain "$PAGE"
    exit_is 0 || return 1
    cmp -s "$C/out" "$C/plain" || fail "--explain changed standard output" || return 1
    [ -s "$C/err" ] || fail "--explain said nothing on stderr" || return 1
    # A user tuning rules needs the charset, the candidates' figures and
    # fates, and each dropped block with the rule that dropped it.
    run "$BIN/folio-clean" --explain "$SEED"
    grep -q '^charset: GB18030 (by meta)' "$C/err" || fail "--explain names no charset" || return 1
    grep -q '^candidate 1: score [0-9.]*  chars [0-9]*  punct [0-9]*  links [0-9.]*  class [-+][0-9]*  .* -> kept$' "$C/err" ||
        fail "--explain gives no figures for the best candidate" || return 1
    grep -q '^kept: .*: the best score$' "$C/err" || fail "--explain says not why a block was kept" || return 1
    grep -q '^dropped .*: the 原文链接 line' "$C/err" || fail "--explain says not why a block was dropped"
}

t_clean_image_escape() {
    # Images are read only from inside the page's own folder: not through ../,
    # not through a symlink that points out of it.
    d=$(scratch escape)
    mkdir "$d/page"
    cp "$IMG_PNG" "$d/secret.png"
    cp "$IMG_PNG" "$d/page/inside.png"
    ln -s ../secret.png "$d/page/link.png"
    cat >"$d/page/index.html" <<'EOF'
<html><head><meta charset="utf-8"><title>图片测试</title></head><body>
<h1>图片测试</h1>
<p>这是一段足够长的正文，用来检查页面所在文件夹之外的图片不会被读取和嵌入到文章之中。</p>
<p><img src="inside.png" alt="内"><img src="../secret.png" alt="外"><img src="link.png" alt="链"></p>
<p>这是第二段正文，内容同样足够长，保证页面能够被识别为一篇文章而不是一个空页面。</p>
</body></html>
EOF
    run "$BIN/folio-clean" "$d/page/index.html"
    exit_is 0 || return 1
    n=$(grep -o 'src="data:image/png' "$C/out" | wc -l)
    [ "$n" -eq 1 ] || fail "$n images embedded, expected 1 (only inside.png)" || return 1
    grep -q 'src="../secret.png"' "$C/out" && grep -q 'src="link.png"' "$C/out" ||
        fail "the outside images did not keep their URLs"
}

# --- folio-md ---------------------------------------------------------------

t_md_help() {
    run "$BIN/folio-md" --help
    exit_is 0 || return 1
    grep -q '^usage: folio-md' "$C/out" || fail "no 'usage: folio-md' on stdout"
}

t_md_version() {
    run "$BIN/folio-md" --version
    exit_is 0 || return 1
    grep -Eq '^folio-md [0-9]+\.[0-9]+\.[0-9]+$' "$C/out" || fail "version line: $(head -c 100 "$C/out")"
}

t_md_bad_option() {
    run "$BIN/folio-md" --no-such-option "$ARTICLE"
    exit_is 2 || return 1
    no_stdout
}

t_md_stdin() {
    "$BIN/folio-md" "$ARTICLE" >"$C/named.md" 2>/dev/null
    run sh -c 'cat "$1" | "$2"/folio-md' sh "$ARTICLE" "$BIN"
    exit_is 0 || return 1
    [ -s "$C/out" ] && cmp -s "$C/out" "$C/named.md" || fail "stdin output differs from the named file's"
}

t_md_pipeline() {
    "$BIN/folio-clean" "$PAGE" >"$C/page.xhtml" 2>/dev/null
    "$BIN/folio-md" "$C/page.xhtml" >"$C/want.md" 2>/dev/null
    run sh -c '"$2"/folio-clean "$1" | "$2"/folio-md' sh "$PAGE" "$BIN"
    exit_is 0 || return 1
    cmp -s "$C/out" "$C/want.md" || fail "folio-clean | folio-md differs from the two steps" || return 1
    head -n 1 "$C/out" | grep -qx -- '---' || fail "no front matter"
}

t_md_output_file() {
    d=$(scratch mdfile)
    "$BIN/folio-md" "$ARTICLE" >"$d/want.md" 2>/dev/null
    run "$BIN/folio-md" -o "$d/got.md" "$ARTICLE"
    exit_is 0 || return 1
    no_stdout || return 1
    cmp -s "$d/got.md" "$d/want.md" || fail "-o FILE differs from standard output" || return 1
    [ "$(ls "$d" | wc -l)" -eq 2 ] || fail "left other files: $(ls "$d" | tr '\n' ' ')"
}

t_md_no_self_overwrite() {
    d=$(scratch mdself)
    cp "$ARTICLE" "$d/a.xhtml"
    run "$BIN/folio-md" -o "$d/a.xhtml" "$d/a.xhtml"
    exit_is 1 || return 1
    cmp -s "$d/a.xhtml" "$ARTICLE" || fail "the input was changed"
}

t_md_refuses_page() {
    # A captured page is not a clean article: refused, nothing written.
    d=$(scratch mdrefuse)
    run "$BIN/folio-md" "$SOUP"
    exit_is 1 || return 1
    no_stdout || return 1
    grep -q '^folio-md: ' "$C/err" || fail "no error message" || return 1
    run "$BIN/folio-md" -o "$d/x.md" "$PDF"
    exit_is 1 || return 1
    [ -z "$(ls -A "$d")" ] || fail "left files behind: $(ls -A "$d" | tr '\n' ' ')" || return 1
    run sh -c 'printf "" | "$1"/folio-md' sh "$BIN"
    exit_is 1 || return 1
    no_stdout
}

t_md_assets() {
    # Written to a file, a data: image goes into NAME.assets/ beside it.
    d=$(scratch mdassets)
    run "$BIN/folio-md" -o "$d/page.md" "$IMG_ARTICLE"
    exit_is 0 || return 1
    [ -f "$d/page.assets/img-001.png" ] || fail "no page.assets/img-001.png: $(ls -R "$d" | tr '\n' ' ')" || return 1
    cmp -s "$d/page.assets/img-001.png" "$IMG_PNG" || fail "the unpacked image differs from the original" || return 1
    grep -q '](page.assets/img-001.png)' "$d/page.md" || fail "page.md does not link the asset" || return 1
    ! grep -q 'data:image' "$d/page.md" || fail "page.md still holds a data: URI"
}

t_md_many_into_dir() {
    d=$(scratch mdbatch)
    mkdir "$d/out"
    cp "$ARTICLE" "$d/a.xhtml"
    cp "$PDF" "$d/b.xhtml"
    cp "$G/01-seed-gb18030-bulletin/expected.xhtml" "$d/c.xhtml"
    run "$BIN/folio-md" "$d/a.xhtml" "$d/c.xhtml"
    exit_is 2 || return 1
    run "$BIN/folio-md" -o "$d/out" "$d/a.xhtml" "$d/b.xhtml" "$d/c.xhtml"
    exit_is 1 || return 1
    [ "$(ls -A "$d/out" | tr '\n' ' ')" = "a.md c.md " ] || fail "folder holds: $(ls -A "$d/out" | tr '\n' ' ')"
}

t_md_deterministic() {
    "$BIN/folio-md" "$IMG_ARTICLE" >"$C/one" 2>/dev/null
    "$BIN/folio-md" "$IMG_ARTICLE" >"$C/two" 2>/dev/null
    [ -s "$C/one" ] && cmp -s "$C/one" "$C/two" || fail "two runs differ"
}

# --- folio-meta -------------------------------------------------------------

t_meta_tsv() {
    run "$BIN/folio-meta" "$ARTICLE"
    exit_is 0 || return 1
    [ "$(wc -l <"$C/out")" -eq 1 ] || fail "$(wc -l <"$C/out") lines, expected 1" || return 1
    tab=$(printf '\t')
    n=$(awk -F"$tab" '{ print NF }' "$C/out")
    [ "$n" -eq 6 ] || fail "$n tab-separated fields, expected 6: $(cat "$C/out")" || return 1
    [ "$(cut -f1 "$C/out")" = "$ARTICLE" ] || fail "path field: $(cut -f1 "$C/out")" || return 1
    [ "$(cut -f2 "$C/out")" = "$PAGE_TITLE" ] || fail "title field: $(cut -f2 "$C/out")" || return 1
    [ "$(cut -f3 "$C/out")" = "$PAGE_DATE" ] || fail "date field: $(cut -f3 "$C/out")" || return 1
    [ "$(cut -f4 "$C/out")" = "临清市应急管理局" ] || fail "publisher field: $(cut -f4 "$C/out")" || return 1
    [ "$(cut -f5 "$C/out")" = "王磊" ] || fail "author field: $(cut -f5 "$C/out")"
}

t_meta_json() {
    run "$BIN/folio-meta" --json "$ARTICLE" "$G/01-seed-gb18030-bulletin/expected.xhtml"
    exit_is 0 || return 1
    [ "$(wc -l <"$C/out")" -eq 2 ] || fail "$(wc -l <"$C/out") lines, expected 2" || return 1
    python3 -c 'import json,sys;[json.loads(l) for l in sys.stdin]' <"$C/out" 2>"$C/py" ||
        fail "not JSON lines: $(tail -n 1 "$C/py")" || return 1
    python3 - "$C/out" "$PAGE_TITLE" "$PAGE_DATE" <<'EOF' 2>"$C/py" || fail "$(tail -n 1 "$C/py")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert rows[0]["title"] == sys.argv[2], rows[0]
assert rows[0]["date"] == sys.argv[3], rows[0]
assert rows[1]["publisher"] == "山东省司法厅", rows[1]
assert rows[1]["author"] is None, rows[1]
assert rows[1]["source"].startswith("http://sft.shandong.gov.cn/"), rows[1]
EOF
}

t_meta_skips_bad() {
    run "$BIN/folio-meta" "$ARTICLE" "$SOUP" "$G/01-seed-gb18030-bulletin/expected.xhtml"
    exit_is 1 || return 1
    [ "$(wc -l <"$C/out")" -eq 2 ] || fail "$(wc -l <"$C/out") lines, expected the 2 good ones" || return 1
    grep -q "^folio-meta: $SOUP: " "$C/err" || fail "the bad file is not named: $(head -c 200 "$C/err")"
}

t_meta_stdin() {
    "$BIN/folio-meta" "$ARTICLE" | cut -f2- >"$C/named" 2>/dev/null
    run sh -c '"$2"/folio-meta <"$1" | cut -f2-' sh "$ARTICLE" "$BIN"
    exit_is 0 || return 1
    cmp -s "$C/out" "$C/named" || fail "stdin fields differ: $(cat "$C/out")"
}

t_meta_bad_option() {
    run "$BIN/folio-meta" --no-such-option "$ARTICLE"
    exit_is 2 || return 1
    no_stdout
}

# --- folio, the driver --------------------------------------------------------

t_driver_clean() {
    "$BIN/folio-clean" "$SEED" >"$C/want" 2>/dev/null
    run "$BIN/folio" clean "$SEED"
    exit_is 0 || return 1
    [ -s "$C/out" ] && cmp -s "$C/out" "$C/want" || fail "folio clean differs from folio-clean" || return 1
    run "$BIN/folio" clean "$PDF"
    exit_is 1 || return 1
    grep -q "^folio-clean: $PDF: " "$C/err" || fail "error not passed on: $(head -c 200 "$C/err")"
}

t_driver_convert_md() {
    d=$(scratch convert)
    "$BIN/folio-clean" "$PAGE" 2>/dev/null | "$BIN/folio-md" >"$d/want.md" 2>/dev/null
    run "$BIN/folio" convert "$PAGE" "$d/out.md"
    exit_is 0 || return 1
    no_stdout || return 1
    [ -f "$d/out.md" ] || fail "no out.md" || return 1
    cmp -s "$d/out.md" "$d/want.md" || fail "out.md differs from folio-clean | folio-md"
}

t_driver_convert_xhtml() {
    d=$(scratch convertx)
    "$BIN/folio-clean" "$PAGE" >"$d/want.xhtml" 2>/dev/null
    run "$BIN/folio" convert "$PAGE" "$d/out.xhtml"
    exit_is 0 || return 1
    cmp -s "$d/out.xhtml" "$d/want.xhtml" || fail "out.xhtml differs from folio-clean"
}

# Books come out the same way: folio convert chains clean with the writer
# that the extension names, byte for byte as the pipeline does.
t_driver_convert_book() {
    ext=$1
    d=$(scratch "convert$ext")
    "$BIN/folio-clean" "$PAGE" 2>/dev/null | "$BIN/folio-$ext" -o "$d/want.$ext" 2>/dev/null
    run "$BIN/folio" convert "$PAGE" "$d/out.$ext"
    exit_is 0 || return 1
    [ -s "$d/out.$ext" ] || fail "no out.$ext" || return 1
    cmp -s "$d/out.$ext" "$d/want.$ext" || fail "out.$ext differs from folio-clean | folio-$ext"
}
t_driver_convert_pdf() { t_driver_convert_book pdf; }
t_driver_convert_epub() { t_driver_convert_book epub; }

t_driver_convert_refused() {
    d=$(scratch convertbad)
    run "$BIN/folio" convert "$PDF" "$d/out.md"
    [ "$st" -ne 0 ] || fail "exit 0 for a refused page" || return 1
    [ -z "$(ls -A "$d")" ] || fail "left files behind: $(ls -A "$d" | tr '\n' ' ')"
}

t_driver_unknown() {
    run "$BIN/folio" nosuch
    exit_is 2 || return 1
    no_stdout || return 1
    [ -s "$C/err" ] || fail "no message"
}

t_driver_help() {
    run "$BIN/folio" --help
    exit_is 0 || return 1
    grep -q '^usage: folio' "$C/out" || fail "no usage on stdout" || return 1
    run "$BIN/folio"
    exit_is 2
}

c_test "folio-clean --help" t_clean_help
c_test "folio-clean --version" t_clean_version
c_test "folio-clean unknown option" t_clean_bad_option
c_test "folio-clean reads stdin" t_clean_stdin
c_test "folio-clean stdin charset" t_clean_stdin_charset
c_test "folio-clean -o FILE" t_clean_output_file
c_test "folio-clean -o replaces an old output" t_clean_output_replaces
c_test "folio-clean -o never writes over its input" t_clean_no_self_overwrite
c_test "folio-clean -o never writes over its input via a symlink" t_clean_no_overwrite_via_link
c_test "folio-clean refused page leaves no file" t_clean_refused_leaves_nothing
c_test "folio-clean refused page keeps the old output" t_clean_refused_keeps_old_output
c_test "folio-clean several pages need -o DIR" t_clean_many_need_dir
c_test "folio-clean -o DIR goes on past a bad page" t_clean_many_into_dir
c_test "folio-clean deterministic" t_clean_deterministic
c_test "folio-clean --explain on stderr only" t_clean_explain_stderr_only
c_test "folio-clean images only from the page's folder" t_clean_image_escape
c_test "folio-md --help" t_md_help
c_test "folio-md --version" t_md_version
c_test "folio-md unknown option" t_md_bad_option
c_test "folio-md reads stdin" t_md_stdin
c_test "folio-clean | folio-md" t_md_pipeline
c_test "folio-md -o FILE" t_md_output_file
c_test "folio-md -o never writes over its input" t_md_no_self_overwrite
c_test "folio-md refuses what is not a clean article" t_md_refuses_page
c_test "folio-md -o unpacks images into NAME.assets" t_md_assets
c_test "folio-md -o DIR goes on past a bad file" t_md_many_into_dir
c_test "folio-md deterministic" t_md_deterministic
c_test "folio-meta TSV" t_meta_tsv
c_test "folio-meta --json" t_meta_json
c_test "folio-meta skips a bad file" t_meta_skips_bad
c_test "folio-meta reads stdin" t_meta_stdin
c_test "folio-meta unknown option" t_meta_bad_option
c_test "folio clean" t_driver_clean
c_test "folio convert .md" t_driver_convert_md
c_test "folio convert .xhtml" t_driver_convert_xhtml
c_test "folio convert refused page" t_driver_convert_refused
c_test "folio convert .pdf" t_driver_convert_pdf
c_test "folio convert .epub" t_driver_convert_epub
c_test "folio nosuch" t_driver_unknown
c_test "folio --help" t_driver_help
