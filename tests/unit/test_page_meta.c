/* Unit tests for page_meta: title, date, 来源, 作者, 原文链接, URL and lang
 * read off small captured pages. */
#include "clean/page.h"
#include "clean/meta/page_meta.h"
#include "util/xml_node.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* 2025-01-01T00:00:00Z: a fixed clock, so that "future" means the same
 * thing on every run. */
#define NOW 1735689600LL

typedef struct {
    htmlDocPtr      doc;
    article_meta    m;
    page_meta_nodes nodes;
} run;

static void extract(run *r, const char *html)
{
    memset(r, 0, sizeof *r);
    r->doc = page_parse_utf8(html, strlen(html));
    page_meta_extract(r->doc, &r->m, &r->nodes, NOW, NULL);
}

static void done(run *r)
{
    article_meta_free(&r->m);
    xmlFreeDoc(r->doc);
}

static const char *node_name(xmlNodePtr n)
{
    return n ? (const char *)n->name : NULL;
}

static char *node_attr(xmlNodePtr n, const char *name)
{
    static char buf[128];
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
    if (!v)
        return NULL;
    snprintf(buf, sizeof buf, "%s", (const char *)v);
    xmlFree(v);
    return buf;
}

/* ---- page_meta_find_date ---- */

static void date_is(const char *text, const char *want, int line)
{
    char out[11] = "";
    int found = page_meta_find_date(text, out, NOW);
    char what[200];
    snprintf(what, sizeof what, "date in \"%s\"", text);
    check_eq(what, found ? out : NULL, want, line);
}
#define DATE(text, want) date_is(text, want, __LINE__)

static void test_date_forms(void)
{
    DATE("2019-11-13", "2019-11-13");
    DATE("2019/11/13", "2019-11-13");
    DATE("2019.11.13", "2019-11-13");
    DATE("2019年11月13日", "2019-11-13");
    DATE("2019 年 11 月 13 日", "2019-11-13");
    DATE("时间:2019-5-7 21:23:57", "2019-05-07");
    DATE("2019年11月13日 10:30", "2019-11-13");
    DATE("2019年11月13日10:30", "2019-11-13");
    DATE("二〇一九年十一月十三日", "2019-11-13");
    DATE("二○一九年十二月三十一日", "2019-12-31");
    DATE("二〇二〇年一月一日", "2020-01-01");
    DATE("２０１９年１１月１３日", "2019-11-13");
    DATE("March 25, 2015", "2015-03-25");
    DATE("Posted on Sept. 5, 2018 by", "2018-09-05");
    DATE("25 March 2015", "2015-03-25");
    DATE("Wed, 13 Nov 2019 10:30:00 GMT", "2019-11-13");
    DATE("9/17/2004 5:54:13 AM", "2004-09-17");
    DATE("13.11.2019", "2019-11-13");
    /* day, then a month's name in another language */
    DATE("Veröffentlicht am 12. März 2024", "2024-03-12");
    DATE("Publié le 3 févr. 2024", "2024-02-03");
    DATE("Publicado el 12 de marzo de 2024", "2024-03-12");
    DATE("12.mai.2024 às 6h00", "2024-05-12");
    DATE("Senast uppdaterad: 3 maj 2024", "2024-05-03");
    DATE("Дата выпуска: 18 апреля 2024", "2024-04-18");
    DATE("pubblicato il 5 settembre 2023", "2023-09-05");
    DATE("Di 12. Mär 2024, 20:14", "2024-03-12");
}

static void test_date_other_languages_invalid(void)
{
    DATE("Del 12 al 21 de abril de 2024", NULL);   /* an event's days */
    DATE("du 12 au 21 mars 2024", NULL);
    DATE("12.–21. März 2024", NULL);
    DATE("the 3 Marc 2024", NULL);                 /* a name, no abbreviation */
    DATE("12 marzipan 2024", NULL);
}

static void test_date_invalid(void)
{
    DATE("2019-13-01", NULL);
    DATE("2019-02-30", NULL);
    DATE("2019-02-29", NULL);
    DATE("2020-02-29", "2020-02-29");
    DATE("2019-04-31", NULL);
    DATE("2019-00-10", NULL);
    DATE("1989-06-01", NULL);
    DATE("2031-01-01", NULL);           /* after NOW */
    DATE("2025-01-02", NULL);
    DATE("2024-12-31", "2024-12-31");
    DATE("120191113", NULL);            /* no separators: an id, not a date */
    DATE("电话 010-2019-11-13", NULL);  /* part of a longer number */
    DATE("2019年11月", NULL);           /* no day: never invent one */
    DATE("二〇一九年十三月一日", NULL);
    /* An invalid date does not hide a valid one after it. */
    DATE("2019-02-30 或 2019-03-01", "2019-03-01");
}

/* ---- title ---- */

