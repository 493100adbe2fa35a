/* Unit tests for site_rules: reading ftr-site-config files, finding the
 * file for a host, the page's host, and what the rules do to a page. */
#include "common/tool_io.h"
#include "clean/page.h"
#include "clean/rules/site_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

#define NOW 1735689600LL   /* 2025-01-01: "no date in the future" is fixed */

static site_rules *parse(const char *text, const char *path)
{
    return site_rules_parse(text, strlen(text), path, &io_reporter);
}

/* Parse with standard error going into OUT, to test what users are told. */
static site_rules *parse_capturing(const char *text, const char *path, buf_t *out)
{
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), 2);
    site_rules *r = parse(text, path);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    char chunk[512];
    size_t n;
    buf_reset(out);
    while ((n = fread(chunk, 1, sizeof chunk, tmp)) > 0)
        buf_add(out, chunk, n);
    fclose(tmp);
    return r;
}

/* ---- reading rule files ------------------------------------------------- */

static void test_parse(void)
{
    site_rules *r = parse("\xef\xbb\xbf# a comment\r\n"
                          "title: //h1\r\n"
                          "body: //div[@id='UCAP-CONTENT']\n"
                          "body: //div[contains(@class,'pages_content')]\n"
                          "\n"
                          "   strip: //div[@class='share']   \n"
                          "strip: //p[@class='editor']\n"
                          "strip_id_or_class: qr_code\n"
                          "date: //meta[@name='PubDate']/@content\n"
                          "author: //span[@class='author']\n"
                          "tidy: no\n"
                          "prune: no\n"
                          "test_url: http://www.gov.cn/x.htm\n"
                          "single_page_link: //a[@class='all']\n"
                          "replace_string(<br />): <p>\n"
                          "just some words\n"
                          "title:\n",
                          "rules/www.gov.cn.txt");
    OK("two bodies", site_rules_count(r, SITE_BODY) == 2);
    OK("one title", site_rules_count(r, SITE_TITLE) == 1);
    OK("two strips", site_rules_count(r, SITE_STRIP) == 2);
    OK("one strip_id_or_class", site_rules_count(r, SITE_STRIP_ID_OR_CLASS) == 1);
    OK("one date", site_rules_count(r, SITE_DATE) == 1);
    OK("one author", site_rules_count(r, SITE_AUTHOR) == 1);
    EQ("value trimmed, CR dropped", r->rules[0].value, "//h1");
    EQ("strip trimmed", r->rules[3].value, "//div[@class='share']");
    OK("line numbers count the comment", r->rules[1].line == 3);
    OK("bodies in file order", r->rules[1].line < r->rules[2].line);
    OK("seven lines noted", r->n_notes == 7);
    if (r->n_notes == 7) {
        EQ("unknown directive noted", r->notes[0].what, "unknown directive tidy, ignored");
        OK("its line", r->notes[0].line == 11);
        EQ("replace_string noted", r->notes[4].what, "unknown directive replace_string(<br />), ignored");
        EQ("no colon", r->notes[5].what, "not a directive, ignored: just some words");
        EQ("empty value", r->notes[6].what, "empty title, ignored");
    }
    site_rules_free(r);

    r = parse("TITLE: //h1\nBody://div", "x.txt");
    OK("directive names ignore case and spacing", site_rules_count(r, SITE_TITLE) == 1 &&
                                                  site_rules_count(r, SITE_BODY) == 1);
    site_rules_free(r);

    r = parse("", "empty.txt");
    OK("an empty file has no rules", r->n_rules == 0 && r->n_notes == 0);
    site_rules_free(r);
}

static void test_bad_xpath(void)
{
    buf_t err;
    buf_init(&err);
    io_progname = "folio-clean";
    site_rules *r = parse_capturing("body: //div[@id='a']\n"
                                    "# the next one is cut short\n"
                                    "body: //div[@id='b'\n"
                                    "strip: ///\n"
                                    "title: //h1\n",
                                    "rules/bad.txt", &err);
    OK("good rules kept", site_rules_count(r, SITE_BODY) == 1 && site_rules_count(r, SITE_TITLE) == 1);
    OK("bad rules skipped", site_rules_count(r, SITE_STRIP) == 0);
    OK("bad XPath reported with file and line",
       err.data && strstr(err.data, "folio-clean: rules/bad.txt:3: bad XPath: //div[@id='b'\n"));
    OK("second bad XPath reported", err.data && strstr(err.data, "folio-clean: rules/bad.txt:4: bad XPath"));
    OK("libxml2 says nothing itself", err.data && !strstr(err.data, "XPath error"));
    site_rules_free(r);

    r = parse_capturing("strip_id_or_class: it's \"odd\"\n", "q.txt", &err);
    OK("a name with both quotes cannot be an XPath literal", r->n_rules == 0 && r->n_notes == 1);
    OK("...and is not an XPath error", !err.len);
    site_rules_free(r);
    buf_free(&err);
}

