#!/bin/sh
# gen_table.sh COLS ROWS: a clean article holding one table of COLS columns
# by ROWS rows (a head row, then numbered cells), on standard output. For
# make bench and the PDF suite: big inputs are made, never committed.
cols=${1:-50} rows=${2:-20000}
awk -v cols="$cols" -v rows="$rows" 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>"
    print "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">"
    print "<head>\n<meta charset=\"UTF-8\"/>\n<title>大表</title>\n</head>\n<body><article>\n<h1>大表</h1>"
    printf "<table><thead><tr>"
    for (c = 1; c <= cols; c++) printf "<th>列%d</th>", c
    print "</tr></thead><tbody>"
    for (r = 1; r <= rows; r++) {
        printf "<tr>"
        for (c = 1; c <= cols; c++) printf "<td>%d</td>", (r * 31 + c * 7) % 1000
        print "</tr>"
    }
    print "</tbody></table>\n</article></body></html>"
}'
