# What a new user meets first: the driver's list of commands, the man
# pages, the messages for a page given to the wrong tool, the installed
# site rules and the front matter's keys. Run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh).

F_G="$TOP/tests/golden"
F_SEED="$F_G/01-seed-gb18030-bulletin/input.html"     # a raw page: &nbsp; and all
F_PAGE="$F_G/02-utf8-under-stale-gb2312-meta/input.html"
F_WRITERS="folio-md folio-meta folio-pdf folio-epub folio-zhpunct"

f_test() { test_fn "firstuse $1" "$2"; }

# The make that runs make check, with its command line (as library.sh).
F_MAKE=${FOLIO_MAKE:-make}
# f_install: `make install` into a DESTDIR, then the staged tree moved to
# the PREFIX it was built for, as a package is unpacked; once per suite.
F_PREFIX=$TMP/prefix
f_install() {
    [ -x "$F_PREFIX/bin/folio-clean" ] && return 0
    run "$F_MAKE" -C "$TOP" install DESTDIR="$TMP/stage" PREFIX="$F_PREFIX"
    exit_is 0 || return 1
    mv "$TMP/stage$F_PREFIX" "$F_PREFIX" || fail "cannot move the staged tree"
}

# --- the driver and the man pages ----------------------------------------------

# folio --help names every folio-X there is, and every command it names
# runs; folio help X is folio-X --help.
t_f_driver_lists_all() {
    run "$BIN/folio" --help
    exit_is 0 || return 1
    cp "$TMP/out" "$TMP/help"
    for src in "$TOP"/tools/folio-*.c; do
        cmd=${src##*/folio-}
        cmd=${cmd%.c}
        grep -Eq "^  $cmd +[^ ].*\(folio-$cmd\)\$" "$TMP/help" || fail "folio --help leaves out $cmd" || return 1
        run "$BIN/folio" help "$cmd"
        "$BIN/folio-$cmd" --help >"$TMP/want" 2>&1
        exit_is 0 && cmp -s "$TMP/out" "$TMP/want" || fail "folio help $cmd is not folio-$cmd --help" || return 1
    done
    for cmd in $(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$TMP/help"); do
        case $cmd in convert|help) continue ;; esac
        [ -f "$TOP/tools/folio-$cmd.c" ] || fail "folio --help lists $cmd, which is no tool" || return 1
    done
}

# One .TH format for every installed page: the same date, version and
# manual, the version being the tools'; folio(1) sends the reader to each.
t_f_man_pages_agree() {
    f_install || return 1
    version=$("$BIN/folio" --version | cut -d' ' -f2)
    ls "$TOP"/man/*.1 | wc -l >"$TMP/n-src"
    ls "$F_PREFIX"/share/man/man1/*.1 | wc -l >"$TMP/n-inst"
    cmp -s "$TMP/n-src" "$TMP/n-inst" || fail "$(cat "$TMP/n-inst") pages installed of $(cat "$TMP/n-src")" || return 1
    : >"$TMP/stamps"
    for page in "$F_PREFIX"/share/man/man1/*.1; do
        name=$(basename "$page" .1)
        upper=$(echo "$name" | tr a-z A-Z)
        th=$(head -n 1 "$page")
        echo "$th" | grep -Eq "^\.TH $upper 1 \"[0-9]{4}-[0-9]{2}-[0-9]{2}\" \"folio $version\" \"[^\"]+\"\$" ||
            fail "$name: $th" || return 1
        echo "${th#.TH $upper 1 }" >>"$TMP/stamps"
        [ "$name" = folio ] && continue
        grep -q "^\.BR $name (1)" "$TOP/man/folio.1" || fail "folio(1) SEE ALSO leaves out $name" || return 1
    done
    [ "$(sort -u "$TMP/stamps" | wc -l)" -eq 1 ] || fail "the pages disagree: $(sort -u "$TMP/stamps" | tr '\n' '|')" || return 1
    if command -v groff >/dev/null 2>&1; then
        for page in "$F_PREFIX"/share/man/man1/*.1; do
            groff -k -Tutf8 -man -ww -z "$page" >"$TMP/groff" 2>&1
            [ ! -s "$TMP/groff" ] || fail "${page##*/}: $(head -n 2 "$TMP/groff")" || return 1
        done
    fi
}

# --- the installed site rules ----------------------------------------------------

