# folio-clean --explain names each decision the extractor takes: hidden
# blocks dropped (and the page read again with them when nothing was left),
# repeated records found, several entries, parts joined at their common
# block, the fallback to the block holding most of the prose, and the
# furniture lines dropped after the text. Sourced by tests/run.sh.

G="$TOP/tests/golden"
# x_explain CASE PATTERN: folio-clean --explain on the golden case's input
# says PATTERN on one of its lines.
x_explain() {
    (cd "$G/$1" && "$BIN/folio-clean" --explain input.html 2>"$TMP/err" >/dev/null)
    grep -q -- "$2" "$TMP/err" || fail "no line '$2' in: $(head -c 600 "$TMP/err")"
}
x_hidden()  { x_explain 70-hidden-print-copy '^hidden: 4 blocks the page hides dropped'; }
x_sheet()   { x_explain 128-copy-hidden-by-the-style-sheet '^hidden: 2 blocks the page hides dropped .*, 2 of them by its style sheet'; }
x_reveal()  { x_explain 11-wechat-rich-media-content '^hidden: without the hidden blocks no article is left'; }
x_records() { x_explain 72-teaser-feed-beside-short-article '^records: .*: 8 repeated records'; }
x_named_parts() { x_explain 254-body-name-on-every-paragraph '^named parts: /html/body/div/div\[2\]: boxes below it share a body name'; }
x_copy()    { x_explain 255-copy-hidden-by-a-sheet-not-captured '^dropped /html/body/div\[2\]/div\[3\]: a copy of the kept text beside it'; }
x_signature() { x_explain 264-signature-after-the-text-box '^kept: /html/body/div\[2\]/div\[3\]: the 落款 right after the text'; }
x_entries() { x_explain 75-archive-page-several-posts "^kept: .*one of several entries: the one holding the page's title"; }
x_merge()   { x_explain 77-sections-nested-deep "^kept: .*common block of the text's parts in several branches"; }
x_modules() { x_explain 115-numbered-text-modules '^kept: .*numbered modules of one kind'; }
x_pointer() { x_explain 120-label-and-one-link '^dropped .*: a label and one link: a pointer to another page: Read more'; }
x_boxed()   { x_explain 125-paragraphs-boxed-one-by-one '^kept: .*/div\[1\]: a sibling paragraph of prose'; }
x_attach()  { x_explain 126-attachments-after-the-text '^kept: .*: the attachments after the text: links to documents only'; }
x_thread()  { x_explain 141-comment-thread-of-header-and-paragraph-pairs '^records: .*/div\[2\]/div\[2\]: 80 repeated records' &&
              x_explain 141-comment-thread-of-header-and-paragraph-pairs '^kept: .*: the best block of prose, for the best scoring one is made of records'; }
