/* Unit tests for what page_meta reads apart: a 来源 set in brackets. */
#include "clean/page.h"
#include "clean/meta/page_meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define NOW 1735689600LL    /* 2025-01-01T00:00:00Z */

typedef struct {
    htmlDocPtr      doc;
    article_meta    m;
    page_meta_nodes nodes;
} run;

static void extract(run *r, const char *html)
{
    memset(r, 0, sizeof *r);
    r->doc = page_parse_utf8(html, strlen(html));
    page_meta_extract(r->doc, &r->m, &r->nodes, NOW);
}

static void done(run *r)
{
    article_meta_free(&r->m);
    xmlFreeDoc(r->doc);
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

int main(void)
{
    test_bracketed_publisher();
    printf("test_meta_checks: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