# f_rules_used ENV... : the installed folio-clean --explain on a www.gov.cn
# page, run under ENV; the rule file it names in $used ("" for none).
f_rules_used() {
    run env "$@" "$F_PREFIX/bin/folio-clean" --explain -o "$TMP/rules.xhtml" "$TMP/gov.html"
    used=$(sed -n 's/^rules: host www\.gov\.cn ([^)]*): //p' "$TMP/err")
}

# folio-batch looks for rules where folio-clean does: a rule installed for
# a host of its own strips a block from that host's page by default, and
# FOLIO_RULES= (no rules) keeps it.
t_f_batch_installed_rules() {
    f_install || return 1
    installed=$F_PREFIX/share/folio/rules
    printf 'strip_id_or_class: side-note\n' >"$installed/news.example.org.txt"
    src=$(scratch batch-rules)
    printf '<html><head><meta charset="utf-8"><title>一条新闻</title><link rel="canonical" href="http://news.example.org/a.html"/></head><body><div class="content"><h1>一条新闻</h1><p>今天上午，全市召开了会议，部署下一阶段的重点工作，要求各部门抓好落实。</p><p class="side-note">这一段是推广文字，规则会删去它，它不应出现在文章里。</p><p>会议还研究了其他事项，强调要统筹发展和安全，确保各项任务按期完成。</p></div></body></html>\n' >"$src/a.html"
    run env -u FOLIO_RULES "$F_PREFIX/bin/folio-batch" "$src/a.html" -o "$src/out1" -j1 --quiet
    rm -f "$installed/news.example.org.txt"
    exit_is 0 || return 1
    got=$(find "$src/out1" -name '*.xhtml')
    [ -n "$got" ] && ! grep -q 推广文字 "$got" || fail "the installed rule was not used: $got" || return 1
    run env FOLIO_RULES= "$F_PREFIX/bin/folio-batch" "$src/a.html" -o "$src/out2" -j1 --quiet
    exit_is 0 || return 1
    grep -q 推广文字 "$(find "$src/out2" -name '*.xhtml')" || fail "FOLIO_RULES= still stripped the block"
}

t_f_installed_rules() {
    f_install || return 1
    printf '<html><head><title>关于做好工作的通知</title><link rel="canonical" href="http://www.gov.cn/zhengce/a.htm"/></head><body><div class="pages_content"><p>各省、自治区、直辖市人民政府，国务院各部委：现将有关事项通知如下，请认真贯彻执行。</p><p>一、总体要求。坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。</p></div></body></html>\n' >"$TMP/gov.html"
    mine=$(scratch my-rules)
    printf 'strip_id_or_class: share\n' >"$mine/www.gov.cn.txt"
    installed=$F_PREFIX/share/folio/rules
    "$F_PREFIX/bin/folio-clean" --help | grep -qF "$installed" || fail "--help does not name $installed" || return 1
    f_rules_used -u FOLIO_RULES
    exit_is 0 && [ "$used" = "$installed/www.gov.cn.txt" ] || fail "by default: '$used' $(head -n 3 "$TMP/err")" || return 1
    f_rules_used FOLIO_RULES="$mine"
    exit_is 0 && [ "$used" = "$mine/www.gov.cn.txt" ] || fail "FOLIO_RULES: '$used'" || return 1
    run env FOLIO_RULES="$TMP/nowhere" "$F_PREFIX/bin/folio-clean" --rules "$mine" --explain "$TMP/gov.html"
    exit_is 0 && grep -qF "$mine/www.gov.cn.txt" "$TMP/err" || fail "--rules did not win over FOLIO_RULES" || return 1
    f_rules_used FOLIO_RULES=
    exit_is 0 && [ -z "$used" ] || fail "FOLIO_RULES= read '$used'" || return 1
    f_rules_used FOLIO_RULES="$TMP/nowhere"
    exit_is 2 || return 1
    grep -q "FOLIO_RULES=$TMP/nowhere: no such folder" "$TMP/err" || fail "$(cat "$TMP/err")" || return 1
    mv "$installed" "$installed.away"
    f_rules_used -u FOLIO_RULES
    mv "$installed.away" "$installed"
    exit_is 0 && [ -z "$used" ] || fail "without the installed folder: '$used'" || return 1
    man_page=$F_PREFIX/share/man/man1/folio-clean.1
    grep -q 'share/folio/rules' "$man_page" && grep -q 'FOLIO_RULES' "$man_page" ||
        fail "folio-clean(1) does not tell the search order"
}

