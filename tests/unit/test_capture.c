/* The capture layer's shared parts: which reader a file needs, the output
 * name a page gets, header blocks, and a container's charset against the
 * page's own. */
#include "capture/capture.h"
#include "charset/charset.h"
#include "capture/mime/mime_header.h"
#include "unit.h"

static void test_kind(void)
{
    const unsigned char gz[] = { 0x1f, 0x8b, 8, 0 };
    OK("gzip is a WARC", capture_kind_of("x.bin", gz, sizeof gz) == CAPTURE_WARC);
    OK("WARC/1.1", capture_kind_of(NULL, (const unsigned char *)"WARC/1.1\r\n", 10) == CAPTURE_WARC);
    OK("zip magic", capture_kind_of("pages.dat", (const unsigned char *)"PK\3\4", 4) == CAPTURE_ZIP);
    OK("empty zip magic", capture_kind_of(NULL, (const unsigned char *)"PK\5\6", 4) == CAPTURE_ZIP);
    OK("0-byte .zip by name", capture_kind_of("a.ZIP", NULL, 0) == CAPTURE_ZIP);
    OK("0-byte .warc.gz by name", capture_kind_of("a.warc.gz", NULL, 0) == CAPTURE_WARC);
    const char *mime = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
                       "Content-Type: multipart/related; type=\"text/html\"; boundary=\"--x\"\r\n";
    OK("MIME headers without extension", capture_kind_of("page", (const unsigned char *)mime, strlen(mime)) == CAPTURE_MHTML);
    OK(".mht by name", capture_kind_of("p.MHT", (const unsigned char *)"<html>", 6) == CAPTURE_MHTML);
    const char *html = "<html><head><title>multipart/related</title>";
    OK("markup first is HTML", capture_kind_of("p.html", (const unsigned char *)html, strlen(html)) == CAPTURE_HTML);
    OK("PK inside HTML is HTML", capture_kind_of("p.htm", (const unsigned char *)"<p>PK\3\4", 7) == CAPTURE_HTML);
}

#define NAME_IS(url, input, root, record, want) do { \
    capture_output_name((url), (input), (root), (record), &b); EQ(want, b.data, want); } while (0)

static void test_output_name(void)
{
    buf_t b;
    buf_init(&b);
    NAME_IS("http://www.Gov.cn/zhengce/2019-11/13/content_5451.htm", NULL, NULL, NULL,
            "www.gov.cn/zhengce/2019-11/13/content_5451");
    NAME_IS("https://a.b:8080/", NULL, NULL, NULL, "a.b/index");
    NAME_IS("https://a.b", NULL, NULL, NULL, "a.b/index");
    NAME_IS("https://user:pw@a.b/x/", NULL, NULL, NULL, "a.b/x/index");
    /* Dot segments are dropped, never followed: no name leaves OUTDIR. */
    NAME_IS("https://x.cn/a/../../b/./c.html#f", NULL, NULL, NULL, "x.cn/a/b/c");
    NAME_IS("https://x.cn/.git/config", NULL, NULL, NULL, "x.cn/_.git/config");
    /* Two queries on one path are two pages. */
    capture_output_name("https://x.cn/show.asp?id=1", NULL, NULL, NULL, &b);
    char first[128];
    snprintf(first, sizeof first, "%s", b.data);
    capture_output_name("https://x.cn/show.asp?id=2", NULL, NULL, NULL, &b);
    OK("queries differ", strcmp(first, b.data) != 0 && !strncmp(b.data, "x.cn/show_", 10));
    NAME_IS("https://x.cn/a b;c", NULL, NULL, NULL, "x.cn/a_b_c");
    NAME_IS("https://x.cn/新闻/通知.html", NULL, NULL, NULL, "x.cn/新闻/通知");
    /* An address's escapes that spell UTF-8 are read as a person reads them. */
    NAME_IS("https://zh.wikipedia.org/wiki/%E7%BB%B4%E5%9F%BA%E7%99%BE%E7%A7%91", NULL, NULL, NULL,
            "zh.wikipedia.org/wiki/维基百科");
    NAME_IS("https://x.cn/%e6%96%b0%e9%97%bb/a%20b.html", NULL, NULL, NULL, "x.cn/新闻/a_b");
    /* ...and only those: GBK bytes, a cut sequence or a control stay escaped */
    NAME_IS("https://x.cn/%D0%C2%CE%C5.html", NULL, NULL, NULL, "x.cn/_D0_C2_CE_C5");
    NAME_IS("https://x.cn/%E7%BB.html", NULL, NULL, NULL, "x.cn/_E7_BB");
    NAME_IS("https://x.cn/%E7%BB%B4%0A.html", NULL, NULL, NULL, "x.cn/_E7_BB_B4_0A");
    /* a decoded slash or dot segment is no way out of OUTDIR */
    NAME_IS("https://x.cn/a/%2E%2E/%2E%2E/b%2F..%2Fc.html", NULL, NULL, NULL, "x.cn/a/b_.._c");
    NAME_IS("https://x.cn/%2Egit/config", NULL, NULL, NULL, "x.cn/_.git/config");
    /* a file's own name is not an address: its % stays as it is written */
    NAME_IS(NULL, "/data/in/%E7%BB%B4.html", "/data/in", NULL, "_E7_BB_B4");
    /* No URL: the path under SRC. */
    NAME_IS(NULL, "/data/in/sub/p.html", "/data/in", NULL, "sub/p");
    NAME_IS(NULL, "/data/in/sub/p.html", "/data/in/", NULL, "sub/p");
    NAME_IS(NULL, "in/p.html", "in/p.html", NULL, "p");
    NAME_IS(NULL, "/data/in/p.zip", "/data/in", "news/b.htm", "p.zip/news/b");
    NAME_IS(NULL, "../x.html", NULL, NULL, "x");
    NAME_IS(NULL, "/abs/y.html", NULL, NULL, "abs/y");
    NAME_IS("mailto:a@b", NULL, NULL, NULL, "stdin");
    NAME_IS("http:///nohost", "p.html", NULL, NULL, "p");
    buf_free(&b);
}

