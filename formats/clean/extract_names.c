/* A body name that repeats: a CMS that sets every paragraph of the text in
 * a box of its own names each box for the text ("subbuzz-text",
 * "para-body"), and each outscores the one box that holds them all. The
 * article is named once; a name three siblings share names the parts,
 * and the box that holds them is the body. */
#include "clean/extract_int.h"
#include "util/xml_node.h"

#define NAMES_REPEAT_MIN 3
/* Kinds of body-named children weighed under one parent: past this, a
 * page of thousands of such children would take a time that grows as
 * their square. */
#define NAMES_KINDS_MAX 16

/* A part of the text: named for it, no record, no heading of its own (an
 * entry of a blog's index has one, and stays an entry). */
static bool is_named_part(xmlNodePtr c)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    const ex_stat *s = ex_stat_of(c);
    return s && s->names.weight > 0 && !s->in_record && !xml_find_any(c, headings);
}

static void mark_parts(xmlNodePtr p)
{
    int kinds = 0;
    for (xmlNodePtr c = p->children; c && kinds < NAMES_KINDS_MAX; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !is_named_part(c) || ex_stat_of(c)->name_repeated)
            continue;
        kinds++;
        int same = 0;
        for (xmlNodePtr d = c; d; d = d->next)
            same += d->type == XML_ELEMENT_NODE && ex_same_kind(d, c) && is_named_part(d);
        if (same < NAMES_REPEAT_MIN)
            continue;
        for (xmlNodePtr d = c; d; d = d->next)
            if (d->type == XML_ELEMENT_NODE && ex_same_kind(d, c) && is_named_part(d))
                ex_stat_of(d)->name_repeated = true;
        ex_stat *ps = ex_stat_of(p);
        if (ex_stat_of(c)->names.weight > ps->parts_weight)
            ps->parts_weight = ex_stat_of(c)->names.weight;
    }
}

void ex_mark_repeated_names(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !ex_stat_of(n))
            continue;
        if (ex_stat_of(n)->has_block)
            mark_parts(n);
        ex_mark_repeated_names(n->children);
    }
}