static void test_title_suffix(void)
{
    run r;
    extract(&r, "<html><head><title>聊城市行政应诉工作取得新成效_地方法规_政策法规网</title></head>"
                "<body><div class=\"logo\"><h1>政策法规网</h1></div>"
                "<div class=\"article\"><h1 class=\"title\">聊城市行政应诉工作取得新成效</h1>"
                "<div class=\"info\">时间:2019-11-13 来源:山东省司法厅</div>"
                "<p>正文。</p></div></body></html>");
    EQ("title _ suffix", r.m.title, "聊城市行政应诉工作取得新成效");
    EQ("title node", node_attr(r.nodes.title_node, "class"), "title");
    done(&r);

    extract(&r, "<html><head><title>标题在这里 - 某某新闻网</title></head><body><p>x</p></body></html>");
    EQ("title ' - ' suffix", r.m.title, "标题在这里");
    OK("no title node without a heading", r.nodes.title_node == NULL);
    done(&r);

    extract(&r, "<html><head><title>国务院关于加强法治政府建设的意见|中国政府网</title></head>"
                "<body><p>x</p></body></html>");
    EQ("title | suffix", r.m.title, "国务院关于加强法治政府建设的意见");
    done(&r);

    extract(&r, "<html><head><title>全市行政应诉工作会议召开——聊城市人民政府</title></head>"
                "<body><p>x</p></body></html>");
    EQ("title —— suffix", r.m.title, "全市行政应诉工作会议召开");
    done(&r);

    /* A hyphen inside a word is no separator. */
    extract(&r, "<html><head><title>COVID-19 vaccine rollout - BBC News</title></head>"
                "<body><p>x</p></body></html>");
    EQ("title keeps COVID-19", r.m.title, "COVID-19 vaccine rollout");
    done(&r);

    /* The heading shows a title that itself holds a separator. */
    extract(&r, "<html><head><title>中欧班列（西安-汉堡）开行_新闻_西安网</title></head>"
                "<body><h1>中欧班列（西安-汉堡）开行</h1><p>2020-01-02</p></body></html>");
    EQ("title with inner -", r.m.title, "中欧班列（西安-汉堡）开行");
    EQ("title node h1", node_name(r.nodes.title_node), "h1");
    done(&r);

    /* ArticleTitle (government CMS) is the title as it stands. */
    extract(&r, "<html><head><meta name=\"ArticleTitle\" content=\"关于做好2020年春节工作的通知\">"
                "<title>关于做好2020年春节工作的通知_通知公告_某某市人民政府</title></head>"
                "<body><div class=\"bt\">关于做好2020年春节工作的通知</div></body></html>");
    EQ("ArticleTitle", r.m.title, "关于做好2020年春节工作的通知");
    EQ("title node div.bt", node_attr(r.nodes.title_node, "class"), "bt");
    done(&r);

    /* og:title without a <title>. */
    extract(&r, "<html><head><meta property=\"og:title\" content=\"开放的标题\"></head>"
                "<body><p>x</p></body></html>");
    EQ("og:title", r.m.title, "开放的标题");
    done(&r);

    /* A breadcrumb that ends with the title is not the title element. */
    extract(&r, "<html><head><title>今年粮食总产量再创新高_要闻</title></head><body>"
                "<div class=\"crumb\">首页 &gt; 要闻 &gt; <span>今年粮食总产量再创新高</span></div>"
                "<h2>今年粮食总产量再创新高</h2><div>发布时间：2021-12-06</div></body></html>");
    EQ("breadcrumb title", r.m.title, "今年粮食总产量再创新高");
    EQ("breadcrumb: heading chosen", node_name(r.nodes.title_node), "h2");
    done(&r);
}

static void test_title_site_name(void)
{
    run r;
    /* <title> is only the site's name: the heading above the info line. */
    extract(&r, "<html><head><title>某某县人民政府</title></head><body>"
                "<div class=\"nav\"><a href=\"/\">首页</a></div>"
                "<h1>我县召开安全生产工作会议</h1><div>发布日期：2020-06-01</div>"
                "<p>正文正文正文。</p></body></html>");
    EQ("site-name title", r.m.title, "我县召开安全生产工作会议");
    EQ("site-name title node", node_name(r.nodes.title_node), "h1");
    EQ("site-name date", r.m.date, "2020-06-01");
    done(&r);
}

/* ---- dates on pages ---- */

