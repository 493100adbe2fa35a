/* Unit tests for what page_meta refuses and reads apart: titles that are a
 * breadcrumb or the site's name, authors that are software, a company, an
 * address or the site, bylines marked up as such, a 来源 set in brackets,
 * the body's lines of metadata (page_meta_body_line) and the names that
 * close an article (page_meta_closing_byline). */
#include "clean/page.h"
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define NOW 1735689600LL    /* 2025-01-01T00:00:00Z */

typedef struct {
    htmlDocPtr      doc;
    article_meta    m;
    page_meta_nodes nodes;
    char           *told;   /* what --explain was told */
} run;

static void extract(run *r, const char *html)
{
    memset(r, 0, sizeof *r);
    r->doc = page_parse_utf8(html, strlen(html));
    size_t len = 0;
    FILE *explain = open_memstream(&r->told, &len);
    page_meta_extract(r->doc, &r->m, &r->nodes, NOW, explain);
    fclose(explain);
}

static void done(run *r)
{
    article_meta_free(&r->m);
    xmlFreeDoc(r->doc);
    free(r->told);
}

static const char *node_name_of(xmlNodePtr n)
{
    return n ? (const char *)n->name : NULL;
}

static bool told(const run *r, const char *words)
{
    return r->told && strstr(r->told, words);
}

/* ---- titles ---- */

static void test_breadcrumb_title(void)
{
    run r;
    /* The heading that looks most like a title is the breadcrumb; the
     * title stands in a lesser heading above the info line. */
    extract(&r, "<html><head><title>新闻动态--某某学会官网</title></head><body>"
                "<div class=\"crumb\"><h3>首页 - 新闻动态</h3></div>"
                "<div class=\"news\"><h5>学会年会在西南大学成功举行</h5>"
                "<div>发布时间：2019-05-18 来源：某某学会</div><p>正文。</p></div></body></html>");
    EQ("title past the breadcrumb", r.m.title, "学会年会在西南大学成功举行");
    OK("breadcrumb told", told(&r, "\"首页 - 新闻动态\" rejected: a breadcrumb"));
    done(&r);

    OK("首页 > 要闻", pm_is_breadcrumb("首页 > 要闻 > 正文"));
    OK("您现在的位置", pm_is_breadcrumb("您现在的位置：首页 >> 通知公告"));
    OK("Home / News", pm_is_breadcrumb("Home / News / Local"));
    OK("no home first", !pm_is_breadcrumb("新闻 - 地方 - 正文"));
    OK("a title with a dash", !pm_is_breadcrumb("首页设计大赛 - 获奖名单公布"));
    OK("home alone", !pm_is_breadcrumb("首页"));
}

static void test_site_name_title(void)
{
    run r;
    /* The h1 shows the first part of <title>; the rest is the site's
     * slogan, however long. */
    extract(&r, "<html><head><title>金锺国 - 维基百科，自由的百科全书</title>"
                "<meta property=\"og:title\" content=\"金锺国 - 维基百科，自由的百科全书\"></head>"
                "<body><h1 id=\"firstHeading\">金锺国</h1><p>金锺国是韩国男歌手。</p></body></html>");
    EQ("short h1 against a long slogan", r.m.title, "金锺国");
    EQ("its node", node_name_of(r.nodes.title_node), "h1");
    done(&r);

    /* og:title is the site's own name (og:site_name): no title. */
    extract(&r, "<html><head><meta property=\"og:site_name\" content=\"某某日报\">"
                "<meta property=\"og:title\" content=\"某某日报\"></head>"
                "<body><p>一段正文。</p></body></html>");
    EQ("site name refused", r.m.title, NULL);
    OK("site name told", told(&r, "rejected: the site's name (og:site_name)"));
    done(&r);

    /* The logo's alt text names the site too. */
    extract(&r, "<html><head><title>某某市文化馆</title></head><body>"
                "<div class=\"top\"><img src=\"/images/logo.png\" alt=\"某某市文化馆\"></div>"
                "<p>一段正文。</p></body></html>");
    EQ("logo's name refused", r.m.title, NULL);
    OK("logo told", told(&r, "rejected: the site's name (its logo)"));
    done(&r);

    /* A name that only looks like a site's is weak: the article's heading
     * may take its place later. */
    extract(&r, "<html><head><title>某某新闻网_(新闻)</title></head><body>"
                "<p>一段正文。</p></body></html>");
    EQ("weak title stands", r.m.title, "某某新闻网");
    OK("weak", r.nodes.title_weak);
    done(&r);
    extract(&r, "<html><head><title>工作会议召开_新闻_某某新闻网</title></head><body>"
                "<h1>工作会议召开</h1><p>一段正文。</p></body></html>");
    OK("a shown title is not weak", !r.nodes.title_weak);
    done(&r);
}

