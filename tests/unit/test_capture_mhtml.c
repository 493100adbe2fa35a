/* Unit tests for the MHTML reader: the fixtures in tests/captures/mhtml as
 * browsers save pages, and small messages written here for each rule. */
#include "capture/capture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

static char tmp_dir[256];

/* A fixture's path: tests/captures/mhtml beside this file's tests/unit. */
static const char *fixture(const char *name)
{
    static char path[1024];
    const char *here = __FILE__, *unit = strstr(here, "tests/unit/");
    int top = unit ? (int)(unit - here) : 0;
    snprintf(path, sizeof path, "%.*stests/captures/mhtml/%s", top, here, name);
    return path;
}

/* TEXT written to NAME in the scratch folder; its path. */
static const char *scratch(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static bool has(const capture_page *p, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; p->data && i + n <= p->len; i++)
        if (!memcmp(p->data + i, s, n))
            return true;
    return false;
}

/* The capture's image for SRC (ABS may be NULL): its type, or NULL. */
static char *image(capture *c, const char *src, const char *abs, buf_t *bytes)
{
    buf_t type;
    buf_init(&type);
    buf_reset(bytes);
    if (!capture_resource(c, src, abs, bytes, &type)) {
        buf_free(&type);
        return NULL;
    }
    return buf_detach(&type);
}

static bool is_png(const buf_t *b)
{
    return b->len > 8 && !memcmp(b->data, "\x89PNG\r\n\x1a\n", 8);
}

/* Open PATH and expect it refused with WANT. */
static void check_refused(int line, const char *path, const char *want)
{
    buf_t why;
    buf_init(&why);
    capture *c = capture_open(path, &why);
    check(c == NULL, line, "refused", NULL, NULL);
    check(why.data && strcmp(why.data, want) == 0, line, path, why.data, want);
    capture_close(c);
    buf_free(&why);
}
#define REFUSED(path, want) check_refused(__LINE__, path, want)

/* Open PATH, which must be MHTML, and take its page. */
static capture *open_page(int line, const char *path, capture_page *p)
{
    buf_t why;
    buf_init(&why);
    capture *c = capture_open(path, &why);
    check(c != NULL, line, "opened", why.data, "");
    buf_free(&why);
    if (!c)
        return NULL;
    check(capture_kind_get(c) == CAPTURE_MHTML, line, "kind is MHTML", NULL, NULL);
    buf_t w;
    buf_init(&w);
    check(capture_next(c, p, &w) == 1, line, "a page", w.data, NULL);
    buf_free(&w);
    return c;
}
#define OPEN_PAGE(path, p) open_page(__LINE__, path, p)

static void test_gbk_quoted_printable(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(fixture("gbk-quoted-printable.mht"), &p);
    if (!c)
        return;
    CHECK(p.record == NULL);
    EQ("the page's address", p.url, "http://www.example.gov.cn/lyj/2024/0312/zhishu.html");
    EQ("the page's charset", p.charset, "gbk");
    OK("GBK bytes decoded from =XX", has(&p, "<h1>\xC7\xE0\xB4\xA8\xCF\xD8"));   /* 青川县 */
    OK("a soft break joins a tag", has(&p, "<a href=\"/xwdt/\">"));
    OK("=3D decoded", has(&p, "content=\"text/html; charset=utf-8\""));
    OK("no soft break left", !has(&p, "=\r\n"));
    OK("ends at the part's end", p.len > 9 && !memcmp(p.data + p.len - 9, "</html>\r\n", 9));

    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "images/tree.png", "http://www.example.gov.cn/lyj/2024/0312/images/tree.png", &bytes);
    CHECK_STR(t, "image/png");
    OK("the PNG decoded from base64", is_png(&bytes) && bytes.len == 92);
    free(t);
    /* Without the absolute address, the src as written against the page's. */
    t = image(c, "images/tree.png", NULL, &bytes);
    CHECK_STR(t, "image/png");
    free(t);
    t = image(c, "./images/../images/tree.png#top", NULL, &bytes);
    CHECK_STR(t, "image/png");
    free(t);
    CHECK(image(c, "images/none.png", "http://www.example.gov.cn/lyj/2024/0312/images/none.png", &bytes) == NULL);
    CHECK(image(c, "tree.png", NULL, &bytes) == NULL);
    CHECK(image(c, "cid:tree", NULL, &bytes) == NULL);

    buf_t why;
    buf_init(&why);
    CHECK(capture_next(c, &p, &why) == 0);
    capture_stats s;
    capture_stats_get(c, &s);
    CHECK(s.pages == 1 && s.other == 1 && s.bad == 0);
    buf_free(&why);
    buf_free(&bytes);
    capture_close(c);
}