static void test_page_dates(void)
{
    run r;
    /* The info line under the title beats the sidebar and the footer. */
    extract(&r, "<html><head><title>文章标题甲乙丙_网站</title></head><body>"
                "<ul class=\"side\"><li><a href=\"/1\">别的文章</a> 2018-03-02</li></ul>"
                "<h1>文章标题甲乙丙</h1><p class=\"info\">2019-11-13 来源：本网</p>"
                "<p>正文提到2017年5月6日发生的事情，这是一段很长的正文。</p>"
                "<div class=\"footer\">Copyright © 2003-2024 版权所有</div></body></html>");
    EQ("info-line date", r.m.date, "2019-11-13");
    done(&r);

    /* Meta tags. */
    extract(&r, "<html><head><meta name=\"PubDate\" content=\"2019-11-13 10:30\">"
                "<title>t</title></head><body><p>2018-01-01</p></body></html>");
    EQ("PubDate meta", r.m.date, "2019-11-13");
    done(&r);
    extract(&r, "<html><head><meta property=\"article:published_time\" "
                "content=\"2015-07-24T05:36:09+01:00\"></head><body></body></html>");
    EQ("article:published_time", r.m.date, "2015-07-24");
    done(&r);
    extract(&r, "<html><body><h1>Headline of the piece</h1>"
                "<time datetime=\"2016-02-03T10:00:00Z\">Feb 3</time></body></html>");
    EQ("<time datetime>", r.m.date, "2016-02-03");
    done(&r);

    /* An impossible date in the info line is not taken. */
    extract(&r, "<html><head><title>某某标题测试一下_网</title></head><body>"
                "<h1>某某标题测试一下</h1><div>发布时间：2019-02-30</div></body></html>");
    EQ("invalid info date", r.m.date, NULL);
    done(&r);

    /* A future date is not taken either. */
    extract(&r, "<html><head><meta name=\"publishdate\" content=\"2031-05-01\"></head>"
                "<body><h1>未来的文章标题</h1><div>发布时间：2031-05-01</div></body></html>");
    EQ("future date", r.m.date, NULL);
    done(&r);

    /* 落款-style Chinese numerals. */
    extract(&r, "<html><head><title>关于某事的通知_政府</title></head><body>"
                "<h1>关于某事的通知</h1><div>日期：二〇一九年十一月十三日</div></body></html>");
    EQ("Chinese numeral date", r.m.date, "2019-11-13");
    done(&r);

    /* A link to another page carries a date in its URL: not this page's. */
    extract(&r, "<html><head><title>没有日期的文章_网</title></head><body>"
                "<h1>没有日期的文章</h1><p><a href=\"/2019-11/13/c_1.htm\">上一篇</a></p>"
                "</body></html>");
    EQ("no date from other URLs", r.m.date, NULL);
    done(&r);

    /* The page's own URL does. */
    extract(&r, "<html><head><link rel=\"canonical\" href=\"http://www.example.cn/2019-11/13/"
                "c_1125224.htm\"></head><body><h1>标题标题</h1></body></html>");
    EQ("date from own URL", r.m.date, "2019-11-13");
    done(&r);
}

/* ---- 来源, 作者, info node ---- */

static void test_info_line(void)
{
    run r;
    extract(&r, "<html><head><title>1个100%+3个全覆盖,聊城市行政应诉工作取得新成效_地方法规_政策法规网"
                "</title></head><body><div class=\"article\">"
                "<h1 class=\"title\">1个100%+3个全覆盖,聊城市行政应诉工作取得新成效</h1>"
                "<div class=\"info\">时间:2019-11-13 来源:山东省司法厅 作者:佚名 浏览量:"
                "<script src=\"/count.php\"></script></div>"
                "<div class=\"content\"><p>近年来，聊城市积极探索行政应诉工作新模式。</p>"
                "<p>原文链接:http://sft.shandong.gov.cn/articles/ch04171/202101/8c97.shtml</p>"
                "</div></div></body></html>");
    EQ("seed title", r.m.title, "1个100%+3个全覆盖,聊城市行政应诉工作取得新成效");
    EQ("seed date", r.m.date, "2019-11-13");
    EQ("seed publisher", r.m.publisher, "山东省司法厅");
    EQ("seed author (佚名)", r.m.creator, NULL);
    EQ("seed source", r.m.source, "http://sft.shandong.gov.cn/articles/ch04171/202101/8c97.shtml");
    EQ("seed info node", node_attr(r.nodes.info_node, "class"), "info");
    EQ("seed source node", node_name(r.nodes.source_node), "p");
    EQ("seed title node", node_name(r.nodes.title_node), "h1");
    done(&r);

    /* Full-width colons, wide gaps, a real author, 编辑 ignored. */
    extract(&r, "<html><head><title>某地举办培训班_新闻</title></head><body>"
                "<h1>某地举办培训班</h1>"
                "<div class=\"xx\"><span>发布时间：2020年3月5日 09:12</span>&nbsp;&nbsp;"
                "<span>信息来源：市司法局</span>　　<span>作者：张三</span>"
                "<span>责任编辑：李四</span></div><p>正文。</p></body></html>");
    EQ("full-width publisher", r.m.publisher, "市司法局");
    EQ("full-width author", r.m.creator, "张三");
    EQ("full-width date", r.m.date, "2020-03-05");
    EQ("info node holds the spans", node_attr(r.nodes.info_node, "class"), "xx");
    done(&r);

    /* 编辑 alone is no author; 本站 is no publisher. */
    extract(&r, "<html><head><title>只有编辑的文章_网</title></head><body>"
                "<h1>只有编辑的文章</h1><div>来源：本站 编辑：王五 日期：2021-01-02</div>"
                "</body></html>");
    EQ("编辑 is not the author", r.m.creator, NULL);
    EQ("本站 is no publisher", r.m.publisher, NULL);
    EQ("date after 编辑", r.m.date, "2021-01-02");
    done(&r);

    /* 记者 bylines. */
    extract(&r, "<html><head><title>记者来稿的新闻_网</title></head><body>"
                "<h1>记者来稿的新闻</h1><div>2022-02-13 来源：云南日报</div>"
                "<p>这是一段足够长的正文内容，记者了解到许多情况，接受记者采访时他说了很多话，"
                "这里还要再写一些字让这一段变成很长的正文段落。（记者 胡晓蓉）</p></body></html>");
    EQ("记者 at the end", r.m.creator, "胡晓蓉");
    EQ("来源 云南日报", r.m.publisher, "云南日报");
    done(&r);

    /* ContentSource and Author meta tags. */
    extract(&r, "<html><head><meta name=\"ContentSource\" content=\"人民日报\">"
                "<meta name=\"author\" content=\"赵六\"></head><body></body></html>");
    EQ("ContentSource", r.m.publisher, "人民日报");
    EQ("Author meta", r.m.creator, "赵六");
    done(&r);

    /* An author tag holding the page's 编辑 is no author either. */
    extract(&r, "<html><head><meta name=\"author\" content=\"倪仕轩\">"
                "<title>一篇文章的标题_南方网</title></head><body><h1>一篇文章的标题</h1>"
                "<p>正文。</p><div class=\"m-editor\">编辑：倪仕轩</div></body></html>");
    EQ("editor in author tag", r.m.creator, NULL);
    done(&r);

    /* 记者 in prose is no byline. */
    extract(&r, "<html><head><title>会议召开了_网</title></head><body><h1>会议召开了</h1>"
                "<div>2020-05-06</div><p>他在接受记者采访时表示。</p><p>记者了解到，会议很成功。</p>"
                "</body></html>");
    EQ("记者 in prose", r.m.creator, NULL);
    done(&r);

    /* An author tag naming the site is no author. */
    extract(&r, "<html><head><meta name=\"author\" content=\"网易\">"
                "<title>一篇文章的标题_网易财经</title></head><body></body></html>");
    EQ("site as author", r.m.creator, NULL);
    done(&r);
}

