/* Lines the rebuilt article holds twice because the page did: a caption
 * set again as a line of its own beside its picture. */
#include "clean/normalize/normalize.h"
#include "util/utf8.h"

#include <stdio.h>

/* A short line that repeats a picture's caption is the caption again: it
 * goes, and the caption stays in its figure. (A short line the article
 * holds twice is no sign of furniture: sections repeat their headings.) */
static bool short_line(xmlNodePtr n, nz_line *t, xmlChar **text)
{
    if (!xml_is(n, "p"))
        return false;
    *text = xmlNodeGetContent(n);
    *t = nz_line_measure(*text ? (const char *)*text : "");
    return t->chars > 0 && t->chars <= NZ_LINE_SHORT && t->stops == 0 && !t->date;
}

static bool same_text(const xmlChar *a, const xmlChar *b)
{
    while (*a && *b) {
        while (*a == ' ' || *a == '\n' || *a == '\t')
            a++;
        while (*b == ' ' || *b == '\n' || *b == '\t')
            b++;
        if (*a != *b)
            return false;
        if (*a)
            a++, b++;
    }
    while (*a == ' ' || *a == '\n' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\n' || *b == '\t')
        b++;
    return !*a && !*b;
}

static bool is_caption_repeat(xmlNodePtr root, const xmlChar *text)
{
    for (xmlNodePtr f = root->children; f; f = f->next)
        if (xml_is(f, "figure"))
            for (xmlNodePtr c = f->children; c; c = c->next)
                if (xml_is(c, "figcaption")) {
                    xmlChar *cap = xmlNodeGetContent(c);
                    bool same = cap && same_text(cap, text);
                    xmlFree(cap);
                    if (same)
                        return true;
                }
    return false;
}

void nz_drop_repeats(nz *z)
{
    for (xmlNodePtr n = z->root->children; n;) {
        xmlNodePtr next = n->next;
        nz_line t;
        xmlChar *text = NULL;
        const char *why = NULL;
        if (short_line(n, &t, &text)) {
            if (is_caption_repeat(z->root, text))
                why = "the caption of a picture, repeated";
        }
        if (why) {
            if (z->o->explain)
                fprintf(z->o->explain, "dropped a line: %s: %.*s\n", why, utf8_clip((const char *)text, 60), (const char *)text);
            nz_discard(z, n);
        }
        xmlFree(text);
        n = next;
    }
}
