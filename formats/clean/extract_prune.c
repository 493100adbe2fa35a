/* Taking out of a parsed page what never holds article text: scripts,
 * styles, form controls, comments, and what the page hides from its
 * reader. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Hidden from the reader: an inline display:none or visibility:hidden, the
 * hidden attribute, or aria-hidden="true". Class names say nothing here: a
 * CMS body class does not make a hidden copy visible. */
static bool ex_is_hidden(xmlNodePtr n)
{
    bool hidden = false;
    xmlChar *style = xmlGetProp(n, (const xmlChar *)"style");
    if (style) {
        char *s = (char *)style;
        for (char *p = s; *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                *s++ = (char)tolower((unsigned char)*p);
        *s = '\0';
        hidden = strstr((char *)style, "display:none") || strstr((char *)style, "visibility:hidden");
        xmlFree(style);
    }
    if (!hidden && xmlHasProp(n, (const xmlChar *)"hidden"))
        hidden = true;
    if (!hidden) {
        xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
        hidden = aria && xmlStrcasecmp(aria, (const xmlChar *)"true") == 0;
        xmlFree(aria);
    }
    return hidden;
}

static bool ex_never_content(xmlNodePtr n)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "iframe", "frame", "frameset", "input",
        "select", "textarea", "button", "object", "embed", "applet",
        "template", "canvas", "map", "area", "audio", "video", "option", NULL
    };
    return xml_is_any(n, tags);
}

/* A player's controls and notices ("倍速", "1.5X", "00:00/00:00", "当前视频
 *播放失败") sit around its <video> in a box of short words; a sign-up or
 * search form's prompt ("SIGN UP FOR OUR NEWSLETTER", "搜索") sits around
 * its entry field the same way. The box is the furthest ancestor of the
 * video or the field that stays short and nearly free of sentence marks;
 * it goes with them, which folio never keeps. */
#define WIDGET_CHARS 300
#define WIDGET_PUNCT 8

static xmlNodePtr ex_widget_box(xmlNodePtr widget)
{
    xmlNodePtr box = widget;
    for (xmlNodePtr p = widget->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (xml_is(p, "body") || xml_is(p, "html") || xml_is(p, "figure") || xml_is(p, "p"))
            break;
        extract_counts c;
        extract_count(p, &c);
        if (c.chars > WIDGET_CHARS || c.punct > WIDGET_PUNCT)
            break;
        box = p;
    }
    return box;
}

/* A field a reader types into: a text area, or an input of a text kind
 * (not a hidden value, a box to tick or a button). */
static bool ex_entry_field(xmlNodePtr n)
{
    if (xml_is(n, "textarea"))
        return true;
    if (!xml_is(n, "input"))
        return false;
    static const char *const kinds[] = { "text", "email", "search", "tel", "url", "password", NULL };
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool entry = !type || !*type;
    for (int i = 0; !entry && kinds[i]; i++)
        entry = xmlStrcasecmp(type, (const xmlChar *)kinds[i]) == 0;
    xmlFree(type);
    return entry;
}

typedef struct {
    xmlNodePtr *boxes;
    size_t count, cap;
} widget_boxes;

/* The boxes are found first and taken out after, so that no walk goes on
 * in a tree that was cut. */
static void ex_find_widgets(xmlNodePtr n, widget_boxes *w, extract_prune_stats *st)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool player = xml_is(n, "video") || xml_is(n, "audio");
        if (!player && !ex_entry_field(n)) {
            ex_find_widgets(n->children, w, st);
            continue;
        }
        xmlNodePtr box = ex_widget_box(n);
        bool overlaps = box == n;
        for (size_t i = 0; i < w->count && !overlaps; i++)
            overlaps = w->boxes[i] == box || xml_is_ancestor(w->boxes[i], box) || xml_is_ancestor(box, w->boxes[i]);
        if (!overlaps) {
            ALLOC_GROW(w->boxes, w->count + 1, w->cap);
            w->boxes[w->count++] = box;
            if (player)
                st->players++;
            else
                st->forms++;
        }
    }
}

static void ex_prune_widgets(xmlNodePtr root, extract_prune_stats *st)
{
    widget_boxes w = { NULL, 0, 0 };
    ex_find_widgets(root, &w, st);
    for (size_t i = 0; i < w.count; i++) {
        xmlUnlinkNode(w.boxes[i]);
        xmlFreeNode(w.boxes[i]);
    }
    free(w.boxes);
}

static void ex_prune_walk(xmlNodePtr n, bool drop_hidden, extract_prune_stats *st)
{
    while (n) {
        xmlNodePtr next = n->next;
        bool drop = n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
                    (n->type == XML_ELEMENT_NODE && ex_never_content(n));
        if (!drop && drop_hidden && n->type == XML_ELEMENT_NODE && ex_is_hidden(n)) {
            extract_counts c;
            extract_count(n, &c);
            st->hidden++;
            st->hidden_chars += c.chars - c.link_chars;
            drop = true;
        }
        if (drop) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            ex_prune_walk(n->children, drop_hidden, st);
        }
        n = next;
    }
}

void extract_prune(htmlDocPtr doc, bool drop_hidden, extract_prune_stats *st)
{
    memset(st, 0, sizeof *st);
    ex_prune_widgets(doc->children, st);
    ex_prune_walk(doc->children, drop_hidden, st);
}
