#!/bin/sh
# Build the WARC test captures from the readable records beside this script.
# usage: build.sh OUTDIR
#
# The pages (*.html), HTTP heads (*.http, LF here, CRLF in the WARC) and the
# PNG (base64) are kept as text; this script computes every Content-Length,
# encodes what a server would have encoded, and writes into OUTDIR:
#   good.warc               eleven records, plain
#   good.warc.gz            the same, one gzip member per record
#   good-one-member.warc.gz the same, the whole file as one gzip member
#   wrong-length.warc(.gz)  two records whose Content-Length is wrong: the
#                           GBK page's by 25 too many, the chunked page's by
#                           10 too few
#   truncated.warc.gz       good.warc.gz cut inside its last member
#   truncated.at            the offset of that member
# The records, in order:
#   1 warcinfo   2 request   3 response: heating.html in GBK (WARC/1.0, the
#   target URI in <>), whose HTTP header says GBK and whose meta says UTF-8
#   4 response: an image the next page shows   5 response: harvest.html
#   6 revisit of it   7 response: a stylesheet   8 response: a 404 page
#   9 response: another image of harvest.html, after it   10 response:
#   drill.html, gzip content coding, chunked   11 resource: library.html
set -e
SRC=$(cd "$(dirname "$0")" && pwd)
OUT=$1
if [ -z "$OUT" ]; then
    echo "usage: build.sh OUTDIR" >&2
    exit 2
fi
P=$OUT/parts
mkdir -p "$P"
SITE=http://www.qinghe.example

size() { echo $(($(wc -c <"$1"))); }
crlf() { awk '{ printf "%s\r\n", $0 }' "$1"; }

# http HEAD BODY: an HTTP message, its head given with LF line ends.
http() { crlf "$1"; printf '\r\n'; cat "$2"; }

# chunked FILE: FILE in chunked transfer coding, chunks of 256 bytes.
chunked() {
    total=$(size "$1") off=0
    while [ "$off" -lt "$total" ]; do
        n=$((total - off))
        [ "$n" -le 256 ] || n=256
        printf '%x\r\n' "$n"
        tail -c +$((off + 1)) "$1" | head -c "$n"
        printf '\r\n'
        off=$((off + n))
    done
    printf '0\r\n\r\n'
}

# record OUT ID VERSION TYPE URI CONTENT-TYPE BLOCK LENGTH-DELTA [HEADER...]
record() {
    out=$1 id=$2 version=$3 type=$4 uri=$5 ctype=$6 block=$7 delta=$8
    shift 8
    {
        printf 'WARC/%s\r\n' "$version"
        printf 'WARC-Type: %s\r\n' "$type"
        printf 'WARC-Record-ID: <urn:uuid:6f1c2a3e-0000-4000-8000-%012d>\r\n' "$id"
        printf 'WARC-Date: 2024-11-02T02:00:%02dZ\r\n' "$id"
        if [ -n "$uri" ]; then printf 'WARC-Target-URI: %s\r\n' "$uri"; fi
        for h in "$@"; do printf '%s\r\n' "$h"; done
        printf 'Content-Type: %s\r\n' "$ctype"
        printf 'Content-Length: %d\r\n' $(($(size "$block") + delta))
        printf '\r\n'
        cat "$block"
        printf '\r\n\r\n'
    } >"$out"
}

# The blocks.
cp "$SRC/warcinfo.txt" "$P/warcinfo"
crlf "$SRC/request.http" >"$P/request"
printf '\r\n' >>"$P/request"
iconv -f UTF-8 -t GBK "$SRC/heating.html" >"$P/heating.gbk"
http "$SRC/heating.http" "$P/heating.gbk" >"$P/heating"
base64 -d <"$SRC/pixel.png.b64" >"$P/pixel.png"
http "$SRC/image.http" "$P/pixel.png" >"$P/image"
http "$SRC/harvest.http" "$SRC/harvest.html" >"$P/harvest"
crlf "$SRC/harvest.http" >"$P/revisit"
printf '\r\n' >>"$P/revisit"
http "$SRC/style.http" "$SRC/style.css" >"$P/style"
http "$SRC/not-found.http" "$SRC/not-found.html" >"$P/not-found"
gzip -n -9 -c "$SRC/drill.html" >"$P/drill.gz"
chunked "$P/drill.gz" >"$P/drill.chunked"
http "$SRC/drill.http" "$P/drill.chunked" >"$P/drill"
cp "$SRC/library.html" "$P/library"

# records NAME HEATING-DELTA DRILL-DELTA: the eleven records as NAME-01.warc...
records() {
    name=$1
    HTTP='application/http; msgtype=response'
    record "$P/$name-01.warc" 1 1.1 warcinfo '' application/warc-fields "$P/warcinfo" 0 \
        'WARC-Filename: good.warc.gz'
    record "$P/$name-02.warc" 2 1.1 request "$SITE/tzgg/2024/heating.html" \
        'application/http; msgtype=request' "$P/request" 0
    record "$P/$name-03.warc" 3 1.0 response "<$SITE/tzgg/2024/heating.html>" "$HTTP" "$P/heating" "$2"
    record "$P/$name-04.warc" 4 1.1 response "$SITE/images/2024/harvest-stage.png" "$HTTP" "$P/image" 0
    record "$P/$name-05.warc" 5 1.1 response "$SITE/gzdt/2024/harvest.html" "$HTTP" "$P/harvest" 0
    record "$P/$name-06.warc" 6 1.1 revisit "$SITE/gzdt/2024/harvest.html" "$HTTP" "$P/revisit" 0 \
        'WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' \
        "WARC-Refers-To-Target-URI: $SITE/gzdt/2024/harvest.html" \
        'WARC-Refers-To-Date: 2024-11-02T02:00:05Z'
    record "$P/$name-07.warc" 7 1.1 response "$SITE/css/main.css" "$HTTP" "$P/style" 0
    record "$P/$name-08.warc" 8 1.1 response "$SITE/tzgg/2024/gone.html" "$HTTP" "$P/not-found" 0
    record "$P/$name-09.warc" 9 1.1 response "$SITE/images/2024/harvest-map.png" "$HTTP" "$P/image" 0
    record "$P/$name-10.warc" 10 1.1 response "$SITE/yjgl/2024/drill.html" "$HTTP" "$P/drill" "$3"
    record "$P/$name-11.warc" 11 1.1 resource "$SITE/tzgg/2024/library.html" \
        'text/html; charset=utf-8' "$P/library" 0
    for f in "$P/$name"-*.warc; do
        gzip -n -c "$f" >"$f.gz"
    done
    cat "$P/$name"-*.warc >"$OUT/$name.warc"
    cat "$P/$name"-*.warc.gz >"$OUT/$name.warc.gz"
}

records good 0 0
records wrong-length 25 -10
gzip -n -c "$OUT/good.warc" >"$OUT/good-one-member.warc.gz"

at=0
for i in 01 02 03 04 05 06 07 08 09 10; do
    at=$((at + $(size "$P/good-$i.warc.gz")))
done
echo "$at" >"$OUT/truncated.at"
{
    cat "$P"/good-0*.warc.gz "$P/good-10.warc.gz"
    head -c $(($(size "$P/good-11.warc.gz") / 2)) "$P/good-11.warc.gz"
} >"$OUT/truncated.warc.gz"
rm -rf "$P"
