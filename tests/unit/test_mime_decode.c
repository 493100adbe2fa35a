/* Unit tests for the MIME transfer encodings and the multipart splitter:
 * what mail readers and browsers accept, and nothing read past the end. */
#include "capture/mime/mime_decode.h"
#include "capture/mime/mime_header.h"
#include "util/base64.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* S decoded as quoted-printable, as a string (no NUL inside in these tests). */
static char *qp(const char *s)
{
    buf_t out;
    buf_init(&out);
    mime_decode_qp(s, strlen(s), &out);
    return buf_detach(&out);
}

static void check_qp(int line, const char *in, const char *want)
{
    char *got = qp(in);
    check(strcmp(got, want) == 0, line, in, got, want);
    free(got);
}
#define QP(in, want) check_qp(__LINE__, in, want)

static void test_qp(void)
{
    QP("plain text", "plain text");
    QP("", "");
    QP("a=3Db", "a=b");
    QP("=E4=B8=AD=E6=96=87", "中文");
    QP("=e4=b8=ad=e6=96=87", "中文");                 /* lowercase hex */
    QP("=E4=b8=Ad", "\xE4\xB8\xAD");                  /* mixed case */
    /* Soft line breaks join lines, CRLF or bare LF. */
    QP("long li=\r\nne", "long line");
    QP("long li=\nne", "long line");
    QP("=E4=B8=\r\n=AD", "中");                        /* a character cut over two lines */
    QP("tail=", "tail");                               /* a soft break at the very end */
    QP("tail=\r\n", "tail");
    QP("pad=  \r\nded", "padded");                     /* blanks a relay added after "=" */
    /* Hard line breaks stay; the blanks before them were added in transport. */
    QP("one\r\ntwo", "one\r\ntwo");
    QP("one   \r\ntwo\t\nthree  ", "one\r\ntwo\nthree");
    QP("inner  blanks stay", "inner  blanks stay");
    /* What is not an escape stays as it is. */
    QP("a=ZZb", "a=ZZb");
    QP("a=4", "a=4");
    QP("a=4g", "a=4g");
    QP("100% = all", "100% = all");
    QP("x=\ry", "x=\ry");                              /* a lone CR is no line break */
    QP("=", "");
    /* A byte that is NUL when decoded is kept, length and all. */
    buf_t out;
    buf_init(&out);
    mime_decode_qp("a=00b", 5, &out);
    CHECK(out.len == 3 && out.data[0] == 'a' && out.data[1] == '\0' && out.data[2] == 'b');
    /* Only N bytes are read: the "=4" cut off before its second digit. */
    buf_reset(&out);
    mime_decode_qp("ab=41", 4, &out);
    EQ("an escape cut by the end", out.data, "ab=4");
    buf_free(&out);
}

static void check_body(int line, const char *enc, const char *in, const char *want)
{
    buf_t out;
    buf_init(&out);
    mime_decode_body(enc, in, strlen(in), &out);
    check(strcmp(out.data, want) == 0, line, enc ? enc : "(none)", out.data, want);
    buf_free(&out);
}
#define BODY(enc, in, want) check_body(__LINE__, enc, in, want)

static void test_body(void)
{
    BODY("quoted-printable", "a=3Db", "a=b");
    BODY("Quoted-Printable", "a=3Db", "a=b");
    BODY(" BASE64 ", "YWJj", "abc");
    BODY("base64; x", "YWJj", "abc");
    BODY("7bit", "a=3Db", "a=3Db");
    BODY("8bit", "中文", "中文");
    BODY("binary", "YWJj", "YWJj");
    BODY("x-unknown", "YWJj", "YWJj");
    BODY(NULL, "a=3Db", "a=3Db");
    BODY("base64x", "YWJj", "YWJj");           /* a word that only begins so */
}

/* The parts of MSG split at BOUNDARY, each as "[headers|body]", joined. */
static char *parts_of(const char *msg, const char *boundary, int *delimiters, bool *closed)
{
    mime_multipart m;
    mime_part p;
    buf_t out;
    buf_init(&out);
    buf_puts(&out, "");
    mime_multipart_start(&m, msg, strlen(msg), boundary);
    while (mime_multipart_next(&m, &p)) {
        CHECK(p.head >= msg && p.head + p.head_len <= msg + strlen(msg));
        CHECK(p.body >= msg && p.body + p.body_len <= msg + strlen(msg));
        buf_putc(&out, '[');
        buf_add(&out, p.head, p.head_len);
        buf_putc(&out, '|');
        buf_add(&out, p.body, p.body_len);
        buf_putc(&out, ']');
    }
    if (delimiters)
        *delimiters = m.delimiters;
    if (closed)
        *closed = m.closed;
    return buf_detach(&out);
}

static void check_parts(int line, const char *msg, const char *boundary, const char *want,
                        int want_delims, bool want_closed)
{
    int delims;
    bool closed;
    char *got = parts_of(msg, boundary, &delims, &closed);
    check(strcmp(got, want) == 0, line, msg, got, want);
    check(delims == want_delims, line, "delimiters counted", NULL, NULL);
    check(closed == want_closed, line, "closing delimiter seen", NULL, NULL);
    free(got);
}
#define PARTS(msg, b, want, delims, closed) check_parts(__LINE__, msg, b, want, delims, closed)