static void test_chrome(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(fixture("chrome-snapshot.mhtml"), &p);
    if (!c)
        return;
    EQ("the page's address", p.url, "https://www.example.gov.cn/tsg/2024/0520/notice.html");
    CHECK(p.charset == NULL);
    OK("UTF-8 text", has(&p, "<h1>市图书馆延长周末开放时间</h1>"));
    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "images/reading-room.png", "https://www.example.gov.cn/tsg/2024/0520/images/reading-room.png", &bytes);
    CHECK_STR(t, "image/png");
    OK("PNG", is_png(&bytes));
    free(t);
    /* A part named by a cid: Content-Location is found by that name. */
    t = image(c, "cid:css-5a1f0e7c-3b2d-4c1e-9a8b-0d6e2f4c7b91@mhtml.blink", NULL, &bytes);
    CHECK_STR(t, "text/css");
    OK("the stylesheet", strstr(bytes.data ? bytes.data : "", "#zoom") != NULL);
    free(t);
    capture_stats s;
    buf_t why;
    buf_init(&why);
    CHECK(capture_next(c, &p, &why) == 0);
    capture_stats_get(c, &s);
    CHECK(s.pages == 1 && s.other == 2);
    buf_free(&why);
    buf_free(&bytes);
    capture_close(c);
}

static void test_ie_nextpart(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(fixture("ie-nextpart.mht"), &p);
    if (!c)
        return;
    EQ("the page's address", p.url, "http://www.example.gov.cn/slj/tzgg/202406/t20240603_1001.html");
    EQ("the page's charset", p.charset, "gb2312");   /* from a folded Content-Type */
    OK("GB2312 text", has(&p, "<TITLE>\xB9\xD8\xD3\xDA"));   /* 关于 */
    OK("no preamble", !has(&p, "multi-part message"));
    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "cid:duty.gif@01DAB5C3.7E2F1A40", NULL, &bytes);
    CHECK_STR(t, "image/gif");
    OK("GIF", bytes.len == 43 && !memcmp(bytes.data, "GIF89a", 6));
    free(t);
    /* A cid: URL may escape what the Content-ID holds as is. */
    t = image(c, "cid:duty.gif%4001DAB5C3.7E2F1A40", NULL, &bytes);
    CHECK_STR(t, "image/gif");
    free(t);
    CHECK(image(c, "cid:duty.gif", NULL, &bytes) == NULL);
    CHECK(image(c, "cid:", NULL, &bytes) == NULL);
    buf_free(&bytes);
    capture_close(c);
}

static void test_refused(void)
{
    REFUSED(fixture("no-boundary.mht"),
            "MHTML without its boundary (its Content-Type has no boundary parameter)");
    REFUSED(fixture("boundary-not-found.mht"), "MHTML: boundary \"----=_NextPart_999_9999\" not found");
    REFUSED(scratch("empty-boundary.mht", "Content-Type: multipart/related; boundary=\"\"\n\n--\n\n<p>x</p>\n"),
            "MHTML without its boundary (its Content-Type has no boundary parameter)");
    REFUSED(scratch("no-html.mht",
                    "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b1\r\n\r\n"
                    "--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
                    "--b1\r\nContent-Type: text/plain\r\n\r\n<p>not HTML by its type</p>\r\n--b1--\r\n"),
            "MHTML holds no HTML part");
    REFUSED(scratch("empty.mht", ""), "empty input");
    REFUSED(scratch("only-headers.mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b1\r\n"),
            "MHTML: no empty line ends its header");
    /* The only boundary is one that closes: no parts, so no page. */
    REFUSED(scratch("closed-at-once.mht", "Content-Type: multipart/related; boundary=b1\n\n--b1--\n"),
            "MHTML holds no HTML part");
}