# A chronology's date headings carry no link: its entries are the text.
x_chrono()  {
    (cd "$G/143-chronology-of-dated-headings-stays" && "$BIN/folio-clean" --explain input.html 2>"$TMP/err" >/dev/null)
    ! grep -q '^records:' "$TMP/err" || fail "the chronology was taken for records: $(grep '^records:' "$TMP/err")"
}
# Sections of one text, each under a heading and pointing nowhere, are no
# records.
x_sections() {
    (cd "$G/260-sections-under-headings-are-no-records" && "$BIN/folio-clean" --explain input.html 2>"$TMP/err" >/dev/null)
    ! grep -q '^records:' "$TMP/err" || fail "the sections were taken for records: $(grep '^records:' "$TMP/err")"
}
x_lead()    { x_explain 262-lead-paragraph-between-title-and-text '^kept: /html/body/main/div\[2\]/p: the lead paragraph, between the title and the text'; }
x_card()    { x_explain 129-story-card-after-the-text '^dropped the tail card: a label, a headline linking away and its teaser'; }
x_account() { x_explain 132-account-name-and-picture "^dropped an account's name beside its follow button above the text: 某某市文旅发布"; }
x_linked()  { x_explain 138-copy-hidden-by-a-saved-style-sheet '^hidden: 1 blocks the page hides dropped .*, 1 of them by its style sheet'; }
x_bar()     { x_explain 138-copy-hidden-by-a-saved-style-sheet "^dropped a script's button: 关闭"; }
# The same page saved as MHTML: its sheet is a part of the capture.
x_linked_mhtml() {
    g="$G/138-copy-hidden-by-a-saved-style-sheet"
    { printf 'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
      printf -- '--B\r\nContent-Type: text/html\r\nContent-Location: http://www.example.gov.cn/tzgg/1.html\r\n\r\n'
      sed 's|page_files/site.css|/css/site.css|' "$g/input.html"
      printf -- '\r\n--B\r\nContent-Type: text/css\r\nContent-Location: http://www.example.gov.cn/css/site.css\r\n\r\n'
      cat "$g/page_files/site.css"
      printf -- '\r\n--B--\r\n'; } >"$TMP/saved.mhtml"
    "$BIN/folio-clean" --explain "$TMP/saved.mhtml" 2>"$TMP/err" >/dev/null || fail "refused: $(cat "$TMP/err")" || return 1
    grep -q '^hidden: 1 blocks the page hides dropped .*, 1 of them by its style sheet' "$TMP/err" ||
        fail "no hidden block told: $(cat "$TMP/err")"
}
# And in a zip of saved pages, the sheet beside the page in the archive:
# folio-batch prints the text once.
x_linked_zip() {
    g="$G/138-copy-hidden-by-a-saved-style-sheet"
    python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.write(sys.argv[2] + "/input.html", "notice/page.html")
    z.write(sys.argv[2] + "/page_files/site.css", "notice/page_files/site.css")' "$TMP/saved.zip" "$g" ||
        fail "no zip made" || return 1
    rm -rf "$TMP/zipout"
    "$BIN/folio-batch" -j 1 -o "$TMP/zipout" "$TMP/saved.zip" 2>"$TMP/err" >/dev/null || fail "batch: $(cat "$TMP/err")" || return 1
    n=$(cat "$TMP/zipout"/saved.zip/notice/page.xhtml 2>/dev/null | grep -o '各街道要于六月底前' | wc -l)
    [ "$n" -eq 1 ] || fail "the text printed $n times"
}
# And in a WARC, the sheet a record of its own, found by its address.
x_linked_warc() {
    g="$G/138-copy-hidden-by-a-saved-style-sheet"
    python3 - "$g" "$TMP/saved.warc" <<'PY' || fail "no WARC made" || return 1
import sys
g, out = sys.argv[1], sys.argv[2]
page = open(g + '/input.html', 'rb').read().replace(b'page_files/site.css', b'../css/site.css')
sheet = open(g + '/page_files/site.css', 'rb').read()
def record(n, uri, ctype, body):
    http = b'HTTP/1.1 200 OK\r\nContent-Type: ' + ctype + b'\r\nContent-Length: %d\r\n\r\n' % len(body) + body
    head = (b'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ' + uri +
            b'\r\nWARC-Date: 2024-06-03T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0000000%d-0000-0000-0000-000000000000>' % n +
            b'\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' % len(http))
    return head + http + b'\r\n\r\n'
open(out, 'wb').write(record(1, b'http://www.example.gov.cn/tzgg/1.html', b'text/html; charset=utf-8', page) +
                      record(2, b'http://www.example.gov.cn/css/site.css', b'text/css', sheet))
PY
    rm -rf "$TMP/warcout"
    "$BIN/folio-batch" -j 1 -o "$TMP/warcout" "$TMP/saved.warc" 2>"$TMP/err" >/dev/null || fail "batch: $(cat "$TMP/err")" || return 1
    n=$(cat "$TMP/warcout"/www.example.gov.cn/tzgg/1.xhtml 2>/dev/null | grep -o '各街道要于六月底前' | wc -l)
    [ "$n" -eq 1 ] || fail "the text printed $n times"
}
x_script()  { x_explain 135-script-button-inside-the-text "^dropped a script's button: 展开全文"; }
x_reltime() { x_explain 133-badge-before-the-title-and-a-relative-time "^dropped a time relative to the day it was read above the text: 昨天"; }
x_badge()   { x_explain 133-badge-before-the-title-and-a-relative-time "^dropped .*/h2: the title, written as the h1: 独家城东公园"; }
x_button()  { x_explain 116-button-pictures-after-the-text '^dropped the tail picture: a linked button or banner'; }
# Snippets are cut at a character's end: what --explain says is UTF-8.
x_utf8() {
    for case in 103-text-after-the-editor-line 79-furniture-lines-after-the-text 110-original-title-note; do
        (cd "$G/$case" && "$BIN/folio-clean" --explain input.html 2>"$TMP/err" >/dev/null)
        python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$TMP/err" 2>/dev/null ||
            fail "$case: --explain wrote bytes that are not UTF-8"
    done
}
x_recall()  { x_explain 78-kept-too-little-of-the-prose "^kept: .*held too little of the page's prose"; }
x_tail()    { x_explain 79-furniture-lines-after-the-text '^dropped the tail line: a short labelled line'; }
x_rescore() { x_explain 93-article-inside-a-sidebar-named-layout '^nothing scored outside furniture-named boxes: scored again'; }
x_widgets() { x_explain 91-icon-buttons-and-edit-links '^dropped .*: a button: an icon and a word'; }
x_kicker()  { x_explain 92-kicker-and-byline-above-the-text '^dropped .*: a kicker above the title'; }
x_players() { x_explain 95-video-player-controls '^players: 1 media players dropped with their controls'; }
x_editor() { x_explain 103-text-after-the-editor-line "^dropped after the editor's line: 您认为"; }
x_head_words() {
    x_explain 105-widget-words-above-the-text '^dropped a word above the text: 字号'
    x_explain 105-widget-words-above-the-text '^dropped a follow button above the text: 关注'
    x_explain 105-widget-words-above-the-text "^dropped an account's picture beside its name above the text: avatar.png"
}
x_away() {
    x_explain 118-links-leading-away '^dropped a link away above the text: 点击进入'
    x_explain 118-links-leading-away '^dropped the tail line: a link away after the last sentence'
}
x_original_title() { x_explain 110-original-title-note "^dropped the original title's line: （原标题"; }
x_forms() { x_explain 98-sign-up-and-comment-forms '^forms: 3 entry fields dropped with their prompts'; }
x_textarea() { x_explain 221-article-escaped-in-a-text-area "^script copies: 1 text areas, hidden fields or script strings held an article's markup, set in their place"; }
x_script_data() {
    x_explain 278-article-in-a-hidden-field "^script copies: 1 text areas, hidden fields or script strings held"
    x_explain 279-article-in-an-app-s-first-state "^script copies: 1 text areas, hidden fields or script strings held"
}
x_inner_copy() { x_explain 281-second-copy-inside-the-text-box '^copy: /html/body/div\[2\]/div\[2\] dropped, a copy of /html/body/div\[2\]/div\[1\] beside it'; }
x_clicked() { x_explain 282-answers-folded-by-an-onclick-accordion '^toggles: 3 panels a toggle folds away opened, read as text'; }
x_picture_before() {
    x_explain 284-picture-and-caption-boxed-before-the-text '^kept: /html/body/div\[2\]/div\[2\]: the picture and its caption in a box of their own, right before the text'
    x_explain 285-attachments-boxed-before-the-text '^kept: /html/body/div\[2\]/div\[1\]: the attachments right before the text'
}
x_dated() {
    x_explain 286-lines-that-say-when-the-page-went-up '^dropped a line that says when above the text: Updated 14 Mar 2019'
    x_explain 286-lines-that-say-when-the-page-went-up '^dropped the tail line: a line that says when, after the text: First posted'
}
x_linkbar() { x_explain 224-reference-link-bars '^dropped .*: a bar of short links: places to go, not text: \[DOI\]'; }
x_paper()   { x_explain 226-print-copy-shown-only-on-paper '^hidden: 2 blocks the page hides dropped .*, 2 of them by its style sheet'; }
x_named()   { x_explain 228-players-a-script-draws '^players: 3 media players dropped with their controls'; }
x_forum() {
    x_explain 238-forum-posts-without-their-chrome "^dropped .*: who posted it and when: a post's attribution: von nabenhexe"
    x_explain 238-forum-posts-without-their-chrome "^dropped .*: a reply's subject over a post"
    x_explain 238-forum-posts-without-their-chrome '^dropped .*: a count of reactions .*: 3 Likes'
}
x_toggles() { x_explain 239-answers-folded-away-by-toggles '^toggles: 2 panels a toggle folds away opened, read as text'; }
test_fn "explain: hidden blocks dropped" x_hidden
test_fn "explain: panels folded away by toggles" x_toggles
test_fn "explain: an article a text area holds" x_textarea
test_fn "explain: an article in a hidden field or a script's data" x_script_data
test_fn "explain: a copy inside the kept text" x_inner_copy
test_fn "explain: an accordion of clicked questions" x_clicked
test_fn "explain: a picture or attachments boxed before the text" x_picture_before
test_fn "explain: lines that say when the page went up" x_dated
test_fn "explain: a bar of short links" x_linkbar
test_fn "explain: a copy shown only on paper" x_paper
test_fn "explain: players a script draws" x_named
test_fn "explain: a forum's post chrome" x_forum
test_fn "explain: a page read again with its hidden blocks" x_reveal
test_fn "explain: blocks hidden by the page's style sheet" x_sheet
test_fn "explain: repeated records" x_records
test_fn "explain: a 落款 boxed after the text" x_signature
test_fn "explain: sections under headings are no records" x_sections
test_fn "explain: a lead paragraph between the title and the text" x_lead
test_fn "explain: a copy of the text beside it" x_copy
test_fn "explain: a body name every paragraph's box repeats" x_named_parts
test_fn "explain: one of several entries" x_entries
test_fn "explain: parts joined at their common block" x_merge
test_fn "explain: numbered modules of one text" x_modules
test_fn "explain: a button picture after the text" x_button
test_fn "explain: an account's card above the text" x_account
test_fn "explain: a story's card after the text" x_card
test_fn "explain: a script's button inside the text" x_script
test_fn "explain: blocks hidden by a style sheet saved beside the page" x_linked
test_fn "explain: a bar of script buttons" x_bar
test_fn "explain: blocks hidden by a style sheet an MHTML holds" x_linked_mhtml
test_fn "batch: blocks hidden by a style sheet a zip holds" x_linked_zip
test_fn "batch: blocks hidden by a style sheet a WARC holds" x_linked_warc
test_fn "explain: a time relative to the reading day above the text" x_reltime
test_fn "explain: a heading showing the title after a badge" x_badge
test_fn "explain: paragraphs boxed one by one beside the text" x_boxed
test_fn "explain: attachments boxed after the text" x_attach
test_fn "explain: a thread of header and paragraph pairs under a post" x_thread
test_fn "explain: a chronology of dated headings is no thread" x_chrono
test_fn "explain: a label and one link" x_pointer
test_fn "explain: snippets cut at a character's end" x_utf8
test_fn "explain: the fallback to most of the prose" x_recall
test_fn "explain: furniture lines after the text" x_tail
test_fn "explain: scored again when furniture names took everything" x_rescore
test_fn "explain: icon buttons" x_widgets
test_fn "explain: a kicker above the title" x_kicker
test_fn "explain: a media player with its controls" x_players
test_fn "explain: entry fields with their prompts" x_forms
test_fn "explain: a reprint's original title" x_original_title
test_fn "explain: widgets' words above the text" x_head_words
test_fn "explain: links leading away, above and after the text" x_away
test_fn "explain: what follows the editor's line" x_editor
