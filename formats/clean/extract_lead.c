/* The lead picture: templates set the article's first figure in its
 * header, beside the title, and the text in a box of its own below. The
 * figure belongs to the article; its box scores nothing, for a caption is
 * no paragraph. */
#include "clean/extract_int.h"
#include "util/xml_node.h"

/* The next element after N in document order, not below N when SKIP. */
static xmlNodePtr lead_next(xmlNodePtr n, bool skip)
{
    if (!skip)
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                return c;
    for (; n; n = n->parent) {
        for (xmlNodePtr s = n->next; s; s = s->next)
            if (s->type == XML_ELEMENT_NODE)
                return s;
    }
    return NULL;
}

static bool lead_holds_picture(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (xml_is(c, "img") || xml_is(c, "picture") || lead_holds_picture(c)))
            return true;
    return false;
}

/* Whether N or a box around it below the common block STOP is furniture
 * by its name, or a link (a teaser's picture). */
static bool lead_in_furniture(xmlNodePtr n, xmlNodePtr stop)
{
    for (; n && n != stop && n->type == XML_ELEMENT_NODE; n = n->parent) {
        ex_stat *s = ex_stat_of(n);
        if (xml_is(n, "a") || xml_is(n, "aside") || xml_is(n, "nav") || (s && (s->unlikely || s->names.weight < 0)))
            return true;
    }
    return false;
}

/* The alt text of N's first picture, for the caller to xmlFree. */
static xmlChar *lead_alt(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(c, "img"))
            return xmlGetProp(c, (const xmlChar *)"alt");
        xmlChar *a = lead_alt(c);
        if (a)
            return a;
    }
    return NULL;
}

/* A template may give the same picture twice, for wide and narrow screens. */
static bool lead_repeats(xmlNodePtr e, xmlNodePtr prev)
{
    if (!prev)
        return false;
    xmlChar *a = lead_alt(e), *b = lead_alt(prev);
    bool same = a && b && *a && xmlStrEqual(a, b);
    xmlFree(a);
    xmlFree(b);
    return same;
}

static xmlNodePtr lead_common(xmlNodePtr a, xmlNodePtr b)
{
    for (xmlNodePtr x = a; x; x = x->parent)
        for (xmlNodePtr y = b; y; y = y->parent)
            if (x == y)
                return x;
    return NULL;
}

int ex_lead_figures(xmlNodePtr title, xmlNodePtr first, xmlNodePtr out[], int max)
{
    ex_stat *t = title ? ex_stat_of(title) : NULL, *f = first ? ex_stat_of(first) : NULL;
    if (!t || !f || t->last >= f->order)
        return 0;
    xmlNodePtr common = lead_common(title, first);
    int n = 0;
    for (xmlNodePtr e = lead_next(title, true); e && e != first && n < max; ) {
        ex_stat *s = ex_stat_of(e);
        if (s && s->order >= f->order)
            break;
        if (xml_is(e, "figure") && s && s->all.link_chars == 0 && lead_holds_picture(e) &&
            !lead_in_furniture(e, common)) {
            if (!lead_repeats(e, n ? out[n - 1] : NULL))
                out[n++] = e;
            e = lead_next(e, true);
        } else
            e = lead_next(e, false);
    }
    return n;
}
