/* Pages holding several full entries (an archive, a blog's front page, a
 * day's posts): the scorer likes the longest, or all of them together, but
 * the page's own is the one its title names, and failing that the first. */
#include "clean/extract_int.h"
#include "util/xml_node.h"

#include <string.h>

static xmlNodePtr first_heading(xmlNodePtr n);

/* A post of its own: a block whose heading links to the post's own page,
 * as archives link each title to its permalink. The sections of one long
 * article, and the entries of a live report, have headings that link
 * nowhere, whether the page sets them in <article> elements or not. */
static bool stands_alone(xmlNodePtr n)
{
    xmlNodePtr h = first_heading(n);
    for (xmlNodePtr c = h ? h->children : NULL; c; c = c->next)
        if (xml_is(c, "a") && xmlHasProp(c, (const xmlChar *)"href"))
            return true;
    return false;
}

/* A post of its own that opens with a heading and holds at least two
 * paragraphs of prose. */
static bool is_entry(xmlNodePtr n)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", NULL };
    if (n->type != XML_ELEMENT_NODE || !ex_stat_of(n) || ex_prose_blocks(n, 0) < 2 || !stands_alone(n))
        return false;
    /* the first heading comes before the first paragraph of prose */
    for (xmlNodePtr c = n->children; c;) {
        if (c->type == XML_ELEMENT_NODE) {
            if (xml_is_any(c, headings))
                return true;
            ex_stat *s = ex_stat_of(c);
            if (!s->has_block && s->is_block && s->all.chars - s->all.link_chars >= 40)
                return false;
            if (c->children) {
                c = c->children;
                continue;
            }
        }
        while (c && !c->next && c->parent != n)
            c = c->parent;
        c = c ? c->next : NULL;
    }
    return false;
}

static xmlNodePtr first_heading(xmlNodePtr n)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", NULL };
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is_any(c, headings))
            return c;
        xmlNodePtr h = first_heading(c);
        if (h)
            return h;
    }
    return NULL;
}

/* TEXT without white space, into OUT (CAP bytes). */
static void squeeze(const char *text, char *out, size_t cap)
{
    size_t k = 0;
    for (const char *p = text; *p && k + 1 < cap; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            out[k++] = *p;
    out[k] = '\0';
}

/* The entry's heading and the page's title name the same thing: one holds
 * the other (the title often adds the site's name). */
static bool headed_by(xmlNodePtr entry, const char *page_title)
{
    xmlNodePtr h = first_heading(entry);
    if (!h || !page_title)
        return false;
    xmlChar *raw = xmlNodeGetContent(h);
    char head[512], title[512];
    squeeze(raw ? (const char *)raw : "", head, sizeof head);
    squeeze(page_title, title, sizeof title);
    xmlFree(raw);
    return strlen(head) >= 6 && strlen(title) >= 6 && (strstr(title, head) || strstr(head, title));
}

/* Among the entries of the kind of FIRST, from FIRST on: the page's own. */
static xmlNodePtr choose(xmlNodePtr first, xmlNodePtr title_node, const char *page_title, const char **why)
{
    xmlNodePtr named = NULL;
    for (xmlNodePtr e = first; e; e = e->next) {
        if (!is_entry(e) || !ex_same_kind(e, first))
            continue;
        if (title_node && (e == title_node || xml_is_ancestor(e, title_node))) {
            *why = "one of several entries: the one holding the page's title";
            return e;
        }
        if (!named && headed_by(e, page_title))
            named = e;
    }
    *why = named ? "one of several entries: the one headed by the page's title"
                 : "one of several entries, none named by the title: the first";
    return named ? named : first;
}

xmlNodePtr ex_pick_entry(xmlNodePtr top, xmlNodePtr title_node, const char *page_title, const char **why)
{
    *why = NULL;
    /* TOP holds the entries: two or more of one kind, most of its text */
    xmlNodePtr first = NULL;
    int count = 0, chars = 0;
    for (xmlNodePtr c = top->children; c; c = c->next)
        if (is_entry(c) && (!first || ex_same_kind(c, first))) {
            first = first ? first : c;
            count++;
            chars += ex_stat_of(c)->all.chars;
        }
    if (count >= 2 && chars * 10 >= ex_stat_of(top)->all.chars * 7)
        return choose(first, title_node, page_title, why);
    /* TOP is an entry among others of its kind */
    if (!is_entry(top) || !top->parent)
        return top;
    first = NULL;
    count = 0;
    for (xmlNodePtr c = top->parent->children; c; c = c->next)
        if (is_entry(c) && ex_same_kind(c, top)) {
            first = first ? first : c;
            count++;
        }
    return count >= 2 ? choose(first, title_node, page_title, why) : top;
}

bool ex_is_other_entry(xmlNodePtr n, xmlNodePtr top)
{
    return n != top && ex_same_kind(n, top) && is_entry(n) && is_entry(top);
}
