/* Unit tests for folio-zhpunct's rules: each mark converted in a Chinese
 * context, and each thing that must come out as it went in. */
#include "article/article.h"
#include "zhpunct/zhpunct.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"


static void check_text(int line, const char *in, const char *want)
{
    char *got = zhpunct_text(in, NULL);
    check(strcmp(got, want) == 0, line, in, got, want);
    free(got);
}

#define TEXT(in, want) check_text(__LINE__, in, want)
#define SAME(in) check_text(__LINE__, in, in)

/* The article written back after conversion, from a body and a title. */
static char *article_of(const char *title, const char *body, zhpunct_counts *counts)
{
    buf_t doc, out;
    buf_init(&doc);
    buf_init(&out);
    buf_printf(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                     "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n"
                     "<head><meta charset=\"UTF-8\"/><title>%s</title>"
                     "<meta name=\"dcterms.source\" content=\"http://a.cn/x?a=1,b=2\"/></head>\n"
                     "<body><article>%s</article></body></html>\n", title, body);
    article a;
    buf_t why;
    buf_init(&why);
    int parsed = article_parse(doc.data, doc.len, &a, &why);
    buf_free(&why);
    if (parsed != 0) {
        buf_free(&doc);
        return strdup("(not parsed)");
    }
    zhpunct_article(&a, counts);
    article_write_xhtml(&a.meta, a.body, &out);
    article_free(&a);
    buf_free(&doc);
    return buf_detach(&out);
}

static void check_article(int line, const char *body, const char *want)
{
    char *got = article_of("T", body, NULL);
    check(strstr(got, want) != NULL, line, body, got, want);
    free(got);
}

#define ARTICLE(body, want) check_article(__LINE__, body, want)

static void test_comma(void)
{
    TEXT("近年来,聊城市积极探索", "近年来，聊城市积极探索");
    TEXT("“败诉不为零,整改不能停”", "“败诉不为零，整改不能停”");
    TEXT("“三化”建设,探索", "“三化”建设，探索");            /* after a closing quote */
    TEXT("《办法》,将执法", "《办法》，将执法");              /* after a closing bracket */
    TEXT("中文,“引文”", "中文，“引文”");                     /* before an opening quote */
    TEXT("近年来, 聊城市", "近年来，聊城市");                 /* the space goes */
    TEXT("近年来,2020年", "近年来，2020年");                  /* before a number glued to Han */
    TEXT("采用GPS,实现定位", "采用GPS，实现定位");            /* after a Latin word in Chinese */
    TEXT("1个100%+3个全覆盖,聊城市", "1个100%+3个全覆盖，聊城市");
    TEXT("中文,", "中文，");                                  /* at the end of a run */
}

static void test_colon(void)
{
    TEXT("时间:2019年11月13日", "时间：2019年11月13日");
    TEXT("主要做法:一是", "主要做法：一是");
    TEXT("他说:“好”", "他说：“好”");
    TEXT("如下:", "如下：");
    TEXT("原文链接:http://sft.shandong.gov.cn/a.shtml", "原文链接：http://sft.shandong.gov.cn/a.shtml");
    TEXT("来源: 新华社", "来源：新华社");
}

static void test_semicolon(void)
{
    TEXT("出庭应诉率100%;“3”是指", "出庭应诉率100%；“3”是指");
    TEXT("一是加强领导;二是完善制度;", "一是加强领导；二是完善制度；");
}

static void test_parens(void)
{
    TEXT("目标任务(以下简称“1+3”)。", "目标任务（以下简称“1+3”）。");
    TEXT("(1)加强领导", "（1）加强领导");
    TEXT("聊城(Liaocheng)市", "聊城（Liaocheng）市");
    TEXT("(一)总体要求", "（一）总体要求");
    TEXT("办法(试行),自", "办法（试行），自");
    /* Both of a pair or neither. */
    TEXT("((注))中文", "（（注））中文");
    SAME("中文(未闭合");
    SAME("未打开)中文");
}

