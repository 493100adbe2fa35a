/* Full-width punctuation restored in Chinese runs: the walk over an
 * article that gathers one run per block, and the entry points. The run
 * is in zhpunct_run.c, the context of a mark in zhpunct_context.c, what is
 * never touched in zhpunct_protect.c, the rules in zhpunct_rules.c. */
#include "zhpunct/zhpunct_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>

const char *const zhpunct_mark_name[ZP_MARKS] = { "，", "：", "；", "（）", "！", "？" };

/* Decide the run gathered so far, write it back into its text nodes and
 * start the next. */
static void zp_flush(zp_run *r, zhpunct_counts *counts)
{
    if (r->n) {
        zp_decide(r, counts);
        for (size_t s = 0; s < r->nsrc; s++) {
            char *text = zp_rebuild(r, s);
            if (text && r->src[s].node)
                xmlNodeSetContent(r->src[s].node, (const xmlChar *)text);
            free(text);
        }
    }
    zp_reset(r);
}

char *zhpunct_text(const char *text, zhpunct_counts *counts)
{
    zp_run r = { 0 };
    zp_add(&r, text ? text : "", NULL, false);
    zp_decide(&r, counts);
    char *out = zp_rebuild(&r, 0);
    if (!out)
        out = xstrdup(text ? text : "");
    zp_release(&r);
    return out;
}

static void zp_walk(xmlNodePtr parent, zp_run *r, bool frozen, zhpunct_counts *counts)
{
    /* Inline elements continue the run; any other element ends it. */
    static const char *const inline_names[] = {
        "a", "em", "strong", "sub", "sup", "s", "u", "span", "ruby", "rt", "rp",
        "b", "i", "small", "mark", "abbr", "q", "cite", "dfn", "time", "bdi", "bdo", NULL
    };
    /* Code reads as context but is never changed. */
    static const char *const code_names[] = { "code", "kbd", "samp", "var", "tt", NULL };
    static const char *const skipped_names[] = { "pre", "script", "style", "textarea", "math", "svg", NULL };
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            zp_add(r, (const char *)n->content, n, frozen);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is_any(n, skipped_names)) {
            zp_flush(r, counts);
        } else if (xml_is_any(n, code_names)) {
            zp_walk(n, r, true, counts);
        } else if (xml_is_any(n, inline_names)) {
            zp_walk(n, r, frozen, counts);
        } else {
            zp_flush(r, counts);
            zp_walk(n, r, frozen, counts);
            zp_flush(r, counts);
        }
    }
}

void zhpunct_article(article *a, zhpunct_counts *counts)
{
    zp_run r = { 0 };
    if (a->body) {
        zp_walk(a->body, &r, false, counts);
        zp_flush(&r, counts);
    }
    zp_release(&r);
    if (a->meta.title) {
        char *title = zhpunct_text(a->meta.title, counts);
        article_meta_set(&a->meta.title, title);
        free(title);
    }
}
