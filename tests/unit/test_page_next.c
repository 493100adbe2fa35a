/* Unit tests for page_next: which "next page" links lead on to the rest of
 * the article, and which lead elsewhere (a list's pager, the next article,
 * a thread's second page). */
#include "clean/page.h"

#include <stdlib.h>

#include "unit.h"

/* The page after SELF that a pager of one "下一页" link to HREF names. */
static char *pick(const char *self, const char *href)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><body><p>正文</p><div class=pages><a href='x_0.html'>1</a>"
             "<a href='%s'>下一页</a></div></body></html>", href);
    htmlDocPtr doc = page_parse_utf8(html, strlen(html));
    page_next_links l;
    page_next_collect(doc, &l);
    char *r = page_next_pick(&l, self);
    page_next_free(&l);
    xmlFreeDoc(doc);
    return r;
}

static void want(const char *self, const char *href, const char *next, int line)
{
    char *got = pick(self, href);
    char what[512];
    snprintf(what, sizeof what, "%s then %s", self, href);
    check_eq(what, got, next, line);
    free(got);
}
#define WANT(self, href, next) want((self), (href), (next), __LINE__)

static void test_continuations(void)
{
    const char *a = "http://www.gov.cn/zhengce/2019/t20190905_123456.html";
    WANT(a, "t20190905_123456_1.html", "http://www.gov.cn/zhengce/2019/t20190905_123456_1.html");
    WANT(a, "/zhengce/2019/t20190905_123456_2.html", "http://www.gov.cn/zhengce/2019/t20190905_123456_2.html");
    WANT("http://a.cn/n/Content-12_2.html", "Content-12_3.html", "http://a.cn/n/Content-12_3.html");
    WANT("http://a.cn/n/Content-12.html", "Content-12_2.html", "http://a.cn/n/Content-12_2.html");
    WANT("https://b.com/story/slug", "/story/slug/2/", "https://b.com/story/slug/2/");
    WANT("https://b.com/story/slug/", "/story/slug/page/2", "https://b.com/story/slug/page/2");
    WANT("https://b.com/read.php?id=9", "read.php?id=9&page=2", "https://b.com/read.php?id=9&page=2");
    WANT("https://b.com/read.php?id=9&page=2", "read.php?id=9&page=3", "https://b.com/read.php?id=9&page=3");
    /* the article's number in another site's naming, on the site's mobile host */
    WANT("https://ol.game.com/news/201909/1220000.shtml", "https://wap.game.com/news/Content-1220000_2.html",
         "https://wap.game.com/news/Content-1220000_2.html");
    /* only the saved file's name known */
    WANT("art_98213_12345.html", "http://x.gov.cn/art/art_98213_12345_2.html",
         "http://x.gov.cn/art/art_98213_12345_2.html");
}

static void test_elsewhere(void)
{
    const char *a = "http://www.gov.cn/zhengce/2019/t20190905_123456.html";
    WANT(a, "t20190905_123457.html", NULL);                 /* the next article */
    WANT(a, "t20190905_123456_5.html", NULL);               /* not the page after this */
    WANT("http://a.cn/n/Content-12.html", "Content-12_2.htm", NULL);   /* another kind of file */
    WANT(a, "http://other.cn/zhengce/2019/t20190905_123456_1.html", NULL);
    WANT("http://a.cn/n/Content-12.html", "../m/Content-12_2.html", NULL);   /* another folder */
    WANT("http://a.cn/list/index.html", "index_2.html?from=nav", NULL);
    WANT("https://b.com/read.php?id=9", "read.php?id=10", NULL);
    WANT("https://b.com/read.php?id=9", "read.php?id=9&page=1", NULL);   /* a thread's pager, from 0 */
    WANT("https://b.com/read.php?id=9", "read.php?id=9&page=2&sort=new", NULL);
    WANT("https://b.com/blog/post", "/blog/post/comments/2", NULL);
    WANT("https://ol.game.com/news/1220000.shtml", "https://wap.game.com/news/Content-1220001_2.html", NULL);
    WANT("https://ol.game.com/news/1220000.shtml", "https://wap.other.com/news/Content-1220000_2.html", NULL);
    WANT("https://ol.game.com/news/31220000.shtml", "https://wap.game.com/news/Content-1220000_2.html", NULL);
    WANT(a, "javascript:next()", NULL);
    WANT(a, "#", NULL);
}

/* The words of the link, arrows and brackets aside, say "next page", or
 * number a page from 2 on. */
static void test_words(void)
{
    static const struct { const char *words; bool next; } cases[] = {
        { "下一页", true }, { " 下一页&gt;&gt; ", true }, { "【下一页】", true }, { "下页", true },
        { "Next &raquo;", true }, { "next page", true }, { "下一篇", false }, { "Next story", false },
        { "2", true }, { "【2】", true }, { "[3]", true }, { "第2页", true }, { "1", false },
        { "2019", false }, { "2楼", false }, { "第2章", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char html[512];
        snprintf(html, sizeof html, "<p><a href='a_2.html'>%s</a></p>", cases[i].words);
        htmlDocPtr doc = page_parse_utf8(html, strlen(html));
        page_next_links l;
        page_next_collect(doc, &l);
        check(cases[i].next == (l.n == 1), __LINE__, cases[i].words, NULL, NULL);
        page_next_free(&l);
        xmlFreeDoc(doc);
    }
}

/* A page's many numbered links (a calendar's days) leave room for the
 * link that says "next page". */
static void test_room_for_words(void)
{
    char html[2048] = "<p>";
    for (int day = 2; day <= 31; day++)
        snprintf(html + strlen(html), sizeof html - strlen(html), "<a href='d%d.html'>%d</a>", day, day);
    strcat(html, "<a href='a_2.html'>下一页</a></p>");
    htmlDocPtr doc = page_parse_utf8(html, strlen(html));
    page_next_links l;
    page_next_collect(doc, &l);
    check(l.n == 9 && !strcmp(l.href[8], "a_2.html"), __LINE__, "days then 下一页", NULL, NULL);
    page_next_free(&l);
    xmlFreeDoc(doc);
}

int main(void)
{
    test_continuations();
    test_elsewhere();
    test_words();
    test_room_for_words();
    printf("page_next: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
