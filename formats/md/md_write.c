#include "md/md_internal.h"
#include "article/article_subset.h"

#include <string.h>

/* Blocks: each is written into a buffer of its own and then appended, so an
 * empty one (an empty <p>) leaves no stray blank line. */

static void md_emit(buf_t *out, const buf_t *block, bool tight)
{
    if (!block->len)
        return;
    if (out->len && !tight)
        buf_putc(out, '\n');
    buf_add(out, block->data, block->len);
}

static void md_heading(const md_options *opt, xmlNodePtr h, int level, buf_t *out)
{
    buf_t text;
    buf_init(&text);
    md_inline(opt, h->children, NULL, h, MD_IN_HEADING, &text);
    if (text.len)
        buf_printf(out, "%.*s %s\n", level, "######", text.data);
    buf_free(&text);
}

static void md_code_block(xmlNodePtr pre, buf_t *out)
{
    buf_t text;
    buf_init(&text);
    md_text_content(pre, &text);
    const char *s = text.data ? text.data : "";
    size_t n = text.len, run = 0, fence = 3;
    if (n && s[0] == '\n')
        s++, n--;   /* HTML drops a line break right after <pre> */
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run + 1 > fence)
            fence = run + 1;
    }
    for (size_t i = 0; i < fence; i++)
        buf_putc(out, '`');
    buf_putc(out, '\n');
    buf_add(out, s, n);
    if (n && s[n - 1] != '\n')
        buf_putc(out, '\n');
    for (size_t i = 0; i < fence; i++)
        buf_putc(out, '`');
    buf_putc(out, '\n');
    buf_free(&text);
}

static void md_quote(const md_options *opt, xmlNodePtr q, buf_t *out)
{
    buf_t inner;
    buf_init(&inner);
    md_flow flow = { 0, 0 };
    md_blocks(opt, q->children, NULL, q, false, &flow, &inner);
    if (inner.len)
        md_prefix_lines("> ", "> ", ">", inner.data, inner.len, out);
    buf_free(&inner);
}

/* Two lists in a row need different markers, or Markdown makes them one. */
static char md_list_marker(xmlNodePtr list, md_flow *flow)
{
    char kind = xml_is(list, "ol") ? 'o' : 'u';
    char usual = kind == 'o' ? '.' : '-', other = kind == 'o' ? ')' : '+';
    char marker = flow->last_list == kind && flow->last_marker == usual ? other : usual;
    flow->last_list = kind;
    flow->last_marker = marker;
    return marker;
}

/* Write one block element into OUT (its own buffer). Returns false for the
 * containers (article, figure, …) whose blocks join the surrounding flow. */
static bool md_leaf(const md_options *opt, xmlNodePtr n, md_flow *flow, buf_t *out)
{
    article_el e = article_el_of(n);
    switch (e) {
    case ARTICLE_EL_H1: case ARTICLE_EL_H2: case ARTICLE_EL_H3:
    case ARTICLE_EL_H4: case ARTICLE_EL_H5: case ARTICLE_EL_H6:
        md_heading(opt, n, (int)(e - ARTICLE_EL_H1) + 1, out);
        return true;
    case ARTICLE_EL_UL: case ARTICLE_EL_OL:
        md_write_list(opt, n, md_list_marker(n, flow), out);
        return true;
    case ARTICLE_EL_BLOCKQUOTE: md_quote(opt, n, out); break;
    case ARTICLE_EL_PRE: md_code_block(n, out); break;
    case ARTICLE_EL_HR: buf_puts(out, "***\n"); break;   /* not ---: after "- " that is a list's break */
    case ARTICLE_EL_TABLE: md_write_table(opt, n, out); break;
    case ARTICLE_EL_DL: md_write_html_block(opt, n, out); break;   /* Markdown has no definition lists */
    default: return false;
    }
    flow->last_list = 0;
    return true;
}

static bool md_run_is_blank(xmlNodePtr first, xmlNodePtr stop)
{
    for (xmlNodePtr n = first; n != stop; n = n->next)
        if (!md_is_blank(n))
            return false;
    return true;
}

void md_blocks(const md_options *opt, xmlNodePtr first, xmlNodePtr stop,
               xmlNodePtr limit, bool tight, md_flow *flow, buf_t *out)
{
    buf_t block;
    buf_init(&block);
    for (xmlNodePtr n = first; n && n != stop;) {
        buf_reset(&block);
        if (!md_is_block(n)) {
            /* A run of inline nodes is a paragraph of its own. */
            xmlNodePtr end = n;
            while (end && end != stop && !md_is_block(end))
                end = end->next;
            if (!md_run_is_blank(n, end)) {
                md_inline(opt, n, end, limit, MD_IN_PARA, &block);
                if (block.len)
                    buf_putc(&block, '\n');
                flow->last_list = block.len ? 0 : flow->last_list;
            }
            n = end;
        } else {
            /* p, div, figure, figcaption, li astray…: their content joins the flow. */
            if (!md_leaf(opt, n, flow, &block))
                md_blocks(opt, n->children, NULL, n, tight, flow, out);
            n = n->next;
        }
        md_emit(out, &block, tight);
    }
    buf_free(&block);
}

static bool md_has_h1(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (xml_is(c, "h1") || (c->type == XML_ELEMENT_NODE && md_has_h1(c)))
            return true;
    return false;
}

void md_write_article(const article *a, const md_options *opt, buf_t *out)
{
    md_options none;
    memset(&none, 0, sizeof none);
    buf_t body;
    buf_init(&body);
    /* The title heads the Markdown even when the body lacks its h1. */
    if (a->meta.title && !md_has_h1(a->body)) {
        buf_t title;
        buf_init(&title);
        md_inline_text(a->meta.title, MD_IN_HEADING, &title);
        if (title.len)
            buf_printf(&body, "# %s\n", title.data);
        buf_free(&title);
    }
    /* The record table is metadata: it goes to the front matter, where
     * shell tools and static-site generators read it. */
    xmlNodePtr docmeta = NULL;
    for (xmlNodePtr c = a->body->children; c && !docmeta; c = c->next)
        if (article_el_of(c) == ARTICLE_EL_TABLE && article_has_class(c, ARTICLE_CLASS_DOCMETA))
            docmeta = c;
    md_flow flow = { 0, 0 };
    md_blocks(opt ? opt : &none, a->body->children, docmeta, a->body, false, &flow, &body);
    if (docmeta)
        md_blocks(opt ? opt : &none, docmeta->next, NULL, a->body, false, &flow, &body);
    size_t front = out->len;
    md_front_matter(&a->meta, docmeta, out);
    if (out->len > front && body.len)
        buf_putc(out, '\n');
    buf_add(out, body.data, body.len);
    buf_free(&body);
}