/* ---- 原文链接 ---- */

static void test_source(void)
{
    run r;
    extract(&r, "<html><body><h1>转载文章的标题</h1><div id=\"c\"><p>正文正文。</p>"
                "<p>原文链接：<a href=\"https://www.gov.cn/zhengce/2020-01/01/content_1.htm\">"
                "点击查看</a></p></div></body></html>");
    EQ("原文链接 <a>", r.m.source, "https://www.gov.cn/zhengce/2020-01/01/content_1.htm");
    EQ("原文链接 node", node_name(r.nodes.source_node), "p");
    done(&r);

    extract(&r, "<html><body><p>原文地址: http://example.org/a/b.html 。</p></body></html>");
    EQ("原文地址 text", r.m.source, "http://example.org/a/b.html");
    done(&r);

    /* A relative link is not a source URL. */
    extract(&r, "<html><body><p>原文链接：<a href=\"/a/1.html\">这里</a></p></body></html>");
    EQ("relative 原文链接", r.m.source, NULL);
    done(&r);
}

/* ---- captured URL and lang ---- */

static void test_url_lang(void)
{
    run r;
    extract(&r, "<html lang=\"zh-cn\"><head><link rel=\"canonical\" href=\"https://a.example/x.html\">"
                "<meta property=\"og:url\" content=\"https://b.example/y.html\">"
                "<base href=\"https://c.example/\"></head><body></body></html>");
    EQ("canonical first", r.m.url, "https://a.example/x.html");
    EQ("lang zh-cn", r.m.lang, "zh-CN");
    done(&r);

    extract(&r, "<html lang=\"zh_CN\"><head><link rel=\"canonical\" href=\"/relative.html\">"
                "<meta property=\"og:url\" content=\"https://b.example/y.html\"></head></html>");
    EQ("og:url when canonical is relative", r.m.url, "https://b.example/y.html");
    EQ("lang zh_CN", r.m.lang, "zh-CN");
    done(&r);

    extract(&r, "<html lang=\"zh-hans-cn\"><head><base href=\"http://c.example/dir/\"></head></html>");
    EQ("base href", r.m.url, "http://c.example/dir/");
    EQ("lang zh-hans-cn", r.m.lang, "zh-Hans-CN");
    done(&r);

    extract(&r, "<html><head><base href=\"ftp://c.example/\"></head><body></body></html>");
    EQ("no http URL", r.m.url, NULL);
    EQ("no lang", r.m.lang, NULL);
    done(&r);

    extract(&r, "<html lang=\"EN-us\"><body></body></html>");
    EQ("lang EN-us", r.m.lang, "en-US");
    done(&r);
}

/* The language the text is written in, where the page says none or says
 * one of another script. */
static const char *lang_of(const char *html, const char *charset)
{
    static char got[16];
    run r;
    extract(&r, html);
    xmlNodePtr body = xmlDocGetRootElement(r.doc);
    for (body = body->children; body && !xml_is(body, "body"); body = body->next)
        ;
    page_meta_lang_fallback(&r.m, body, charset);
    snprintf(got, sizeof got, "%s", r.m.lang ? r.m.lang : "(none)");
    done(&r);
    return got;
}

static void test_lang_by_script(void)
{
    const char *zh = "<p>记者从市住建部门获悉，今年以来全市实施城市更新项目86个。</p>";
    char page[512];
    snprintf(page, sizeof page, "<html lang=\"en-US\"><body>%s</body></html>", zh);
    EQ("a template's en over Chinese", lang_of(page, "GBK"), "zh-CN");
    EQ("…over Big5 Chinese", lang_of(page, "BIG5"), "zh-TW");
    snprintf(page, sizeof page, "<html><body>%s</body></html>", zh);
    EQ("none said, Chinese text", lang_of(page, "UTF-8"), "zh-CN");
    EQ("none said, Japanese text",
       lang_of("<html><body><p>集会では、日本の専門家らが講演した。</p></body></html>", "UTF-8"), "ja");
    EQ("none said, Korean text", lang_of("<html><body><p>서울에서 회의가 열렸다.</p></body></html>", "UTF-8"),
       "ko");
    EQ("none said, English text", lang_of("<html><body><p>The council met on Monday.</p></body></html>", "UTF-8"),
       "en");
    /* a few Chinese words in English text leave it English */
    EQ("en with a quoted name",
       lang_of("<html lang=\"en\"><body><p>The park, called 人民公园 by locals, reopened on Monday after "
               "three years of work.</p></body></html>", "UTF-8"), "en");
    EQ("a CJK lang stays", lang_of("<html lang=\"zh-TW\"><body>" "<p>The council met.</p></body></html>", "UTF-8"),
       "zh-TW");
    EQ("a Chinese code other than zh stays", lang_of(
       "<html lang=\"yue-HK\"><body><p>佢哋今日開會。</p></body></html>", "UTF-8"), "yue-HK");
}

