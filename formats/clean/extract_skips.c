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
    int count = text_below(n, limit, 0);
    return count > limit ? limit + 1 : count;
}

/* A link that says it skips ("Skip past newsletter promotion", "跳过广告",
 * "Jump past"), or is named a skip link: an in-page link of another kind
 * ("No comments", a footnote's number) leads to text. */
static bool says_skip(xmlNodePtr a)
{
    static const char *const words[] = { "skip", "jump past", "jump over", "跳过", "überspringen",
                                         "passer", "saltar", "pular", "salta", NULL };
    if (text_chars(a, SKIP_WORDS_CHARS) > SKIP_WORDS_CHARS)
        return false;
    const char *cls = xml_attr_ref(a, "class");
    size_t len;
    for (const char *p = cls ? cls : "", *w; (w = xml_class_next(&p, &len));)
        for (size_t i = 0; i + 4 <= len; i++)
            if (!strncasecmp(w + i, "skip", 4))
                return true;
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = t ? (const char *)t : "";
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    bool yes = false;
    for (int i = 0; words[i] && !yes; i++)
        yes = !strncasecmp(s, words[i], strlen(words[i]));
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

static xmlNodePtr common_box(xmlNodePtr a, xmlNodePtr b)
{
    for (xmlNodePtr x = a->parent; x && x->type == XML_ELEMENT_NODE; x = x->parent)
        for (xmlNodePtr y = b; y; y = y->parent)
            if (y == x)
                return x;
    return NULL;
}

/* The first box below N a skip link jumps over, or NULL. */
static xmlNodePtr skipped_box(xmlNodePtr n, const id_table *t, xmlChar **to)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(n, "a")) {
            xmlNodePtr box = skipped_box(n->children, t, to);
            if (box)
                return box;
            continue;
        }
        const char *ref = xml_attr_ref(n, "href");
        if (!ref || ref[0] != '#' || !ref[1] || !says_skip(n))
            continue;
        xmlChar *href = xmlStrdup((const xmlChar *)ref);
        xmlNodePtr target = find_id(t, href + 1);
        xmlNodePtr box = target && target != n ? common_box(n, target) : NULL;
        /* a table behind a "skip table" link is the text's data: the link
         * only lets a screen reader's user pass it */
        if (box && !xml_is(box, "body") && !xml_is(box, "html") &&
            text_chars(target, SKIP_WORDS_CHARS) <= SKIP_WORDS_CHARS &&
            text_chars(box, SKIPPED_BOX_CHARS) <= SKIPPED_BOX_CHARS && bare_side(box, n, false) &&
            bare_side(box, target, true) && is_before(n, target) && !xml_find(box, "table")) {
            *to = href;
            return box;
        }
        xmlFree(href);
    }
    return NULL;
}

int extract_drop_skipped(htmlDocPtr doc, FILE *explain)
{
    if (!any_skip_link(doc->children))
        return 0;
    id_table t = { NULL, 0, 0 };
    collect_ids(doc->children, &t);
    int dropped = 0;
    while (t.n && dropped < 64) {
        qsort(t.v, t.n, sizeof *t.v, by_id);
        xmlChar *to = NULL;
        xmlNodePtr box = skipped_box(doc->children, &t, &to);
        if (!box)
            break;
        if (explain) {
            xmlChar *path = xmlGetNodePath(box);
            fprintf(explain, "dropped %s: a box a skip link jumps over (to %s)\n",
                    path ? (const char *)path : "?", (const char *)to);
            xmlFree(path);
        }
        xmlFree(to);
        xmlUnlinkNode(box);
        xmlFreeNode(box);
        dropped++;
        /* the box took its ids with it */
        t.n = 0;
        collect_ids(doc->children, &t);
    }
    free(t.v);
    return dropped;
}
