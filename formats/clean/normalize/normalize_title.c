/* What the article's own text says of its title and author, where the page
 * said nothing better. The title when the page gave none, or only its
 * site's name: the heading the article opens with, else its first
 * sentence; an article always has a title and an h1 (XHTML wants a
 * <title>, and folio-epub names chapters by it). The author when none was
 * found: the names in brackets that close a Chinese article. The title
 * said again at the head of the body, over one line or several, goes. */
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <string.h>

/* The heading the article opens with: before any text, after pictures and
 * the record table at most. */
static xmlNodePtr nt_opening_heading(xmlNodePtr article)
{
    for (xmlNodePtr c = article->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_is(c, "h1") || xml_is(c, "figure") ||
            xml_is(c, "hr") || xml_is(c, "table"))
            continue;
        if (!nz_heading_tag(c))
            return NULL;
        /* A paper stacks a smaller kicker (引题) over its headline (主题):
         * of headings in a row, the most prominent. */
        xmlNodePtr best = c;
        for (xmlNodePtr n = xml_next_element(c); n && nz_heading_tag(n); n = xml_next_element(n))
            if (nz_heading_tag(n) < nz_heading_tag(best))
                best = n;
        return best;
    }
    return NULL;
}

/* The first sentence of the article's text, into OUT: up to its first
 * full stop, or its first 40 characters and an ellipsis. */
static void nt_first_sentence(xmlNodePtr article, buf_t *out)
{
    buf_t t;
    buf_init(&t);
    for (xmlNodePtr c = article->children; c && !t.len; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "h1"))
            page_text(c, &t);
    buf_reset(out);
    const char *s = t.data ? t.data : "";
    size_t n = strlen(s), i = 0;
    int chars = 0;
    while (i < n && chars < 40) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        chars++;
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || ((c == '.' || c == '!' || c == '?') &&
                                                         (i == n || s[i] == ' '))) {
            buf_add(out, s, c < 0x80 ? i - 1 : at);
            break;
        }
    }
    if (!out->len && n) {
        buf_add(out, s, i);
        if (i < n)
            buf_puts(out, "…");
    }
    buf_free(&t);
}

void nz_settle_title(nz *z)
{
    const page_meta_nodes *s = z->o->skip;
    bool empty = !z->meta->title || !*z->meta->title;
    bool weak = s && s->title_weak && !s->title_node;
    if (!empty && !weak)
        return;
    xmlNodePtr h1 = NULL;
    for (xmlNodePtr c = z->root->children; c && !h1; c = c->next)
        if (xml_is(c, "h1"))
            h1 = c;
    buf_t title;
    buf_init(&title);
    const char *how = NULL;
    xmlNodePtr heading = nt_opening_heading(z->root);
    if (heading) {
        page_text(heading, &title);
        how = "the heading the article opens with";
        if (title.len) {
            /* The rule that set the heading off goes with it. */
            xmlNodePtr rule = heading->next;
            nz_discard(z, heading);
            if (rule && xml_is(rule, "hr") && h1 && h1->next == rule)
                nz_discard(z, rule);
        }
    }
    if (!title.len && empty) {
        nt_first_sentence(z->root, &title);
        how = "the article's first sentence";
    }
    if (title.len && h1) {
        if (z->o->explain)
            fprintf(z->o->explain, "title: \"%s\" from %s, for %s\n", title.data, how,
                    empty ? "the page gave none" : "the page's title only names its site");
        article_meta_set(&z->meta->title, title.data);
        xmlNodeSetContent(h1, NULL);
        xmlNodeAddContent(h1, (const xmlChar *)title.data);
    }
    buf_free(&title);
}

void nz_settle_byline(nz *z)
{
    if (z->meta->creator && *z->meta->creator)
        return;
    /* The last paragraph, or the one before a last line of its own (an
     * editor's, a date). */
    int looked = 0;
    buf_t t;
    buf_init(&t);
    for (xmlNodePtr c = z->root->last; c && looked < 2; c = c->prev) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(c, "p"))
            break;
        looked++;
        page_text(c, &t);
        if (page_meta_closing_byline(t.data, z->meta)) {
            if (z->o->explain)
                fprintf(z->o->explain, "author: \"%s\" from the brackets closing the article\n",
                        z->meta->creator);
            break;
        }
    }
    buf_free(&t);
}

/* Text of N without any whitespace, for comparing lines with the title. */
static void nz_squeezed_text(xmlNodePtr n, buf_t *out)
{
    buf_t t;
    buf_init(&t);
    page_text(n, &t);
    buf_reset(out);
    for (const char *p = t.data ? t.data : ""; *p; p++)
        if (*p != ' ')
            buf_putc(out, *p);
    buf_free(&t);
}

/* Government documents repeat their title at the head of the body, often
 * broken over several centred lines. The h1 already says it. */
void nz_drop_title_repeat(nz *z)
{
    if (!z->meta->title || !*z->meta->title)
        return;
    buf_t title, line;
    buf_init(&title);
    buf_init(&line);
    for (const char *p = z->meta->title; *p; p++)
        if (*p != ' ')
            buf_putc(&title, *p);
    xmlNodePtr first = NULL;
    size_t matched = 0;
    int looked = 0;
    for (xmlNodePtr c = z->root->children; c && looked < 8; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_is(c, "h1"))
            continue;
        looked++;
        if (xml_is(c, "table"))
            continue;
        nz_squeezed_text(c, &line);
        bool fits = line.len && matched + line.len <= title.len &&
                    !memcmp(title.data + matched, line.data, line.len);
        if (!fits) {
            /* after a sentence of the text, the title's words head a
             * part of it (a 令 over the 办法 it issues) */
            if (first || (line.len && nz_line_measure((const char *)line.data).stops))
                break;
            continue;
        }
        if (!first)
            first = c;
        matched += line.len;
        if (matched == title.len) {
            for (xmlNodePtr d = first; d; ) {
                xmlNodePtr next = d->next;
                bool last = d == c;
                if (d->type == XML_ELEMENT_NODE) {
                    if (z->o->explain) {
                        xmlChar *path = xmlGetNodePath(d);
                        fprintf(z->o->explain, "dropped %s: the title said again at the head of the text\n",
                                path ? (const char *)path : "?");
                        xmlFree(path);
                    }
                    xmlUnlinkNode(d);
                    xmlFreeNode(d);
                }
                if (last)
                    break;
                d = next;
            }
            break;
        }
    }
    buf_free(&title);
    buf_free(&line);
}