/* ---- traditional Chinese and English info lines ---- */

static void test_traditional(void)
{
    run r;
    /* A Taiwanese government page: the values keep their traditional form. */
    extract(&r, "<html><head><title>臺中市推動公共運輸轉乘優惠 - 臺中市政府交通局</title></head><body>"
                "<h2 class=\"news-title\">臺中市推動公共運輸轉乘優惠</h2>"
                "<div class=\"news-info\">發布日期：2023-05-10　資料來源：臺中市政府交通局　"
                "瀏覽人次：3581</div><p>為鼓勵市民多加利用大眾運輸。</p></body></html>");
    EQ("資料來源", r.m.publisher, "臺中市政府交通局");
    EQ("發布日期", r.m.date, "2023-05-10");
    EQ("traditional info node", node_attr(r.nodes.info_node, "class"), "news-info");
    done(&r);

    extract(&r, "<html><head><title>颱風消息一則_新聞網</title></head><body><h1>颱風消息一則</h1>"
                "<div><span>發佈日期：2021/8/3</span><span>來源：中央社</span>"
                "<span>作者：記者 劉洋</span><span>編輯：王大明</span></div></body></html>");
    EQ("來源", r.m.publisher, "中央社");
    EQ("發佈日期", r.m.date, "2021-08-03");
    EQ("作者：記者 劉洋", r.m.creator, "劉洋");
    done(&r);

    extract(&r, "<html><head><title>市府記者會紀要_新聞網</title></head><body><h1>市府記者會紀要</h1>"
                "<div>日期：2022-01-05　消息來源：市政府新聞處</div>"
                "<p>（本報記者 張三）</p></body></html>");
    EQ("消息來源 with a colon", r.m.publisher, "市政府新聞處");
    EQ("日期", r.m.date, "2022-01-05");
    EQ("本報記者", r.m.creator, "張三");
    done(&r);

    extract(&r, "<html><head><title>市場觀察報告_網</title></head><body><h1>市場觀察報告</h1>"
                "<div>文章來源：經濟日報 發布時間：2020-07-08 10:30</div>"
                "<p>據消息來源稱，此事尚在研議之中，相關單位將於近日公布更多細節。</p></body></html>");
    EQ("文章來源", r.m.publisher, "經濟日報");
    EQ("發布時間", r.m.date, "2020-07-08");
    done(&r);

    /* 消息來源 in prose names nobody. */
    extract(&r, "<html><head><title>傳聞一則_網</title></head><body><h1>傳聞一則</h1>"
                "<div>2020-07-08</div><p>據消息來源稱此事尚在研議。</p></body></html>");
    EQ("消息來源 in prose", r.m.publisher, NULL);
    done(&r);

    /* A long line whose date only 發布時間 marks as the publication's. */
    extract(&r, "<html><head><title>說明一則_網</title></head><body><h1>說明一則</h1>"
                "<div>這是一段關於此事的說明文字這是一段關於此事的說明文字這是一段關於此事的說明文字"
                "這是一段關於此事的說明文字 發布時間 2020年2月2日</div></body></html>");
    EQ("發布時間 in a long line", r.m.date, "2020-02-02");
    done(&r);

    /* 編輯 in the author tag is the editor in traditional script too. */
    extract(&r, "<html><head><meta name=\"author\" content=\"陳小華\">"
                "<title>一篇文章的標題_網</title></head><body><h1>一篇文章的標題</h1>"
                "<p>正文。</p><div>編輯：陳小華</div></body></html>");
    EQ("編輯 in author tag", r.m.creator, NULL);
    done(&r);
}

