/* A body name that repeats: a CMS that sets every paragraph of the text in
 * a box of its own names each box for the text ("subbuzz-text",
 * "para-body"), and a Q&A page names the question's text and each
 * answer's alike ("js-post-body"); each outscores the one box that holds
 * them all. The article is named once: a name three boxes near each other
 * share names the parts, and the nearest box that holds them is the body. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>

#define NAMES_REPEAT_MIN 3
/* How far above each part the box that holds them may lie: a name shared
 * across the page (a sidebar's blurbs and the text's) names no one text,
 * and the parts' paragraphs credit no box further up. */
#define NAMES_REACH 4

/* A part of the text: named for it, no record, no heading of its own (an
 * entry of a blog's index has one, and stays an entry). */
static bool is_named_part(xmlNodePtr c)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    const ex_stat *s = ex_stat_of(c);
    return s && s->names.weight > 0 && !s->in_record && !xml_find_any(c, headings);
}

/* Parts are alike when they and their parents are of one kind each: the
 * same tag and class. A post's text and its replies' share a name but
 * not the box around it (a detailed status, a status). */
typedef struct {
    xmlNodePtr node;
    const char *cls;        /* its class attribute, as the tree holds it */
    const char *parent_cls; /* its parent's, or "" */
} named_part;

static int kind_cmp(const named_part *x, const named_part *y)
{
    int d = xmlStrcasecmp(x->node->name, y->node->name);
    if (!d)
        d = xmlStrcmp((const xmlChar *)x->cls, (const xmlChar *)y->cls);
    if (!d)
        d = xmlStrcasecmp(x->node->parent->name, y->node->parent->name);
    if (!d)
        d = xmlStrcmp((const xmlChar *)x->parent_cls, (const xmlChar *)y->parent_cls);
    return d;
}

static int part_cmp(const void *a, const void *b)
{
    const named_part *x = a, *y = b;
    int d = kind_cmp(x, y);
    if (!d)
        d = (ex_stat_of(x->node)->order > ex_stat_of(y->node)->order) -
            (ex_stat_of(x->node)->order < ex_stat_of(y->node)->order);
    return d;
}


static void collect(xmlNodePtr root, named_part **parts, size_t *n, size_t *cap)
{
    for (xmlNodePtr e = root; e; e = xml_next_in_order(e, root)) {
        const char *cls = e->type == XML_ELEMENT_NODE && ex_stat_of(e) ? xml_attr_ref(e, "class") : NULL;
        if (!cls || !*cls || !e->parent || e->parent->type != XML_ELEMENT_NODE || !is_named_part(e))
            continue;
        const char *parent_cls = xml_attr_ref(e->parent, "class");
        ALLOC_GROW(*parts, *n + 1, *cap);
        (*parts)[(*n)++] = (named_part){ e, cls, parent_cls ? parent_cls : "" };
    }
}

static int levels_below(xmlNodePtr n, xmlNodePtr above)
{
    int k = 0;
    for (; n && n != above; n = n->parent)
        k++;
    return k;
}

/* The parts P[0..N) of one name: the box that holds them, when it is near
 * each, takes their name; they keep none. */
static void mark_group(named_part *p, size_t n)
{
    xmlNodePtr meet = p[0].node;
    for (size_t i = 1; i < n && meet; i++)
        meet = ex_common_ancestor(meet, p[i].node);
    if (!meet || !ex_stat_of(meet) || xml_is(meet, "body") || xml_is(meet, "html"))
        return;
    for (size_t i = 0; i < n; i++)
        if (levels_below(p[i].node, meet) > NAMES_REACH)
            return;
    for (size_t i = 0; i < n; i++)
        ex_stat_of(p[i].node)->name_repeated = true;
    ex_stat *ms = ex_stat_of(meet);
    if (ex_stat_of(p[0].node)->names.weight > ms->parts_weight)
        ms->parts_weight = ex_stat_of(p[0].node)->names.weight;
}

void ex_mark_repeated_names(xmlNodePtr root)
{
    named_part *parts = NULL;
    size_t n = 0, cap = 0;
    for (xmlNodePtr r = root; r; r = r->next)
        if (r->type == XML_ELEMENT_NODE)
            collect(r, &parts, &n, &cap);
    if (n)
        qsort(parts, n, sizeof *parts, part_cmp);
    for (size_t i = 0, run; i < n; i += run) {
        for (run = 1; i + run < n && !kind_cmp(&parts[i], &parts[i + run]); run++)
            ;
        if (run >= NAMES_REPEAT_MIN)
            mark_group(&parts[i], run);
    }
    free(parts);
}

/* The box below TOP whose parts share a body name, when it holds nearly
 * all TOP's prose: a page's <main> or its story box scores on its own name
 * and the parts' paragraphs, but what the parts' name points to is the
 * box that holds them, without the header and the summary beside it. */
#define NAMES_PROSE_SHARE 0.8

xmlNodePtr ex_named_parts_within(xmlNodePtr top)
{
    const ex_stat *t = ex_stat_of(top);
    if (t->parts_weight > 0 || t->prose <= 0)
        return top;
    for (xmlNodePtr e = top->children ? top : NULL; e; e = xml_next_in_order(e, top)) {
        const ex_stat *s = e->type == XML_ELEMENT_NODE ? ex_stat_of(e) : NULL;
        if (s && e != top && s->parts_weight > 0 && s->prose >= t->prose * NAMES_PROSE_SHARE)
            return e;
    }
    return top;
}
