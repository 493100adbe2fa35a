/* When the article is not one subtree: a lede in a wrapper of its own, a
 * body laid out in modules, sections nested so deep that their paragraphs
 * credit no common block. Two ways back to the whole text: blocks scoring
 * close to the best, in other branches, join it at their common ancestor
 * (Readability's alternative ancestors); and when what was kept is a small
 * part of the page's prose, the nearest ancestor holding most of it is
 * taken instead (as trafilatura falls back to a baseline). */
#include "clean/extract_int.h"
#include "util/xml_node.h"

#include <stdlib.h>

/* How close to the best a block must score to count as a part of it, how
 * many such parts make a split body, and how far up their meeting point
 * may lie. */
#define MERGE_CLOSE 0.75
#define MERGE_PARTS 2
#define MERGE_LEVELS 3
/* Parts of the same tag and body class as the best block (a CMS
 * that sets each module of the text in its own box, numbered or not) join it from further
 * off: from this share of its score, this many levels up. */
#define MERGE_NAMED_CLOSE 0.25
#define MERGE_NAMED_LEVELS 5
/* The densest a merged block's links may be. */
#define MERGE_LINKS 0.3

xmlNodePtr ex_common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
    for (xmlNodePtr p = a; p; p = p->parent)
        if (p == b || xml_is_ancestor(p, b))
            return p;
    return NULL;
}

bool extract_kept_holds(const extract_result *r, xmlNodePtr n)
{
    for (xmlNodePtr a = n; a; a = a->parent)
        for (int i = 0; i < r->n_nodes; i++)
            if (a == r->nodes[i])
                return true;
    return false;
}

static bool fit_to_merge(xmlNodePtr n)
{
    ex_stat *s = n && n->type == XML_ELEMENT_NODE ? ex_stat_of(n) : NULL;
    return s && !xml_is(n, "body") && !xml_is(n, "html") && !s->unlikely && !s->in_record &&
           ex_link_density(&s->all) <= MERGE_LINKS;
}

/* Two boxes of one module kind: the same tag, and class names that differ
 * only in their numbers ("story-body story-body-1", "… story-body-2"), as a
 * CMS numbers the modules it splits a text into. */
static bool same_module(xmlNodePtr a, xmlNodePtr b)
{
    if (!xml_is(a, (const char *)b->name))
        return false;
    xmlChar *ca = xmlGetProp(a, (const xmlChar *)"class"), *cb = xmlGetProp(b, (const xmlChar *)"class");
    const xmlChar *p = ca, *q = cb;
    bool same = p && q && *p;
    while (same) {
        while (*p >= '0' && *p <= '9')
            p++;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*p != *q)
            same = false;
        else if (!*p)
            break;
        else
            p++, q++;
    }
    xmlFree(ca);
    xmlFree(cb);
    return same;
}

typedef struct {
    xmlNodePtr top, meet;
    double floor, floor_named;
    xmlNodePtr best;  /* the best block, when its class names it the text */
    int parts, levels;
    int title;        /* the title's place in document order, or -1 */
    bool lede;        /* a part holds the title or stands between it and TOP */
    bool module;      /* a part is a numbered module of the best block's kind */
} merge_walk;

static void find_parts(xmlNodePtr n, merge_walk *w, double (*final)(xmlNodePtr))
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = ex_stat_of(n);
        if (s->candidate && n != w->top && !xml_is_ancestor(n, w->top) && !xml_is_ancestor(w->top, n) &&
            !s->in_record && (final(n) >= w->floor || (w->best && s->class_weight > 0 && same_module(n, w->best) && final(n) >= w->floor_named))) {
            bool close = final(n) >= w->floor;
            xmlNodePtr meet = ex_common_ancestor(w->meet, n);
            int levels = 0;
            for (xmlNodePtr p = w->top; p && p != meet; p = p->parent)
                levels++;
            if (meet && levels <= (close ? MERGE_LEVELS : MERGE_NAMED_LEVELS) && fit_to_merge(meet)) {
                w->meet = meet;
                w->parts++;
                w->module |= !close && same_module(n, w->best) && !ex_same_kind(n, w->best);
                w->lede |= w->title >= 0 && s->last >= w->title && s->order < ex_stat_of(w->top)->order;
                continue;   /* its own descendants are the same part */
            }
        }
        find_parts(n->children, w, final);
    }
}

xmlNodePtr ex_merge_parts(xmlNodePtr top, xmlNodePtr best, xmlNodePtr root, xmlNodePtr title,
                          double (*final)(xmlNodePtr))
{
    merge_walk w = { top, top, final(best) * MERGE_CLOSE, final(best) * MERGE_NAMED_CLOSE,
                     ex_stat_of(best)->class_weight > 0 ? best : NULL, 0, 0, -1, false, false };
    if (title && ex_stat_of(title) && ex_stat_of(title)->order < ex_stat_of(top)->order)
        w.title = ex_stat_of(title)->order;
    find_parts(root, &w, final);
    /* one part is enough when it is the lede (it holds the title, or
     * stands between the title and the best block), or when the CMS
     * numbered it as a module of the same text */
    return w.parts >= MERGE_PARTS || (w.parts == 1 && (w.lede || w.module)) ? w.meet : top;
}

/* Less than two fifths of the page's prose was kept: too little. */
#define RECALL_KEPT 0.4
/* The block taken instead holds this much of it. */
#define RECALL_WHOLE 0.8

xmlNodePtr ex_recall_fallback(xmlNodePtr top, int kept_prose, int page_prose)
{
    if (page_prose < 200 || kept_prose >= page_prose * RECALL_KEPT)
        return NULL;
    for (xmlNodePtr p = top->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (!fit_to_merge(p))
            return NULL;
        if (ex_stat_of(p)->prose >= page_prose * RECALL_WHOLE)
            return p;
    }
    return NULL;
}
