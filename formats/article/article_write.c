#include "article/article.h"

#include <string.h>

/* Elements whose children are laid one per line; everything else is written
 * inline so that text is never re-wrapped. */
static bool aw_is_container(const char *name)
{
    static const char *const names[] = {
        "article", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
        "blockquote", "figure", NULL
    };
    for (const char *const *n = names; *n; n++)
        if (strcmp(name, *n) == 0)
            return true;
    return false;
}

static bool aw_is_block(const char *name)
{
    static const char *const names[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "hr",
        "caption", "th", "td", "figcaption", "img", NULL
    };
    if (aw_is_container(name))
        return true;
    for (const char *const *n = names; *n; n++)
        if (strcmp(name, *n) == 0)
            return true;
    return false;
}

static bool aw_is_void(const char *name)
{
    return strcmp(name, "br") == 0 || strcmp(name, "hr") == 0 ||
           strcmp(name, "img") == 0 || strcmp(name, "meta") == 0 ||
           strcmp(name, "link") == 0;
}

/* Write S escaped for XML text (ATTR also escapes quotes). */
static void aw_escape(buf_t *out, const char *s, bool attr)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : NULL; break;
        default: break;
        }
        if (rep) {
            buf_add(out, run, (size_t)(s - run));
            buf_puts(out, rep);
            run = s + 1;
        }
    }
    buf_add(out, run, (size_t)(s - run));
}

/* A container is written one child per line only when it holds no text of
 * its own; a blockquote or list item with bare text stays inline. */
static bool aw_children_are_blocks(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))
            return false;
        if (c->type == XML_ELEMENT_NODE && !aw_is_block((const char *)c->name))
            return false;
    }
    return true;
}

static void aw_node(buf_t *out, xmlNodePtr n);

static void aw_element(buf_t *out, xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    buf_printf(out, "<%s", name);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
        buf_printf(out, " %s=\"", (const char *)a->name);
        aw_escape(out, v ? (const char *)v : "", true);
        buf_putc(out, '"');
        xmlFree(v);
    }
    if (aw_is_void(name)) {
        buf_puts(out, "/>");
        return;
    }
    buf_putc(out, '>');
    bool lines = aw_is_container(name) && aw_children_are_blocks(n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (lines && c->type == XML_TEXT_NODE)
            continue;
        if (lines)
            buf_putc(out, '\n');
        aw_node(out, c);
    }
    if (lines && n->children)
        buf_putc(out, '\n');
    buf_printf(out, "</%s>", name);
}

static void aw_node(buf_t *out, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        aw_escape(out, (const char *)n->content, false);
    else if (n->type == XML_ELEMENT_NODE)
        aw_element(out, n);
}

static void aw_meta(buf_t *out, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    buf_printf(out, "<meta name=\"%s\" content=\"", name);
    aw_escape(out, value, true);
    buf_puts(out, "\"/>\n");
}

static void aw_link(buf_t *out, const char *rel, const char *href)
{
    if (!href || !*href)
        return;
    buf_printf(out, "<link rel=\"%s\" href=\"", rel);
    aw_escape(out, href, true);
    buf_puts(out, "\"/>\n");
}

void article_write_xhtml(const article_meta *m, xmlNodePtr body, buf_t *out)
{
    const char *lang = m->lang && *m->lang ? m->lang : "zh-CN";
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    buf_puts(out, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"");
    aw_escape(out, lang, true);
    buf_puts(out, "\" xml:lang=\"");
    aw_escape(out, lang, true);
    buf_puts(out, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    aw_escape(out, m->title ? m->title : "", false);
    buf_puts(out, "</title>\n");
    aw_meta(out, "dcterms.date", m->date);
    aw_meta(out, "dcterms.publisher", m->publisher);
    aw_meta(out, "dcterms.creator", m->creator);
    aw_meta(out, "dcterms.source", m->source);
    aw_meta(out, "dcterms.identifier", m->identifier);
    aw_meta(out, "dcterms.subject", m->subject);
    aw_link(out, "canonical", m->url);
    aw_link(out, "next", m->next);
    buf_puts(out, "</head>\n<body>");
    aw_node(out, body);
    buf_puts(out, "</body></html>\n");
}