/* ---- authors ---- */

static void author_tag(const char *head, const char *want, const char *why, int line)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><head><title>一条新闻的标题_某某网</title>%s</head><body>"
                                "<h1>一条新闻的标题</h1><div>2022-02-13</div><p>正文。</p>"
                                "</body></html>", head);
    run r;
    extract(&r, html);
    check_eq(head, r.m.creator, want, line);
    if (why)
        check(told(&r, why), line, head, r.told, why);
    done(&r);
}
#define AUTHOR_TAG(head, want, why) author_tag(head, want, why, __LINE__)

static void test_not_authors(void)
{
    AUTHOR_TAG("<meta name=\"generator\" content=\"大汉版通\"><meta name=\"author\" content=\"大汉网络\">",
               NULL, "the software that made the page");
    AUTHOR_TAG("<meta name=\"generator\" content=\"Discuz! X3.4\">"
               "<meta name=\"author\" content=\"Discuz! Team and Comsenz UI Team\">",
               NULL, "the software that made the page");
    AUTHOR_TAG("<meta name=\"author\" content=\"Discuz! Team and Comsenz UI Team\">", NULL,
               "a program, a company");
    AUTHOR_TAG("<meta name=\"author\" content=\"WordPress 6.1\">", NULL, "a program, a company");
    AUTHOR_TAG("<meta name=\"author\" content=\"某某网络科技有限公司\">", NULL, "a program, a company");
    AUTHOR_TAG("<meta name=\"author\" content=\"某某网络\">", NULL, "a program, a company");
    AUTHOR_TAG("<meta name=\"author\" content=\"www.example.cn\">", NULL, "an address");
    AUTHOR_TAG("<meta property=\"og:site_name\" content=\"某某日报\"><meta name=\"author\" content=\"某某日报\">",
               NULL, "the site's name");
    AUTHOR_TAG("<meta name=\"ContentSource\" content=\"新华社\"><meta name=\"author\" content=\"新华社\">",
               NULL, "the publisher's name");
    AUTHOR_TAG("<meta name=\"generator\" content=\"大汉版通\"><meta name=\"author\" content=\"王小明\">",
               "王小明", NULL);
    AUTHOR_TAG("<meta name=\"author\" content=\"Jane Smith\">", "Jane Smith", NULL);

    /* A byline that names the site, however it came: the logo set in text. */
    run r;
    extract(&r, "<html><head><title>The sharing economy - Salon.com</title></head><body>"
                "<h1><a href=\"/\" class=\"site-logo\">Salon</a></h1>"
                "<h1>The sharing economy</h1><div>By Salon</div><p>Text.</p></body></html>");
    EQ("byline naming the site", r.m.creator, NULL);
    OK("told", told(&r, "\"Salon\" (the page's text) rejected: the site's name"));
    done(&r);
}

/* ---- bylines marked up as such ---- */

static void byline_is(const char *body, const char *want, int line)
{
    char html[1500];
    snprintf(html, sizeof html, "<html><head><title>A day at the lake - Example</title></head><body>"
                                "<h1>A day at the lake</h1>%s<p>Text.</p></body></html>", body);
    run r;
    extract(&r, html);
    check_eq(body, r.m.creator, want, line);
    done(&r);
}
#define BYLINE(body, want) byline_is(body, want, __LINE__)

static void test_markup_bylines(void)
{
    BYLINE("<span class=\"byline\">Joanna Rothkopf</span>", "Joanna Rothkopf");
    BYLINE("<p class=\"byline\">By <a href=\"/u/dg\">Dan Goodin</a> - Apr 16, 2015</p>", "Dan Goodin");
    BYLINE("<div class=\"author\"><a href=\"/u/bs\">Ben Silverman</a><div>Games Editor</div></div>",
           "Ben Silverman");
    BYLINE("<a rel=\"author\" href=\"/author/mc\">Mike Conley</a>", "Mike Conley");
    BYLINE("<span itemprop=\"author\"><span itemprop=\"name\">César Salza</span></span>", "César Salza");
    BYLINE("<div class=\"article-author\">Nicolas Perriault —</div>", "Nicolas Perriault");
    BYLINE("<div class=\"author\">王帆</div>", "王帆");
    /* Not a name: a sentence, a login box, a comment's author. */
    BYLINE("<div class=\"authorbio\"><ul><li>来源：当代商报 作者：</li><li><strong>转载请注明："
           "</strong><a href=\"http://x.cn/1.html\">http://x.cn/1.html</a></li></ul></div>", NULL);
    BYLINE("<div class=\"author\">账号 密码 自动登录 登录并发表</div>", NULL);
    BYLINE("<div class=\"comment-author\">Alan Goodale</div>", NULL);
    BYLINE("<div id=\"commentArea\"><div class=\"user\"><span class=\"author\">Alan Goodale</span></div></div>", NULL);
    /* a commentary is not a comment */
    BYLINE("<div class=\"commentary-page\"><p class=\"author-name\"><span class=\"byline\">Jane Doe</span></p></div>",
           "Jane Doe");
    BYLINE("<div class=\"author\">Welcome back! Sign in to comment</div>", NULL);
    /* A word of permission, not a byline. */
    BYLINE("<span class=\"authorized\"> 我已授权 </span>", NULL);
    BYLINE("<div id=\"authority-name\">市场监管总局</div>", NULL);
}

