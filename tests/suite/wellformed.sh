# The article's well-formedness where it counts, in a book: run by
# tests/run.sh in a subshell ($BIN $TOP, its own $TMP, the helpers of
# tests/lib.sh). The golden articles of the metadata and well-formedness
# cases (80-86: a figure with a credit after its caption, titles found for
# pages that gave none) make one book that epubcheck must pass, each
# chapter named by its title; an SVG that declares entities never reaches
# a book, and a bare DOCTYPE is taken out of one that does.

W=$TMP
W_EPUBCHECK_JAR=/usr/share/java/epubcheck.jar
W_EPOCH=1573603200

w_zip() {  # BOOK [NAME]: a file of the book, or the list of its files
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.stdout.buffer.write(z.read(sys.argv[2]) if len(sys.argv) > 2 else "\n".join(z.namelist()).encode() + b"\n")' "$@"
}

wellformed_book() {
    set -- "$TOP"/tests/golden/8[3-9]-*/expected.xhtml
    [ "$#" = 7 ] || fail "expected the seven golden articles 83-89, found $#" || return 1
    SOURCE_DATE_EPOCH=$W_EPOCH "$BIN/folio-epub" --title 文章汇编 -o "$W/book.epub" "$@" >"$W/out" 2>"$W/err" ||
        fail "folio-epub: $(cat "$W/err")" || return 1
    if ! command -v java >/dev/null 2>&1 || [ ! -f "$W_EPUBCHECK_JAR" ]; then
        fail "java or epubcheck is not installed (make deps installs them)"
        return 1
    fi
    java -jar "$W_EPUBCHECK_JAR" "$W/book.epub" >"$W/check" 2>&1 ||
        fail "epubcheck: $(grep -E 'ERROR|FATAL|WARNING' "$W/check" | head -c 1200)" || return 1
    grep -q 'No errors or warnings detected' "$W/check" ||
        fail "epubcheck: $(grep -E 'ERROR|FATAL|WARNING' "$W/check" | head -c 1200)" || return 1
    nav=$(w_zip "$W/book.epub" EPUB/nav.xhtml)
    for title in 城市公园的四季 今年的读书会在社区图书馆举行，来了三十多位居民 古城墙修缮工程完工; do
        echo "$nav" | grep -q ">$title</a>" || fail "no chapter named $title in the nav" || return 1
    done
    ! echo "$nav" | grep -q '"></a>\|>article-[0-9]*</a>' || fail "a chapter without a title: $nav"
}
test_fn "wellformed figures and titles pass epubcheck" wellformed_book

# An article whose one picture is the SVG given, as a data: URI.
w_svg_article() {  # SVG OUT
    uri="data:image/svg+xml;base64,$(printf '%s' "$1" | base64 | tr -d '\n')"
    cat >"$2" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="UTF-8"/>
<title>一张示意图</title>
</head>
<body><article>
<h1>一张示意图</h1>
<p>下面是一张示意图。</p>
<figure>
<img src="$uri" alt="示意图"/>
</figure>
</article></body></html>
EOF
}

wellformed_svg_entities() {
    w_svg_article '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>' "$W/laughs.xhtml"
    run env SOURCE_DATE_EPOCH=$W_EPOCH "$BIN/folio-epub" -o "$W/laughs.epub" "$W/laughs.xhtml"
    exit_is 0 || return 1
    grep -q 'not PNG, JPEG, GIF or SVG' "$TMP/err" || fail "no warning: $(cat "$TMP/err")" || return 1
    ! w_zip "$W/laughs.epub" | grep -q 'img-[0-9]*\.svg$' || fail "the SVG went into the book"
}
test_fn "wellformed SVG declaring entities kept out of the book" wellformed_svg_entities

wellformed_svg_doctype() {
    w_svg_article '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' "$W/doctype.xhtml"
    run env SOURCE_DATE_EPOCH=$W_EPOCH "$BIN/folio-epub" -o "$W/doctype.epub" "$W/doctype.xhtml"
    exit_is 0 || return 1
    svg=$(w_zip "$W/doctype.epub" | grep 'img-[0-9]*\.svg$' | head -1)
    [ -n "$svg" ] || fail "the SVG was left out" || return 1
    ! w_zip "$W/doctype.epub" "$svg" | grep -q DOCTYPE || fail "the DOCTYPE went into the book"
}
test_fn "wellformed SVG DOCTYPE taken out" wellformed_svg_doctype

# A page whose only text is one short line: the line is its title and
# stays its text, not a reason to refuse the page.
wellformed_one_line() {
    printf '<html><body><p>Test</p></body></html>\n' >"$W/one.html"
    run "$BIN/folio-clean" "$W/one.html"
    exit_is 0 || return 1
    grep -q '<title>Test</title>' "$TMP/out" || fail "title: $(grep title "$TMP/out")" || return 1
    grep -q '<p>Test</p>' "$TMP/out" || fail "the line left the text: $(cat "$TMP/out")"
}
test_fn "wellformed one-line page titled by its line" wellformed_one_line
