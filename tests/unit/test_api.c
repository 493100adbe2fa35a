/* Unit tests for libfolio's public interface (include/folio/): each stage
 * through its wrapper gives what the tools give for the same input, and
 * failures come back as a code and a message. Only the public headers are
 * used, as a program linking the library would. */
#include <folio/folio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

typedef struct {
    char *data;
    size_t len;
} file_bytes;

/* A path under the source tree, found from this file's own path. */
static const char *in_tree(const char *rel)
{
    static char path[1024];
    const char *here = __FILE__, *unit = strstr(here, "tests/unit/");
    int top = unit ? (int)(unit - here) : 0;
    snprintf(path, sizeof path, "%.*s%s", top, here, rel);
    return path;
}

static file_bytes slurp(const char *path)
{
    file_bytes f = { NULL, 0 };
    FILE *in = fopen(path, "rb");
    if (!in)
        return f;
    size_t cap = 1 << 16;
    f.data = malloc(cap + 1);
    size_t n;
    while (f.data && (n = fread(f.data + f.len, 1, cap - f.len, in)) > 0)
        if ((f.len += n) == cap)
            f.data = realloc(f.data, (cap *= 2) + 1);
    if (f.data)
        f.data[f.len] = '\0';
    fclose(in);
    return f;
}

static bool same_as_file(const char *data, size_t len, const char *path)
{
    file_bytes want = slurp(path);
    bool same = want.data && want.len == len && memcmp(want.data, data, len) == 0;
    free(want.data);
    return same;
}

#define GOLDEN(name, file) in_tree("tests/golden/" name "/" file)

/* The seed bulletin cleaned as folio-clean cleans it, then read back. */
static void test_clean_and_read(void)
{
    file_bytes page = slurp(GOLDEN("01-seed-gb18030-bulletin", "input.html"));
    folio_error err = { 0 };
    folio_article *a = folio_clean(page.data, page.len, NULL, &err);
    OK("the seed is cleaned", a != NULL);
    if (!a) {
        free(page.data);
        return;
    }
    const folio_meta *m = folio_article_meta(a);
    CHECK_STR(m->title, "1个100%+3个全覆盖,聊城市行政应诉工作取得新成效");
    CHECK_STR(m->date, "2019-11-13");
    CHECK_STR(m->publisher, "山东省司法厅");
    CHECK(m->creator == NULL);
    size_t len;
    const char *xhtml = folio_article_xhtml(a, &len);
    OK("the article is folio-clean's", same_as_file(xhtml, len, GOLDEN("01-seed-gb18030-bulletin", "expected.xhtml")));
    folio_article *back = folio_article_read(xhtml, len, NULL, &err);
    OK("the article reads back", back != NULL);
    if (back)
        CHECK_STR(folio_article_meta(back)->title, m->title);
    folio_bytes md = { 0 };
    OK("Markdown is written", folio_md_write(a, NULL, &md, &err) == 0);
    OK("the Markdown is folio-md's", same_as_file(md.data, md.len, GOLDEN("01-seed-gb18030-bulletin", "expected.md")));
    CHECK(err.code == FOLIO_OK && err.message == NULL);
    folio_bytes_free(&md);
    CHECK(md.data == NULL && md.len == 0);
    folio_article_free(back);
    folio_article_free(a);
    free(page.data);
}

/* Refusals come back with the code the tools exit with and their words;
 * one error can be passed to call after call. */
static void test_errors(void)
{
    folio_error err = { 0 };
    static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
    CHECK(folio_clean(pdf, sizeof pdf - 1, NULL, &err) == NULL);
    CHECK(err.code == FOLIO_ERR_INPUT);
    CHECK_STR(err.message, "not HTML (starts like a PDF)");
    file_bytes list = slurp(GOLDEN("27-list-page-refused", "input.html"));
    CHECK(folio_clean(list.data, list.len, NULL, &err) == NULL);
    CHECK(err.code == FOLIO_ERR_NOT_ARTICLE);
    CHECK_STR(err.message, "a list or index page, not an article");
    free(list.data);
    CHECK(folio_clean("", 0, NULL, NULL) == NULL);   /* no error asked for */
    folio_error_clear(&err);
    CHECK(err.code == FOLIO_OK && err.message == NULL);
    folio_pdf_options po = { .style = "nonesuch" };
    CHECK(folio_pdf_new(&po, &err) == NULL);
    CHECK(err.code == FOLIO_ERR_USAGE);
    CHECK(folio_capture_open(in_tree("tests/no-such-file.html"), &err) == NULL);
    CHECK(err.code == FOLIO_ERR_INPUT);
    CHECK_STR(err.message, "No such file or directory");
    folio_error_clear(&err);
}