/* ---- finding the file --------------------------------------------------- */

static void check_names(const char *host, const char *want, int line)
{
    buf_t names, joined;
    buf_init(&names);
    buf_init(&joined);
    int k = site_rules_names(host, &names);
    const char *p = names.data;
    for (int i = 0; i < k; i++, p += strlen(p) + 1)
        buf_printf(&joined, "%s%s", i ? " " : "", p);
    check_eq(host, joined.len ? joined.data : "", want, line);
    buf_free(&names);
    buf_free(&joined);
}

static void test_names(void)
{
    check_names("www.gov.cn", "www.gov.cn.txt gov.cn.txt .gov.cn.txt", __LINE__);
    check_names("a.b.shanxi.gov.cn",
                "a.b.shanxi.gov.cn.txt .b.shanxi.gov.cn.txt .shanxi.gov.cn.txt .gov.cn.txt", __LINE__);
    check_names("gov.cn", "gov.cn.txt", __LINE__);
    check_names("www.cn", "www.cn.txt", __LINE__);
    check_names("localhost", "localhost.txt", __LINE__);
    check_names("../etc/passwd", "", __LINE__);
    check_names("a/b.cn", "", __LINE__);
    check_names("a..b.cn", "", __LINE__);
    check_names(".gov.cn", "", __LINE__);
    check_names("", "", __LINE__);
}

static void check_host(const char *url, const char *want, int line)
{
    buf_t h;
    buf_init(&h);
    bool ok = site_rules_url_host(url, &h);
    check_eq(url ? url : "(null)", ok ? h.data : NULL, want, line);
    buf_free(&h);
}