# --- Markdown for the tools people feed it to ------------------------------------

t_f_md_front_links() {
    d=$(scratch md)
    cat >"$d/a.xhtml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="UTF-8"/>
<title>关于做好工作的通知</title>
<meta name="dcterms.source" content="http://www.example.cn/src.htm"/>
<link rel="canonical" href="http://www.gov.cn/zhengce/a.htm"/>
</head>
<body><article>
<h1>关于做好工作的通知</h1>
<p>见 <a href="https://www.gov.cn/zhengce/a_b.htm">https://www.gov.cn/zhengce/a_b.htm</a>，<a href="http://x.cn/">网站</a>，<a href="/rel">/rel</a>，<a href="http://x.cn/b"><em>http://x.cn/b</em></a>。</p>
</article></body></html>
EOF
    run "$BIN/folio-md" "$d/a.xhtml"
    exit_is 0 || return 1
    cat >"$d/want.md" <<'EOF'
---
title: "关于做好工作的通知"
source: "http://www.example.cn/src.htm"
canonical: "http://www.gov.cn/zhengce/a.htm"
lang: "zh-CN"
---

# 关于做好工作的通知

见 <https://www.gov.cn/zhengce/a_b.htm>，[网站](http://x.cn/)，[/rel](/rel)，[*http://x.cn/b*](http://x.cn/b)。
EOF
    diff "$d/want.md" "$TMP/out" >"$d/diff" || fail "$(head -c 600 "$d/diff")" || return 1
    if command -v cmark-gfm >/dev/null 2>&1; then
        cmark-gfm "$TMP/out" >"$d/out.html"
        grep -qF '<a href="https://www.gov.cn/zhengce/a_b.htm">https://www.gov.cn/zhengce/a_b.htm</a>' "$d/out.html" ||
            fail "the autolink does not render as a link" || return 1
    fi
    # every key the writer can write is documented, and no golden case
    # still has url:
    keys=$(grep -o '{ "[a-z]*", m->' "$TOP/formats/md/md_front.c" | sed 's/{ "\([a-z]*\)".*/\1/')
    [ "$(echo "$keys" | wc -w)" -ge 9 ] || fail "keys not found in md_front.c: $keys" || return 1
    for key in $keys docmeta; do
        grep -q "^\\.B $key\$" "$TOP/man/folio-md.1" || fail "folio-md(1) does not tell $key" || return 1
    done
    ! grep -l '^url:' "$TOP"/tests/golden/*/expected.md >"$d/left" || fail "url: left in $(cat "$d/left")"
}

# A heading is one line in Markdown: a <br/> in it becomes a space, the
# ideographic space between CJK text, and never a raw <br />.
t_f_md_heading_break() {
    d=$(scratch mdbr)
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>T</title></head><body><article><h1>T</h1><h2>“小网格”织密<br/>托起“大民生”</h2><h2>Part one<br/>the second</h2><h3>2024年<br/> <em>要点</em><br/></h3><p>一行<br/>二行</p></article></body></html>\n' >"$d/a.xhtml"
    run "$BIN/folio-md" "$d/a.xhtml"
    exit_is 0 || return 1
    grep -qx '## “小网格”织密　托起“大民生”' "$TMP/out" || fail "CJK heading: $(grep '^##' "$TMP/out" | head -1)" || return 1
    grep -qx '## Part one the second' "$TMP/out" || fail "Latin heading: $(grep '^## P' "$TMP/out")" || return 1
    grep -qx '### 2024年　\*要点\*' "$TMP/out" || fail "heading with emphasis: $(grep '^###' "$TMP/out")" || return 1
    ! grep -q '^#.*<br' "$TMP/out" || fail "a raw <br /> left in a heading" || return 1
    grep -qx '一行\\' "$TMP/out" || fail "the paragraph's break is no longer a hard break"
}

# --- one error, not two -------------------------------------------------------

# folio convert on a page folio-clean cannot read: folio-clean's message
# alone, its exit status, and no output file.
t_f_convert_one_error() {
    d=$(scratch convert1)
    for ext in md epub pdf; do
        run "$BIN/folio" convert "$d/missing.html" "$d/x.$ext"
        exit_is 1 || return 1
        [ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "$ext: more than one message: $(cat "$TMP/err")" || return 1
        grep -q "^folio-clean: $d/missing.html: " "$TMP/err" || fail "$ext: $(cat "$TMP/err")" || return 1
        [ -z "$(ls -A "$d")" ] || fail "$ext: left $(ls -A "$d" | tr '\n' ' ')" || return 1
    done
    # a list page: exit 3 from folio-clean, and no word from the writer
    printf '<html><body><ul>%s</ul></body></html>' \
        "$(for i in 1 2 3 4 5 6 7 8 9; do printf '<li><a href="/n%s.html">第%s条新闻标题链接</a></li>' "$i" "$i"; done)" >"$d/list.html"
    run "$BIN/folio" convert "$d/list.html" "$d/x.md"
    exit_is 3 || return 1
    ! grep -q '^folio-md' "$TMP/err" || fail "the writer spoke too: $(cat "$TMP/err")" || return 1
    [ ! -e "$d/x.md" ] || fail "wrote x.md"
}

# --- the same hint everywhere ---------------------------------------------------

# f_hinted WRITER FILE: refused, with the hint to run folio-clean.
f_hinted() {
    run "$BIN/$1" -o "$TMP/hint.out" "$2"
    exit_is 1 || { why="$1 ${2##*/}: $why"; return 1; }
    grep -q "^$1: .*run folio-clean first" "$TMP/err" || fail "$1 ${2##*/}: $(cat "$TMP/err")"
}