/* A capture read page by page: the MHTML case's page and image. */
static void test_capture(void)
{
    folio_error err = { 0 };
    folio_capture *c = folio_capture_open(GOLDEN("50-mhtml-gbk-quoted-printable", "input.mht"), &err);
    OK("the MHTML file opens", c != NULL);
    if (!c)
        return;
    folio_page page;
    CHECK(folio_capture_next(c, &page, &err) == 1);
    folio_article *a = folio_clean_captured(c, &page, NULL, &err);
    OK("its page is cleaned", a != NULL);
    size_t len = 0;
    const char *xhtml = a ? folio_article_xhtml(a, &len) : "";
    OK("as folio-clean cleans it", same_as_file(xhtml, len, GOLDEN("50-mhtml-gbk-quoted-printable", "expected.xhtml")));
    CHECK(folio_capture_next(c, &page, &err) == 0);
    folio_article_free(a);
    folio_capture_close(c);
}

static void test_decode(void)
{
    static const char gb[] = "<p>\xd6\xd0\xce\xc4\xb5\xc4\xd7\xd6\xb7\xfb\xbc\xaf</p>";   /* 中文的字符集 */
    folio_bytes out = { 0 };
    const char *charset = NULL;
    CHECK(folio_decode(gb, sizeof gb - 1, "gb2312", &out, &charset, NULL) == 0);
    CHECK_STR(out.data, "<p>中文的字符集</p>");
    CHECK_STR(charset, "GB18030");
    folio_bytes_free(&out);
}

/* Markdown with its images in a folder, as folio-md -o writes them. */
static void test_md_assets(void)
{
    file_bytes x = slurp(GOLDEN("19-image-beside-page", "expected.xhtml"));
    folio_error err = { 0 };
    folio_article *a = folio_article_read(x.data, x.len, NULL, &err);
    char dir[] = "/tmp/folio-test-api.XXXXXX", png[64];
    OK("a scratch folder", mkdtemp(dir) != NULL);
    folio_md_options opt = { .assets_dir = dir, .assets_href = "page.assets" };
    folio_bytes md = { 0 };
    CHECK(a && folio_md_write(a, &opt, &md, &err) == 0);
    OK("the image is linked", md.data && strstr(md.data, "](page.assets/img-001.png)"));
    snprintf(png, sizeof png, "%s/img-001.png", dir);
    file_bytes got = slurp(png), want = slurp(GOLDEN("19-image-beside-page", "pic.png"));
    OK("the image is unpacked, as it was beside the page", got.data && want.data && got.len == want.len && !memcmp(got.data, want.data, got.len));
    free(got.data);
    free(want.data);
    unlink(png);
    rmdir(dir);
    folio_bytes_free(&md);
    folio_article_free(a);
    free(x.data);
}

/* The books: bytes of the right kind, and the same bytes twice. */
static void test_books(void)
{
    file_bytes x = slurp(GOLDEN("01-seed-gb18030-bulletin", "expected.xhtml"));
    folio_error err = { 0 };
    folio_article *a = folio_article_read(x.data, x.len, NULL, &err);
    folio_epub_options eo = { .has_epoch = true, .epoch = 1573603200 };
    folio_bytes one = { 0 }, two = { 0 };
    for (int round = 0; round < 2; round++) {
        folio_epub *e = folio_epub_new(&eo);
        CHECK(folio_epub_add(e, a, &err) == 0);
        CHECK(folio_epub_write(e, round ? &two : &one, &err) == 0);
        folio_epub_free(e);
    }
    OK("an EPUB is a zip", one.len > 4 && !memcmp(one.data, "PK\3\4", 4));
    OK("the same EPUB twice", one.len == two.len && !memcmp(one.data, two.data, one.len));
    folio_bytes_free(&one);
    folio_bytes_free(&two);
    folio_pdf_options po = { .title = "汇编", .has_epoch = true, .epoch = 1700000000 };
    folio_pdf *p = folio_pdf_new(&po, &err);
    CHECK(p && folio_pdf_add(p, a, &err) == 0 && folio_pdf_add(p, a, &err) == 0);
    CHECK(p && folio_pdf_write(p, &one, &err) == 0);
    OK("a PDF", one.len > 5 && !memcmp(one.data, "%PDF-", 5));
    folio_pdf_free(p);
    /* the 来源 · date line left out: fewer glyphs, another file */
    po.no_source_line = true;
    p = folio_pdf_new(&po, &err);
    CHECK(p && folio_pdf_add(p, a, &err) == 0 && folio_pdf_add(p, a, &err) == 0);
    CHECK(p && folio_pdf_write(p, &two, &err) == 0);
    OK("no source line: another PDF", two.len > 5 && (two.len != one.len || memcmp(one.data, two.data, one.len)));
    folio_pdf_free(p);
    folio_bytes_free(&one);
    folio_bytes_free(&two);
    folio_article_free(a);
    free(x.data);
}

int main(void)
{
    CHECK_STR(folio_version(), FOLIO_VERSION);
    test_clean_and_read();
    test_errors();
    test_capture();
    test_decode();
    test_md_assets();
    test_books();
    folio_shutdown();
    printf("test_api: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
