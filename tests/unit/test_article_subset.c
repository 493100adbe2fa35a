/* Unit tests for the article subset's table: which elements are in it,
 * how they sit, which attributes they keep, and the classes the writers
 * set apart; and article_parse refusing what lies outside it. */
#include "article/article.h"
#include "article/article_subset.h"

#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

/* BODY inside a clean article, parsed; its <article> in *A. */
static int parse(const char *body, article *a, buf_t *why)
{
    buf_t doc;
    buf_init(&doc);
    buf_printf(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head>\n"
                     "<body><article>\n%s\n</article></body></html>\n", body);
    buf_reset(why);
    int rc = article_parse(doc.data, doc.len, a, why);
    buf_free(&doc);
    return rc;
}

static xmlNode *first_element(xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static void test_table(void)
{
    for (int e = ARTICLE_EL_NONE + 1; e < ARTICLE_EL_COUNT; e++) {
        const char *name = article_el_name((article_el)e);
        OK(name, name && *name);
    }
    OK("p is a block", article_el_kind(ARTICLE_EL_P) == ARTICLE_BLOCK);
    OK("li is part of its list", article_el_kind(ARTICLE_EL_LI) == ARTICLE_PART);
    OK("img sits in a line", article_el_kind(ARTICLE_EL_IMG) == ARTICLE_INLINE);
    OK("a keeps href", article_el_keeps(ARTICLE_EL_A, "href"));
    OK("img keeps src and alt", article_el_keeps(ARTICLE_EL_IMG, "src") && article_el_keeps(ARTICLE_EL_IMG, "alt"));
    OK("p keeps no src", !article_el_keeps(ARTICLE_EL_P, "src"));
    OK("every element keeps class and lang", article_el_keeps(ARTICLE_EL_SPAN, "class") &&
                                             article_el_keeps(ARTICLE_EL_TD, "lang"));
    OK("a cell keeps its spans", article_el_keeps(ARTICLE_EL_TD, "rowspan") && article_el_keeps(ARTICLE_EL_TH, "colspan"));
    OK("no part of a word", !article_el_keeps(ARTICLE_EL_OL, "star") && !article_el_keeps(ARTICLE_EL_OL, "rt"));
    OK("nothing outside keeps anything", !article_el_keeps(ARTICLE_EL_NONE, "class"));
    EQ("a class name", article_class_name(ARTICLE_CLASS_DOCMETA), "docmeta");
}

static void test_nodes(void)
{
    article a;
    buf_t why;
    buf_init(&why);
    if (parse("<p class=\"x  signature\">签</p><ul class=\"attachments-old\"><li>附</li></ul>", &a, &why) != 0) {
        OK("parsed", false);
        buf_free(&why);
        return;
    }
    xmlNode *p = first_element(a.body), *ul = p->next;
    while (ul && ul->type != XML_ELEMENT_NODE)
        ul = ul->next;
    OK("p", article_el_of(p) == ARTICLE_EL_P);
    OK("a class among others", article_has_class(p, ARTICLE_CLASS_SIGNATURE));
    OK("a class is a whole word", !article_has_class(ul, ARTICLE_CLASS_ATTACHMENTS));
    OK("a block", article_is_block(p, false));
    OK("li is a block only with the parts", !article_is_block(first_element(ul), false) &&
                                            article_is_block(first_element(ul), true));
    OK("text is no element", article_el_of(p->children) == ARTICLE_EL_NONE);
    article_free(&a);
    buf_free(&why);
}

static void test_refused(void)
{
    article a;
    buf_t why;
    buf_init(&why);
    OK("a div", parse("<p>一</p>\n<div><p>二</p></div>", &a, &why) != 0);
    EQ("...named with its line", why.data,
       "not a clean article: <div> (line 5) is outside the article subset (run folio-clean first)");
    OK("a font inside a p", parse("<p><font>字</font></p>", &a, &why) != 0 && strstr(why.data, "<font>"));
    OK("upper case is another element", parse("<P>字</P>", &a, &why) != 0);
    OK("another namespace", parse("<p><svg xmlns=\"http://www.w3.org/2000/svg\"/></p>", &a, &why) != 0);
    OK("the whole subset is taken",
       parse("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6><p><a href=\"x\">g</a><em>h</em>"
             "<strong>i</strong><code>j</code><sub>k</sub><sup>l</sup><s>m</s><u>n</u><span>o</span><br/>"
             "<ruby>p<rp>(</rp><rt>q</rt><rp>)</rp></ruby><img src=\"x.png\" alt=\"\"/></p><blockquote><p>r</p>"
             "</blockquote><pre>s</pre><hr/><ul><li>t</li></ul><ol><li>u</li></ol><dl><dt>v</dt><dd>w</dd></dl>"
             "<table><caption>x</caption><thead><tr><th>y</th></tr></thead><tbody><tr><td>z</td></tr></tbody>"
             "<tfoot><tr><td>0</td></tr></tfoot></table><figure><img src=\"y.png\" alt=\"\"/><figcaption>1"
             "</figcaption></figure><article><p>2</p></article>", &a, &why) == 0);
    article_free(&a);
    buf_free(&why);
}

int main(void)
{
    test_table();
    test_nodes();
    test_refused();
    printf("test_article_subset: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
