/* Unit tests for the Markdown writer: the emphasis flanking decision,
 * escaping, the pipe-or-HTML table choice and front-matter quoting. */
#include "article/article.h"
#include "md/md.h"
#include "md/md_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"


/* The Markdown body (front matter cut off) for an article whose body is BODY. */
static char *md_of(const char *body)
{
    buf_t doc, md;
    buf_init(&doc);
    buf_init(&md);
    buf_printf(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                     "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n"
                     "<head><meta charset=\"UTF-8\"/><title>T</title></head>\n"
                     "<body><article><h1>T</h1>\n%s\n</article></body></html>\n", body);
    article a;
    buf_t why;
    buf_init(&why);
    int parsed = article_parse(doc.data, doc.len, &a, &why);
    buf_free(&why);
    if (parsed != 0) {
        buf_free(&doc);
        return strdup("(not parsed)");
    }
    md_write_article(&a, NULL, &md);
    article_free(&a);
    buf_free(&doc);
    /* Keep what follows "# T\n\n", without the final newline. */
    const char *start = strstr(md.data, "# T\n");
    start = start ? start + 4 : md.data;
    if (*start == '\n')
        start++;
    char *out = strdup(start);
    size_t n = strlen(out);
    if (n && out[n - 1] == '\n')
        out[n - 1] = '\0';
    buf_free(&md);
    return out;
}

#define CHECK_MD(body, want) do { char *got_ = md_of(body); CHECK_STR(got_, want); free(got_); } while (0)

static void test_flanking(void)
{
    /* 中**“引号”**中: the opener sees a letter before and punctuation after. */
    CHECK(!md_can_open(0x4E2D, 0x201C, '*'));
    CHECK(!md_can_close(0x201D, 0x4E2D, '*'));
    CHECK(md_can_open(0x4E2D, 0x6587, '*'));        /* 中**文 */
    CHECK(md_can_close(0x6587, 0x5B57, '*'));       /* 文**字 */
    CHECK(md_can_close('3', 0xFF0C, '*'));          /* **1+3**， */
    CHECK(md_can_open(0x3002, 0xFF08, '*'));        /* 。**（ : punctuation on both sides */
    CHECK(!md_can_open(' ', ' ', '*'));
    CHECK(md_can_open(0, 'a', '*'));                /* line start counts as space */
    CHECK(!md_can_close(' ', 'a', '*'));
    /* ￥ is a symbol: punctuation for CommonMark 0.31, not for 0.29. */
    CHECK(!md_can_open(0x4E2D, 0xFFE5, '*'));
    CHECK(md_can_open('(', 0xFFE5, '*'));
    /* Literals: snake_case cannot delimit, 2*3 can. */
    CHECK(!md_may_delimit('e', 'c', '_'));
    CHECK(md_may_delimit('2', '3', '*'));
    CHECK(!md_may_delimit(' ', ' ', '*'));
    CHECK(md_may_delimit(0x4E2D, 0x6587, '~'));
}

static void test_emphasis_output(void)
{
    CHECK_MD("<p>中<strong>文</strong>字</p>", "中**文**字");
    CHECK_MD("<p>中<strong>“引号”</strong>中</p>", "中<strong>“引号”</strong>中");
    CHECK_MD("<p>实现了<strong>1+3</strong>，</p>", "实现了**1+3**，");
    CHECK_MD("<p>价格<strong>￥100</strong>元</p>", "价格<strong>￥100</strong>元");
    CHECK_MD("<p>a<strong>b </strong>c</p>", "a<strong>b </strong>c");
    CHECK_MD("<p><strong>甲</strong><strong>乙</strong></p>", "**甲**<strong>乙</strong>");
    CHECK_MD("<p><em>外<strong>内</strong>外</em></p>", "*外**内**外*");
    CHECK_MD("<p><strong>一<strong>二</strong>三</strong></p>", "**一<strong>二</strong>三**");
    CHECK_MD("<p>删<s>除</s>线</p>", "删~~除~~线");
    CHECK_MD("<p>x<strong></strong>y</p>", "xy");
}