/* ---- 来源 in brackets ---- */

static void publisher_is(const char *info, const char *want, int line)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><head><title>一条新闻的标题_某某网</title></head><body>"
                                "<h1>一条新闻的标题</h1><div>2022-02-13 %s</div><p>正文。</p>"
                                "</body></html>", info);
    run r;
    extract(&r, html);
    check_eq(info, r.m.publisher, want, line);
    done(&r);
}
#define PUBLISHER(info, want) publisher_is(info, want, __LINE__)

static void test_bracketed_publisher(void)
{
    PUBLISHER("来源：[ <a href=\"http://www.people.com.cn\">人民网</a> ]", "人民网");
    PUBLISHER("来源: [人民网]", "人民网");
    PUBLISHER("来源：【新华社】", "新华社");
    PUBLISHER("来源：（中国日报）", "中国日报");
    PUBLISHER("来源：“央视新闻”", "央视新闻");
    PUBLISHER("来源：《人民日报》", "人民日报");
    PUBLISHER("来源：<a href=\"/\">人民网</a> 作者：张三", "人民网");
    /* A bare 来源 before a bracket is prose, not a label. */
    PUBLISHER("美国英语来源 (en-us)", NULL);
}

/* ---- the element marked as the source ---- */

static void marked_source_is(const char *head, const char *info, const char *body, const char *want,
                             const char *creator, int line)
{
    char html[1500];
    snprintf(html, sizeof html, "<html><head><title>一条新闻的标题_某某网</title>%s</head><body>"
                                "<h1>一条新闻的标题</h1>%s<p>正文第一段，说了一件事情的经过。</p>"
                                "<p>正文第二段，说了这件事情的结果。</p>%s</body></html>", head, info, body);
    run r;
    extract(&r, html);
    check_eq(info, r.m.publisher, want, line);
    check_eq(info, r.m.creator, creator, line);
    done(&r);
}
#define MARKED_SOURCE(head, info, body, want, creator) marked_source_is(head, info, body, want, creator, __LINE__)

static void test_marked_source(void)
{
    /* the outlet a source mark under the title names; the author tag that
     * repeats it is no person */
    MARKED_SOURCE("<meta property=\"article:author\" content=\"参考消息\">",
                  "<div class=\"date-source\"><span class=\"date\">2019年11月25日 18:57</span>"
                  "<a class=\"source\" href=\"http://x.cn/\">参考消息</a></div>", "", "参考消息", NULL);
    MARKED_SOURCE("", "<span id=\"source_baidu\">来源：新京报</span>", "", "新京报", NULL);
    /* far below the title (a picture's credit, a box at the foot) it says nothing */
    MARKED_SOURCE("", "<div>2022-02-13</div>", "<p>第三段。</p><p>第四段。</p><p>第五段。</p><p>第六段。</p>"
                  "<p>第七段。</p><span class=\"image-source\">视觉中国</span>", NULL, NULL);
}

/* ---- the body's lines of metadata ---- */