static void test_exclam_question(void)
{
    TEXT("太好了!", "太好了！");
    TEXT("是吗?", "是吗？");
    TEXT("真的吗?!", "真的吗？！");
    TEXT("增长100%!", "增长100%！");
    TEXT("好! 走吧", "好！走吧");
}

static void test_never(void)
{
    SAME("1个100%+3个全覆盖");
    SAME("以下简称“1+3”");
    SAME("共1,000人");                          /* digit groups */
    SAME("人口12,345,678人");
    SAME("增长3.5%");                            /* decimals */
    SAME("2019.11.13");                          /* dates */
    SAME("会议于10:30开始");                     /* times */
    SAME("比例为1:2");                           /* ratios */
    SAME("见http://a.cn/x.php?id=1,2&b=(3):4");  /* URLs */
    SAME("详见www.gov.cn/a?b=c");
    SAME("https://例子.cn:8080/路径?q=中,文");
    SAME("邮箱abc.d@mail.example.cn");          /* e-mail */
    SAME("Hello, world: it works (really)! Does it? Yes; fine.");
    SAME("函数f(x)在");                          /* a function, not Chinese parentheses */
    SAME("a!=b");
    SAME("中文 ,中文");                          /* only a mark right after Chinese */
    SAME("");
    TEXT("原文链接:http://a.cn/x?a=1,b=2:3", "原文链接：http://a.cn/x?a=1,b=2:3");
    /* A sentence of English inside Chinese keeps its marks. */
    TEXT("他说Hello, world然后", "他说Hello, world然后");
}

static void test_article(void)
{
    /* A run goes across inline elements. */
    ARTICLE("<p>中文,<strong>重点</strong>内容</p>", "<p>中文，<strong>重点</strong>内容</p>");
    ARTICLE("<p><em>重点</em>,内容</p>", "<p><em>重点</em>，内容</p>");
    /* Blocks are runs of their own. */
    ARTICLE("<p>中文</p><p>,English</p>", "<p>,English</p>");
    /* Code and pre are never touched; code still counts as context. */
    ARTICLE("<p>运行<code>a,b:c</code>,然后</p>", "<p>运行<code>a,b:c</code>，然后</p>");
    ARTICLE("<pre>中文,中文</pre>", "<pre>中文,中文</pre>");
    /* Attribute values are never touched. */
    ARTICLE("<p><a href=\"http://a.cn/中,文\">链接</a>,详见</p>",
            "<p><a href=\"http://a.cn/中,文\">链接</a>，详见</p>");
    ARTICLE("<p><img src=\"a.png\" alt=\"图,片\"/></p>", "alt=\"图,片\"");
    /* Escaped characters survive. */
    ARTICLE("<p>A&amp;B公司,成立</p>", "<p>A&amp;B公司，成立</p>");

    zhpunct_counts c = { { 0 }, 0 };
    char *got = article_of("标题,副题", "<h1>标题,副题</h1><p>一是:(注)中文; 好!吗?</p>", &c);
    CHECK(strstr(got, "<title>标题，副题</title>") != NULL);
    CHECK(strstr(got, "<h1>标题，副题</h1>") != NULL);
    CHECK(strstr(got, "<p>一是：（注）中文；好！吗？</p>") != NULL);
    CHECK(strstr(got, "content=\"http://a.cn/x?a=1,b=2\"") != NULL);
    CHECK(c.mark[ZP_COMMA] == 2 && c.mark[ZP_COLON] == 1 && c.mark[ZP_SEMICOLON] == 1);
    CHECK(c.mark[ZP_PARENS] == 1 && c.mark[ZP_EXCLAM] == 1 && c.mark[ZP_QUESTION] == 1);
    CHECK(c.spaces == 1);
    free(got);
}

int main(void)
{
    test_comma();
    test_colon();
    test_semicolon();
    test_parens();
    test_exclam_question();
    test_never();
    test_article();
    printf("test_zhpunct: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
