# Hostile and huge input: run by tests/run.sh in a subshell ($BIN $TOP, its
# own $TMP, the helpers of tests/lib.sh). Every hostile input is made here
# by a small generator, never kept as a file. A command that could hang on
# the code before the fix runs under timeout, so that the suite fails
# rather than waits.

H=$TMP
HG="$TOP/tests/golden"
H_PAGE="$HG/02-utf8-under-stale-gb2312-meta/input.html"
H_ARTICLE="$HG/02-utf8-under-stale-gb2312-meta/expected.xhtml"
H_IMG_ARTICLE="$HG/19-image-beside-page/expected.xhtml"

h_test() { test_fn "hostile $1" "$2"; }

# h_input TOOL: what TOOL reads in these tests.
h_input() {
    case $1 in
    folio-clean) echo "$H_PAGE" ;;
    folio-md) echo "$H_IMG_ARTICLE" ;;
    *) echo "$H_ARTICLE" ;;
    esac
}

# --- outputs that are not regular files -----------------------------------

# -o FIFO: the output goes through the FIFO, which stays a FIFO, and
# folio-md puts no assets folder beside it.
t_h_output_fifo() {
    d=$(scratch fifo)
    for tool in folio-clean folio-md folio-meta folio-epub folio-pdf folio-zhpunct; do
        rm -rf "$d"/*
        mkfifo "$d/fifo" "$d/fifo2"
        ln -s fifo2 "$d/link"
        timeout 30 cat "$d/fifo" >"$d/got" &
        r1=$!
        timeout 30 cat "$d/fifo2" >"$d/got2" &
        r2=$!
        timeout 30 "$BIN/$tool" -o "$d/fifo" "$(h_input $tool)" 2>"$d/err"
        s1=$?
        timeout 30 "$BIN/$tool" -o "$d/link" "$(h_input $tool)" 2>>"$d/err"
        s2=$?
        # a reader whose FIFO was replaced waits for nothing: end it
        [ -p "$d/fifo" ] && [ "$s1" = 0 ] || kill "$r1" 2>/dev/null
        [ -L "$d/link" ] && [ -p "$d/fifo2" ] && [ "$s2" = 0 ] || kill "$r2" 2>/dev/null
        wait "$r1" "$r2"
        [ -p "$d/fifo" ] || fail "$tool -o FIFO: the FIFO became a $(stat -c %F "$d/fifo")" || return 1
        [ -L "$d/link" ] && [ -p "$d/fifo2" ] ||
            fail "$tool -o SYMLINK-TO-FIFO: the link became a $(stat -c %F "$d/link")" || return 1
        [ "$s1" = 0 ] && [ "$s2" = 0 ] || fail "$tool: exit $s1 and $s2: $(cat "$d/err")" || return 1
        [ -s "$d/got" ] && cmp -s "$d/got" "$d/got2" || fail "$tool: not the same bytes through both FIFOs" || return 1
        [ ! -e "$d/fifo.assets" ] || fail "$tool made fifo.assets beside the FIFO" || return 1
    done
    "$BIN/folio-clean" "$H_PAGE" >"$d/want" 2>/dev/null
    rm -f "$d/fifo" && mkfifo "$d/fifo"
    timeout 30 cat "$d/fifo" >"$d/got" &
    timeout 30 "$BIN/folio-clean" -o "$d/fifo" "$H_PAGE" 2>"$d/err" || kill $! 2>/dev/null
    wait
    cmp -s "$d/want" "$d/got" || fail "folio-clean -o FIFO: not the article folio-clean writes"
}

# -o a character device (a private twin of /dev/null, when this user may
# make one): written into, still a device afterwards.
t_h_output_device() {
    d=$(scratch device)
    if ! mknod "$d/null" c 1 3 2>/dev/null; then
        echo "hostile: cannot make a device node here; -o DEVICE not tested" >&2
        return 0
    fi
    for tool in folio-clean folio-md folio-meta folio-epub folio-pdf folio-zhpunct; do
        run timeout 30 "$BIN/$tool" -o "$d/null" "$(h_input $tool)"
        exit_is 0 || { why="$tool: $why"; return 1; }
        [ -c "$d/null" ] || fail "$tool -o DEVICE: the device became a $(stat -c %F "$d/null")" || return 1
        [ ! -e "$d/null.assets" ] || fail "$tool made null.assets beside the device" || return 1
    done
}

# -o a symlink to a file: the link stays, the file it leads to is written.
t_h_output_symlink() {
    d=$(scratch symlink)
    echo old >"$d/target.xhtml"
    ln -s target.xhtml "$d/link.xhtml"
    run "$BIN/folio-clean" -o "$d/link.xhtml" "$H_PAGE"
    exit_is 0 || return 1
    [ -L "$d/link.xhtml" ] || fail "the symlink became a $(stat -c %F "$d/link.xhtml")" || return 1
    grep -q '<article>' "$d/target.xhtml" || fail "the file the link leads to was not written" || return 1
    run "$BIN/folio-meta" -o "$d" "$H_ARTICLE"
    exit_is 1 || return 1
    grep -q "is a folder" "$TMP/err" || fail "-o FOLDER: $(cat "$TMP/err")"
}

h_test "-o FIFO writes through it and leaves it a FIFO" t_h_output_fifo
h_test "-o DEVICE writes into it and leaves it a device" t_h_output_device
h_test "-o SYMLINK keeps the link" t_h_output_symlink

# --- clean articles that attack their readers ---------------------------------

# h_article FILE BODY [PROLOG]: a clean article around BODY, with PROLOG
# (an XML declaration and DOCTYPE) in place of the usual one.
h_article() {
    printf '%s\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>t</title></head><body><article>%s</article></body></html>\n' \
        "${3:-<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE html>}" "$2" >"$1"
}

# h_laughs ENCODING: the billion laughs in a 1 KB article, spelt in UTF-7
# ("<" is "+ADw-") when ENCODING says so: no byte "<!ENTITY" in it.
h_laughs() {
    python3 - "$1" <<'PY'
import sys
ents = '<!ENTITY a0 "' + 'x' * 40 + '">' + ''.join(
    '<!ENTITY a%d "%s">' % (i, ('&a%d;' % (i - 1)) * 10) for i in range(1, 10))
doc = ('<!DOCTYPE html [' + ents + ']><html xmlns="http://www.w3.org/1999/xhtml"><head>'
       '<title>&a9;</title></head><body><article><p>&a9;</p></article></body></html>')
if sys.argv[1] == 'UTF-7':
    for a, b in (('+', '+-'), ('<', '+ADw-'), ('>', '+AD4-'), ('"', '+ACI-'), ('&', '+ACY-'),
                 (';', '+ADs-'), ('!', '+ACE-'), ('[', '+AFs-'), (']', '+AF0-')):
        doc = doc.replace(a, b)
sys.stdout.write('<?xml version="1.0" encoding="%s"?>\n%s\n' % (sys.argv[1], doc))
PY
}

# h_refused_by_all FILE WORDS: every reader refuses FILE at once, saying
# WORDS, with exit 1 and nothing written; none crashes or hangs.
h_refused_by_all() {
    for tool in folio-md folio-meta folio-zhpunct folio-epub folio-pdf; do
        rm -f "$H/refused.out"
        run timeout 20 "$BIN/$tool" -o "$H/refused.out" "$1"
        exit_is 1 || { why="$tool: $why"; return 1; }
        grep -q "^$tool: $1: not a clean article: $2" "$H/err" || fail "$tool: $(head -c 300 "$H/err")" || return 1
        [ ! -e "$H/refused.out" ] || fail "$tool wrote $(wc -c <"$H/refused.out") bytes" || return 1
    done
}

t_h_entities_utf7() {
    h_laughs UTF-7 >"$H/utf7.xhtml"
    ! grep -q '<!ENTITY' "$H/utf7.xhtml" || fail "the generator spelt <!ENTITY" || return 1
    h_refused_by_all "$H/utf7.xhtml" "it declares the encoding UTF-7; a clean article is UTF-8"
}

t_h_entities_utf8() {
    h_laughs UTF-8 >"$H/laughs.xhtml"
    h_refused_by_all "$H/laughs.xhtml" "its DOCTYPE has an internal subset" || return 1
    # no entity at all, yet declarations: refused from the parsed tree
    h_article "$H/subset.xhtml" '<p>x</p>' '<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html [<!ELEMENT p ANY><!-- a subset -->]>'
    h_refused_by_all "$H/subset.xhtml" "its DOCTYPE has an internal subset"
}

# h_nest N OPEN CLOSE: N levels of OPEN ... CLOSE around a paragraph.
h_nest() {
    python3 -c 'import sys; n = int(sys.argv[1]); sys.stdout.write(sys.argv[2] * n + "<p>深处的文字。</p>" + sys.argv[3] * n)' "$@"
}

t_h_deep_article() {
    h_article "$H/deep.xhtml" "$(h_nest 100000 '<blockquote>' '</blockquote>')"
    h_refused_by_all "$H/deep.xhtml" "elements nested deeper than 256 (line 3)" || return 1
    h_article "$H/deep-li.xhtml" "$(h_nest 30000 '<ul><li>' '</li></ul>')"
    h_refused_by_all "$H/deep-li.xhtml" "elements nested deeper than 256 (line 3)" || return 1
    # html, body, article and 252 quotes put the paragraph at 256: read by all
    h_article "$H/deepest.xhtml" "$(h_nest 252 '<blockquote>' '</blockquote>')"
    for tool in folio-md folio-meta folio-zhpunct folio-epub folio-pdf; do
        run timeout 60 "$BIN/$tool" -o "$H/deepest.out" "$H/deepest.xhtml"
        exit_is 0 || { why="$tool, 256 deep: $why"; return 1; }
    done
}

t_h_many_attributes() {
    python3 -c 'import sys; sys.stdout.write("<p " + " ".join("a%d=\"v\"" % i for i in range(200000)) + ">x</p>")' >"$H/attrs.body"
    h_article "$H/attrs.xhtml" "$(cat "$H/attrs.body")"
    h_refused_by_all "$H/attrs.xhtml" "an element with more than 256 attributes (line 3)"
}

h_test "an entity bomb spelt in UTF-7 is refused by every reader" t_h_entities_utf7
h_test "a DOCTYPE with declarations is refused by every reader" t_h_entities_utf8
h_test "nesting past 256 is refused by every reader, 256 is read" t_h_deep_article
h_test "200,000 attributes are refused by every reader at once" t_h_many_attributes

# --- pages deeper, longer and more crowded than any real one ------------------

# h_page FILE BODY: an HTML page around BODY, with prose before it.
h_page() {
    printf '<html><head><meta charset="utf-8"><title>深页</title></head><body>%s%s<p>在结尾的段落，也要留下。在结尾的段落，也要留下。AFTERMARK</p></body></html>\n' \
        '<p>这是开头的段落，标点齐全，长度足够，用来选中正文。这是开头的段落，标点齐全。</p>' "$2" >"$1"
}

# folio-clean keeps what lies below and after 100,000 levels of each kind of
# nesting, and every reader takes the article it writes.
t_h_deep_page() {
    for pair in '<div>|</div>' '<blockquote>|</blockquote>' '<font>|</font>' '<span>|</span>' \
                '<ul><li>|</li></ul>' '<ol><li>|</li></ol>' '<dl><dd>|</dd></dl>' \
                '<table><tr><td>|</td></tr></table>'; do
        open=${pair%|*}
        close=${pair#*|}
        h_page "$H/deep.html" "$(h_nest 100000 "$open" "$close" | sed 's|深处的文字。|深处的文字，DEEPMARK。|')"
        run timeout 60 "$BIN/folio-clean" -o "$H/deep-page.xhtml" "$H/deep.html"
        exit_is 0 || { why="$open: $why"; return 1; }
        grep -q DEEPMARK "$H/deep-page.xhtml" && grep -q AFTERMARK "$H/deep-page.xhtml" ||
            fail "$open 100,000 deep: text lost: $(grep -c . "$H/deep-page.xhtml") lines kept" || return 1
        for tool in folio-md folio-meta folio-zhpunct folio-epub folio-pdf; do
            run timeout 60 "$BIN/$tool" -o "$H/deep-page.out" "$H/deep-page.xhtml"
            exit_is 0 || { why="$open: $tool: $why"; return 1; }
        done
    done
}

# What follows 300 <font> elements never closed is kept (the HTML parser
# stopped at 256 levels and dropped the rest without a word).
t_h_unclosed_font() {
    h_page "$H/font.html" "$(python3 -c 'import sys; sys.stdout.write("<font>" * 300 + "<p>深处的文字，DEEPMARK，在那么多层之下。</p>")')"
    run timeout 60 "$BIN/folio-clean" -o "$H/font.xhtml" "$H/font.html"
    exit_is 0 || return 1
    grep -q DEEPMARK "$H/font.xhtml" && grep -q AFTERMARK "$H/font.xhtml" ||
        fail "text lost: $(grep -c . "$H/font.xhtml") lines kept"
}

# A text run over 10 MB is cut to what the readers take, with a word on
# stderr; what follows it is kept.
t_h_long_text() {
    python3 -c 'import sys; sys.stdout.write("<p>" + "长" * 4000000 + "</p>")' >"$H/long.body"
    h_page "$H/long.html" "$(cat "$H/long.body")"
    run timeout 60 "$BIN/folio-clean" -o "$H/long.xhtml" "$H/long.html"
    exit_is 0 || return 1
    grep -q "^folio-clean: warning: $H/long.html: a run of text longer than 10 MB (line 1) was cut to 10 MB$" "$H/err" ||
        fail "no word of the cut: $(head -c 300 "$H/err")" || return 1
    grep -q AFTERMARK "$H/long.xhtml" || fail "the text after the long run was lost" || return 1
    run timeout 60 "$BIN/folio-meta" "$H/long.xhtml"
    exit_is 0
}

# 200,000 attributes on one element: dropped past 256, the page cleaned at
# once.
t_h_page_attributes() {
    python3 -c 'import sys; sys.stdout.write("<p " + " ".join("a%d=\"v>\"" % i for i in range(200000)) + ">属性很多的段落，DEEPMARK。</p>")' >"$H/attrs.body"
    h_page "$H/attrs.html" "$(cat "$H/attrs.body")"
    run timeout 20 "$BIN/folio-clean" -o "$H/attrs-page.xhtml" "$H/attrs.html"
    exit_is 0 || return 1
    grep -q DEEPMARK "$H/attrs-page.xhtml" && grep -q AFTERMARK "$H/attrs-page.xhtml" ||
        fail "text lost: $(cat "$H/attrs-page.xhtml")"
}

# 20,000 frames that each hold their document in srcdoc: the first sixteen
# are read, the rest left as they are, and the page's own text is kept.
t_h_many_srcdoc_frames() {
    h_page "$H/srcdoc.html" "$(python3 -c 'import sys; sys.stdout.write("<iframe srcdoc=\"&lt;p&gt;框内的文字，FRAMEMARK，一段又一段。&lt;/p&gt;\"></iframe>" * 20000)')"
    run timeout 60 "$BIN/folio-clean" -o "$H/srcdoc.xhtml" "$H/srcdoc.html"
    exit_is 0 || return 1
    grep -q AFTERMARK "$H/srcdoc.xhtml" || fail "text lost: $(grep -c . "$H/srcdoc.xhtml") lines kept" || return 1
    n=$(grep -o FRAMEMARK "$H/srcdoc.xhtml" | wc -l)
    [ "$n" -le 16 ] || fail "$n frames read, not at most 16"
}

# 20,000 hidden text areas that each hold paragraphs of markup, on a page
# that shows no article without them: the first sixteen are read in their
# place, the rest dropped as entry fields, and the page's own text is kept.
t_h_many_textareas() {
    python3 -c 'import sys; sys.stdout.write("<html><head><meta charset=\"utf-8\"><title>文本框</title></head><body><div style=\"display:none\">" + "<textarea>&lt;p&gt;文本框里的文字，AREAMARK，一段又一段。&lt;/p&gt;&lt;p&gt;又一段。&lt;/p&gt;</textarea>" * 20000 + "</div><p>结尾的一句话。AFTERMARK</p></body></html>")' >"$H/areas.html"
    run timeout 60 "$BIN/folio-clean" -o "$H/areas.xhtml" "$H/areas.html"
    exit_is 0 || return 1
    grep -q AFTERMARK "$H/areas.xhtml" || fail "text lost: $(grep -c . "$H/areas.xhtml") lines kept" || return 1
    n=$(grep -o AREAMARK "$H/areas.xhtml" | wc -l)
    [ "$n" -ge 1 ] && [ "$n" -le 16 ] || fail "$n text areas read, not 1 to 16"
}

# 50,000 toggles, each naming a hidden panel: past the page's few dozen
# none is opened, and the page is cleaned at once with its own text.
t_h_many_toggles() {
    h_page "$H/toggles.html" "$(python3 -c 'import sys; sys.stdout.write("".join("<button aria-expanded=\"false\" aria-controls=\"p%d\">问题%d</button><div id=\"p%d\" hidden><p>折叠起来的回答，TOGGLEMARK，有几句话长。</p></div>" % (i, i, i) for i in range(50000)))')"
    run timeout 60 "$BIN/folio-clean" --explain -o "$H/toggles.xhtml" "$H/toggles.html"
    exit_is 0 || return 1
    grep -q AFTERMARK "$H/toggles.xhtml" || fail "text lost" || return 1
    ! grep -q "^toggles:" "$TMP/err" || fail "panels of 50,000 toggles opened: $(grep "^toggles:" "$TMP/err")"
}

h_test "folio-clean keeps text 100,000 levels deep, in what the readers take" t_h_deep_page
h_test "folio-clean reads 16 of 20,000 srcdoc frames and keeps the page" t_h_many_srcdoc_frames
h_test "folio-clean reads 16 of 20,000 text areas of markup and keeps the page" t_h_many_textareas
h_test "folio-clean opens no panel of 50,000 toggles and keeps the page" t_h_many_toggles
h_test "folio-clean keeps what follows 300 unclosed <font>" t_h_unclosed_font
h_test "folio-clean cuts a text run over 10 MB and says so" t_h_long_text
h_test "folio-clean drops attributes past 256 and goes on" t_h_page_attributes

# Shapes whose cost once grew as the square of their size: 300,000 inline
# elements in one paragraph (text merged into the paragraph at every
# step), one table row of 100,000 cells (each short line looked for among
# all the captions). Each is cleaned, and its last words kept.
t_h_wide_page() {
    python3 -c 'import sys; sys.stdout.write("<p>" + "".join("<span>字%d，</span>" % i for i in range(300000)) + "<span>SPANEND。</span></p>")' >"$H/wide.body"
    h_page "$H/spans.html" "$(cat "$H/wide.body")"
    python3 -c 'import sys; sys.stdout.write("<table><tr>" + "".join("<td>格%d</td>" % i for i in range(100000)) + "<td>CELLEND</td></tr></table>")' >"$H/wide.body"
    h_page "$H/cells.html" "$(cat "$H/wide.body")"
    for kind in spans cells; do
        run timeout 60 "$BIN/folio-clean" -o "$H/$kind.xhtml" "$H/$kind.html"
        exit_is 0 || { why="$kind: $why"; return 1; }
        end=$( [ $kind = spans ] && echo SPANEND || echo CELLEND )
        grep -q "$end" "$H/$kind.xhtml" && grep -q AFTERMARK "$H/$kind.xhtml" ||
            fail "$kind: text lost: $(grep -c . "$H/$kind.xhtml") lines kept" || return 1
    done
}
h_test "folio-clean takes 300,000 spans in a paragraph and 100,000 cells in a row" t_h_wide_page

# folio-pdf sets a heading of 4,000 characters, a word of 300,000 letters
# and a paragraph of 300,000 characters, every letter on the page. (The
# heading's balanced lines, a word wider than the line and the chosen
# breaks of a paragraph pages long each once took minutes.)
t_h_pdf_long_runs() {
    python3 - "$H" <<'PY'
import sys
d = sys.argv[1]
head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>t</title></head><body><article><h1>t</h1>'
tail = '</article></body></html>\n'
open(d + '/heading.xhtml', 'w').write(head + '<h2>' + '标题' * 2000 + 'HEADEND</h2><p>正文。</p>' + tail)
open(d + '/word.xhtml', 'w').write(head + '<p>' + 'x' * 300000 + 'WORDEND</p>' + tail)
open(d + '/para.xhtml', 'w').write(head + '<p>' + 'xxxxxxxxxxxxxxx ' * 20000 + 'PARAEND</p>' + tail)
PY
    for kind in heading word para; do
        run timeout 120 "$BIN/folio-pdf" -o "$H/$kind.pdf" "$H/$kind.xhtml"
        exit_is 0 || { why="$kind: $why"; return 1; }
        case $kind in heading) letter=标 want=2000 ;; *) letter=x want=300000 ;; esac
        got=$(pdftotext "$H/$kind.pdf" - | grep -o "$letter" | wc -l)
        [ "$got" -ge "$want" ] || fail "$kind: $got of $want letters $letter on the page" || return 1
        pdftotext "$H/$kind.pdf" - | tr -d ' \n\f-' | grep -q "$(echo $kind | tr a-z A-Z | sed 's/HEADING/HEAD/')END" ||
            fail "$kind: its last word is not on the page" || return 1
    done
}
h_test "folio-pdf sets a long heading, a long word and a long paragraph whole" t_h_pdf_long_runs

# folio-pdf sets a paragraph of 30,000 links, each underlined and boxed,
# with as many underlined and struck words, all inside one underline over
# the whole paragraph: every link is on the page. (pango applied each
# underline by reading its attribute list from the head for every run, so
# the cost grew with the square of the spans: this paragraph took 49 s of
# CPU, and 100,000 links alone 194 s, before folio drew underlines itself,
# each line looking only at those it holds; it now takes 2 s, and the
# sanitizer build well under the two minutes the guard allows.)
t_h_pdf_many_links() {
    python3 - "$H" <<'PY'
import sys
head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><title>t</title></head><body><article><h1>t</h1><p>'
links = ''.join('<a href="http://a.example.cn/%d">链接%d</a>，<u>划线</u><s>删除</s>' % (i, i) for i in range(30000))
open(sys.argv[1] + '/links.xhtml', 'w').write(head + '<u>' + links + '<a href="http://a.example.cn/end">LINKEND</a></u></p></article></body></html>\n')
PY
    run timeout 120 "$BIN/folio-pdf" -o "$H/links.pdf" "$H/links.xhtml"
    exit_is 0 || return 1
    pdftotext -f 1 -l 1 "$H/links.pdf" - | tr -d ' ' | grep -q '链接0，划线删除链接1' || fail "the first links are not on page 1" || return 1
    pdftotext "$H/links.pdf" - | tr -d ' \n\f' | grep -q 'LINKEND' || fail "the last link is not on the page"
}
h_test "folio-pdf sets a paragraph of 30,000 links" t_h_pdf_many_links

# --- images that are not pictures -----------------------------------------------

# An image name that is a FIFO is never opened for reading: folio-clean,
# folio-epub and folio-batch go on, and the image keeps its address.
t_h_fifo_image() {
    d=$(scratch fifo-image)
    mkdir "$d/src"
    h_page "$d/src/page.html" '<p>一段有图的文字，图在下面。<img src="pic.png" alt="图"/></p>'
    mkfifo "$d/src/pic.png"
    run timeout 20 "$BIN/folio-clean" -o "$d/page.xhtml" "$d/src/page.html"
    exit_is 0 || return 1
    grep -q 'src="pic.png"' "$d/page.xhtml" || fail "the image lost its address: $(grep img "$d/page.xhtml")" || return 1
    mkfifo "$d/pic.png"
    run timeout 20 "$BIN/folio-epub" -o "$d/book.epub" "$d/page.xhtml"
    exit_is 0 || return 1
    grep -q "image pic.png: not a regular file; kept as its alt text" "$TMP/err" ||
        fail "folio-epub said: $(cat "$TMP/err")" || return 1
    run timeout 60 "$BIN/folio-batch" "$d/src" -o "$d/out" -j1 --to epub
    exit_is 0 || return 1
    [ -s "$d/out/page.epub" ] || fail "folio-batch wrote no EPUB"
}

# An image too large for a data: URI the readers take keeps its address.
t_h_huge_image() {
    d=$(scratch huge-image)
    h_page "$d/page.html" '<p>一段有大图的文字，图在下面。<img src="big.png" alt="大图"/></p>'
    python3 -c 'import sys; sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + bytes(8 << 20))' >"$d/big.png"
    run timeout 60 "$BIN/folio-clean" -o "$d/page.xhtml" "$d/page.html"
    exit_is 0 || return 1
    grep -q "^folio-clean: warning: $d/page.html: image big.png is larger than 7 MB; kept as its address$" "$TMP/err" ||
        fail "stderr: $(head -c 300 "$TMP/err")" || return 1
    grep -q 'src="big.png"' "$d/page.xhtml" || fail "the image lost its address" || return 1
    run "$BIN/folio-meta" "$d/page.xhtml"
    exit_is 0
}

h_test "an image that is a FIFO never stalls a tool" t_h_fifo_image
h_test "an image too large to embed keeps its address" t_h_huge_image

# --- folio batch: what one page may take ------------------------------------

# h_batch_src DIR: three good pages under DIR/src.
h_batch_src() {
    mkdir -p "$1/src/a"
    cp "$HG/01-seed-gb18030-bulletin/input.html" "$1/src/a/seed.html"
    cp "$HG/02-utf8-under-stale-gb2312-meta/input.html" "$1/src/a/meeting.html"
    cp "$HG/26-english-news/input.html" "$1/src/news.html"
}

t_h_batch_limit_usage() {
    for args in "--page-timeout x" "--page-timeout -1" "--page-memory 1e3" "--page-memory"; do
        # shellcheck disable=SC2086
        run "$BIN/folio-batch" "$H" -o "$H/never" $args
        exit_is 2 || { why="$args: $why"; return 1; }
    done
}

# A page that never ends is stopped at --page-timeout, listed in
# failures.tsv with the limit, and the run goes on.
t_h_batch_timeout() {
    d=$(scratch batch-timeout)
    h_batch_src "$d"
    (cd "$d" && FOLIO_BATCH_TEST_HANG=src/a/meeting.html timeout 120 "$BIN/folio-batch" src -o out -j1 --page-timeout 2) \
        >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 1 || return 1
    grep -q "^src/a/meeting.html		clean	stopped after 2 s, the most a page may take (--page-timeout)$" "$d/out/failures.tsv" ||
        fail "failures.tsv: $(cat "$d/out/failures.tsv" 2>/dev/null)" || return 1
    [ -s "$d/out/a/seed.xhtml" ] && [ "$(find "$d/out" -name '*.xhtml' | wc -l)" = 2 ] ||
        fail "the other pages were not converted: $(find "$d/out" -name '*.xhtml')"
}

# A page that needs more memory than --page-memory (a table of 12 MB) is
# stopped; the page beside it is converted.
t_h_batch_memory() {
    d=$(scratch batch-memory)
    h_batch_src "$d"
    python3 -c '
import sys
rows = "".join("<tr>" + "".join("<td>%d-%d</td>" % (r, c) for c in range(50)) + "</tr>\n" for r in range(14000))
sys.stdout.write("<html><body><p>一个很大的表格，用来试内存的上限。</p><table>" + rows + "</table></body></html>")' >"$d/src/table.html"
    (cd "$d" && timeout 300 "$BIN/folio-batch" src -o out -j1 --page-memory 200) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 1 || return 1
    grep -q "^src/table.html		clean	stopped past 200 MB, the most a page may use (--page-memory)$" "$d/out/failures.tsv" ||
        fail "failures.tsv: $(cat "$d/out/failures.tsv" 2>/dev/null)" || return 1
    [ "$(find "$d/out" -name '*.xhtml' | wc -l)" = 3 ] || fail "the other pages were not converted"
}

h_test "folio-batch --page-timeout and --page-memory want numbers" t_h_batch_limit_usage
h_test "folio-batch stops a page at --page-timeout and goes on" t_h_batch_timeout
h_test "folio-batch stops a page at --page-memory and goes on" t_h_batch_memory

# A run killed with SIGKILL resumes where it stopped: the manifest holds
# every page done before the kill.
t_h_batch_resume() {
    d=$(scratch batch-resume)
    h_batch_src "$d"
    (cd "$d" && exec env FOLIO_BATCH_TEST_HANG=src/news.html "$BIN/folio-batch" src -o out -j1 --quiet) \
        >/dev/null 2>&1 &
    pid=$!
    i=0
    while [ "$i" -lt 300 ] && [ "$(grep -c '^src/' "$d/out/.folio-batch/manifest.tsv" 2>/dev/null)" != 2 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    for child in $(ps -o pid= --ppid "$pid"); do kill -9 "$child" 2>/dev/null; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ "$i" -lt 300 ] || fail "the manifest never held the two pages done: $(cat "$d/out/.folio-batch/manifest.tsv" 2>&1)" ||
        return 1
    (cd "$d" && "$BIN/folio-batch" src -o out -j1) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 0 || return 1
    grep -q 'converted 1, skipped 2 (up to date), failed 0' "$TMP/err" || fail "the run again: $(cat "$TMP/err")"
}

# A page whose address makes a name too long for the file system gets a
# shorter one, and is converted.
t_h_batch_long_name() {
    d=$(scratch batch-long-name)
    mkdir "$d/src"
    long=$(python3 -c 'print("/".join("段" * 50 + str(i) for i in range(40)))')
    printf '<html><head><meta charset="utf-8"><link rel="canonical" href="http://www.example.gov.cn/%s.html"><title>长名</title></head><body><p>一段文字，有标点，够长了。一段文字，有标点，够长了。</p></body></html>\n' \
        "$long" >"$d/src/page.html"
    (cd "$d" && timeout 60 "$BIN/folio-batch" src -o out -j1 --to md) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 0 || return 1
    md=$(find "$d/out" -name '*.md')
    [ -n "$md" ] && [ "$(printf '%s' "${md#"$d/out/"}" | wc -c)" -le 1100 ] ||
        fail "the name: $(printf '%s' "$md" | head -c 300)" || return 1
    case $md in */www.example.gov.cn/_*/*39.md) ;; *) fail "not host/_HASH/last: ${md#"$d/out/"}" ;; esac
}

# A symlink in a SRC folder that leads out of it is not followed, as an
# image path is not: it is listed in failures.tsv; one inside is read.
t_h_batch_symlinks() {
    d=$(scratch batch-symlinks)
    h_batch_src "$d"
    mkdir -p "$d/outside/more"
    cp "$HG/26-english-news/input.html" "$d/outside/secret.html"
    cp "$HG/26-english-news/input.html" "$d/outside/more/other.html"
    ln -s ../outside/secret.html "$d/src/secret.html"
    ln -s ../outside/more "$d/src/more"
    ln -s a/seed.html "$d/src/again.html"
    (cd "$d" && "$BIN/folio-batch" src -o out -j1) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 1 || return 1
    for f in src/secret.html src/more; do
        grep -q "^$f		read	a symlink out of the SRC folder; not followed$" "$d/out/failures.tsv" ||
            fail "$f: $(cat "$d/out/failures.tsv")" || return 1
    done
    grep -q 'pages found 4,' "$TMP/err" || fail "the link inside SRC was not read: $(cat "$TMP/err")"
}

# folio-batch says a page was cut as folio-clean does, and converts it.
t_h_batch_cut_said() {
    d=$(scratch batch-cut)
    h_batch_src "$d"
    h_page "$d/src/long.html" "$(python3 -c 'import sys; sys.stdout.write("<p>" + "长" * 4000000 + "</p>")')"
    (cd "$d" && "$BIN/folio-batch" src -o out -j1) >"$TMP/out" 2>"$TMP/err"
    st=$?
    exit_is 0 || return 1
    grep -q '^folio-batch: warning: src/long.html: a run of text longer than 10 MB (line 1) was cut to 10 MB$' "$TMP/err" ||
        fail "no word of the cut: $(head -c 400 "$TMP/err")" || return 1
    grep -q AFTERMARK "$d/out/long.xhtml" || fail "the page was not converted"
}

# folio-meta writes nothing when it could read nothing.
t_h_meta_no_empty_file() {
    d=$(scratch meta-empty)
    run "$BIN/folio-meta" -o "$d/list.tsv" "$H_PAGE"
    exit_is 1 || return 1
    [ ! -e "$d/list.tsv" ] || fail "left a file of $(wc -c <"$d/list.tsv") bytes" || return 1
    run "$BIN/folio-meta" -o "$d/list.tsv" "$H_PAGE" "$H_ARTICLE"
    exit_is 1 || return 1
    [ "$(wc -l <"$d/list.tsv")" = 1 ] || fail "the article read was not listed"
}

h_test "folio-batch killed resumes where it stopped" t_h_batch_resume
h_test "folio-batch shortens a name too long for the file system" t_h_batch_long_name
h_test "folio-batch follows no symlink out of SRC" t_h_batch_symlinks
h_test "folio-meta leaves no empty file when it fails" t_h_meta_no_empty_file
h_test "folio-batch says a page was cut" t_h_batch_cut_said
