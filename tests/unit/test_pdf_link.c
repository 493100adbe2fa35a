/* Unit tests for the hrefs folio-pdf turns into link annotations and the
 * way their URIs reach cairo. */
#include "pdf/pdf_link.h"

#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

/* pdf_link_uri's output for HREF, or "(refused)". */
static char *uri_of(const char *href)
{
    buf_t b;
    buf_init(&b);
    if (!pdf_link_uri(href, &b)) {
        buf_free(&b);
        buf_puts(&b, "(refused)");
    }
    return buf_detach(&b);
}

static void check_uri(int line, const char *href, const char *want)
{
    char *got = uri_of(href);
    check(strcmp(got, want) == 0, line, href ? href : "(null)", got, want);
    free(got);
}

#define URI(href, want) check_uri(__LINE__, href, want)

static void test_uri(void)
{
    URI("http://slj.liaocheng.gov.cn/a.pdf", "http://slj.liaocheng.gov.cn/a.pdf");
    URI("https://example.org/?a=1&b=(2)", "https://example.org/?a=1&b=(2)");
    URI("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/");
    URI("ftp://ftp.example.org/x", "ftp://ftp.example.org/x");
    URI("mailto:slj_szy@lc.shandong.cn", "mailto:slj_szy@lc.shandong.cn");
    URI("  http://a.cn/x \n", "http://a.cn/x");                        /* white space around */
    URI("http://a.cn/附件 1.doc", "http://a.cn/%E9%99%84%E4%BB%B6%201.doc");   /* 7-bit */
    URI("http://a.cn/%E9%99%84", "http://a.cn/%E9%99%84");             /* already encoded */
    URI("http://a.cn/\x7f", "http://a.cn/%7F");
    /* nowhere to go, or not safe to hand to a reader */
    URI("/xxgk/a.pdf", "(refused)");
    URI("./a.doc", "(refused)");
    URI("#top", "(refused)");
    URI("javascript:window.print()", "(refused)");
    URI("file:///etc/passwd", "(refused)");
    URI("data:text/html,x", "(refused)");
    URI("http://", "(refused)");
    URI("", "(refused)");
    URI(NULL, "(refused)");
}

static void test_attributes(void)
{
    buf_t b;
    buf_init(&b);
    const double one[] = { 10, 20.5, 100, 12.25 };
    pdf_link_attributes("http://a.cn/x", one, 1, &b);
    EQ("one rectangle", b.data, "uri='http://a.cn/x' rect=[10.00 20.50 100.00 12.25]");
    buf_reset(&b);
    const double two[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    pdf_link_attributes("http://a.cn/it's\\", two, 2, &b);
    EQ("quote and backslash escaped, two rectangles", b.data,
       "uri='http://a.cn/it\\'s\\\\' rect=[1.00 2.00 3.00 4.00 5.00 6.00 7.00 8.00]");
    buf_free(&b);
}

int main(void)
{
    test_uri();
    test_attributes();
    printf("test_pdf_link: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
