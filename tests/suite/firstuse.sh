# What a new user meets first: the driver's list of commands, the man
# pages, the messages for a page given to the wrong tool, the installed
# site rules and the front matter's keys. Run by tests/run.sh in a
# subshell ($BIN $TOP, its own $TMP, the helpers of tests/lib.sh).

F_G="$TOP/tests/golden"
F_SEED="$F_G/01-seed-gb18030-bulletin/input.html"     # a raw page: &nbsp; and all
F_PAGE="$F_G/02-utf8-under-stale-gb2312-meta/input.html"
F_WRITERS="folio-md folio-meta folio-pdf folio-epub folio-zhpunct"

f_test() { test_fn "firstuse $1" "$2"; }

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
    [ "$(cat "$TMP/out")" = "[]" ] || fail "no article: $(cat "$TMP/out")"
}

f_test "folio convert: one error for a page that cannot be cleaned" t_f_convert_one_error
f_test "every writer hints at folio-clean for a raw page" t_f_hint_everywhere
f_test "folio-meta --json is JSON Lines, --json-array one document" t_f_meta_json_array
