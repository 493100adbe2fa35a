/* A question the reader answers with buttons ("Was this page helpful?"
 * Yes / No, "このQ&Aは役に立ちましたか？" with radio buttons and a box for
 * a comment): a poll of the site's, never the text's. The buttons go as
 * every control does; their question goes with them. The box is the
 * nearest ancestor of a button that holds two buttons at least, and
 * before the first of them one question and nothing else: no sentence
 * before it, no link; after it a few words at most (the choices' labels,
 * "we cannot reply"), and no picture, code, table, time or headline. */
#include "clean/extract_int.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <string.h>
#include <strings.h>

/* The question: one sentence of a few words, the box's whole text before
 * its first button; after that, labels and a note at most. */
#define POLL_QUESTION_CHARS 100
#define POLL_AFTER_CHARS 100
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
    buf_t before;        /* the words before the first control */
    extract_counts after;
    int nodes, controls;
    bool link_before;    /* a link before the first control: a post's author, a headline */
} poll_walk;

/* The subtree below N may be part of a poll's box. */
static bool poll_box_walk(xmlNodePtr n, poll_walk *w)
{
    static const char *const never[] = { "img", "picture", "video", "pre", "code", "table", "h1", "figure",
                                         "svg", "iframe", "time", NULL };
    for (; n; n = n->next) {
        if (++w->nodes > POLL_NODES)
            return false;
        if (n->type == XML_TEXT_NODE && n->content) {
            if (w->controls) {
                ex_count_text(n->content, &w->after, false);
                if (w->after.chars > POLL_AFTER_CHARS)
                    return false;
            } else {
                buf_puts(&w->before, (const char *)n->content);
                buf_putc(&w->before, ' ');
                if (w->before.len > POLL_QUESTION_CHARS * 4)
                    return false;
            }
        } else if (n->type == XML_ELEMENT_NODE) {
            if (xml_is_any(n, never))
                return false;
            if (extract_hidden_inline(n))
                continue;   /* the thanks shown once answered */
            if (extract_choice_control(n)) {
                w->controls++;   /* its words are the answer's, not read */
                continue;
            }
            if (!w->controls && xml_is(n, "a") && xml_attr_ref(n, "href"))
                w->link_before = true;
            if (!poll_box_walk(n->children, w))
                return false;
        }
    }
    return true;
}

/* TEXT is one question: it ends with a question mark, and no sentence
 * ends before it ("1. Which…?" is a quiz's, "…every night. Could it…?"
 * a post's). */
static bool poll_question(const char *text)
{
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\n' || text[n - 1] == '\t'))
        n--;
    size_t q = n >= 3 && (!memcmp(text + n - 3, "？", 3)) ? 3 : n >= 2 && !memcmp(text + n - 2, "؟", 2) ? 2
               : n >= 1 && text[n - 1] == '?'                                                   ? 1
                                                                                                : 0;
    if (!q)
        return false;
    extract_counts c = { 0 };
    ex_count_text((const unsigned char *)text, &c, false);
    if (c.chars > POLL_QUESTION_CHARS)
        return false;
    for (size_t i = 0; i + q < n; i++)
        if (((text[i] == '.' || text[i] == '!' || text[i] == '?') && (text[i + 1] == ' ' || text[i + 1] == '\n')) ||
            !memcmp(text + i, "。", 3) || !memcmp(text + i, "！", 3) || !memcmp(text + i, "？", 3))
            return false;
    return true;
}

xmlNodePtr extract_poll_box(xmlNodePtr control)
{
    for (xmlNodePtr p = control->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (xml_is(p, "body") || xml_is(p, "html"))
            break;
        poll_walk w = { { 0 }, { 0 }, 0, 0, false };
        buf_init(&w.before);
        bool fits = poll_box_walk(p->children, &w);
        bool poll = fits && w.controls >= 2 && !w.link_before && w.before.data && poll_question(w.before.data);
        buf_free(&w.before);
        if (!fits)
            break;
        if (poll)
            return p;
    }
    return NULL;
}