t_f_hint_everywhere() {
    d=$(scratch hint)
    printf '<!DOCTYPE html>\n<!-- saved page -->\n' >"$d/no-root.html"
    printf '<html><head><title>t</title></head><body><div><p>正文。</p></div></body></html>\n' >"$d/plain-html.html"
    printf '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><div class="main"><p>正文。</p></div></body></html>\n' >"$d/xhtml-div.html"
    printf '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>正文&nbsp;一。</p></body></html>\n' >"$d/xhtml-entity.html"
    printf '<html xmlns="http://www.w3.org/1999/xhtml"><body> </body></html>\n' >"$d/empty-body.html"
    for w in $F_WRITERS; do
        for f in "$F_SEED" "$d"/*.html; do
            f_hinted "$w" "$f" || return 1
        done
    done
}

# --- JSON Lines, or one JSON array --------------------------------------------

t_f_meta_json_array() {
    a1="$F_G/02-utf8-under-stale-gb2312-meta/expected.xhtml"
    a2="$F_G/01-seed-gb18030-bulletin/expected.xhtml"
    run "$BIN/folio-meta" --help
    grep -q 'JSON Lines' "$TMP/out" && grep -q -- '--json-array' "$TMP/out" || fail "--help: $(cat "$TMP/out")" || return 1
    grep -q 'JSON Lines' "$TOP/man/folio-meta.1" && grep -q 'json\\-array' "$TOP/man/folio-meta.1" ||
        fail "folio-meta(1) tells neither JSON Lines nor --json-array" || return 1
    "$BIN/folio-meta" --json "$a1" "$a2" >"$TMP/lines" || fail "--json failed" || return 1
    run "$BIN/folio-meta" --json-array "$a1" "$TMP/nothing.xhtml" "$a2"
    exit_is 1 || return 1
    python3 - "$TMP/out" "$TMP/lines" <<'EOF' 2>"$TMP/py" || fail "$(tail -n 1 "$TMP/py")" || return 1
import json, sys
array = json.load(open(sys.argv[1], encoding="utf-8"))
lines = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert isinstance(array, list) and len(array) == 2, array
assert array == lines, (array, lines)
EOF
    run "$BIN/folio-meta" --json-array "$TMP/nothing.xhtml"
    exit_is 1 || return 1
    # nothing read is nothing written, as for a file named by -o
    [ ! -s "$TMP/out" ] || fail "no article: $(cat "$TMP/out")"
}

f_test "folio convert: one error for a page that cannot be cleaned" t_f_convert_one_error
f_test "every writer hints at folio-clean for a raw page" t_f_hint_everywhere
f_test "folio-meta --json is JSON Lines, --json-array one document" t_f_meta_json_array
f_test "folio --help lists every command" t_f_driver_lists_all
f_test "the man pages share one .TH format" t_f_man_pages_agree
f_test "folio-clean reads the installed rules by default" t_f_installed_rules
f_test "folio-batch reads the installed rules by default" t_f_batch_installed_rules
f_test "folio-md: canonical in the front matter, autolinks" t_f_md_front_links
f_test "folio-md: a line break in a heading is a space" t_f_md_heading_break