static void test_english_info(void)
{
    run r;
    extract(&r, "<html lang=\"en\"><head><title>Liaocheng opens cross-border e-commerce park - "
                "Shandong Government</title></head><body><div class=\"article\">"
                "<h1>Liaocheng opens cross-border e-commerce park</h1>"
                "<div class=\"info\">Updated: 2023-07-04 | Source: China Daily | By Zhao Ruixue</div>"
                "<p>Liaocheng, a city in western Shandong province, opened a park.</p></div>"
                "</body></html>");
    EQ("Updated:", r.m.date, "2023-07-04");
    EQ("Source:", r.m.publisher, "China Daily");
    EQ("By", r.m.creator, "Zhao Ruixue");
    EQ("English info node", node_attr(r.nodes.info_node, "class"), "info");
    done(&r);

    extract(&r, "<html><head><title>A long headline about things - Site</title></head><body>"
                "<h1>A long headline about things</h1><div>SOURCE: Xinhua</div>"
                "<div>Published: March 25, 2015</div><p>Text of the story goes here.</p>"
                "</body></html>");
    EQ("SOURCE:", r.m.publisher, "Xinhua");
    EQ("Published:", r.m.date, "2015-03-25");
    done(&r);

    extract(&r, "<html><head><title>Another headline here - Site</title></head><body>"
                "<h1>Another headline here</h1><div>Posted: 2019-11-13</div></body></html>");
    EQ("Posted:", r.m.date, "2019-11-13");
    done(&r);

    /* A photo's credit under the title, and a chart's source in the text,
     * name no publisher. */
    extract(&r, "<html><head><title>Metadata law passes the senate - Site</title></head><body>"
                "<h1>Metadata law passes the senate</h1>"
                "<p class=\"caption\"><span>A new Bill would require telecommunications service "
                "providers to store metadata for two years.</span> <span><em>Source:</em> "
                "Supplied</span></p><p>Image source: Getty Images</p>"
                "<p>The law passed on Thursday after a long debate in the chamber.</p>"
                "<p>Source: Bureau of Labor Statistics</p></body></html>");
    EQ("caption and chart credits", r.m.publisher, NULL);
    done(&r);

    /* A wide gap inside a Latin name comes out as one space. */
    extract(&r, "<html><head><title>Health news of the day - WebMD</title></head><body>"
                "<h1>Health news of the day</h1><div>By Kelli&nbsp;&nbsp;Miller</div>"
                "</body></html>");
    EQ("gap in a name", r.m.creator, "Kelli Miller");
    done(&r);
}

/* ---- role words in bylines ---- */

static void author_is(const char *info, const char *want, int line)
{
    char html[1024];
    snprintf(html, sizeof html, "<html><head><title>记者来稿的新闻_网</title></head><body>"
                                "<h1>记者来稿的新闻</h1><div>2022-02-13</div><div>%s</div>"
                                "<p>正文。</p></body></html>", info);
    run r;
    extract(&r, html);
    char what[300];
    snprintf(what, sizeof what, "author of \"%s\"", info);
    check_eq(what, r.m.creator, want, line);
    done(&r);
}
#define AUTHOR(info, want) author_is(info, want, __LINE__)

