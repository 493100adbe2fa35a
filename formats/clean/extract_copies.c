/* A copy of the text inside the kept block: a portal sets a second copy
 * of the article beside the first, for printing or for another reading
 * mode, and hides it by means the capture does not keep (a style sheet
 * it lacks, a script, a rule folio does not read). Both then score, and
 * their common box wins with both inside. Of two sibling boxes that say
 * the same, one holding the other whole, of about the same size, and
 * together holding most of the kept text, the second goes: a text and its
 * amended version beside it (修改前, 修改后) differ in a phrase. Entries of a live report that repeat a line
 * are no copy of the text: each is a small part of it. */
#include "clean/extract_int.h"
#include "util/buf.h"
#include "util/shingle.h"
#include "util/xml_node.h"

#include <stdio.h>

/* A box this small is a line, which a text may well repeat. */
#define EX_INNER_COPY_CHARS 100
/* A copy's size against the first, and the share of its runs both ways. */
#define EX_INNER_COPY_SIZE 0.8
#define EX_INNER_COPY_SHARE 0.9
/* All of one's runs in the other, but for rounding. */
#define EX_INNER_COPY_WHOLE_RUNS 0.99
/* The share of the kept block's text the two hold together. */
#define EX_INNER_COPY_WHOLE 0.6
/* How deep below a kept block a copy is looked for. */
#define EX_INNER_COPY_DEPTH 4

/* A box of blocks with text enough to be a copy of the text. */
static bool ex_copy_box(xmlNodePtr n)
{
    const ex_stat *s = n->type == XML_ELEMENT_NODE ? ex_stat_of(n) : NULL;
    return s && s->has_block && s->all.chars - s->all.link_chars >= EX_INNER_COPY_CHARS;
}

/* N's words outside its links, into OUT, a space between text nodes. */
static void ex_words_outside_links(xmlNodePtr n, buf_t *out)
{
    for (n = n->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            buf_puts(out, (const char *)n->content);
            buf_putc(out, ' ');
        } else if (n->type == XML_ELEMENT_NODE && !xml_is(n, "a")) {
            ex_words_outside_links(n, out);
        }
    }
}

/* The heading N opens with, or NULL. */
static xmlNodePtr ex_opening_heading(xmlNodePtr n)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    for (n = n->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return xml_is_any(n, headings) ? n : NULL;
    return NULL;
}

/* A and B open with different headings ("修改前", "修改后"): two texts. */
static bool ex_headed_apart(xmlNodePtr a, xmlNodePtr b)
{
    xmlNodePtr ha = ex_opening_heading(a), hb = ex_opening_heading(b);
    if (!ha || !hb)
        return false;
    xmlChar *ta = xmlNodeGetContent(ha), *tb = xmlNodeGetContent(hb);
    bool apart = !ta || !tb || !xmlStrEqual(ta, tb);
    xmlFree(ta);
    xmlFree(tb);
    return apart;
}

static bool ex_same_text(xmlNodePtr a, xmlNodePtr b, int kept_chars)
{
    int ca = ex_stat_of(a)->all.chars, cb = ex_stat_of(b)->all.chars;
    if ((ca < cb ? ca : cb) < (ca < cb ? cb : ca) * EX_INNER_COPY_SIZE || ca + cb < kept_chars * EX_INNER_COPY_WHOLE ||
        ex_headed_apart(a, b))
        return false;
    buf_t ta, tb;
    buf_init(&ta);
    buf_init(&tb);
    ex_words_outside_links(a, &ta);
    ex_words_outside_links(b, &tb);
    double ab = ta.len && tb.len ? shingle_share(ta.data, tb.data) : 0;
    double ba = ta.len && tb.len ? shingle_share(tb.data, ta.data) : 0;
    /* one holds the other's words whole (a copy for print drops the
     * links, adds a line or two): a text and its amended version beside
     * it differ in a phrase */
    bool same = ab >= EX_INNER_COPY_SHARE && ba >= EX_INNER_COPY_SHARE &&
                (ab >= EX_INNER_COPY_WHOLE_RUNS || ba >= EX_INNER_COPY_WHOLE_RUNS);
    buf_free(&ta);
    buf_free(&tb);
    return same;
}

static void ex_note_copy(extract_result *r, xmlNodePtr copy, xmlNodePtr first, FILE *explain)
{
    const ex_stat *s = ex_stat_of(copy);
    r->chars -= s->all.chars;
    r->punct -= s->all.punct;
    r->link_chars -= s->all.link_chars;
    if (!explain)
        return;
    xmlChar *pc = xmlGetNodePath(copy), *pf = xmlGetNodePath(first);
    fprintf(explain, "copy: %s dropped, a copy of %s beside it\n", pc ? (char *)pc : "?", pf ? (char *)pf : "?");
    xmlFree(pc);
    xmlFree(pf);
}

static void ex_copies_walk(xmlNodePtr n, int depth, int kept_chars, extract_result *r, FILE *explain)
{
    for (xmlNodePtr c = n->children, next; c; c = next) {
        next = c->next;
        if (!ex_copy_box(c))
            continue;
        xmlNodePtr first = NULL;
        for (xmlNodePtr p = n->children; p != c && !first; p = p->next)
            if (ex_copy_box(p) && ex_same_text(p, c, kept_chars))
                first = p;
        if (first) {
            ex_note_copy(r, c, first, explain);
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (depth < EX_INNER_COPY_DEPTH) {
            ex_copies_walk(c, depth + 1, kept_chars, r, explain);
        }
    }
}

void ex_drop_inner_copies(extract_result *r, FILE *explain)
{
    for (int i = 0; i < r->n_nodes; i++)
        ex_copies_walk(r->nodes[i], 1, ex_stat_of(r->nodes[i])->all.chars, r, explain);
}
