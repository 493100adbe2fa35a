/* A question the reader answers with buttons ("Was this page helpful?"
 * Yes / No, "このQ&Aは役に立ちましたか？" with radio buttons and a box for
 * a comment): a poll of the site's, never the text's. The buttons go as
 * every control does; their question goes with them. The box is the
 * nearest ancestor of a button that holds a question and two buttons at
 * least, in a few words, and no picture, code, table, time or headline. */
#include "clean/extract_int.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <string.h>
#include <strings.h>

#define POLL_CHARS 200
#define POLL_PUNCT 5
#define POLL_NODES 120

bool extract_choice_control(xmlNodePtr n)
{
    if (xml_is(n, "button"))
        return true;
    if (!xml_is(n, "input"))
        return false;
    const char *type = xml_attr_ref(n, "type");
    return type && (!strcasecmp(type, "radio") || !strcasecmp(type, "submit") || !strcasecmp(type, "button"));
}

typedef struct {
    extract_counts c;
    int nodes, controls;
    bool question;
} poll_walk;

static bool poll_asks(const char *t)
{
    return strchr(t, '?') || strstr(t, "？") || strstr(t, "؟");
}

/* The subtree below N may be part of a poll's box. */
static bool poll_box_walk(xmlNodePtr n, poll_walk *w)
{
    static const char *const never[] = { "img", "picture", "video", "pre", "code", "table", "h1", "figure",
                                         "svg", "iframe", "time", NULL };
    for (; n; n = n->next) {
        if (++w->nodes > POLL_NODES)
            return false;
        if (n->type == XML_TEXT_NODE && n->content) {
            ex_count_text(n->content, &w->c, false);
            w->question = w->question || poll_asks((const char *)n->content);
            if (w->c.chars > POLL_CHARS || w->c.punct > POLL_PUNCT)
                return false;
        } else if (n->type == XML_ELEMENT_NODE) {
            if (xml_is_any(n, never))
                return false;
            w->controls += extract_choice_control(n);
            if (!poll_box_walk(n->children, w))
                return false;
        }
    }
    return true;
}

xmlNodePtr extract_poll_box(xmlNodePtr control)
{
    for (xmlNodePtr p = control->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (xml_is(p, "body") || xml_is(p, "html"))
            break;
        poll_walk w = { { 0 }, 0, 0, false };
        if (!poll_box_walk(p->children, &w))
            break;
        if (w.question && w.controls >= 2)
            return p;
    }
    return NULL;
}
