# folio-zhpunct: run by tests/run.sh in a subshell ($BIN $TOP, its own
# $TMP, the helpers of tests/lib.sh). Each test is a function that returns
# 0 when the tool behaved, or calls fail and returns 1.

Z=$TMP
Z_SEED="$TOP/tests/golden/01-seed-gb18030-bulletin/input.html"
Z_ENGLISH="$TOP/tests/golden/26-english-news/expected.xhtml"
Z_PAGE="$TOP/tests/golden/12-br-separated-indented-text/input.html"   # not a clean article
Z_SOURCE='<meta name="dcterms.source" content="http://sft.shandong.gov.cn/articles/ch04171/202101/8c971eb6-8377-4124-87ee-be314805ce56.shtml"/>'

z_test() { test_fn "zhpunct $1" "$2"; }
# z_count FILE STRING: how many times STRING occurs in FILE's body and title.
z_count() {
    { grep '<title>' "$1"; sed -n '/<body>/,$p' "$1"; } | LC_ALL=C grep -o -F -e "$2" | wc -l
}

"$BIN/folio-clean" "$Z_SEED" >"$Z/seed.xhtml" 2>"$Z/seed.err" ||
    bad "zhpunct folio-clean seed" "$(cat "$Z/seed.err")"

t_z_seed() {
    run sh -c '"$1"/folio-clean "$2" | "$1"/folio-zhpunct' sh "$BIN" "$Z_SEED"
    exit_is 0 || return 1
    cp "$Z/out" "$Z/seed-zh.xhtml"
    before=$(z_count "$Z/seed.xhtml" ',')
    [ "$before" -eq 38 ] || fail "the seed's title and body hold $before ASCII commas, not 38" || return 1
    for m in ',' ':' ';' '(' ')' '!' '?'; do
        n=$(z_count "$Z/seed-zh.xhtml" "$m")
        [ "$n" -eq 0 ] || fail "$n ASCII '$m' left in the title and body" || return 1
    done
    for pair in ',，' ';；' '(（' ')）'; do
        w=${pair#?}; a=${pair%"$w"}
        want=$(( $(z_count "$Z/seed.xhtml" "$a") + $(z_count "$Z/seed.xhtml" "$w") ))
        got=$(z_count "$Z/seed-zh.xhtml" "$w")
        [ "$got" -eq "$want" ] || fail "$got '$w', expected $want" || return 1
    done
    grep -qF "$Z_SOURCE" "$Z/seed-zh.xhtml" || fail "the 原文链接 URL in the head changed" || return 1
    grep -qF '<h1>1个100%+3个全覆盖，聊城市' "$Z/seed-zh.xhtml" || fail "1个100%+3个全覆盖 changed" || return 1
    grep -qF '（以下简称“1+3”）' "$Z/seed-zh.xhtml" || fail "1+3 or its parentheses" || return 1
    grep -qF '<title>1个100%+3个全覆盖，聊城市行政应诉工作取得新成效</title>' "$Z/seed-zh.xhtml" ||
        fail "the title was not converted"
}

t_z_only_marks() {
    # Nothing but the marks changed: mapping them back gives the input.
    sed 's/，/,/g; s/；/;/g; s/（/(/g; s/）/)/g' "$Z/seed-zh.xhtml" >"$Z/back.xhtml"
    cmp -s "$Z/back.xhtml" "$Z/seed.xhtml" || fail "more than the marks changed: $(diff "$Z/seed.xhtml" "$Z/back.xhtml" | head -c 400)"
}

t_z_clean_article() {
    # The output is a clean article the writers read, and a second pass is a no-op.
    run "$BIN/folio-md" "$Z/seed-zh.xhtml"
    exit_is 0 || return 1
    run "$BIN/folio-zhpunct" "$Z/seed-zh.xhtml"
    exit_is 0 || return 1
    cmp -s "$Z/out" "$Z/seed-zh.xhtml" || fail "a second pass changed the article"
}

t_z_english() {
    run "$BIN/folio-zhpunct" "$Z_ENGLISH"
    exit_is 0 || return 1
    cmp -s "$Z/out" "$Z_ENGLISH" || fail "English text changed: $(diff "$Z_ENGLISH" "$Z/out" | head -c 400)"
}

t_z_dry_run() {
    run "$BIN/folio-zhpunct" --dry-run "$Z/seed.xhtml"
    exit_is 0 || return 1
    [ ! -s "$Z/out" ] || fail "--dry-run wrote to standard output" || return 1
    grep -qF "seed.xhtml: ，38 ：0 ；1 （）1 ！0 ？0" "$Z/err" || fail "report: $(cat "$Z/err")"
}

t_z_help_version_usage() {
    run "$BIN/folio-zhpunct" --help
    exit_is 0 || return 1
    grep -q '^usage: folio-zhpunct' "$Z/out" || fail "no usage line" || return 1
    run "$BIN/folio-zhpunct" --version
    exit_is 0 || return 1
    grep -Eq '^folio-zhpunct [0-9]+\.[0-9]+\.[0-9]+$' "$Z/out" || fail "version: $(cat "$Z/out")" || return 1
    run "$BIN/folio-zhpunct" --no-such-option "$Z/seed.xhtml"
    exit_is 2 || return 1
    grep -q '^folio-zhpunct: ' "$Z/err" || fail "the message does not name the program" || return 1
    run "$BIN/folio-zhpunct" "$Z/seed.xhtml" "$Z_ENGLISH"
    exit_is 2 || return 1
    [ ! -s "$Z/out" ] || fail "wrote output on bad usage"
}

t_z_refuses_page() {
    run "$BIN/folio-zhpunct" "$Z_PAGE"
    exit_is 1 || return 1
    [ ! -s "$Z/out" ] || fail "wrote output for a page" || return 1
    grep -qF "folio-zhpunct: $Z_PAGE: " "$Z/err" && grep -q 'run folio-clean first' "$Z/err" ||
        fail "message: $(cat "$Z/err")"
}

t_z_folder() {
    # Several inputs into a folder; a bad one is reported and skipped.
    d=$(scratch folder)
    mkdir "$d/clean" "$d/typeset"
    cp "$Z/seed.xhtml" "$d/clean/a.xhtml"
    cp "$Z_PAGE" "$d/clean/b.xhtml"
    cp "$Z_ENGLISH" "$d/clean/c.xhtml"
    run "$BIN/folio-zhpunct" -o "$d/typeset" "$d/clean/a.xhtml" "$d/clean/b.xhtml" "$d/clean/c.xhtml"
    exit_is 1 || return 1
    [ "$(ls -A "$d/typeset" | tr '\n' ' ')" = "a.xhtml c.xhtml " ] ||
        fail "folder holds: $(ls -A "$d/typeset" | tr '\n' ' ')" || return 1
    cmp -s "$d/typeset/a.xhtml" "$Z/seed-zh.xhtml" || fail "a.xhtml differs from the pipe's output"
}

t_z_never_over_input() {
    d=$(scratch self)
    cp "$Z/seed.xhtml" "$d/a.xhtml"
    run "$BIN/folio-zhpunct" -o "$d" "$d/a.xhtml"
    exit_is 1 || return 1
    grep -q 'a.xhtml' "$Z/err" || fail "the message does not name the file: $(cat "$Z/err")" || return 1
    cmp -s "$d/a.xhtml" "$Z/seed.xhtml" || fail "the input was changed" || return 1
    [ "$(ls -A "$d" | tr '\n' ' ')" = "a.xhtml " ] || fail "left files: $(ls -A "$d" | tr '\n' ' ')"
}

t_z_driver() {
    run "$BIN/folio" zhpunct "$Z/seed.xhtml"
    exit_is 0 || return 1
    cmp -s "$Z/out" "$Z/seed-zh.xhtml" || fail "folio zhpunct differs from folio-zhpunct"
}

z_test "the seed's commas, semicolon and parentheses" t_z_seed
z_test "changes nothing but the marks" t_z_only_marks
z_test "writes a clean article; a second pass is a no-op" t_z_clean_article
z_test "leaves English text alone" t_z_english
z_test "--dry-run counts and writes nothing" t_z_dry_run
z_test "--help, --version, bad usage" t_z_help_version_usage
z_test "refuses what is not a clean article" t_z_refuses_page
z_test "-o FOLDER goes on past a bad file" t_z_folder
z_test "never writes over an input" t_z_never_over_input
z_test "folio zhpunct" t_z_driver
