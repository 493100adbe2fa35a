/* Boxes a site sets inside the article's text, known by the label over
 * them: the headlines under a label over related stories, and an ad under
 * its label. The label alone is furniture by its words; what it heads goes
 * with it. */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "clean/page.h"
#include "util/buf.h"

#include <string.h>

/* N's first child that is not blank text, or NULL. */
static xmlNodePtr nz_first_part(xmlNodePtr n)
{
    xmlNodePtr c = n->children;
    while (c && c->type == XML_TEXT_NODE && xmlIsBlankNode(c))
        c = c->next;
    return c;
}

/* A story's teaser: a box that opens with its headline, a link and
 * nothing else, over a few lines of summary. */
#define TEASER_CHARS 200

static bool nz_teaser(xmlNodePtr n, const extract_counts *c)
{
    if (c->chars > TEASER_CHARS || xml_is(n, "p"))
        return false;
    xmlNodePtr head = nz_first_part(n);
    if (!head || head->type != XML_ELEMENT_NODE)
        return false;
    extract_counts h;
    extract_count(head, &h);
    return h.chars > 0 && h.link_chars >= h.chars;
}

/* Under the label over related stories ("相关新闻：", "猜你喜欢"), dropped,
 * their headlines stand one to a line, each a link, or open a teaser each:
 * they go too, up to the first line with words of its own. */
static const char *nz_under_related(nz *z, xmlNodePtr n, const extract_counts *c)
{
    if (!z->related_parent || n->parent != z->related_parent || c->chars == 0)
        return NULL;
    if (c->link_chars >= c->chars)
        return "a link under the label over related stories";
    if (nz_teaser(n, c))
        return "a story's teaser under the label over related stories";
    z->related_parent = NULL;
    return NULL;
}

void nz_related_words(nz *z, xmlNodePtr n)
{
    if (!z->related_parent || n->parent != z->related_parent)
        return;
    extract_counts c;
    extract_count(n, &c);
    if (c.chars > c.link_chars)
        z->related_parent = NULL;
}

void nz_note_related_label(nz *z, xmlNodePtr n, const char *why, const char *text)
{
    if (why == furniture_related_box ||
        (why == furniture_empty_label && furniture_line_start_rule(text) == furniture_related_box))
        z->related_parent = n->parent;
}

/* A box whose first line is an ad's label ("广告") holds the ad: its
 * picture and its words go with the label. A box of more words or
 * sentences than an ad's is the text's, whatever heads it. */
#define AD_BOX_CHARS 200
#define AD_BOX_PUNCT 6

static bool nz_ad_box(xmlNodePtr n, const extract_counts *c)
{
    if (c->chars > AD_BOX_CHARS || c->punct > AD_BOX_PUNCT || xml_is(n, "p"))
        return false;
    xmlNodePtr first = nz_first_part(n);
    if (!first || !first->next || (first->type != XML_ELEMENT_NODE && first->type != XML_TEXT_NODE))
        return false;
    buf_t t;
    buf_init(&t);
    page_text(first, &t);
    bool label = t.len && furniture_text_rule(t.data) == furniture_ad_label;
    buf_free(&t);
    return label;
}

const char *nz_inserted_box(nz *z, xmlNodePtr n, const extract_counts *c)
{
    const char *why = nz_under_related(z, n, c);
    if (!why && nz_ad_box(n, c))
        why = "an ad: the box its label heads";
    return why;
}