/* start= names the root by its Content-ID, wherever it stands. */
static void test_start_parameter(void)
{
    const char *msg =
        "Content-Type: multipart/related; type=\"text/html\"; start=\"<root@x>\"; boundary=\"=_b\"\n\n"
        "--=_b\nContent-Type: text/html; charset=utf-8\nContent-ID: <frame@x>\n\n<p>a frame</p>\n"
        "--=_b\nContent-Type: text/html; charset=\"GB18030\"\nContent-ID: <root@x>\n"
        "Content-Location: http://a.cn/root.html\n\n<p>the root</p>\n"
        "--=_b--\n";
    capture_page p;
    capture *c = OPEN_PAGE(scratch("start.mht", msg), &p);
    if (!c)
        return;
    OK("the root", has(&p, "the root") && !has(&p, "a frame"));
    EQ("the page's charset", p.charset, "GB18030");
    EQ("the page's address", p.url, "http://a.cn/root.html");
    capture_close(c);

    /* A start= that names no HTML part: the first HTML part. */
    c = OPEN_PAGE(scratch("start-missing.mht",
                          "Content-Type: multipart/related; start=<nowhere@x>; boundary=b\n\n"
                          "--b\nContent-Type: text/css\n\np{}\n--b\nContent-Type: TEXT/HTML\n\n<p>first html</p>\n--b--\n"),
                  &p);
    if (c) {
        OK("first HTML part", has(&p, "first html"));
        capture_close(c);
    }
    /* type= may say XHTML. */
    c = OPEN_PAGE(scratch("xhtml.mht",
                          "Content-Type: multipart/related; type=\"application/xhtml+xml\"; boundary=b\n\n"
                          "--b\nContent-Type: text/html\n\n<p>html</p>\n"
                          "--b\nContent-Type: application/xhtml+xml\n\n<p>xhtml</p>\n--b--\n"),
                  &p);
    if (c) {
        OK("the XHTML part", has(&p, "<p>xhtml</p>"));
        capture_close(c);
    }
}

/* A message cut short is read as far as it goes. */
static void test_truncated(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(scratch("cut.mht",
                                   "Content-Type: multipart/related; boundary=b\r\n\r\n"
                                   "--b\r\nContent-Type: image/png\r\nContent-Location: http://a.cn/a.png\r\n"
                                   "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkp\r\n"
                                   "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                                   "<p>cut sh=\r\nort</p><p>and th"),
                           &p);
    if (!c)
        return;
    OK("the page up to the cut", p.len == 25 && !memcmp(p.data, "<p>cut short</p><p>and th", 25));
    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "a.png", "http://a.cn/a.png", &bytes);
    CHECK_STR(t, "image/png");
    free(t);
    buf_free(&bytes);
    capture_close(c);

    /* Cut within the page's escape and within its headers' last line. */
    c = OPEN_PAGE(scratch("cut-escape.mht", "Content-Type: multipart/related; boundary=b\n\n"
                                            "--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>x=E"),
                  &p);
    if (c) {
        OK("a cut escape kept as it is", p.len == 6 && !memcmp(p.data, "<p>x=E", 6));
        capture_close(c);
    }
    REFUSED(scratch("cut-headers.mht", "Content-Type: multipart/related; boundary=b\n\n"
                                       "--b\nContent-Type: image/png\n\nxx\n--b\nContent-Type: text/ht"),
            "MHTML holds no HTML part");
}

