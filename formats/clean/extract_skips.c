/* A box a skip link jumps over: a link to an anchor at the box's end
 * opens it ("skip past newsletter promotion" … "after newsletter
 * promotion"), set so that a screen reader's user may pass the box by.
 * What a page lets its reader skip is a widget (a sign-up form, an ad, a
 * gallery of other stories), never the article's text. The link says it
 * skips; the box holds nothing before it and nothing after its anchor, and
 * no table (a "skip table" link passes the text's data); the anchor says a
 * few words at most (a section the link led to would be the text's). */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <libxml/xpath.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SKIP_WORDS_CHARS 60   /* the link's words, and its anchor's */
#define SKIPPED_BOX_CHARS 1500

typedef struct {
    const xmlChar *id;
    xmlNodePtr node;
} id_entry;

typedef struct {
    id_entry *v;
    size_t n, cap;
} id_table;

/* Bytes of text below N other than blanks, counted no further than past
 * LIMIT: a box of a whole page is not read through for each link in it. */
static int text_below(xmlNodePtr n, int limit, int count)
{
    for (xmlNodePtr c = n->children; c && count <= limit; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const xmlChar *p = c->content; *p && count <= limit; p++)
                count += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
        } else if (c->type == XML_ELEMENT_NODE) {
            count = text_below(c, limit, count);
        }
    }
    return count;
}

static int text_chars(xmlNodePtr n, int limit)
{
    int count = 0;
    if (n->type == XML_TEXT_NODE) {
        for (const xmlChar *p = n->content; p && *p && count <= limit; p++)
            count += *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r';
    } else {
        count = text_below(n, limit, 0);
    }
    return count > limit ? limit + 1 : count;
}

/* A link that says it skips past something ("Skip past newsletter
 * promotion", "Skip advertisement", "跳过广告", "Anzeige überspringen"),
 * or is named a skip link. "Skip to recipe" goes to a place and skips
 * the text before it; an in-page link of another kind ("No comments", a
 * footnote's number) leads to text. */
static bool says_skip(xmlNodePtr a)
{
    static const char *const opens[] = { "skip", "jump past", "jump over", "passer", "saltar", "pular",
                                         "salta", NULL };
    static const char *const within[] = { "跳过", "überspringen", "Überspringen", NULL };
    if (text_chars(a, SKIP_WORDS_CHARS) > SKIP_WORDS_CHARS)
        return false;
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = t ? (const char *)t : "";
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    bool yes = false;
    for (int i = 0; opens[i] && !yes; i++)
        yes = !strncasecmp(s, opens[i], strlen(opens[i]));
    for (int i = 0; within[i] && !yes; i++)
        yes = strstr(s, within[i]) != NULL;
    /* to a place: the text up to it */
    if (yes && (!strncasecmp(s, "skip to", 7) || !strncasecmp(s, "jump to", 7)))
        yes = false;
    if (!yes && !*s) {
        const char *cls = xml_attr_ref(a, "class");
        size_t len;
        for (const char *p = cls ? cls : "", *w; !yes && (w = xml_class_next(&p, &len));)
            for (size_t i = 0; i + 4 <= len && !yes; i++)
                yes = !strncasecmp(w + i, "skip", 4);
    }
    xmlFree(t);
    return yes;
}

/* A link below N that says it skips, to an anchor on the page. */
static bool any_skip_link(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(n, "a")) {
            const char *href = xml_attr_ref(n, "href");
            if (href && href[0] == '#' && href[1] && says_skip(n))
                return true;
        } else if (any_skip_link(n->children)) {
            return true;
        }
    }
    return false;
}

static void collect_ids(xmlNodePtr n, id_table *t)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlAttrPtr id = xmlHasProp(n, (const xmlChar *)"id");
        if (id && id->children && id->children->content && *id->children->content) {
            if (t->n == t->cap) {
                t->cap = t->cap ? t->cap * 2 : 64;
                t->v = xrealloc(t->v, t->cap * sizeof *t->v);
            }
            t->v[t->n++] = (id_entry){ id->children->content, n };
        }
        collect_ids(n->children, t);
    }
}

static int by_id(const void *a, const void *b)
{
    return xmlStrcmp(((const id_entry *)a)->id, ((const id_entry *)b)->id);
}

static xmlNodePtr find_id(const id_table *t, const xmlChar *id)
{
    id_entry key = { id, NULL };
    id_entry *e = bsearch(&key, t->v, t->n, sizeof *t->v, by_id);
    return e ? e->node : NULL;
}