static void test_escaping(void)
{
    CHECK_MD("<p>中文，没有需要转义的字符。</p>", "中文，没有需要转义的字符。");
    CHECK_MD("<p>1. 项目</p>", "1\\. 项目");
    CHECK_MD("<p>2019. 年</p>", "2019\\. 年");
    CHECK_MD("<p># 井号</p>", "\\# 井号");
    CHECK_MD("<p>- 连字符</p>", "\\- 连字符");
    CHECK_MD("<p>&gt; 引</p>", "\\> 引");
    CHECK_MD("<p>---</p>", "\\---");
    CHECK_MD("<p>2*3*4, a * b, snake_case</p>", "2\\*3\\*4, a * b, snake_case");
    CHECK_MD("<p>a&lt;b&gt; 1 &lt; 2 &amp;copy; AT&amp;T</p>", "a\\<b> 1 < 2 \\&copy; AT&T");
    CHECK_MD("<p>[注] 反斜杠\\ 和 `</p>", "\\[注\\] 反斜杠\\\\ 和 \\`");
    CHECK_MD("<p>见 http://a.cn 与 www.b.cn</p>", "见 http\\://a.cn 与 www\\.b.cn");
    CHECK_MD("<p>邮箱 a@b.cn</p>", "邮箱 a@<!-- -->b.cn");
    /* A line break between CJK characters vanishes; elsewhere it is a space. */
    CHECK_MD("<p>第一行\n第二行 and\nmore</p>", "第一行第二行 and more");
    CHECK_MD("<p>甲<br/>乙<br/></p>", "甲\\\n乙");
    CHECK_MD("<p>甲<br/># 乙</p>", "甲\\\n\\# 乙");
    CHECK_MD("<h2>C#</h2>", "## C\\#");
    CHECK_MD("<p><code>a`b</code> <code>`x</code></p>", "``a`b`` `` `x ``");
    CHECK_MD("<p><a href=\"http://x.cn/a_(b)\">链</a></p>", "[链](http://x.cn/a_\\(b\\))");
    CHECK_MD("<p><a href=\"a b.pdf\">文件</a></p>", "[文件](<a b.pdf>)");
    CHECK_MD("<p><img src=\"p.png\" alt=\"图[1]\"/></p>", "![图\\[1\\]](p.png)");
}

static xmlNodePtr first_table(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (xml_is(n, "table"))
            return n;
        xmlNodePtr t = n->type == XML_ELEMENT_NODE ? first_table(n->children) : NULL;
        if (t)
            return t;
    }
    return NULL;
}

static bool simple(const char *table)
{
    buf_t doc;
    buf_init(&doc);
    buf_printf(&doc, "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><article>%s</article></body></html>", table);
    article a;
    buf_t why;
    buf_init(&why);
    bool ok = false;
    if (article_parse(doc.data, doc.len, &a, &why) == 0) {
        ok = md_table_is_simple(first_table(a.body));
        article_free(&a);
    }
    buf_free(&why);
    buf_free(&doc);
    return ok;
}

static void test_tables(void)
{
    CHECK(simple("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"));
    CHECK(simple("<table><tr><td><p>one paragraph</p></td></tr></table>"));
    CHECK(!simple("<table><tr><td rowspan=\"2\">a</td><td>b</td></tr><tr><td>c</td></tr></table>"));
    CHECK(!simple("<table><tr><td colspan=\"2\">a</td></tr><tr><td>b</td><td>c</td></tr></table>"));
    CHECK(!simple("<table><tr><td><p>1</p><p>2</p></td></tr></table>"));
    CHECK(!simple("<table><tr><td><ul><li>x</li></ul></td></tr></table>"));
    CHECK(!simple("<table><tr><td>a</td></tr><tr><td>b</td><td>c</td></tr></table>"));
    CHECK(!simple("<table><thead><tr><th>a</th></tr><tr><th>b</th></tr></thead></table>"));
    CHECK(simple("<table><tr><td colspan=\"1\">a</td></tr></table>"));
    /* Without thead the first row is the header, th or not. */
    CHECK_MD("<table><tr><td>甲</td><td>乙</td></tr><tr><td>1</td><td>a|b</td></tr></table>",
             "| 甲 | 乙 |\n| --- | --- |\n| 1 | a\\|b |");
    CHECK_MD("<table><tr><td rowspan=\"2\">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>",
             "<table>\n<tr><td rowspan=\"2\">甲</td><td>乙</td></tr>\n<tr><td>丙</td></tr>\n</table>");
    CHECK_MD("<table><caption>表1</caption><tr><th>a</th></tr></table>", "表1\n\n| a |\n| --- |");
}