static void test_roles(void)
{
    AUTHOR("作者：记者 刘洋", "刘洋");
    AUTHOR("作者：记者 高峰　编辑：周敏", "高峰");
    AUTHOR("记者：高峰", "高峰");
    AUTHOR("记者 刘洋", "刘洋");
    AUTHOR("本报记者 张三", "张三");
    AUTHOR("通讯员 李四", "李四");
    AUTHOR("实习生 王五", "王五");
    AUTHOR("记者 张三 李四", "张三 李四");
    AUTHOR("记者 张三 通讯员 李四", "张三 李四");
    AUTHOR("作者：本报记者 张三 通讯员 李四", "张三 李四");
    AUTHOR("作者：济南日报记者刘洋", "刘洋");
    AUTHOR("作者：张三 见习记者 李四", "张三 李四");
    AUTHOR("作者：新华社记者", NULL);
    AUTHOR("本报通讯员 赵六 摄", NULL);
    AUTHOR("文/本报记者 孙七", "孙七");
    AUTHOR("他们招聘实习生和记者", NULL);
    /* A paper's name run on into 记者, whatever it ends with. */
    AUTHOR("澎湃新闻记者 贺梨萍", "贺梨萍");
    AUTHOR("光明日报客户端记者 张三 李四", "张三 李四");
    AUTHOR("接受本报记者 采访", NULL);
    AUTHOR("多名新闻记者 到场了", NULL);
    /* An English name followed by its degree or its agency. */
    AUTHOR("By Brenda  Goodman, MA", "Brenda Goodman");
    AUTHOR("By Tom Lee, Reuters", "Tom Lee");
    AUTHOR("By Tom Lee Jan. 12, 2017", "Tom Lee");
    /* Names with letters past ASCII, and a capital past it after By. */
    AUTHOR("By Renata Solís, Contributor", "Renata Solís");
    AUTHOR("By Anna Müller-Schmidt, Contributor", "Anna Müller-Schmidt");
    AUTHOR("By Chloé O'Neil, Reuters", "Chloé O'Neil");
    AUTHOR("By Émile Zola Jan. 12, 2017", "Émile Zola");
    /* The names end with their own sentence, not at an initial. */
    AUTHOR("By Ana Ruiz and Tom Field. New episodes every Thursday.", "Ana Ruiz, Tom Field");
    AUTHOR("By J. R. Hartley and Tom Field", "J. R. Hartley, Tom Field");
    /* Names joined by "and" are listed with commas, as folio writes
     * every list of authors; a couple's one surname or an office stays
     * whole, and the writer's post after the names goes. */
    AUTHOR("By Linda and Gary Presser", "Linda and Gary Presser");
    AUTHOR("By Rosa Delgado and Tom Whitfield, Courier Staff", "Rosa Delgado, Tom Whitfield");
    AUTHOR("By Anna van der Berg & Tom Field", "Anna van der Berg, Tom Field");
    AUTHOR("By Ola Brennan, Patch Staff", "Ola Brennan");
    AUTHOR("By Mark St. Clair", "Mark St. Clair");
    /* Other languages' byline words open the line, never a sentence. */
    AUTHOR("Von Ulrike Hahn", "Ulrike Hahn");
    AUTHOR("Par Claire Morel", "Claire Morel");
    AUTHOR("Der Preis von Strom steigt weiter", NULL);
    /* Reporters a dateline's paren names, run on after 记者. */
    AUTHOR("新华社北京5月17日电（记者张曦月、李倩）", "张曦月 李倩");
    AUTHOR("长江网10月4日讯（记者陈智 整合）", "陈智");
    /* Names listed with 、 are set apart by a space; a paper's name
     * before the second role is no name. */
    AUTHOR("记者 郑晨、实习生 李想 深圳报道", "郑晨 李想");
    AUTHOR("青禾周刊记者 林思远 青禾周刊实习生 何雨", "林思远 何雨");
    /* The writer's name after 文/图, after a gap within the line too. */
    AUTHOR("来源：教务处　文/图：孙浩然", "孙浩然");

    /* The button beside an author's card is no name. */
    run rb;
    extract(&rb, "<html><head><title>夜市复苏记</title></head><body><h1>夜市复苏记</h1>"
                 "<div>2024-02-14</div><p>这是一段足够长的正文内容，这里还要再写一些字让这一段变成很长的正文段落。</p>"
                 "<div class=\"post_side_author\"><a class=\"follow\">关注</a></div></body></html>");
    EQ("a follow button in an author box", rb.m.creator, NULL);
    done(&rb);

    /* The closing byline of a paragraph, with two roles. */
    run r;
    extract(&r, "<html><head><title>一条新闻的标题_网</title></head><body><h1>一条新闻的标题</h1>"
                "<div>2022-02-13</div><p>这是一段足够长的正文内容，这里还要再写一些字让这一段变成"
                "很长的正文段落，这里还要再写一些字让这一段变成很长的正文段落。（记者 胡晓蓉 "
                "通讯员 李明）</p></body></html>");
    EQ("closing byline with 通讯员", r.m.creator, "胡晓蓉 李明");
    done(&r);

    /* Role words in an author tag go as well. */
    extract(&r, "<html><head><meta name=\"author\" content=\"本报记者 王芳\"></head><body></body></html>");
    EQ("author tag with a role", r.m.creator, "王芳");
    done(&r);

    /* A byline in capitals run on into its date's month: the tag's name. */
    static const char *const shouts[][2] = {
        { "By JANE DOE JAN. 12, 2017", "Jane Doe" },
        { "By JANE DOE JULY 3, 2015", "Jane Doe" },
        { "By JANE DOE", "Jane Doe" },
    };
    for (size_t i = 0; i < sizeof shouts / sizeof shouts[0]; i++) {
        char page[512];
        snprintf(page, sizeof page,
                 "<html><head><meta name=\"author\" content=\"Jane Doe\"><title>Rates rise</title></head>"
                 "<body><h1>Rates rise</h1><p class=\"byline\">%s</p>"
                 "<p>The bank raised its rates again on Tuesday, the third rise this year.</p></body></html>",
                 shouts[i][0]);
        extract(&r, page);
        EQ(shouts[i][0], r.m.creator, shouts[i][1]);
        done(&r);
    }
    /* A name that goes on past the tag's is the byline's own. */
    extract(&r, "<html><head><meta name=\"author\" content=\"Jane\"><title>Rates rise</title></head>"
                "<body><h1>Rates rise</h1><p class=\"byline\">By Jane Doe</p>"
                "<p>The bank raised its rates again on Tuesday, the third rise this year.</p></body></html>");
    EQ("byline longer than the tag", r.m.creator, "Jane Doe");
    done(&r);
}

/* ---- who put the page up ---- */

