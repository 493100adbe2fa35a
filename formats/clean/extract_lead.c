/* What a template sets between the title and the text's box: the lead
 * picture, in the article's header beside the title, a 公文's number
 * (市政发〔2024〕15号) in a box of its own, and a lead paragraph. They
 * belong to the article; their boxes score little or nothing, for a
 * caption or a number is no paragraph and a lead is one alone. */
#include "clean/extract_int.h"
#include "clean/furniture.h"
#include "util/xml_node.h"
#include "util/zh_doc.h"

#include <stdlib.h>
#include <string.h>

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

/* A box of a document number and nothing else. */
#define LEAD_NUMBER_CHARS 40

static bool lead_doc_number(xmlNodePtr e, const ex_stat *s)
{
    if (s->has_block || s->all.link_chars || !s->all.chars || s->all.chars > LEAD_NUMBER_CHARS)
        return false;
    xmlChar *t = xmlNodeGetContent(e);
    const char *p = t ? (const char *)t : "";
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    char line[256];
    size_t n = strlen(p);
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, p, n);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\n' || line[n - 1] == '\t'))
        n--;
    line[n] = 0;
    bool number = zh_doc_is_doc_number(line);
    xmlFree(t);
    return number;
}

/* A record table's cell gives the number as a field, not a line. */
static bool lead_in_table(xmlNodePtr n, xmlNodePtr stop)
{
    for (; n && n != stop; n = n->parent)
        if (xml_is(n, "table"))
            return true;
    return false;
}

/* The text's own box gives the number again. */
static bool lead_said_in(xmlNodePtr e, xmlNodePtr first)
{
    xmlChar *a = xmlNodeGetContent(e), *b = xmlNodeGetContent(first);
    const char *s = a ? (const char *)a : "";
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    char key[128];
    size_t n = strcspn(s, " \n\t");
    if (n >= sizeof key)
        n = sizeof key - 1;
    memcpy(key, s, n);
    key[n] = 0;
    bool said = n && b && strstr((const char *)b, key);
    xmlFree(a);
    xmlFree(b);
    return said;
}

/* A paragraph of prose set apart between the title and the text: the
 * lead, which a template boxes beside the headline. A dek of a few words
 * or a byline is no paragraph of prose. */
#define LEAD_PROSE_CHARS 60

/* N is its parent's only element. */
static bool only_element(xmlNodePtr n)
{
    for (xmlNodePtr c = n->parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c != n)
            return false;
    return true;
}

/* E is the one cell of a table of one row: a box drawn around a note
 * (编者按) as older pages drew boxes. */
static bool lone_cell(xmlNodePtr e)
{
    if (!xml_is(e, "td") || !e->parent || !only_element(e))
        return false;
    xmlNodePtr tr = e->parent, body = tr->parent;
    if (!body || body->type != XML_ELEMENT_NODE || !only_element(tr))
        return false;
    return xml_is(body, "table") || (body->parent && xml_is(body->parent, "table") && only_element(body));
}

static bool lead_paragraph(xmlNodePtr e, const ex_stat *s)
{
    if (!(xml_is(e, "p") || lone_cell(e)) || s->has_block || s->all.link_chars || s->all.chars < LEAD_PROSE_CHARS)
        return false;
    /* a boxed notice (风险提示, 免责声明) is the site's, not a lead */
    if (!xml_is(e, "p")) {
        xmlChar *t = xmlNodeGetContent(e);
        bool notice = t && furniture_text_rule((const char *)t);
        xmlFree(t);
        if (notice)
            return false;
    }
    /* a teaser of another story has its headline or its link beside it */
    static const char *const heads[] = { "h1", "h2", "h3", "h4", "h5", "h6", "a", NULL };
    if (xml_find_any(e->parent, heads))
        return false;
    xmlChar *t = xmlNodeGetContent(e);
    bool prose = t && ex_ends_sentence((const char *)t);
    xmlFree(t);
    return prose;
}

/* N shares a box with the TITLE below the common block STOP: the
 * headline's standfirst, set in its header, not the text's lead. */
static bool lead_beside_title(xmlNodePtr n, xmlNodePtr title, xmlNodePtr stop)
{
    for (xmlNodePtr a = n->parent; a && a != stop; a = a->parent)
        if (xml_is_ancestor(a, title))
            return true;
    return false;
}

