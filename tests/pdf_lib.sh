# tests/pdf_lib.sh: what the PDF suites share, sourced after tests/lib.sh.

# pdf_article TITLE BODY [HEAD]: a clean article titled TITLE whose body
# (after its h1) is the XHTML BODY, with HEAD (its <meta> elements) in its
# head, on standard output.
pdf_article() {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
    printf '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">\n'
    printf '<head>\n<meta charset="UTF-8"/>\n<title>%s</title>\n%s</head>\n' "$1" "${3:+$3
}"
    printf '<body><article>\n<h1>%s</h1>\n%s\n</article></body></html>\n' "$1" "$2"
}

# pdf_page_text PDF N: the text of page N, one line per line set.
pdf_page_text() {
    pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null
}

# pdf_pages PDF: how many pages it has.
pdf_pages() {
    pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'
}