static void test_multipart(void)
{
    /* Two parts, CRLF, a preamble and an epilogue that are not parts. */
    PARTS("This is a multi-part message.\r\n\r\n--B\r\nA: 1\r\n\r\none\r\n--B\r\nA: 2\r\n\r\ntwo\r\n--B--\r\nepilogue\r\n",
          "B", "[A: 1\r\n\r\n|one][A: 2\r\n\r\n|two]", 3, true);
    /* Bare LF, and a body whose own line breaks stay. */
    PARTS("--B\nA: 1\n\nline 1\nline 2\n\n--B--\n", "B", "[A: 1\n\n|line 1\nline 2\n]", 2, true);
    /* A part without headers starts with its empty line. */
    PARTS("--B\r\n\r\nbare\r\n--B--", "B", "[|bare]", 2, true);
    PARTS("--B\n\nbare\n--B--", "B", "[|bare]", 2, true);
    /* Blanks after a boundary are transport padding. */
    PARTS("--B  \r\nA: 1\r\n\r\nx\r\n--B--\t\r\n", "B", "[A: 1\r\n\r\n|x]", 2, true);
    /* "--B" inside a line, or a longer boundary that starts like it, is body. */
    PARTS("--B\nA: 1\n\nsee --B here\n--Bigger\n--B--\n", "B", "[A: 1\n\n|see --B here\n--Bigger]", 2, true);
    /* Boundaries as browsers write them, dashes, "=" and all. */
    PARTS("------=_NextPart_000_0000_01D2\r\nA: 1\r\n\r\nx\r\n------=_NextPart_000_0000_01D2--\r\n",
          "----=_NextPart_000_0000_01D2", "[A: 1\r\n\r\n|x]", 2, true);
    /* Cut short: the last part runs to the end; a part with headers but no
     * body yet has an empty body; nothing after the last boundary, no part. */
    PARTS("--B\nA: 1\n\none\n--B\nA: 2\n\ntw", "B", "[A: 1\n\n|one][A: 2\n\n|tw]", 2, false);
    PARTS("--B\nA: 1\n\none\n--B\nA: 2\nB: 3", "B", "[A: 1\n\n|one][A: 2\nB: 3|]", 2, false);
    PARTS("--B\nA: 1\n\none\n--B\n", "B", "[A: 1\n\n|one]", 2, false);
    PARTS("--B\nA: 1\n\none\n--B", "B", "[A: 1\n\n|one]", 2, false);
    /* No boundary at all: no parts, none counted. */
    PARTS("A: 1\n\nno boundary here\n", "B", "", 0, false);
    PARTS("", "B", "", 0, false);
    /* Only a closing boundary. */
    PARTS("--B--\n", "B", "", 1, true);
    /* An empty part between two boundaries. */
    PARTS("--B\n--B\nA: 1\n\nx\n--B--", "B", "[|][A: 1\n\n|x]", 3, true);

    /* The headers of a part read back with mime_header_get. */
    const char *msg = "--B\r\nContent-Type: image/png\r\nContent-Location:\r\n http://a.cn/x.png\r\n\r\nBODY\r\n--B--\r\n";
    mime_multipart m;
    mime_part p;
    buf_t v;
    buf_init(&v);
    mime_multipart_start(&m, msg, strlen(msg), "B");
    CHECK(mime_multipart_next(&m, &p));
    CHECK(mime_header_get(p.head, p.head_len, "content-type", &v));
    CHECK_STR(v.data, "image/png");
    CHECK(mime_header_get(p.head, p.head_len, "Content-Location", &v));
    CHECK_STR(v.data, "http://a.cn/x.png");
    CHECK(p.body_len == 4 && !memcmp(p.body, "BODY", 4));
    CHECK(!mime_multipart_next(&m, &p));
    CHECK(!mime_multipart_next(&m, &p));   /* and stays at the end */
    buf_free(&v);
}

/* Every prefix of a message is split without reading past it (run under
 * the sanitizers, a read past the end is caught). */
static void test_every_prefix(void)
{
    const char *msg = "pre\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                      "<p>=E4=B8=AD=\r\n=E6=96=87</p>\r\n--B\r\nContent-Transfer-Encoding: base64\r\n\r\nYWJj\r\nZA==\r\n--B--\r\n";
    size_t n = strlen(msg);
    int parts_seen = 0;
    for (size_t len = 0; len <= n; len++) {
        char *copy = malloc(len ? len : 1);
        memcpy(copy, msg, len);
        mime_multipart m;
        mime_part p;
        mime_multipart_start(&m, copy, len, "B");
        int k = 0;
        while (mime_multipart_next(&m, &p) && k < 10) {
            buf_t out;
            buf_init(&out);
            mime_decode_qp(p.body, p.body_len, &out);
            base64_decode(p.body, p.body_len, &out);
            buf_free(&out);
            k++;
        }
        if (len == n)
            parts_seen = k;
        free(copy);
    }
    CHECK(parts_seen == 2);
}

int main(void)
{
    test_qp();
    test_body();
    test_multipart();
    test_every_prefix();
    printf("test_mime_decode: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