static void test_body_lines(void)
{
    article_meta m = { 0 };
    OK("来源 and 责任编辑", page_meta_body_line("本文来源：人民网 责任编辑：张三", &m));
    EQ("publisher from the body", m.publisher, "人民网");
    EQ("the editor is no author", m.creator, NULL);
    OK("bracketed", page_meta_body_line("（来源：新华社）", &m));
    EQ("a stated publisher stays", m.publisher, "人民网");
    OK("editor alone", page_meta_body_line("【责任编辑：李四】", &m));
    EQ("still no author", m.creator, NULL);
    OK("作者 and 编辑", page_meta_body_line("作者：王五　编辑：赵六", &m));
    EQ("author from the body", m.creator, "王五");
    article_meta_free(&m);

    OK("prose with 来源", !page_meta_body_line("据了解，这些资金的来源主要是财政拨款。", NULL));
    OK("编辑部 is a word", !page_meta_body_line("编辑部全体同志向读者致以新春问候", NULL));
    OK("记者获悉", !page_meta_body_line("记者获悉，该项目已于近日开工。", NULL));
    OK("not a label", !page_meta_body_line("欢迎投稿", NULL));
    OK("empty", !page_meta_body_line("", NULL));
    OK("来源 then prose", !page_meta_body_line("来源：新华社。记者从有关部门获悉，工程已经完工", NULL));

    article_meta n = { 0 };
    OK("a credit that goes on", !page_meta_body_line("来源：人民网 更多精彩，请登录人民网首页", &n));
    EQ("gives its 来源 all the same", n.publisher, "人民网");
    article_meta_free(&n);
    article_meta r = { 0 };
    OK("转自 needs no colon", page_meta_body_line("转自中国青年报", &r));
    EQ("转自's value", r.publisher, "中国青年报");
    article_meta_free(&r);
    article_meta w = { 0 };
    OK("网络 is nobody", page_meta_body_line("来源：网络", &w));
    EQ("no publisher 网络", w.publisher, NULL);
    article_meta_free(&w);
}

static void closing_is(const char *text, const char *publisher, const char *want, int line)
{
    article_meta m = { 0 };
    article_meta_set(&m.publisher, publisher);
    bool took = page_meta_closing_byline(text, &m);
    check_eq(text, m.creator, want, line);
    check(took == (want != NULL), line, text, NULL, NULL);
    article_meta_free(&m);
}
#define CLOSING(text, publisher, want) closing_is(text, publisher, want, __LINE__)

static void test_closing_bylines(void)
{
    CLOSING("（袁源）", NULL, "袁源");
    CLOSING("大家认认真真剪出了“廉洁”两字，过一个平安、祥和的新春佳节。（常书香 马丹阳 ）", NULL,
            "常书香 马丹阳");
    CLOSING("……市场随时会逆转。（网易财经 张艳）", "网易财经", "张艳");
    CLOSING("文章到此结束。(张三、李四)", NULL, "张三 李四");
    CLOSING("（待续）", NULL, NULL);
    CLOSING("（完）", NULL, NULL);
    CLOSING("（北京大学光华管理学院）", NULL, NULL);
    CLOSING("（2015年至2018年）", NULL, NULL);
    CLOSING("（资料来源：参考消息、海外网等）", NULL, NULL);
    CLOSING("（ 责任编辑：魏喆 ）", NULL, NULL);
    CLOSING("他说，这是一件好事（张三）。", NULL, NULL);
    CLOSING("no brackets at all", NULL, NULL);
    article_meta m = { 0 };
    article_meta_set(&m.creator, "王五");
    OK("a known author stays", !page_meta_closing_byline("（袁源）", &m) && !strcmp(m.creator, "王五"));
    article_meta_free(&m);
}

/* ---- dates from the head ---- */

static void date_is(const char *head, const char *url, const char *want, int line)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><head><title>一条新闻的标题</title>%s%s%s%s</head><body>"
                                "<h1>一条新闻的标题</h1><p>正文第一段，说了一件事。</p></body></html>",
             head, url ? "<link rel=\"canonical\" href=\"" : "", url ? url : "", url ? "\">" : "");
    run r;
    extract(&r, html);
    check_eq(head, r.m.date, want, line);
    done(&r);
}
#define DATE_IS(head, url, want) date_is(head, url, want, __LINE__)

static void test_head_dates(void)
{
    /* Tencent's publication tag, its month and day not padded */
    DATE_IS("<meta name=\"apub:time\" content=\"2019-9-7 21:30:50\">", NULL, "2019-09-07");
    /* the date the page was changed: when nothing else dates it ... */
    DATE_IS("<meta itemprop=\"dateUpdate\" content=\"2019-10-08 12:00:57\">", NULL, "2019-10-08");
    DATE_IS("<meta property=\"article:modified_time\" content=\"2021-03-04T10:00:00Z\">", NULL, "2021-03-04");
    /* ... and after the date in the page's address */
    DATE_IS("<meta itemprop=\"dateModified\" content=\"2024-06-01\">", "http://news.example.cn/2019/1113/a.html",
            "2019-11-13");
}

int main(void)
{
    test_breadcrumb_title();
    test_site_name_title();
    test_not_authors();
    test_markup_bylines();
    test_bracketed_publisher();
    test_body_lines();
    test_closing_bylines();
    test_head_dates();
    test_marked_source();
    printf("test_meta_checks: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