static void test_publisher_fallbacks(void)
{
    run r;
    /* A WeChat article: the account, not the platform. */
    extract(&r, "<html><head><meta property=\"og:title\" content=\"聊城今年将新建改造口袋公园50处\">"
                "<meta property=\"og:site_name\" content=\"微信公众平台\">"
                "<title>聊城今年将新建改造口袋公园50处</title></head><body>"
                "<h1 class=\"rich_media_title\" id=\"activity-name\">聊城今年将新建改造口袋公园50处</h1>"
                "<div id=\"meta_content\"><span id=\"profileBt\"><a href=\"javascript:void(0);\" "
                "id=\"js_name\">\n   聊城发布\n  </a></span><em id=\"post-date\">2023-05-18</em></div>"
                "<div id=\"js_content\"><p>记者从市住房和城乡建设局获悉。</p></div></body></html>");
    EQ("WeChat account", r.m.publisher, "聊城发布");
    EQ("WeChat date", r.m.date, "2023-05-18");
    done(&r);

    extract(&r, "<html><head><meta property=\"og:site_name\" content=\"微信公众平台\">"
                "<title>一篇推文</title></head><body><h1>一篇推文</h1>"
                "<div class=\"profile_inner\"><strong class=\"profile_nickname\">济南发布</strong></div>"
                "</body></html>");
    EQ("WeChat profile card", r.m.publisher, "济南发布");
    done(&r);

    extract(&r, "<html><head><meta property=\"og:site_name\" content=\"微信公众平台\">"
                "<title>一篇推文</title></head><body><h1>一篇推文</h1><p>正文。</p></body></html>");
    EQ("the platform is no publisher", r.m.publisher, NULL);
    done(&r);

    /* A stated 来源 comes before the account. */
    extract(&r, "<html><head><title>一篇转载的推文</title></head><body><h1>一篇转载的推文</h1>"
                "<a id=\"js_name\">聊城发布</a><p>来源：大众日报</p></body></html>");
    EQ("来源 before the account", r.m.publisher, "大众日报");
    done(&r);

    /* og:site_name names the site; application-name only without it, and
     * never when it holds the article's title. */
    extract(&r, "<html><head><meta name=\"application-name\" content=\"Nintendo game launches\">"
                "<meta property=\"og:site_name\" content=\"MSN\">"
                "<title>Nintendo game launches</title></head><body><h1>Nintendo game launches</h1>"
                "</body></html>");
    EQ("og:site_name over application-name", r.m.publisher, "MSN");
    done(&r);
    extract(&r, "<html><head><meta name=\"application-name\" content=\"Nintendo game launches\">"
                "<title>Nintendo game launches</title></head><body><h1>Nintendo game launches</h1>"
                "</body></html>");
    EQ("application-name holding the title", r.m.publisher, NULL);
    done(&r);
    extract(&r, "<html><head><meta name=\"application-name\" content=\"Lifehacker\">"
                "<title>Ten tips - Lifehacker</title></head><body><h1>Ten tips</h1></body></html>");
    EQ("application-name", r.m.publisher, "Lifehacker");
    done(&r);

    /* A 公文's issuing body, from its record table, before the site's name. */
    extract(&r, "<html><head><meta name=\"SiteName\" content=\"信息公开专栏\">"
                "<title>关于禁止新增建设项目的通告</title></head><body>"
                "<table><tr><td>发文机关：</td><td>吉林省人民政府</td><td>成文日期：</td>"
                "<td>2022年01月27日</td></tr></table><h1>关于禁止新增建设项目的通告</h1>"
                "<p>正文。</p></body></html>");
    EQ("发文机关 before SiteName", r.m.publisher, "吉林省人民政府");
    done(&r);
    extract(&r, "<html><head><meta name=\"SiteName\" content=\"聊城市人民政府\">"
                "<title>关于某事的通知</title></head><body><h1>关于某事的通知</h1>"
                "<ul><li>发布机构：聊城市人民政府办公室</li></ul><p>正文。</p></body></html>");
    EQ("发布机构 in its line", r.m.publisher, "聊城市人民政府办公室");
    done(&r);
    extract(&r, "<html><head><meta name=\"SiteName\" content=\"聊城市人民政府\">"
                "<title>关于某事的通知</title></head><body><h1>关于某事的通知</h1>"
                "<p>正文。</p></body></html>");
    EQ("SiteName", r.m.publisher, "聊城市人民政府");
    done(&r);

    /* JSON-LD's publisher after og:site_name; an object known only by its
     * "@id" has no name to give, and a platform is no publisher. */
    extract(&r, "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Post\"}}</script>"
                "<title>Tides</title></head><body><h1>Tides</h1><p>Text.</p></body></html>");
    EQ("JSON-LD publisher", r.m.publisher, "Harbour Post");
    done(&r);
    extract(&r, "<html><head><meta property=\"og:site_name\" content=\"The Post\">"
                "<script type=\"application/ld+json\">{\"publisher\":{\"name\":\"Post Media Inc.\"}}"
                "</script><title>Tides</title></head><body><h1>Tides</h1><p>Text.</p></body></html>");
    EQ("og:site_name before JSON-LD", r.m.publisher, "The Post");
    done(&r);
    extract(&r, "<html><head><script type=\"application/ld+json\">{\"publisher\": {\"@id\": "
                "\"https://example.com/#org\"}, \"author\": {\"@id\": \"https://example.com/#me\"}}</script>"
                "<title>Tides</title></head><body><h1>Tides</h1><p>Text.</p></body></html>");
    EQ("JSON-LD publisher by @id", r.m.publisher, NULL);
    EQ("JSON-LD author by @id", r.m.creator, NULL);
    done(&r);
    extract(&r, "<html><head><script type=\"application/ld+json\">{\"publisher\":{\"name\":\"今日头条\"}}"
                "</script><title>一篇文章</title></head><body><h1>一篇文章</h1><p>正文。</p></body></html>");
    EQ("a platform in JSON-LD", r.m.publisher, NULL);
    done(&r);
}

static void test_empty(void)
{
    run r;
    extract(&r, "<p>只有一段话</p>");
    EQ("empty title", r.m.title, NULL);
    EQ("empty date", r.m.date, NULL);
    OK("no nodes", !r.nodes.title_node && !r.nodes.info_node && !r.nodes.source_node);
    done(&r);
    article_meta m = { 0 };
    page_meta_extract(NULL, &m, NULL, NOW, NULL);
    OK("NULL doc leaves meta empty", !m.title && !m.date);
}

int main(void)
{
    test_date_forms();
    test_date_invalid();
    test_date_other_languages_invalid();
    test_title_suffix();
    test_title_site_name();
    test_page_dates();
    test_info_line();
    test_traditional();
    test_english_info();
    test_roles();
    test_publisher_fallbacks();
    test_source();
    test_url_lang();
    test_lang_by_script();
    test_empty();
    printf("test_page_meta: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