static void test_url_host(void)
{
    check_host("https://WWW.Gov.CN:443/zhengce/content.htm?x=1#y", "www.gov.cn", __LINE__);
    check_host("http://user:pw@fgw.zj.gov.cn/art/1.html", "fgw.zj.gov.cn", __LINE__);
    check_host("//www.shanxi.gov.cn/a", "www.shanxi.gov.cn", __LINE__);
    check_host("www.sohu.com/a/434365209_123753", "www.sohu.com", __LINE__);
    check_host("http://www.nmg.gov.cn./", "www.nmg.gov.cn", __LINE__);
    check_host("  http://xxgk.jl.gov.cn", "xxgk.jl.gov.cn", __LINE__);
    check_host("/relative/page.html", NULL, __LINE__);
    check_host("mailto:someone@gov.cn", NULL, __LINE__);
    check_host("javascript:void(0)", NULL, __LINE__);
    check_host("http://../x", NULL, __LINE__);
    check_host("http:///x", NULL, __LINE__);
    check_host("", NULL, __LINE__);
    check_host(NULL, NULL, __LINE__);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void remove_file(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static const char *path_of(const site_rules *r)
{
    const char *slash = r ? strrchr(r->path, '/') : NULL;
    return slash ? slash + 1 : NULL;
}

static void test_lookup(void)
{
    char dir[] = "/tmp/test_site_rules.XXXXXX";
    if (!mkdtemp(dir)) {
        OK("mkdtemp", false);
        return;
    }
    write_file(dir, "www.exact.gov.cn.txt", "body: //div[@id='exact']\n");
    write_file(dir, "nowww.gov.cn.txt", "body: //div[@id='nowww']\n");
    write_file(dir, ".gov.cn.txt", "body: //div[@id='family']\n");
    write_file(dir, ".shanxi.gov.cn.txt", "body: //div[@id='shanxi']\n");
    write_file(dir, "news.cn.txt", "body: //div[@id='news']\n");

    site_rules_dir *d = site_rules_open(dir, NULL);
    OK("opens a folder", d != NULL);
    if (d) {
        EQ("exact host", path_of(site_rules_for(d, "www.exact.gov.cn")), "www.exact.gov.cn.txt");
        EQ("www. stripped", path_of(site_rules_for(d, "www.nowww.gov.cn")), "nowww.gov.cn.txt");
        EQ("host without www.", path_of(site_rules_for(d, "nowww.gov.cn")), "nowww.gov.cn.txt");
        EQ("nearest wildcard first", path_of(site_rules_for(d, "www.taiyuan.shanxi.gov.cn")),
           ".shanxi.gov.cn.txt");
        EQ("family wildcard", path_of(site_rules_for(d, "sft.shandong.gov.cn")), ".gov.cn.txt");
        EQ("a wildcard is for subdomains, not the domain", path_of(site_rules_for(d, "gov.cn")), NULL);
        EQ("other domains untouched", path_of(site_rules_for(d, "www.xinhuanet.com")), NULL);
        EQ("no host, no rules", path_of(site_rules_for(d, "../gov.cn")), NULL);
        const site_rules *a = site_rules_for(d, "www.exact.gov.cn");
        OK("read once a run", a == site_rules_for(d, "www.exact.gov.cn"));
        site_rules_close(d);
    }
    char file[600];
    snprintf(file, sizeof file, "%s/news.cn.txt", dir);
    OK("a file is not a folder", site_rules_open(file, NULL) == NULL);
    OK("a missing folder", site_rules_open("/nonexistent/folio/rules", NULL) == NULL);

    remove_file(dir, "www.exact.gov.cn.txt");
    remove_file(dir, "nowww.gov.cn.txt");
    remove_file(dir, ".gov.cn.txt");
    remove_file(dir, ".shanxi.gov.cn.txt");
    remove_file(dir, "news.cn.txt");
    rmdir(dir);
}

/* ---- what rules do to a page -------------------------------------------- */

static htmlDocPtr page(const char *html)
{
    return page_parse_utf8(html, strlen(html));
}

static void test_page_host(void)
{
    htmlDocPtr doc = page("<html><head><meta name=\"SiteDomain\" content=\" fgw.zj.gov.cn,www.zjdpc.gov.cn\">"
                          "</head><body><p>x</p></body></html>");
    buf_t h;
    buf_init(&h);
    const char *how = NULL;
    OK("SiteDomain gives a host", site_rules_page_host(doc, NULL, &h, &how));
    EQ("its first domain", h.data, "fgw.zj.gov.cn");
    EQ("said so", how, "SiteDomain");
    OK("the URL comes first", site_rules_page_host(doc, "https://www.gov.cn/a.htm", &h, &how));
    EQ("URL host", h.data, "www.gov.cn");
    EQ("said so", how, "url");
    xmlFreeDoc(doc);

    doc = page("<html><head><META NAME=\"sitedomain\" CONTENT=\"http://www.nmg.gov.cn/\"></head>"
               "<body><p>x</p></body></html>");
    OK("any case, with a scheme", site_rules_page_host(doc, "/relative.html", &h, &how));
    EQ("its host", h.data, "www.nmg.gov.cn");
    xmlFreeDoc(doc);

    doc = page("<html><body><p>x</p></body></html>");
    OK("no host at all", !site_rules_page_host(doc, NULL, &h, &how));
    xmlFreeDoc(doc);
    buf_free(&h);
}

static const char *const NOTICE =
    "<html><head><title>站点标题</title><meta name=\"PubDate\" content=\"2023-03-15 09:30\"></head><body>"
    "<div class=\"crumb\">首页 &gt; 通知公告</div>"
    "<div class=\"detail\"><h2 class=\"tit\">关于开展安全检查的通知</h2>"
    "<div class=\"info\">发布时间：2023-03-15 作者：佚名</div>"
    "<div class=\"share-bar\">分享到：微信 微博</div>"
    "<div id=\"zw\"><p>各单位：根据工作安排，定于三月开展安全检查。</p>"
    "<div class=\"inner\"><p>请做好准备。</p></div></div>"
    "<div id=\"zw2\"><p>特此通知。</p></div>"
    "<div id=\"empty\"> </div>"
    "<p class=\"editor\">责任编辑：张三</p></div>"
    "</body></html>";

static void test_meta(void)
{
    htmlDocPtr doc = page(NOTICE);
    site_rules *r = parse("title: //h2[@class='missing']\n"
                          "title: //h2[@class='tit']\n"
                          "date: //div[@class='nothing-here']\n"
                          "date: //meta[@name='PubDate']/@content\n"
                          "author: substring-after(//div[@class='info'], '2023-03-15 ')\n",
                          "m.txt");
    article_meta m;
    memset(&m, 0, sizeof m);
    article_meta_set(&m.title, "站点标题");
    article_meta_set(&m.creator, "someone");
    page_meta_nodes nodes = { 0 };
    site_rules_meta(r, doc, &m, &nodes, NOW, NULL);
    EQ("second title: the first matched nothing", m.title, "关于开展安全检查的通知");
    OK("the title element is the title node",
       nodes.title_node && !xmlStrcmp(nodes.title_node->name, (const xmlChar *)"h2"));
    EQ("date from a meta tag's content, as a day", m.date, "2023-03-15");
    EQ("作者：佚名 names nobody", m.creator, NULL);
    article_meta_free(&m);
    site_rules_free(r);

    r = parse("author: string(//div[@class='info'])\ndate: //p[@class='editor']\n", "m2.txt");
    memset(&m, 0, sizeof m);
    article_meta_set(&m.date, "2020-01-01");
    site_rules_meta(r, doc, &m, NULL, NOW, NULL);
    EQ("a string result is text", m.creator, "发布时间：2023-03-15 作者：佚名");
    EQ("text without a date leaves the date", m.date, "2020-01-01");
    article_meta_free(&m);
    site_rules_free(r);
    xmlFreeDoc(doc);
}

static void test_strip(void)
{
    htmlDocPtr doc = page(NOTICE);
    site_rules *r = parse("strip: //div[@class='detail']/div[@class='info'] | //div[@class='info']/text()\n"
                          "strip: //p[@class='editor']\n"
                          "strip_id_or_class: share\n"
                          "strip: //html\n",
                          "s.txt");
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr info = xmlXPathEval((const xmlChar *)"//div[@class='info']", ctx);
    xmlXPathObjectPtr title = xmlXPathEval((const xmlChar *)"//h2", ctx);
    page_meta_nodes nodes = { title->nodesetval->nodeTab[0], info->nodesetval->nodeTab[0], NULL, false };
    xmlXPathFreeObject(info);
    xmlXPathFreeObject(title);
    site_rules_strip(r, doc, &nodes, NULL);
    OK("a node that was stripped is forgotten", nodes.info_node == NULL);
    OK("others are kept", nodes.title_node != NULL);
    buf_t t;
    buf_init(&t);
    page_text(xmlDocGetRootElement(doc), &t);
    OK("strip: removed", !strstr(t.data, "责任编辑") && !strstr(t.data, "发布时间"));
    OK("strip_id_or_class: matches part of a class", !strstr(t.data, "分享到"));
    OK("the rest stays", strstr(t.data, "首页") && strstr(t.data, "特此通知"));
    OK("the root element is never stripped", xmlDocGetRootElement(doc) != NULL);
    buf_free(&t);
    xmlXPathFreeContext(ctx);
    site_rules_free(r);
    xmlFreeDoc(doc);
}

static void test_body(void)
{
    htmlDocPtr doc = page(NOTICE);
    site_rules *r = parse("body: //div[@id='nothing']\n"
                          "body: //div[@id='empty']\n"
                          "body: //div[@id='zw'] | //div[@id='zw']/div | //div[@id='zw2']\n"
                          "body: //body\n",
                          "b.txt");
    extract_result res;
    memset(&res, 0, sizeof res);
    OK("a body matched", site_rules_body(r, doc, &res, NULL));
    xmlChar *id = res.n_nodes ? xmlGetProp(res.nodes[0], (const xmlChar *)"id") : NULL;
    OK("outermost matches only, in order", res.n_nodes == 2 && id && !xmlStrcmp(id, (const xmlChar *)"zw"));
    xmlFree(id);
    OK("counted", res.chars > 20 && res.punct >= 4 && !res.not_article);
    site_rules_free(r);

    r = parse("body: //div[@id='empty']\nbody: //p/text()\n", "b2.txt");
    OK("no element with text: the generic choice stands", !site_rules_body(r, doc, &res, NULL));
    site_rules_free(r);
    xmlFreeDoc(doc);
}

int main(void)
{
    test_parse();
    test_bad_xpath();
    test_names();
    test_url_host();
    test_lookup();
    test_page_host();
    test_meta();
    test_strip();
    test_body();
    printf("test_site_rules: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