static void test_front_matter(void)
{
    buf_t b;
    buf_init(&b);
    md_yaml_quote("plain 标题", &b);
    CHECK_STR(b.data, "\"plain 标题\"");
    buf_reset(&b);
    md_yaml_quote("a \"b\" \\ c\nd\te", &b);
    CHECK_STR(b.data, "\"a \\\"b\\\" \\\\ c\\nd\\te\"");
    buf_reset(&b);
    md_yaml_quote("x\x01y\xe2\x80\xa8", &b);
    CHECK_STR(b.data, "\"x\\x01y\\L\"");
    buf_reset(&b);
    article_meta m;
    memset(&m, 0, sizeof m);
    m.title = "yes: no # 1";
    m.date = "2019-11-13";
    m.creator = "张三";
    md_front_matter(&m, NULL, &b);
    CHECK_STR(b.data, "---\ntitle: \"yes: no # 1\"\ndate: \"2019-11-13\"\nauthor: \"张三\"\n---\n");
    buf_reset(&b);
    /* The record table: padded labels lose spaces and colons, values may
     * share a cell with their label. */
    const char *table = "<table class=\"docmeta\"><tr><td>索 引 号：</td><td>X/1</td>"
                        "<td>发文字号：</td><td>国发〔2019〕1号</td></tr>"
                        "<tr><td>主题分类：国防</td></tr></table>";
    xmlDocPtr d = xmlReadMemory(table, (int)strlen(table), NULL, "UTF-8", XML_PARSE_NONET);
    md_front_matter(&m, xmlDocGetRootElement(d), &b);
    CHECK_STR(b.data, "---\ntitle: \"yes: no # 1\"\ndate: \"2019-11-13\"\nauthor: \"张三\"\n"
                      "docmeta:\n  \"索引号\": \"X/1\"\n  \"发文字号\": \"国发〔2019〕1号\"\n"
                      "  \"主题分类\": \"国防\"\n---\n");
    xmlFreeDoc(d);
    buf_reset(&b);
    memset(&m, 0, sizeof m);
    md_front_matter(&m, NULL, &b);
    CHECK(b.len == 0);
    buf_free(&b);
}

static void test_lists(void)
{
    CHECK_MD("<ol start=\"3\"><li>三</li><li>四</li></ol>", "3. 三\n4. 四");
    CHECK_MD("<ul><li>甲<ul><li>乙</li></ul></li></ul>", "- 甲\n  - 乙");
    CHECK_MD("<ul><li>a</li></ul><ul><li>b</li></ul>", "- a\n\n+ b");
    CHECK_MD("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", "- a\n\n  b\n\n- c");
    CHECK_MD("<blockquote><p>引</p><p>用</p></blockquote>", "> 引\n>\n> 用");
    CHECK_MD("<pre>a\n```\nb</pre>", "````\na\n```\nb\n````");
    CHECK_MD("<p class=\"signature\">某局<br/>2019年</p>", "某局\\\n2019年");
}

int main(void)
{
    test_flanking();
    test_emphasis_output();
    test_escaping();
    test_tables();
    test_front_matter();
    test_lists();
    printf("test_md: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
