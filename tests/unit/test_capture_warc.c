/* Unit tests for the WARC reader: the stream of plain and gzipped bytes,
 * record framing and recovery, the HTTP payload, the image index, and the
 * capture interface over it. The WARCs are built here, in memory. */
#include "capture/capture.h"
#include "capture/warc/warc_http.h"
#include "capture/warc/warc_index.h"
#include "capture/warc/warc_input.h"
#include "capture/warc/warc_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "unit.h"

static const char PAGE[] = "<html><head><title>t</title></head><body><p>正文</p></body></html>";
static const unsigned char PNG[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

/* Append a record: block BLOCK (LEN bytes), its Content-Length off by DELTA. */
static void add_record(buf_t *w, const char *version, const char *type, const char *uri,
                       const char *ctype, const void *block, size_t len, long delta)
{
    buf_printf(w, "%s\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%zu>\r\n", version, type, w->len);
    if (uri)
        buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
    if (ctype)
        buf_printf(w, "Content-Type: %s\r\n", ctype);
    buf_printf(w, "Content-Length: %ld\r\n\r\n", (long)len + delta);
    buf_add(w, block, len);
    buf_puts(w, "\r\n\r\n");
}

/* An HTTP response: HEAD's lines (LF) end in CRLF, then BODY. */
static void http_block(buf_t *b, const char *head, const void *body, size_t len)
{
    buf_reset(b);
    for (const char *p = head; *p; p++) {
        if (*p == '\n')
            buf_putc(b, '\r');
        buf_putc(b, *p);
    }
    buf_puts(b, "\r\n");
    buf_add(b, body, len);
}

static void add_response(buf_t *w, const char *uri, const char *head, const void *body, size_t len, long delta)
{
    buf_t b;
    buf_init(&b);
    http_block(&b, head, body, len);
    add_record(w, "WARC/1.1", "response", uri, "application/http; msgtype=response", b.data, b.len, delta);
    buf_free(&b);
}

/* Append P (N bytes) as one gzip member (WBITS 31) or zlib stream (15). */
static void compress_into(buf_t *out, const void *p, size_t n, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    unsigned char chunk[4096];
    z.next_in = (unsigned char *)p;
    z.avail_in = (unsigned)n;
    int rc;
    do {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = deflate(&z, Z_FINISH);
        buf_add(out, chunk, sizeof chunk - z.avail_out);
    } while (rc == Z_OK);
    deflateEnd(&z);
}

/* Each record of the plain WARC W as a gzip member of OUT; member starts
 * into AT (up to MAX of them). Records are found by their version lines. */
static size_t gzip_records(const buf_t *w, buf_t *out, long long *at, size_t max)
{
    size_t n = 0, start = 0;
    for (size_t i = 1; i <= w->len; i++) {
        if (i == w->len || (!memcmp(w->data + i, "WARC/1.", 7) && !memcmp(w->data + i - 4, "\r\n\r\n", 4))) {
            if (n < max)
                at[n] = (long long)out->len;
            n++;
            compress_into(out, w->data + start, i - start, 31);
            start = i;
        }
    }
    return n;
}

/* ---- the stream ----------------------------------------------------------- */

static void test_input_plain(void)
{
    const char text[] = "line one\r\nline two\nrest";
    buf_t why, line;
    buf_init(&why);
    buf_init(&line);
    warc_input *in = warc_input_open(NULL, text, strlen(text), &why);
    OK("opens memory", in != NULL);
    OK("plain is not gzip", !warc_input_gzipped(in));
    OK("first line", warc_input_line(in, &line, 100) == 1);
    EQ("through its LF", line.data, "line one\r\n");
    warc_pos at = warc_input_tell(in);
    OK("tell: offset 10", at.member == 10 && at.inner == 0);
    OK("a long line is cut", warc_input_line(in, &line, 4) == 1);
    EQ("to MAX bytes", line.data, "line");
    OK("last line, no LF", warc_input_line(in, &line, 100) == 1);
    EQ("its bytes", line.data, "rest");
    OK("then the end", warc_input_line(in, &line, 100) == 0 && warc_input_why(in) == NULL);
    OK("seek back", warc_input_seek(in, at) == 0);
    char two[5] = { 0 };
    OK("read after the seek", warc_input_read(in, two, 4) == 4);
    EQ("is the second line", two, "line");
    warc_input_close(in);
    buf_free(&why);
    buf_free(&line);
}

static void test_input_gzip_members(void)
{
    buf_t gz, why, line;
    buf_init(&gz);
    buf_init(&why);
    buf_init(&line);
    compress_into(&gz, "first\nsecond\n", 13, 31);
    long long m2 = (long long)gz.len;
    compress_into(&gz, "third\n", 6, 31);
    warc_input *in = warc_input_open(NULL, gz.data, gz.len, &why);
    OK("gzip by its magic", warc_input_gzipped(in));
    warc_input_line(in, &line, 100);
    EQ("first line", line.data, "first\n");
    warc_pos at = warc_input_tell(in);
    OK("inside member 1: byte 6 of offset 0", at.member == 0 && at.inner == 6);
    warc_input_line(in, &line, 100);
    at = warc_input_tell(in);
    OK("at a member's end: the next member", at.member == m2 && at.inner == 0);
    warc_input_line(in, &line, 100);
    EQ("the stream runs on into member 2", line.data, "third\n");
    OK("the end", warc_input_line(in, &line, 100) == 0 && !warc_input_why(in));
    warc_pos mid = { 0, 6 };
    OK("seek into a member", warc_input_seek(in, mid) == 0);
    warc_input_line(in, &line, 100);
    EQ("reads from there", line.data, "second\n");
    warc_input_close(in);

    /* Cut inside member 2: member 1 reads, then the break says where. */
    in = warc_input_open(NULL, gz.data, (size_t)m2 + 8, &why);
    warc_input_line(in, &line, 100);
    warc_input_line(in, &line, 100);
    OK("a cut member breaks the stream", warc_input_line(in, &line, 100) < 0);
    buf_t want;
    buf_init(&want);
    buf_printf(&want, "truncated gzip member at offset %lld", m2);
    EQ("why", warc_input_why(in), want.data);
    OK("nothing after it", !warc_input_recover(in));
    warc_input_close(in);
    buf_free(&want);
    buf_free(&gz);
    buf_free(&why);
    buf_free(&line);
}

/* ---- records -------------------------------------------------------------- */

static void test_record_good(void)
{
    buf_t w, why, block;
    buf_init(&w);
    buf_init(&why);
    buf_init(&block);
    buf_puts(&w, "\r\n");   /* stray blank lines before a record are passed over */
    add_record(&w, "WARC/1.0", "Response", "<http://a.example/x.html>", "application/http", "HTTP/1.1 200 OK\r\n\r\nhi", 21, 0);
    add_record(&w, "WARC/1.1", "metadata", NULL, "application/warc-fields", "k: v\r\n", 6, 0);
    warc_input *in = warc_input_open(NULL, w.data, w.len, &why);
    warc_record r;
    warc_record_init(&r);
    OK("record 1 begins", warc_record_begin(in, &r, &why) == 1);
    EQ("type, lower-cased", r.type.data, "response");
    EQ("URI without <>", r.uri.data, "http://a.example/x.html");
    EQ("content type", r.content_type.data, "application/http");
    OK("length", r.length == 21 && r.left == 21);
    OK("starts after the blank line", r.at.member == 2);
    OK("read 5 bytes of the block", warc_record_read(in, &r, &block, 5, &why) == 5);
    EQ("they are", block.data, "HTTP/");
    OK("the end skips the rest", warc_record_end(in, &r, &why) == 0);
    OK("record 2", warc_record_begin(in, &r, &why) == 1 && r.ordinal == 2);
    EQ("no URI: empty", r.uri.data, "");
    OK("its end", warc_record_end(in, &r, &why) == 0);
    OK("then no more", warc_record_begin(in, &r, &why) == 0);
    EQ("and no complaint", why.data, NULL);
    warc_record_free(&r);
    warc_input_close(in);
    buf_free(&w);
    buf_free(&why);
    buf_free(&block);
}

/* Begin the first record of TEXT: the return and the cause. */
static int begin_one(const char *text, buf_t *why)
{
    buf_reset(why);
    warc_input *in = warc_input_open(NULL, text, strlen(text), why);
    warc_record r;
    warc_record_init(&r);
    int rc = warc_record_begin(in, &r, why);
    if (rc == 1)
        rc = warc_record_end(in, &r, why) == 0 ? 1 : -1;
    warc_record_free(&r);
    warc_input_close(in);
    return rc;
}

static void test_record_refused(void)
{
    buf_t why;
    buf_init(&why);
    OK("no Content-Length", begin_one("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a/\r\n\r\nxx\r\n\r\n", &why) == -1);
    EQ("says which and why", why.data, "record 1 at offset 0 (http://a/): no Content-Length header");
    OK("a length that is no number",
       begin_one("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\n", &why) == -1);
    EQ("says so", why.data, "record 1 at offset 0: Content-Length \"12x\" is not a number of bytes");
    OK("no WARC-Type", begin_one("WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n", &why) == -1);
    EQ("says so", why.data, "record 1 at offset 0: no WARC-Type header");
    OK("block cut short", begin_one("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 10\r\n\r\nabc", &why) == -1);
    EQ("says how much is there", why.data, "record 1 at offset 0: the input ends after 3 of the block's 10 bytes (Content-Length)");
    OK("header not ended", begin_one("WARC/1.1\r\nWARC-Type: resource\r\n", &why) == -1);
    EQ("says so", why.data, "record 1 at offset 0: the input ends inside the header block");
    OK("no CRLF CRLF after the block",
       begin_one("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nabc\r\n\r\n", &why) == -1);
    EQ("blames Content-Length", why.data, "record 1 at offset 0: Content-Length 2 does not fit the block: no CRLF CRLF after it");
    OK("not a WARC", begin_one("<html>hello</html>\n", &why) == -2);
    EQ("says so", why.data, "not a WARC file: it does not start with a WARC/1.0 or WARC/1.1 line");
    OK("an old version", begin_one("WARC/0.18\r\nWARC-Type: resource\r\n\r\n", &why) == -2);
    EQ("says which", why.data, "WARC/0.18 is not read, only WARC/1.0 and WARC/1.1");
    buf_free(&why);
}

/* Read every record of W (LEN bytes at P): their URIs, refusals as "!",
 * into OUT, space-separated; the causes into WHYS, one a line. */
static void read_all(const void *p, size_t len, buf_t *out, buf_t *whys)
{
    buf_t why;
    buf_init(&why);
    buf_reset(out);
    buf_reset(whys);
    buf_puts(out, "");
    warc_input *in = warc_input_open(NULL, p, len, &why);
    warc_record r;
    warc_record_init(&r);
    for (int guard = 0; guard < 100; guard++) {
        buf_reset(&why);
        int rc = warc_record_begin(in, &r, &why);
        if (rc == 0)
            break;
        if (rc == 1 && warc_record_end(in, &r, &why) == 0) {
            buf_printf(out, "%s%s", out->len ? " " : "", r.uri.data);
            continue;
        }
        buf_printf(out, "%s!", out->len ? " " : "");
        buf_printf(whys, "%s\n", why.data);
        if (rc == -2 || !warc_record_recover(in, &r)) {
            buf_puts(out, " END");
            break;
        }
    }
    warc_record_free(&r);
    warc_input_close(in);
    buf_free(&why);
}

static void test_record_recover(void)
{
    buf_t w, got, whys, gz;
    buf_init(&w);
    buf_init(&got);
    buf_init(&whys);
    buf_init(&gz);
    add_record(&w, "WARC/1.1", "resource", "u1", "text/plain", "one", 3, 0);
    add_record(&w, "WARC/1.1", "resource", "u2", "text/plain", "two two two", 11, 30);   /* runs over u3's start */
    add_record(&w, "WARC/1.1", "resource", "u3", "text/plain", "three", 5, 0);
    add_record(&w, "WARC/1.1", "resource", "u4", "text/plain", "four four", 9, -4);      /* stops short */
    add_record(&w, "WARC/1.1", "resource", "u5", "text/plain", "five", 4, 0);
    read_all(w.data, w.len, &got, &whys);
    EQ("wrong lengths: refused, the rest found", got.data, "u1 ! u3 ! u5");
    OK("each cause named", strstr(whys.data, "record 2 at offset ") && strstr(whys.data, "(u2): Content-Length 41 does not fit") &&
       strstr(whys.data, "(u4): Content-Length 5 does not fit"));

    long long at[8];
    size_t n = gzip_records(&w, &gz, at, 8);
    OK("five members", n == 5);
    read_all(gz.data, gz.len, &got, &whys);
    EQ("the same from gzip members", got.data, "u1 ! u3 ! u5");

    /* Garbage where a record should be, after the first. */
    buf_reset(&w);
    add_record(&w, "WARC/1.1", "resource", "u1", "text/plain", "one", 3, 0);
    buf_puts(&w, "junk junk\r\nmore junk\r\n");
    add_record(&w, "WARC/1.1", "resource", "u2", "text/plain", "two", 3, 0);
    read_all(w.data, w.len, &got, &whys);
    EQ("junk refused, the next record found", got.data, "u1 ! u2");
    OK("junk named", strstr(whys.data, "record 2 at offset ") &&
       strstr(whys.data, "no WARC/1.0 or WARC/1.1 line where the record should start"));

    /* A damaged member between good ones: the next member goes on. */
    buf_reset(&w);
    buf_reset(&gz);
    add_record(&w, "WARC/1.1", "resource", "u1", "text/plain", "one", 3, 0);
    add_record(&w, "WARC/1.1", "resource", "u2", "text/plain", "two", 3, 0);
    size_t third = w.len;
    add_record(&w, "WARC/1.1", "resource", "u3", "text/plain", "three", 5, 0);
    n = gzip_records(&w, &gz, at, 8);
    buf_t spliced;
    buf_init(&spliced);
    buf_add(&spliced, gz.data, (size_t)at[1] + 30);
    buf_add(&spliced, gz.data + at[2], gz.len - (size_t)at[2]);
    read_all(spliced.data, spliced.len, &got, &whys);
    EQ("a cut member in the middle", got.data, "u1 ! u3");
    buf_t want;
    buf_init(&want);
    buf_printf(&want, "record 2 at offset %lld: ", at[1]);
    OK("names the member", !strncmp(whys.data, want.data, want.len) && strstr(whys.data, "gzip member at offset"));

    /* A member whose CRC does not match: its record is refused although
     * its bytes frame well. */
    buf_reset(&spliced);
    buf_add(&spliced, gz.data, gz.len);
    spliced.data[at[2] - 8] ^= 0x01;
    read_all(spliced.data, spliced.len, &got, &whys);
    EQ("a bad CRC", got.data, "u1 ! u3");
    buf_reset(&want);
    buf_printf(&want, "record 2 at offset %lld (u2): damaged gzip member at offset %lld (incorrect data check)\n",
               at[1], at[1]);
    EQ("names the record", whys.data, want.data);

    /* Junk between members is no record's. */
    buf_reset(&spliced);
    buf_add(&spliced, gz.data, (size_t)at[2]);
    buf_puts(&spliced, "junk");
    buf_add(&spliced, gz.data + at[2], gz.len - (size_t)at[2]);
    read_all(spliced.data, spliced.len, &got, &whys);
    EQ("junk between members", got.data, "u1 u2 ! u3");
    buf_reset(&want);
    buf_printf(&want, "after record 2: damaged gzip member at offset %lld (incorrect header check)\n", at[2]);
    EQ("says where", whys.data, want.data);

    /* The whole file as one member, cut: what came before is read. */
    buf_reset(&gz);
    compress_into(&gz, w.data, w.len, 31);
    read_all(gz.data, gz.len - 12, &got, &whys);
    EQ("one member cut at its end", got.data, "u1 u2 ! END");
    buf_reset(&want);
    buf_printf(&want, "record 3 at byte %zu of the gzip member at offset 0 (u3): truncated gzip member at offset 0\n", third);
    EQ("truncated", whys.data, want.data);
    buf_free(&want);
    buf_free(&spliced);
    buf_free(&w);
    buf_free(&got);
    buf_free(&whys);
    buf_free(&gz);
}

/* ---- HTTP payloads -------------------------------------------------------- */

static void test_http_head(void)
{
    warc_http h;
    warc_http_init(&h);
    const char *r = "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=\"GBK\"\r\nTransfer-Encoding: Chunked\r\n"
                    "Content-Encoding: GZIP\r\n\r\nbody";
    OK("a head", warc_http_head(r, strlen(r), &h) == 1);
    OK("status", h.status == 200);
    EQ("type", h.type.data, "text/html");
    EQ("charset", h.charset.data, "GBK");
    EQ("coding", h.coding.data, "gzip");
    OK("chunked", h.chunked);
    EQ("body", r + h.body, "body");
    r = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\nContent-Type: text/html\n\nx";
    OK("after 100 Continue", warc_http_head(r, strlen(r), &h) == 1 && h.status == 404);
    EQ("LF-only lines", r + h.body, "x");
    r = "HTTP/2 301\r\nLocation: /x\r\n\r\n";
    OK("HTTP/2 status", warc_http_head(r, strlen(r), &h) == 1 && h.status == 301 && !h.type.len);
    OK("not HTTP", warc_http_head("GET / HTTP/1.1\r\n\r\n", 18, &h) == 0);
    OK("head not ended", warc_http_head("HTTP/1.1 200 OK\r\nA: b\r\n", 23, &h) == -1);
    warc_http_free(&h);
}

static void test_http_body(void)
{
    buf_t out, why, z;
    buf_init(&out);
    buf_init(&why);
    buf_init(&z);
    const char *c = "4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n";
    OK("dechunk", warc_http_dechunk(c, strlen(c), &out, &why));
    EQ("joined", out.data, "Wikipedia in\r\n\r\nchunks.");
    buf_reset(&out);
    OK("not chunked after all: copied", warc_http_dechunk("<html>", 6, &out, &why));
    EQ("as is", out.data, "<html>");
    buf_reset(&out);
    OK("a chunk past the end", !warc_http_dechunk("ff\r\nabc", 7, &out, &why));
    EQ("says so", why.data, "chunked body: a chunk of 255 bytes at byte 4 runs past its end");

    compress_into(&z, PAGE, strlen(PAGE), 31);
    buf_reset(&out);
    OK("gzip", warc_http_decode("gzip", z.data, z.len, &out, &why));
    EQ("inflated", out.data, PAGE);
    buf_reset(&out);
    OK("gzip declared, stored inflated", warc_http_decode("x-gzip", PAGE, strlen(PAGE), &out, &why));
    EQ("copied", out.data, PAGE);
    buf_reset(&z);
    compress_into(&z, PAGE, strlen(PAGE), 15);
    buf_reset(&out);
    OK("deflate as zlib", warc_http_decode("deflate", z.data, z.len, &out, &why) && !strcmp(out.data, PAGE));
    buf_reset(&z);
    compress_into(&z, PAGE, strlen(PAGE), -15);
    buf_reset(&out);
    OK("deflate raw", warc_http_decode("deflate", z.data, z.len, &out, &why) && !strcmp(out.data, PAGE));
    buf_reset(&z);
    compress_into(&z, PAGE, strlen(PAGE), 31);
    buf_reset(&out);
    buf_reset(&why);
    OK("gzip cut short", !warc_http_decode("gzip", z.data, z.len - 10, &out, &why));
    EQ("says so", why.data, "Content-Encoding gzip: the body is cut short");
    buf_reset(&why);
    OK("br", !warc_http_decode("br", "x", 1, &out, &why));
    EQ("is not read", why.data, "Content-Encoding br is not read");

    OK("HTML with a doctype", warc_looks_html("\xef\xbb\xbf  <!DOCTYPE html><html>", 24));
    OK("HTML after a comment", warc_looks_html("<!-- x --><HTML>", 16));
    OK("not HTML", !warc_looks_html("{\"a\": 1}", 8));
    buf_free(&out);
    buf_free(&why);
    buf_free(&z);
}

/* ---- images and the capture interface ------------------------------------- */

/* A WARC with an image before the page, a page, a revisit, a 404, an image
 * after it, a CSS file and a resource page. */
static void sample_warc(buf_t *w)
{
    add_record(w, "WARC/1.1", "warcinfo", NULL, "application/warc-fields", "software: t\r\n", 13, 0);
    add_response(w, "http://s.example/img/before.png", "HTTP/1.1 200 OK\nContent-Type: image/png\n", PNG, sizeof PNG, 0);
    add_response(w, "http://s.example/news/a.html", "HTTP/1.1 200 OK\nContent-Type: text/html; charset=GBK\n",
                  PAGE, strlen(PAGE), 0);
    add_record(w, "WARC/1.1", "revisit", "http://s.example/news/a.html", "application/http", "", 0, 0);
    add_response(w, "http://s.example/gone.html", "HTTP/1.1 404 Not Found\nContent-Type: text/html\n", PAGE, strlen(PAGE), 0);
    add_response(w, "http://s.example/img/after", "HTTP/1.1 200 OK\nContent-Type: image/png\nTransfer-Encoding: chunked\n",
                 "10\r\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR\r\n0\r\n\r\n", 28, 0);
    add_response(w, "http://s.example/css/a.css", "HTTP/1.1 200 OK\nContent-Type: text/css\n", "p{}", 3, 0);
    add_response(w, "http://s.example/news/untyped", "HTTP/1.1 200 OK\n", PAGE, strlen(PAGE), 0);
    add_record(w, "WARC/1.0", "resource", "http://s.example/res.html", "text/html; charset=utf-8", PAGE, strlen(PAGE), 0);
    add_record(w, "WARC/1.1", "resource", "http://s.example/img/res.gif", "image/gif", "GIF89a", 6, 0);
}

static void test_index(void)
{
    buf_t w, bytes, type;
    buf_init(&w);
    buf_init(&bytes);
    buf_init(&type);
    sample_warc(&w);
    warc_index *ix = warc_index_open(NULL, w.data, w.len);
    warc_pos at;
    OK("an image after the page", warc_index_fetch(ix, "http://s.example/img/after", &bytes, &type));
    OK("dechunked", bytes.len == sizeof PNG && !memcmp(bytes.data, PNG, sizeof PNG));
    EQ("its type", type.data, "image/png");
    buf_reset(&bytes);
    buf_reset(&type);
    OK("an image before it", warc_index_fetch(ix, "http://s.example/img/before.png", &bytes, &type));
    OK("its bytes", bytes.len == sizeof PNG && !memcmp(bytes.data, PNG, sizeof PNG));
    buf_reset(&bytes);
    buf_reset(&type);
    OK("a resource image", warc_index_fetch(ix, "http://s.example/img/res.gif", &bytes, &type));
    EQ("its type", type.data, "image/gif");
    OK("a page is no image", !warc_index_find(ix, "http://s.example/news/a.html", &at));
    OK("a style sheet is one", warc_index_find(ix, "http://s.example/css/a.css", &at));
    OK("nor what is not there", !warc_index_find(ix, "http://s.example/img/none.png", &at));
    warc_index_close(ix);
    buf_free(&w);
    buf_free(&bytes);
    buf_free(&type);
}

/* Write P (N bytes) to a new temporary file; its path into PATH. */
static void temp_file(const void *p, size_t n, char *path)
{
    const char *dir = getenv("TMPDIR");
    sprintf(path, "%s/test_warc.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "wb");
    fwrite(p, 1, n, f);
    fclose(f);
}

static void test_capture(bool gzipped)
{
    buf_t w, gz, why, bytes, type;
    buf_init(&w);
    buf_init(&gz);
    buf_init(&why);
    buf_init(&bytes);
    buf_init(&type);
    sample_warc(&w);
    /* A record that does not hold together, between two pages. */
    add_response(&w, "http://s.example/bad.html", "HTTP/1.1 200 OK\nContent-Type: text/html\n", PAGE, strlen(PAGE), 7);
    add_response(&w, "http://s.example/last.html", "HTTP/1.1 200 OK\nContent-Type: text/html\n", PAGE, strlen(PAGE), 0);
    long long at[32];
    if (gzipped)
        gzip_records(&w, &gz, at, 32);
    const buf_t *file = gzipped ? &gz : &w;
    char path[4096];
    temp_file(file->data, file->len, path);
    capture *c = capture_open(path, &why);
    OK("opens", c != NULL);
    if (!c) {
        unlink(path);
        return;
    }
    OK("a WARC", capture_kind_get(c) == CAPTURE_WARC);
    capture_page p;
    OK("page 1", capture_next(c, &p, &why) == 1);
    EQ("its record", p.record, "http://s.example/news/a.html");
    EQ("its address", p.url, "http://s.example/news/a.html");
    EQ("the HTTP charset", p.charset, "GBK");
    OK("its bytes", p.len == strlen(PAGE) && !memcmp(p.data, PAGE, p.len));
    OK("an image by its absolute address", capture_resource(c, "../img/after", "http://s.example/img/after#x", &bytes, &type));
    OK("is the PNG", bytes.len == sizeof PNG);
    OK("a page of no type that looks like HTML", capture_next(c, &p, &why) == 1);
    EQ("is the untyped one", p.record, "http://s.example/news/untyped");
    OK("no charset then", p.charset == NULL);
    OK("a resource page", capture_next(c, &p, &why) == 1);
    EQ("its record", p.record, "http://s.example/res.html");
    EQ("its charset", p.charset, "utf-8");
    OK("a refused record", capture_next(c, &p, &why) == -1);
    OK("named with its cause", strstr(why.data, "(http://s.example/bad.html): Content-Length") != NULL);
    OK("then the last page", capture_next(c, &p, &why) == 1);
    EQ("found again", p.record, "http://s.example/last.html");
    OK("the end", capture_next(c, &p, &why) == 0);
    OK("stays the end", capture_next(c, &p, &why) == 0);
    capture_stats s;
    capture_stats_get(c, &s);
    OK("counts", s.pages == 4 && s.revisits == 1 && s.bad == 1);
    /* warcinfo, two images before the end, 404, CSS, GIF */
    OK("others", s.other == 6);
    capture_close(c);
    unlink(path);
    buf_free(&w);
    buf_free(&gz);
    buf_free(&why);
    buf_free(&bytes);
    buf_free(&type);
}

int main(void)
{
    test_input_plain();
    test_input_gzip_members();
    test_record_good();
    test_record_refused();
    test_record_recover();
    test_http_head();
    test_http_body();
    test_index();
    test_capture(false);
    test_capture(true);
    printf("test_capture_warc: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