/* The key points a template sets in a list between the title and the
 * text: two to six items, each a sentence of its own, no link among them
 * (a list of links is related stories). */
#define KEY_POINTS_MIN 2
#define KEY_POINTS_MAX 6
#define KEY_POINT_CHARS 30
#define KEY_POINTS_TEXT_MAX 800

static bool lead_key_points(xmlNodePtr e, const ex_stat *s)
{
    if (!s || !(xml_is(e, "ul") || xml_is(e, "ol")) || s->all.link_chars || s->all.chars > KEY_POINTS_TEXT_MAX)
        return false;
    int items = 0;
    for (xmlNodePtr c = e->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))
            return false;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(c, "li") || ++items > KEY_POINTS_MAX)
            return false;
        const ex_stat *cs = ex_stat_of(c);
        xmlChar *t = xmlNodeGetContent(c);
        bool sentence = cs && cs->all.chars >= KEY_POINT_CHARS && t && ex_ends_sentence((const char *)t);
        xmlFree(t);
        if (!sentence)
            return false;
    }
    return items >= KEY_POINTS_MIN;
}

/* A box built of divs around one picture a reader sees large (set wider
 * than a thumbnail, or in a <picture> of sources) and a line under it: a
 * template's lead picture without <figure> (a carousel's one slide). No
 * link (a teaser's), no heading, no more than a caption's words. */
#define LEAD_PICTURE_WIDTH 300
#define LEAD_CAPTION_MAX 200

static bool lead_picture_box(xmlNodePtr e, const ex_stat *s)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    if (!s || xml_is(e, "figure") || s->all.link_chars || s->all.chars > LEAD_CAPTION_MAX || !s->has_block ||
        xml_find_any(e, headings))
        return false;
    int imgs = 0;
    bool large = false;
    for (xmlNodePtr d = e->children; d; d = xml_next_in_order(d, e)) {
        if (d->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(d, "img")) {
            imgs++;
            const char *w = xml_attr_ref(d, "width");
            large |= (w && atoi(w) >= LEAD_PICTURE_WIDTH) || xml_attr_ref(d, "srcset");
        } else if (xml_is(d, "picture")) {
            large = true;
        }
    }
    return imgs == 1 && large;
}

int ex_lead_parts(xmlNodePtr title, xmlNodePtr first, xmlNodePtr out[], const char *why[], int max)
{
    ex_stat *t = title ? ex_stat_of(title) : NULL, *f = first ? ex_stat_of(first) : NULL;
    if (!t || !f || t->last >= f->order)
        return 0;
    static const char *const pictures[] = { "img", "picture", NULL };
    xmlNodePtr common = ex_common_ancestor(title, first);
    int n = 0;
    for (xmlNodePtr e = lead_next(title, true); e && e != first && n < max; ) {
        ex_stat *s = ex_stat_of(e);
        if (s && s->order >= f->order)
            break;
        /* a box that holds the text itself is passed into, never taken */
        bool holds_first = s && s->last >= f->order;
        if (!holds_first && s &&
            ((xml_is(e, "figure") && s->all.link_chars == 0 && xml_find_any(e, pictures)) || lead_picture_box(e, s)) &&
            !lead_in_furniture(e, common)) {
            if (!lead_repeats(e, n ? out[n - 1] : NULL)) {
                why[n] = "the lead picture, between the title and the text";
                out[n++] = e;
            }
            e = lead_next(e, true);
        } else if (!holds_first && s && s->is_block && lead_doc_number(e, s) && !lead_in_furniture(e, common) &&
                   !lead_in_table(e, common) && !lead_said_in(e, first)) {
            why[n] = "the document's number, between the title and the text";
            out[n++] = e;
            e = lead_next(e, true);
        } else if (!holds_first && s && lead_paragraph(e, s) && !lead_in_furniture(e, common) &&
                   !lead_beside_title(e, title, common)) {
            why[n] = "the lead paragraph, between the title and the text";
            out[n++] = e;
            e = lead_next(e, true);
        } else if (!holds_first && lead_key_points(e, s) && !lead_in_furniture(e, common) &&
                   !lead_beside_title(e, title, common)) {
            why[n] = "the key points, a sentence an item, between the title and the text";
            out[n++] = e;
            e = lead_next(e, true);
        } else
            e = lead_next(e, false);
    }
    return n;
}
