#include "md/md_internal.h"
#include "article/article_subset.h"

#include <string.h>

/* A table with spans or block content (or a definition list) as a CommonMark
 * HTML block. Such a block ends at the first blank line, so it is written
 * with no blank line inside: one line per row (or dt, dd), each cell's
 * content on its row's line, a line break in <pre> as &#10;. */

typedef struct {
    const md_options *opt;
    xmlNodePtr root;
    buf_t *out;
    uint32_t last;   /* the last character of text written */
} md_html;

/* Elements written one child per line. */
static bool md_is_structure(xmlNodePtr n)
{
    static const char *const names[] = { "table", "thead", "tbody", "tfoot", "colgroup", "dl",
                                         NULL };
    return xml_is_any(n, names);
}

/* Elements whose whitespace-only text is layout, not content. */
static bool md_ignores_blank(xmlNodePtr n)
{
    static const char *const names[] = { "table", "thead", "tbody", "tfoot", "colgroup", "tr",
                                         "dl", "ul", "ol", NULL };
    return xml_is_any(n, names);
}

static bool md_is_void(xmlNodePtr n)
{
    static const char *const names[] = { "br", "img", "hr", "col", "wbr", NULL };
    return xml_is_any(n, names);
}

static bool md_in_pre(const md_html *h, xmlNodePtr n)
{
    for (; n && n != h->root->parent; n = n->parent)
        if (xml_is(n, "pre"))
            return true;
    return false;
}

static void md_html_escape(const char *s, size_t n, bool attr, buf_t *out)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': buf_puts(out, "&amp;"); break;
        case '<': buf_puts(out, "&lt;"); break;
        case '>': buf_puts(out, "&gt;"); break;
        case '"': buf_puts(out, attr ? "&quot;" : "\""); break;
        case '\n': buf_puts(out, "&#10;"); break;
        default: buf_putc(out, s[i]);
        }
    }
}

static void md_html_text(md_html *h, xmlNodePtr t)
{
    const char *s = (const char *)t->content;
    size_t n = s ? strlen(s) : 0;
    if (md_in_pre(h, t)) {
        md_html_escape(s, n, false, h->out);
        return;
    }
    for (size_t i = 0; i < n;) {
        if (strchr(" \t\n\r", s[i])) {
            bool newline = false;
            size_t j = i;
            for (; j < n && strchr(" \t\n\r", s[j]); j++)
                newline |= s[j] == '\n' || s[j] == '\r';
            size_t at = j;
            uint32_t next = j < n ? utf8_next(s, n, &at) : md_next_char(t, h->root);
            if (!md_space_dropped(h->last, next, newline))
                buf_putc(h->out, ' ');
            i = j;
            continue;
        }
        size_t k = i;
        h->last = utf8_next(s, n, &k);
        md_html_escape(s + i, k - i, false, h->out);
        i = k;
    }
}

static void md_html_attrs(md_html *h, xmlNodePtr e)
{
    article_el el = article_el_of(e);
    for (xmlAttrPtr a = e->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        bool xml_lang = a->ns && strcmp(name, "lang") == 0 && !xmlHasNsProp(e, a->name, NULL);
        if (!article_el_keeps(el, name) || (a->ns && !xml_lang))
            continue;
        xmlChar *v = xmlNodeListGetString(e->doc, a->children, 1);
        buf_t value;
        buf_init(&value);
        if (strcmp(name, "src") == 0)
            md_image_src(h->opt, v ? (const char *)v : "", &value);
        else
            buf_puts(&value, v ? (const char *)v : "");
        buf_printf(h->out, " %s=\"", name);
        md_html_escape(value.data ? value.data : "", value.len, true, h->out);
        buf_putc(h->out, '"');
        buf_free(&value);
        xmlFree(v);
    }
}

static void md_html_inline(md_html *h, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!(md_is_blank(n) && md_ignores_blank(n->parent)))
            md_html_text(h, n);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    buf_printf(h->out, "<%s", (const char *)n->name);
    md_html_attrs(h, n);
    if (md_is_void(n)) {
        buf_puts(h->out, " />");
        return;
    }
    buf_putc(h->out, '>');
    for (xmlNodePtr c = n->children; c; c = c->next)
        md_html_inline(h, c);
    buf_printf(h->out, "</%s>", (const char *)n->name);
}

static void md_html_lines(md_html *h, xmlNodePtr n)
{
    buf_printf(h->out, "<%s", (const char *)n->name);
    md_html_attrs(h, n);
    buf_puts(h->out, ">\n");
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (md_is_blank(c))
            continue;
        if (md_is_structure(c)) {
            md_html_lines(h, c);
        } else {
            md_html_inline(h, c);
            buf_putc(h->out, '\n');
        }
    }
    buf_printf(h->out, "</%s>\n", (const char *)n->name);
}

void md_write_html_block(const md_options *opt, xmlNodePtr n, buf_t *out)
{
    md_html h = { opt, n, out, 0 };
    if (md_is_structure(n)) {
        md_html_lines(&h, n);
    } else {
        md_html_inline(&h, n);
        buf_putc(out, '\n');
    }
}
