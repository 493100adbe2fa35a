/* Boxes a site sets inside the article's text, known by the label over
 * them: the headlines under a label over related stories, and an ad under
 * its label. The label alone is furniture by its words; what it heads goes
 * with it. */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "clean/page.h"
#include "util/utf8.h"
#include "util/buf.h"

#include <stdio.h>
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

/* A list whose every item is a link alone or a teaser (a headline's
 * link over a few lines): the feed a related label heads. */
static bool nz_list_of_teasers(xmlNodePtr n)
{
    if (!xml_is(n, "ul") && !xml_is(n, "ol"))
        return false;
    int items = 0;
    for (xmlNodePtr li = n->children; li; li = li->next) {
        if (li->type != XML_ELEMENT_NODE)
            continue;
        extract_counts k;
        extract_count(li, &k);
        if (!xml_is(li, "li") || !k.chars || (k.link_chars < k.chars && !nz_teaser(li, &k)))
            return false;
        items++;
    }
    return items >= 2;
}

/* Under the label over related stories ("相关新闻：", "猜你喜欢"), dropped,
 * their headlines stand one to a line, each a link, or open a teaser each:
 * they go too, up to the first line with words of its own. */
static const char *nz_under_related(nz *z, xmlNodePtr n, const extract_counts *c)
{
    /* links to documents under it are attachments ("相关附件：") */
    if (!z->related_parent || n->parent != z->related_parent || c->chars == 0 || furniture_links_all_documents(n))
        return NULL;
    if (c->link_chars >= c->chars)
        return "a link under the label over related stories";
    if (nz_teaser(n, c))
        return "a story's teaser under the label over related stories";
    if (nz_list_of_teasers(n))
        return "a list of stories' teasers under the label over related stories";
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

/* The label over a box of links that went by its name or its links
 * ("Recommended Stories", "相关阅读"): a short line of no sentence and no
 * link, just before the box in the page and last in the article so far,
 * heads nothing left. A heading does when words follow the box before the
 * next heading (a section's "Main article:" pointer went, not its text). */
#define ORPHAN_LABEL_CHARS 40
#define ORPHAN_REST_CHARS 20

/* Every link below N points away ("更多>>", "More »"): a column's header,
 * not a headline. */
static bool nz_links_lead_away(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(c, "a")) {
            if (!nz_links_lead_away(c))
                return false;
            continue;
        }
        buf_t t;
        buf_init(&t);
        page_text(c, &t);
        bool away = t.len && nz_leads_away(t.data);
        buf_free(&t);
        if (!away)
            return false;
    }
    return true;
}

/* The heading N is or opens: a wiki wraps each with its [edit] link. */
static xmlNodePtr nz_heading_of(xmlNodePtr n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    if (nz_heading_tag(n))
        return n;
    if (!xml_is(n, "div"))
        return NULL;
    xmlNodePtr first = n->children;
    while (first && first->type != XML_ELEMENT_NODE)
        first = first->next;
    return first && nz_heading_tag(first) ? first : NULL;
}

void nz_drop_orphan_label(nz *z, xmlNodePtr n, const char *why)
{
    if (why != nz_why_furniture_name && why != nz_why_link_list && why != nz_why_link_bar)
        return;
    extract_counts c;
    extract_count(n, &c);
    if (!c.chars || (why == nz_why_furniture_name && c.link_chars * 2 < c.chars) ||
        !extract_is_block_tag((const char *)n->name))
        return;
    xmlNodePtr prev = n->prev;
    while (prev && prev->type == XML_TEXT_NODE && xmlIsBlankNode(prev))
        prev = prev->prev;
    nz_close_para(z);   /* a block ends the open one, which may hold only blanks */
    xmlNodePtr last = z->flow->last;
    if (!prev || prev->type != XML_ELEMENT_NODE || !last || last->type != XML_ELEMENT_NODE ||
        !(xml_is(last, "p") || nz_heading_tag(last) >= 2))
        return;
    if (nz_heading_of(prev))
        prev = nz_heading_of(prev);
    /* a section's heading heads what follows the box too, if anything */
    for (xmlNodePtr x = n->next; nz_heading_tag(prev) && x; x = x->next) {
        if (nz_heading_of(x)) {
            if (nz_heading_tag(nz_heading_of(x)) > nz_heading_tag(prev))
                return;     /* it heads the subsections */
            break;
        }
        extract_counts f;
        extract_count(x, &f);
        if (f.chars > f.link_chars)
            return;
    }
    extract_counts p;
    extract_count(prev, &p);
    if (!p.chars || p.chars > ORPHAN_LABEL_CHARS || p.punct - p.link_punct ||
        (p.link_chars && (p.link_chars == p.chars || !nz_links_lead_away(prev))))
        return;
    buf_t a, b;
    buf_init(&a);
    buf_init(&b);
    page_text(prev, &a);
    page_text(last, &b);
    /* a date over the attachments is the 落款's, no label of theirs */
    char day[11];
    if (a.len && b.len && !strcmp(a.data, b.data) && !page_meta_find_date(a.data, day, 0)) {
        if (z->o->explain)
            fprintf(z->o->explain, "dropped the label over links that went, heading nothing: %s\n", a.data);
        nz_discard(z, last);
    }
    buf_free(&a);
    buf_free(&b);
}

/* A box of which only its heading was written, the links under it
 * dropped (cards of other stories, "Related"): the heading labelled
 * them, and goes with them. FIRST is the first block the box wrote. */
void nz_drop_orphan_heading(nz *z, xmlNodePtr box, xmlNodePtr first, const extract_counts *c)
{
    if (!first || first->next || first->type != XML_ELEMENT_NODE || nz_heading_tag(first) < 2)
        return;
    xmlChar *t = xmlNodeGetContent(first);
    int heading = t ? (int)utf8_length((const char *)t, strlen((const char *)t)) : 0;
    int rest = c->chars - heading;
    if (rest >= ORPHAN_REST_CHARS && c->link_chars * 2 >= rest) {
        if (z->o->explain) {
            xmlChar *path = xmlGetNodePath(box);
            fprintf(z->o->explain, "dropped the heading of %s over links that went, heading nothing: %s\n",
                    path ? (const char *)path : "?", t ? (const char *)t : "");
            xmlFree(path);
        }
        nz_discard(z, first);
    }
    xmlFree(t);
}