/* A multipart/related inside a multipart/alternative, as mail clients nest. */
static void test_nested(void)
{
    const char *msg =
        "Content-Type: multipart/alternative; boundary=outer\n\n"
        "--outer\nContent-Type: text/plain\n\nplain version\n"
        "--outer\nContent-Type: multipart/related; boundary=inner\n\n"
        "--inner\nContent-Type: text/html\n\n<p>nested page</p><img src=\"cid:pic@x\">\n"
        "--inner\nContent-Type: image/gif\nContent-ID: <pic@x>\nContent-Transfer-Encoding: base64\n\n"
        "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==\n"
        "--inner--\n--outer--\n";
    capture_page p;
    capture *c = OPEN_PAGE(scratch("nested.mht", msg), &p);
    if (!c)
        return;
    OK("the nested page", has(&p, "<p>nested page</p>"));
    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "cid:pic@x", NULL, &bytes);
    CHECK_STR(t, "image/gif");
    free(t);
    capture_stats s;
    buf_t why;
    buf_init(&why);
    CHECK(capture_next(c, &p, &why) == 0);
    capture_stats_get(c, &s);
    CHECK(s.pages == 1 && s.other == 2);
    buf_free(&why);
    buf_free(&bytes);
    capture_close(c);
}

/* Word saves the document at file:///C:/…: its parts are found, but that is
 * no address for the article. Chrome names a frame "cid:…": the message's
 * Snapshot-Content-Location is the page's address then. */
static void test_locations(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(scratch("word.mht",
                                   "MIME-Version: 1.0\r\nX-Document-Type: Worksheet\r\n"
                                   "Content-Type: multipart/related; boundary=\"----=_NextPart_01DA0000.11112222\"\r\n\r\n"
                                   "------=_NextPart_01DA0000.11112222\r\nContent-Location: file:///C:/D8A1B2C3/doc.htm\r\n"
                                   "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
                                   "<img src=3D\"doc.files/image001.png\">\r\n"
                                   "------=_NextPart_01DA0000.11112222\r\nContent-Location: file:///C:/D8A1B2C3/doc.files/image001.png\r\n"
                                   "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\n"
                                   "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkp\r\n"
                                   "------=_NextPart_01DA0000.11112222--\r\n"),
                           &p);
    if (c) {
        CHECK(p.url == NULL);
        buf_t bytes;
        buf_init(&bytes);
        char *t = image(c, "doc.files/image001.png", NULL, &bytes);
        CHECK_STR(t, "image/png");
        free(t);
        buf_free(&bytes);
        capture_close(c);
    }
    c = OPEN_PAGE(scratch("frame.mhtml",
                          "From: <Saved by Blink>\nSnapshot-Content-Location: https://a.cn/news/1.html\n"
                          "Content-Type: multipart/related;\n\ttype=\"text/html\";\n\tboundary=\"----MultipartBoundary--x----\"\n\n\n"
                          "------MultipartBoundary--x----\nContent-Type: text/html\nContent-ID: <frame-1@mhtml.blink>\n"
                          "Content-Location: cid:frame-1@mhtml.blink\n\n<p>frame</p>\n"
                          "------MultipartBoundary--x----\nContent-Type: image/png\n"
                          "Content-Location: https://a.cn/news/%E5%9B%BE%20one.png\nContent-Transfer-Encoding: base64\n\n"
                          "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkp\n"
                          "------MultipartBoundary--x------\n"),
                  &p);
    if (c) {
        EQ("the page's address", p.url, "https://a.cn/news/1.html");
        buf_t bytes;
        buf_init(&bytes);
        /* The page writes the address raw where the message escapes it. */
        char *t = image(c, "图 one.png", "https://a.cn/news/图 one.png", &bytes);
        CHECK_STR(t, "image/png");
        free(t);
        t = image(c, "https://a.cn/news/%e5%9b%be%20one.png", NULL, &bytes);
        CHECK_STR(t, "image/png");
        free(t);
        CHECK(image(c, "https://a.cn/news/%E5%9B%BE.png", NULL, &bytes) == NULL);
        buf_free(&bytes);
        capture_close(c);
    }
    /* Relative Content-Locations are relative to the page. */
    c = OPEN_PAGE(scratch("relative.mht",
                          "Content-Type: multipart/related; boundary=b\n\n"
                          "--b\nContent-Type: text/html\nContent-Location: http://a.cn/dir/page.html\n\n<p>p</p>\n"
                          "--b\nContent-Type: image/png\nContent-Location: img/x.png\nContent-Transfer-Encoding: base64\n\n"
                          "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkp\n--b--\n"),
                  &p);
    if (c) {
        buf_t bytes;
        buf_init(&bytes);
        char *t = image(c, "/dir/img/x.png", "http://a.cn/dir/img/x.png", &bytes);
        CHECK_STR(t, "image/png");
        free(t);
        CHECK(image(c, "/img/x.png", "http://a.cn/img/x.png", &bytes) == NULL);
        buf_free(&bytes);
        capture_close(c);
    }
}

