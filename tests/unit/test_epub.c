/* Unit tests for the EPUB writer's parts: SHA-1 and the content UUID,
 * dates, links, paths and image types, cover line breaking, heading
 * labels, and what a chapter keeps, drops and refuses. */
#include "epub/epub.h"
#include "epub/epub_internal.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define CHECK_HAS(hay, needle) check(strstr((hay), (needle)) != NULL, __LINE__, "contains " #needle, NULL, NULL)
#define CHECK_LACKS(hay, needle) check(strstr((hay), (needle)) == NULL, __LINE__, "lacks " #needle, NULL, NULL)


static void sha1_hex(const char *s, size_t repeat, char out[41])
{
    epub_sha1 c;
    unsigned char d[20];
    epub_sha1_init(&c);
    for (size_t i = 0; i < repeat; i++)
        epub_sha1_add(&c, s, strlen(s));
    epub_sha1_done(&c, d);
    for (int i = 0; i < 20; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void test_sha1(void)
{
    char h[41];
    sha1_hex("", 1, h);
    CHECK_STR(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    sha1_hex("abc", 1, h);
    CHECK_STR(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
    sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, h);
    CHECK_STR(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    sha1_hex("a", 1000000, h);
    CHECK_STR(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

static void test_dates(void)
{
    char d[11], m[21];
    CHECK(epub_date_w3c("2019-11-13", d));
    CHECK_STR(d, "2019-11-13");
    CHECK(epub_date_w3c("2019-11-13T09:30", d));
    CHECK_STR(d, "2019-11-13");
    CHECK(epub_date_w3c("2019-11", d));
    CHECK_STR(d, "2019-11");
    CHECK(!epub_date_w3c("20191113", d));
    CHECK(!epub_date_w3c("2019-13-01", d));
    CHECK(!epub_date_w3c("2019年11月13日", d));
    CHECK(!epub_date_w3c(NULL, d));
    CHECK(epub_date_modified("2019-11-13T09:30", m));
    CHECK_STR(m, "2019-11-13T09:30:00Z");
    CHECK(epub_date_modified("2019-11", m));
    CHECK_STR(m, "2019-11-01T00:00:00Z");
    CHECK(epub_date_modified("2019-11-13 25:00", m));
    CHECK_STR(m, "2019-11-13T00:00:00Z");
    epub_date_from_epoch(1573603200, m);
    CHECK_STR(m, "2019-11-13T00:00:00Z");
    epub_date_from_epoch(0, m);
    CHECK_STR(m, "1970-01-01T00:00:00Z");
    uint16_t t, day;
    epub_date_dos("2019-11-13T09:30:08Z", &t, &day);
    CHECK(day == (39 << 9 | 11 << 5 | 13));
    CHECK(t == (9 << 11 | 30 << 5 | 4));
    /* Before 1980 the zip's clock has no time: its first moment. */
    epub_date_dos("1970-01-01T00:00:00Z", &t, &day);
    CHECK(day == (0 << 9 | 1 << 5 | 1) && t == 0);
}

static void test_links(void)
{
    char *h;
    CHECK_STR(h = epub_link_href("http://a.cn/b c.html"), "http://a.cn/b%20c.html");
    free(h);
    CHECK_STR(h = epub_link_href(" https://例.cn/x?y=1&z=2 "), "https://%E4%BE%8B.cn/x?y=1&z=2");
    free(h);
    CHECK_STR(h = epub_link_href("http://a.cn/100%"), "http://a.cn/100%25");
    free(h);
    CHECK_STR(h = epub_link_href("http://a.cn/%E4%BE%8B"), "http://a.cn/%E4%BE%8B");
    free(h);
    CHECK_STR(h = epub_link_href("mailto:office@example.cn"), "mailto:office@example.cn");
    free(h);
    CHECK(epub_link_href("#top") == NULL);
    CHECK(epub_link_href("other.html") == NULL);
    CHECK(epub_link_href("../a/b.html") == NULL);
    CHECK(epub_link_href("javascript:alert(1)") == NULL);
    CHECK(epub_link_href("data:text/html,hi") == NULL);
}

static void test_media(void)
{
    CHECK_STR(epub_media_type("\x89PNG\r\n\x1a\n", 8), "image/png");
    buf_t b;
    buf_init(&b);
    CHECK(epub_percent_decode("my%20pic%E5%9B%BE.png", 21, &b));
    CHECK_STR(b.data, "my pic图.png");
    buf_reset(&b);
    CHECK(!epub_percent_decode("100%", 4, &b));
    buf_free(&b);
    CHECK_STR(epub_media_type("\xff\xd8\xff\xe0", 4), "image/jpeg");
    CHECK_STR(epub_media_type("GIF89a..", 8), "image/gif");
    CHECK(epub_media_type("RIFF\0\0\0\0WEBPVP8 ", 16) == NULL);
    const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>";
    CHECK_STR(epub_media_type(svg, strlen(svg)), "image/svg+xml");
    const char *script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>";
    CHECK(epub_media_type(script, strlen(script)) == NULL);
    const char *remote = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                         "<image xlink:href=\"http://x.cn/a.png\"/></svg>";
    CHECK(epub_media_type(remote, strlen(remote)) == NULL);
    CHECK(epub_media_type("<html/>", 7) == NULL);
}

/* An SVG from a page that declares entities is no picture for a book; a
 * bare DOCTYPE is taken out. */
static void test_svg_doctype(void)
{
    const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"ha\">"
                         "<!ENTITY b \"&a;&a;&a;&a;\">]>"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>";
    CHECK(epub_media_type(laughs, strlen(laughs)) == NULL);
    const char *unused = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";
    CHECK(epub_media_type(unused, strlen(unused)) == NULL);
    const char *external = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                           "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">"
                           "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&nbsp;</text></svg>";
    CHECK(epub_media_type(external, strlen(external)) == NULL);
    const char *plain = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                        "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"/></svg>";
    CHECK_STR(epub_media_type(plain, strlen(plain)), "image/svg+xml");
    buf_t b;
    buf_init(&b);
    buf_puts(&b, plain);
    epub_svg_drop_doctype(&b);
    CHECK_STR(b.data, "<?xml version=\"1.0\"?>\n\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\"/></svg>");
    buf_reset(&b);
    const char *none = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lt;!DOCTYPE</text></svg>";
    buf_puts(&b, none);
    epub_svg_drop_doctype(&b);
    CHECK_STR(b.data, none);
    buf_free(&b);
}

static void test_codepoints(void)
{
    epub_codepoints s;
    epub_codepoints_init(&s);
    epub_codepoints_add_utf8(&s, "a中a\xF0\x9F\x98\x80\xFF", 9);
    CHECK(epub_codepoints_has(&s, 'a'));
    CHECK(epub_codepoints_has(&s, 0x4E2D));
    CHECK(epub_codepoints_has(&s, 0x1F600));
    CHECK(epub_codepoints_count(&s) == 3);
    epub_codepoints_free(&s);
}

static char *joined_lines(const char *text, double width)
{
    char **lines;
    size_t n = epub_cover_lines(text, width, &lines);
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        buf_printf(&b, "%s%s", i ? "|" : "", lines[i]);
        free(lines[i]);
    }
    free(lines);
    return buf_detach(&b);
}

static void test_cover_lines(void)
{
    char *s;
    CHECK_STR(s = joined_lines("一二三四五六", 3), "一二三|四五六");
    free(s);
    /* A closing mark never starts a line; an opening one never ends one. */
    CHECK_STR(s = joined_lines("一二，三四", 2), "一|二，|三四");
    free(s);
    CHECK_STR(s = joined_lines("一二“三四”", 3), "一二|“三|四”");
    free(s);
    /* Latin words are never broken, and the spaces between lines go. */
    CHECK_STR(s = joined_lines("Liaocheng opens park", 6), "Liaocheng|opens park");
    free(s);
    CHECK_STR(s = joined_lines("2023年聊城", 4), "2023年|聊城");
    free(s);
}

/* --- chapters, through the library's front door ------------------------ */

static const char *article_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n"
    "<head><meta charset=\"UTF-8\"/><title>%s</title>"
    "<meta name=\"dcterms.date\" content=\"2023-05-01\"/>"
    "<meta name=\"dcterms.publisher\" content=\"聊城市人民政府\"/></head>\n"
    "<body><article><h1>%s</h1>\n%s\n</article></body></html>\n";

static int add(epub_book *b, const char *title, const char *body)
{
    buf_t doc;
    buf_init(&doc);
    buf_printf(&doc, article_head, title, title, body);
    int rc = epub_book_add(b, doc.data, doc.len, "-");
    buf_free(&doc);
    return rc;
}

static void test_chapter(void)
{
    epub_options opt = { 0 };
    epub_book *b = epub_book_new(&opt);
    CHECK(add(b, "通知", "<h2>01</h2>\n<h3>“高势能”起点<br/>激活</h3>\n<p>正文<a href=\"#x\">锚</a>"
                       "<a href=\"http://a.cn/x y\">链</a></p>\n<h2>二、<br/>要求</h2>\n"
                       "<p><img src=\"http://x.cn/a.jpg\" alt=\"图\"/><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"点\"/></p>\n"
                       "<table><tr><td colspan=\"x\" rowspan=\"2\">格</td></tr></table>\n"
                       "<p style=\"color:red\" class=\"signature\">落款</p>") == 0);
    CHECK(b->nchapters == 1);
    const epub_chapter *ch = &b->chapters[0];
    const char *x = ch->xhtml.data;
    CHECK_STR(ch->file, "article-001.xhtml");
    CHECK_STR(ch->label, "通知");
    CHECK(ch->nsections == 2);
    if (ch->nsections == 2) {
        CHECK_STR(ch->sections[0].label, "01 “高势能”起点激活");
        CHECK_STR(ch->sections[1].label, "二、要求");
        CHECK_STR(ch->sections[1].anchor, "s2");
    }
    CHECK_HAS(x, "<h2 id=\"s1\">01</h2>");
    CHECK_HAS(x, "<p class=\"byline\">2023-05-01 · 聊城市人民政府</p>");
    CHECK_HAS(x, "<a>锚</a>");
    CHECK_HAS(x, "<a href=\"http://a.cn/x%20y\">链</a>");
    CHECK_HAS(x, "<a class=\"image-link\" href=\"http://x.cn/a.jpg\">图</a>");
    CHECK_HAS(x, "<img src=\"images/img-001.gif\" alt=\"点\"/>");
    CHECK_HAS(x, "<td rowspan=\"2\">格</td>");
    CHECK_HAS(x, "<p class=\"signature\">落款</p>");
    CHECK_LACKS(x, "style=");
    CHECK(b->nimages == 1);
    CHECK(epub_codepoints_has(&b->headings, 0x8981));   /* 要, in a heading */
    CHECK(!epub_codepoints_has(&b->headings, 0x843D));  /* 落, body text only */
    CHECK(epub_codepoints_has(&b->text, 0x843D));

    /* The same title twice: two files, two entries. */
    CHECK(add(b, "通知", "<p>另一篇</p>") == 0);
    CHECK(b->nchapters == 2 && strcmp(b->chapters[1].file, "article-002.xhtml") == 0);
    /* The same picture again is the same item. */
    CHECK(add(b, "图", "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\"/></p>") == 0);
    CHECK(b->nimages == 1);

    /* Web pictures without alt text: numbered in their article, not
     * named by their file and query string. */
    CHECK(add(b, "无题图", "<p><img src=\"https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg&amp;tp=webp\" alt=\"\"/>"
                          "<img src=\"http://x.cn/b.png\"/><img src=\"http://x.cn/c.png\" alt=\"地图\"/></p>") == 0);
    x = b->chapters[3].xhtml.data;
    CHECK_HAS(x, "<a class=\"image-link\" href=\"https://mmbiz.qpic.cn/x/640?wx_fmt=jpeg&amp;tp=webp\">［图1］</a>");
    CHECK_HAS(x, "<a class=\"image-link\" href=\"http://x.cn/b.png\">［图2］</a>");
    CHECK_HAS(x, "<a class=\"image-link\" href=\"http://x.cn/c.png\">地图</a>");
    CHECK_LACKS(x, ">640?");

    /* Outside the article subset: refused, and the book unchanged. */
    fputs("(two refusals expected below)\n", stderr);
    CHECK(add(b, "坏", "<div><p>版式</p></div>") == -1);
    CHECK(add(b, "坏", "<p><font color=\"red\">字</font></p>") == -1);
    CHECK(b->nchapters == 4);

    buf_t zip;
    buf_init(&zip);
    CHECK(epub_book_write(b, &zip) == 0);
    CHECK(zip.len > 38 && memcmp(zip.data + 30, "mimetypeapplication/epub+zip", 28) == 0);
    CHECK(b->is_book);
    CHECK_STR(b->title, "通知");
    CHECK_STR(b->lang, "zh-CN");
    CHECK_STR(b->modified, "2023-05-01T00:00:00Z");
    CHECK_STR(b->publisher, "聊城市人民政府");
    CHECK(strncmp(b->identifier, "urn:uuid:", 9) == 0 && b->identifier[9 + 14] == '5');
    buf_free(&zip);
    epub_book_free(b);
}

int main(void)
{
    test_sha1();
    test_dates();
    test_links();
    test_media();
    test_svg_doctype();
    test_codepoints();
    test_cover_lines();
    test_chapter();
    xmlCleanupParser();
    printf("test_epub: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