static bool is_before(xmlNodePtr a, xmlNodePtr b)
{
    return xmlXPathCmpNodes(a, b) == 1;
}

/* No text in BOX before N (or after it, with AFTER). */
static bool bare_side(xmlNodePtr box, xmlNodePtr n, bool after)
{
    for (xmlNodePtr x = n; x && x != box; x = x->parent)
        for (xmlNodePtr s = after ? x->next : x->prev; s; s = after ? s->next : s->prev)
            if (text_chars(s, 0))
                return false;
    return true;
}

/* The nearest box holding both A and B, a few levels above each at most
 * (a skip link and its anchor sit near their box's edges); NULL when it
 * is further. Bounded, so that a page nested thousands deep costs no
 * walk of its depth for each of its links. */
#define SKIP_BOX_LEVELS 12

static xmlNodePtr common_box(xmlNodePtr a, xmlNodePtr b)
{
    xmlNodePtr above[2 * SKIP_BOX_LEVELS];
    int n = 0;
    for (xmlNodePtr y = b->parent; y && y->type == XML_ELEMENT_NODE && n < 2 * SKIP_BOX_LEVELS; y = y->parent)
        above[n++] = y;
    int level = 0;
    for (xmlNodePtr x = a->parent; x && x->type == XML_ELEMENT_NODE && level < SKIP_BOX_LEVELS; x = x->parent, level++)
        for (int i = 0; i < n; i++)
            if (above[i] == x)
                return x;
    return NULL;
}

/* A table, a list or a list of terms: a chart's data behind a "skip
 * chart" link is the text's; only the link lets a reader pass it. */
static bool holds_data(xmlNodePtr box)
{
    static const char *const data[] = { "table", "dl", "ul", "ol", NULL };
    return xml_find_any(box, data) != NULL;
}

#define SKIPPED_BOXES_MAX 64

typedef struct {
    xmlNodePtr box[SKIPPED_BOXES_MAX];
    xmlChar *to[SKIPPED_BOXES_MAX];
    int n;
} skipped;

/* The boxes below N skip links jump over, in the order of the page, each
 * once. */
static void skipped_boxes(xmlNodePtr n, const id_table *t, skipped *out)
{
    for (; n && out->n < SKIPPED_BOXES_MAX; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(n, "a")) {
            skipped_boxes(n->children, t, out);
            continue;
        }
        const char *ref = xml_attr_ref(n, "href");
        if (!ref || ref[0] != '#' || !ref[1] || !says_skip(n))
            continue;
        xmlNodePtr target = find_id(t, (const xmlChar *)ref + 1);
        xmlNodePtr box = target && target != n ? common_box(n, target) : NULL;
        if (box && !xml_is(box, "body") && !xml_is(box, "html") &&
            text_chars(target, SKIP_WORDS_CHARS) <= SKIP_WORDS_CHARS &&
            text_chars(box, SKIPPED_BOX_CHARS) <= SKIPPED_BOX_CHARS && bare_side(box, n, false) &&
            bare_side(box, target, true) && is_before(n, target) && !holds_data(box)) {
            bool again = false;
            for (int i = 0; i < out->n && !again; i++)
                again = out->box[i] == box;
            if (!again) {
                out->to[out->n] = xmlStrdup((const xmlChar *)ref);
                out->box[out->n++] = box;
            }
        }
    }
}

int extract_drop_skipped(htmlDocPtr doc, FILE *explain)
{
    if (!any_skip_link(doc->children))
        return 0;
    id_table t = { NULL, 0, 0 };
    collect_ids(doc->children, &t);
    qsort(t.v, t.n, sizeof *t.v, by_id);
    skipped found = { .n = 0 };
    skipped_boxes(doc->children, &t, &found);
    /* a box's link opens it, so a box found later never holds one found
     * before: going from the last, an inner box goes before the one
     * holding it */
    for (int i = 0; i < found.n; i++) {
        if (explain) {
            xmlChar *path = xmlGetNodePath(found.box[i]);
            fprintf(explain, "dropped %s: a box a skip link jumps over (to %s)\n",
                    path ? (const char *)path : "?", (const char *)found.to[i]);
            xmlFree(path);
        }
        xmlFree(found.to[i]);
    }
    for (int i = found.n - 1; i >= 0; i--) {
        xmlUnlinkNode(found.box[i]);
        xmlFreeNode(found.box[i]);
    }
    int dropped = found.n;
    free(t.v);
    return dropped;
}