static void test_header(void)
{
    const char *h = "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=\"GBK\"\r\n"
                    "X-Empty:\r\n\r\nContent-Type: body/text";
    buf_t v, p;
    buf_init(&v);
    buf_init(&p);
    OK("block ends after the empty line", mime_header_end(h, strlen(h)) == strlen(h) - strlen("Content-Type: body/text"));
    OK("no end without the empty line", mime_header_end("A: b\r\nC: d\r\n", 12) == 0);
    OK("LF-only block", mime_header_end("A: b\n\nrest", 10) == 6);
    OK("an empty block", mime_header_end("\r\nbody\r\n\r\n", 12) == 2);
    OK("an empty LF block", mime_header_end("\nbody\n\n", 8) == 1);
    OK("header found", mime_header_get(h, strlen(h), "content-type", &v));
    EQ("folded value unfolded", v.data, "text/html; charset=\"GBK\"");
    OK("charset param", mime_param(v.data, "CHARSET", &p));
    EQ("unquoted", p.data, "GBK");
    mime_type(v.data, &p);
    EQ("media type", p.data, "text/html");
    OK("empty value", mime_header_get(h, strlen(h), "x-empty", &v) && v.len == 0);
    OK("the body is not a header", !mime_header_get(h, strlen(h), "content-type ", &v));
    OK("quoted ; in another param", mime_param("multipart/related; type=\"a;b\"; boundary=----=_Next", "boundary", &p));
    EQ("boundary", p.data, "----=_Next");
    OK("missing param", !mime_param("text/html", "charset", &p));
    OK("param name is whole", !mime_param("text/html; xcharset=a", "charset", &p));
    buf_free(&v);
    buf_free(&p);
}

static void test_declared_charset(void)
{
    const char *page = "<meta charset=utf-8><p>\xCD\xA8\xD6\xAA\xA3\xBA\xB9\xD8\xD3\xDA</p>";
    charset_how how;
    const char *cs = charset_sniff_declared((const unsigned char *)page, strlen(page), "gbk", &how);
    EQ("HTTP's GBK wins over the meta", cs, "GB18030");
    OK("...by the caller", how == CHARSET_BY_CALLER);
    const char *utf8 = "<meta charset=gbk><p>\xE9\x80\x9A\xE7\x9F\xA5\xEF\xBC\x9A\xE5\x85\xB3\xE4\xBA\x8E</p>";
    cs = charset_sniff_declared((const unsigned char *)utf8, strlen(utf8), "ISO-8859-1", &how);
    EQ("a server's latin-1 default gives way", cs, "UTF-8");
    cs = charset_sniff_declared((const unsigned char *)utf8, strlen(utf8), "no-such-label", &how);
    EQ("an unknown label is ignored", cs, "UTF-8");
    cs = charset_sniff_declared((const unsigned char *)"\xEF\xBB\xBFok", 5, "gbk", &how);
    OK("a BOM wins over the header", !strcmp(cs, "UTF-8") && how == CHARSET_BY_BOM);
    cs = charset_sniff_declared((const unsigned char *)utf8, strlen(utf8), NULL, &how);
    EQ("no label: the page's own", cs, "UTF-8");
}

int main(void)
{
    test_kind();
    test_output_name();
    test_header();
    test_declared_charset();
    printf("capture: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
