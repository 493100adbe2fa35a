#include "article/article_subset.h"

#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

typedef struct {
    const char *name;
    article_kind kind;
    const char *attrs;   /* the attributes kept besides class and lang, space-separated */
} article_def;

/* In the order of article_el. */
static const article_def article_subset[ARTICLE_EL_COUNT] = {
    [ARTICLE_EL_NONE] = { "", ARTICLE_INLINE, "" },
    [ARTICLE_EL_ARTICLE] = { "article", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H1] = { "h1", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H2] = { "h2", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H3] = { "h3", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H4] = { "h4", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H5] = { "h5", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_H6] = { "h6", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_P] = { "p", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_BLOCKQUOTE] = { "blockquote", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_PRE] = { "pre", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_HR] = { "hr", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_UL] = { "ul", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_OL] = { "ol", ARTICLE_BLOCK, "start reversed type" },
    [ARTICLE_EL_LI] = { "li", ARTICLE_PART, "value" },
    [ARTICLE_EL_DL] = { "dl", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_DT] = { "dt", ARTICLE_PART, "" },
    [ARTICLE_EL_DD] = { "dd", ARTICLE_PART, "" },
    [ARTICLE_EL_TABLE] = { "table", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_CAPTION] = { "caption", ARTICLE_PART, "" },
    [ARTICLE_EL_THEAD] = { "thead", ARTICLE_PART, "" },
    [ARTICLE_EL_TBODY] = { "tbody", ARTICLE_PART, "" },
    [ARTICLE_EL_TFOOT] = { "tfoot", ARTICLE_PART, "" },
    [ARTICLE_EL_TR] = { "tr", ARTICLE_PART, "" },
    [ARTICLE_EL_TH] = { "th", ARTICLE_PART, "colspan rowspan" },
    [ARTICLE_EL_TD] = { "td", ARTICLE_PART, "colspan rowspan" },
    [ARTICLE_EL_FIGURE] = { "figure", ARTICLE_BLOCK, "" },
    [ARTICLE_EL_FIGCAPTION] = { "figcaption", ARTICLE_PART, "" },
    [ARTICLE_EL_IMG] = { "img", ARTICLE_INLINE, "src alt" },
    [ARTICLE_EL_BR] = { "br", ARTICLE_INLINE, "" },
    [ARTICLE_EL_A] = { "a", ARTICLE_INLINE, "href" },
    [ARTICLE_EL_EM] = { "em", ARTICLE_INLINE, "" },
    [ARTICLE_EL_STRONG] = { "strong", ARTICLE_INLINE, "" },
    [ARTICLE_EL_CODE] = { "code", ARTICLE_INLINE, "" },
    [ARTICLE_EL_SUB] = { "sub", ARTICLE_INLINE, "" },
    [ARTICLE_EL_SUP] = { "sup", ARTICLE_INLINE, "" },
    [ARTICLE_EL_S] = { "s", ARTICLE_INLINE, "" },
    [ARTICLE_EL_U] = { "u", ARTICLE_INLINE, "" },
    [ARTICLE_EL_RUBY] = { "ruby", ARTICLE_INLINE, "" },
    [ARTICLE_EL_RT] = { "rt", ARTICLE_INLINE, "" },
    [ARTICLE_EL_RP] = { "rp", ARTICLE_INLINE, "" },
    [ARTICLE_EL_SPAN] = { "span", ARTICLE_INLINE, "" },
};

static const char *const article_classes[] = {
    [ARTICLE_CLASS_SIGNATURE] = "signature",
    [ARTICLE_CLASS_DOCMETA] = "docmeta",
    [ARTICLE_CLASS_ATTACHMENTS] = "attachments",
};

article_el article_el_of(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->ns || !n->ns->href ||
        strcmp((const char *)n->ns->href, XHTML_NS) != 0)
        return ARTICLE_EL_NONE;
    for (int e = ARTICLE_EL_NONE + 1; e < ARTICLE_EL_COUNT; e++)
        if (strcmp((const char *)n->name, article_subset[e].name) == 0)
            return (article_el)e;
    return ARTICLE_EL_NONE;
}

const char *article_el_name(article_el e)
{
    return article_subset[e].name;
}

article_kind article_el_kind(article_el e)
{
    return article_subset[e].kind;
}

static bool article_word_in(const char *words, const char *word, size_t len)
{
    for (const char *p = words; *p;) {
        p += strspn(p, " \t\n\r\f");
        size_t w = strcspn(p, " \t\n\r\f");
        if (w && w == len && strncmp(p, word, len) == 0)
            return true;
        p += w;
    }
    return false;
}

bool article_el_keeps(article_el e, const char *name)
{
    if (e == ARTICLE_EL_NONE)
        return false;
    if (!strcmp(name, "class") || !strcmp(name, "lang"))
        return true;
    return article_word_in(article_subset[e].attrs, name, strlen(name));
}

bool article_is_block(const xmlNode *n, bool parts)
{
    article_el e = article_el_of(n);
    article_kind k = article_subset[e].kind;
    return e != ARTICLE_EL_NONE && (k == ARTICLE_BLOCK || (parts && k == ARTICLE_PART));
}

const char *article_class_name(article_class c)
{
    return article_classes[c];
}

bool article_has_class(const xmlNode *n, article_class c)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return false;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
    const char *name = article_classes[c];
    bool has = v && article_word_in((const char *)v, name, strlen(name));
    xmlFree(v);
    return has;
}

xmlNode *article_outside_subset(const xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (article_el_of(c) == ARTICLE_EL_NONE)
            return c;
        xmlNode *bad = article_outside_subset(c);
        if (bad)
            return bad;
    }
    return NULL;
}