/* One-part messages, and a page under an .mht name that is plain HTML. */
static void test_single(void)
{
    capture_page p;
    capture *c = OPEN_PAGE(scratch("single.mht",
                                   "Subject: one part\r\nContent-Type: text/html; charset=big5\r\n"
                                   "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://a.tw/x.html\r\n\r\n"
                                   "<p>=A4=A4</p>\r\n"),
                           &p);
    if (c) {
        EQ("the page's charset", p.charset, "big5");
        EQ("the page's address", p.url, "http://a.tw/x.html");
        OK("decoded", p.len == 11 && !memcmp(p.data, "<p>\xA4\xA4</p>\r\n", 11));
        capture_close(c);
    }
    buf_t why;
    buf_init(&why);
    c = capture_open(scratch("markup.mht", "\xEF\xBB\xBF\r\n<html><p>=A4 as is</p></html>"), &why);
    CHECK(c != NULL);
    if (c) {
        CHECK(capture_next(c, &p, &why) == 1);
        OK("as it is", has(&p, "=A4 as is"));
        CHECK(p.url == NULL && p.charset == NULL);
        capture_close(c);
    }
    buf_free(&why);
}

/* From standard input the message is known by its content. */
static void test_stdin(void)
{
    if (!freopen(fixture("chrome-snapshot.mhtml"), "rb", stdin)) {
        OK("stdin reopened", false);
        return;
    }
    capture_page p;
    capture *c = OPEN_PAGE("-", &p);
    if (!c)
        return;
    EQ("the page's address", p.url, "https://www.example.gov.cn/tsg/2024/0520/notice.html");
    OK("UTF-8 text", has(&p, "市图书馆"));
    buf_t bytes;
    buf_init(&bytes);
    char *t = image(c, "images/reading-room.png", NULL, &bytes);
    CHECK_STR(t, "image/png");
    free(t);
    buf_free(&bytes);
    capture_close(c);
}

int main(void)
{
    snprintf(tmp_dir, sizeof tmp_dir, "%s/folio-mhtml.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp_dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_gbk_quoted_printable();
    test_chrome();
    test_ie_nextpart();
    test_refused();
    test_start_parameter();
    test_truncated();
    test_nested();
    test_locations();
    test_single();
    test_stdin();
    static const char *const names[] = {
        "empty-boundary.mht", "no-html.mht", "empty.mht", "only-headers.mht", "closed-at-once.mht",
        "start.mht", "start-missing.mht", "xhtml.mht", "cut.mht", "cut-escape.mht", "cut-headers.mht",
        "nested.mht", "word.mht", "frame.mhtml", "relative.mht", "single.mht", "markup.mht",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", tmp_dir, names[i]);
        unlink(path);
    }
    rmdir(tmp_dir);
    printf("test_capture_mhtml: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
