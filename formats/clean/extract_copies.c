/* A copy of the text inside the kept block: a portal sets a second copy
 * of the article beside the first, for printing or for another reading
 * mode, and hides it by means the capture does not keep (a style sheet
 * it lacks, a script, a rule folio does not read). Both then score, and
 * their common box wins with both inside. Of two sibling boxes that say
 * the same, of about the same size, and together hold most of the kept
 * text, the second goes. Entries of a live report that repeat a line
 * are no copy of the text: each is a small part of it. */
#include "clean/extract_int.h"
#include "util/shingle.h"
#include "util/xml_node.h"

#include <stdio.h>

/* A box this small is a line, which a text may well repeat. */
#define EX_INNER_COPY_CHARS 100
/* A copy's size against the first, and the share of its runs both ways. */
#define EX_INNER_COPY_SIZE 0.8
#define EX_INNER_COPY_SHARE 0.9
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

static bool ex_same_text(xmlNodePtr a, xmlNodePtr b, int kept_chars)
{
    int ca = ex_stat_of(a)->all.chars, cb = ex_stat_of(b)->all.chars;
    if ((ca < cb ? ca : cb) < (ca < cb ? cb : ca) * EX_INNER_COPY_SIZE || ca + cb < kept_chars * EX_INNER_COPY_WHOLE)
        return false;
    xmlChar *ta = xmlNodeGetContent(a), *tb = xmlNodeGetContent(b);
    bool same = ta && tb && shingle_share((const char *)ta, (const char *)tb) >= EX_INNER_COPY_SHARE &&
                shingle_share((const char *)tb, (const char *)ta) >= EX_INNER_COPY_SHARE;
    xmlFree(ta);
    xmlFree(tb);
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
