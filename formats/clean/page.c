#include "clean/page.h"
#include "article/article_xml.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* What a page may hold that folio keeps: elements nested (deeper ones are
 * flattened into the one above) and attributes on one element (more are
 * dropped). Real pages stay far below both: in the shared corpus of 338
 * pages the deepest nests under 40 elements, the most crowded element has
 * 70 attributes. */
enum { PAGE_DEPTH_MAX = 200, PAGE_ATTRS_MAX = 256 };

/* Is there anything but whitespace and comments from P to END? */
static bool page_content_follows(const char *p, const char *end)
{
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
        } else if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            const char *close = NULL;
            for (const char *q = p + 4; q + 3 <= end; q++)
                if (!memcmp(q, "-->", 3)) {
                    close = q + 3;
                    break;
                }
            if (!close)
                return false;
            p = close;
        } else if (end - p >= 2 && p[0] == '<' && p[1] == '/') {
            /* Other end tags after </html> say nothing either. */
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (!gt)
                return false;
            p = gt + 1;
        } else {
            return true;
        }
    }
    return false;
}

/* Browsers ignore a </body> or </html> with content after it and go on
 * filling the body; libxml2 would start a second <html> there and cut the
 * article in two. Blank such end tags out first. */
static void page_blank_stray_ends(char *s, size_t len)
{
    char *end = s + len;
    for (char *p = s; p + 7 <= end; p++) {
        if (p[0] != '<' || p[1] != '/')
            continue;
        size_t n = 0;
        char first = (char)(p[2] | 0x20);
        if (first != 'h' && first != 'b')
            continue;
        if (end - p >= 7 && !strncasecmp(p + 2, "html", 4))
            n = 6;
        else if (end - p >= 7 && !strncasecmp(p + 2, "body", 4))
            n = 6;
        if (!n || (p[n] != '>' && p[n] != ' '))
            continue;
        char *gt = memchr(p, '>', (size_t)(end - p));
        if (gt && page_content_follows(gt + 1, end))
            memset(p, ' ', (size_t)(gt - p + 1));
    }
}

/* Find the end tag </NAME (any case) in [P, END), or END. */
static const char *page_find_end_tag(const char *p, const char *end, const char *name)
{
    size_t n = strlen(name);
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) >= n + 2 && p[1] == '/' && !strncasecmp(p + 2, name, n))
            return p;
        p++;
    }
    return end;
}

/* Is P the start of the element NAME's open tag (<name followed by space,
 * '>' or '/')? */
static bool page_opens(const char *p, const char *end, const char *name)
{
    size_t n = strlen(name);
    return (size_t)(end - p) > n + 1 && (p[1] | 0x20) == name[0] && !strncasecmp(p + 1, name, n) &&
           (p[n + 1] == '>' || p[n + 1] == ' ' || p[n + 1] == '\t' || p[n + 1] == '\n' ||
            p[n + 1] == '\r' || p[n + 1] == '/');
}

#define PAGE_STYLE_MAX (256 * 1024)

/* Whether the script text from S to END holds a string that opens with
 * markup ("<p>…", "\u003cp\u003e…"): data a script may set into the page
 * as its article (page_script_copy.c). */
static bool page_script_holds_markup(const char *s, const char *end)
{
    for (const char *q = s; (q = memchr(q, '"', (size_t)(end - q))) != NULL && end - q > 8; q++) {
        if ((q[1] == '<' && ((q[2] | 0x20) >= 'a' && (q[2] | 0x20) <= 'z')) ||
            !strncasecmp(q + 1, "\\u003c", 6) || !strncasecmp(q + 1, "\\x3c", 4))
            return true;
    }
    return false;
}

/* A script's variable named for the day the page went up, set to a
 * quoted date (var publish_time = "2024-03-18"): a page whose date a
 * script writes into an empty slot when it opens. The value's start, its
 * length in *LEN; NULL when the N bytes at S set none. */
const char *page_script_date(const char *s, size_t n, size_t *len)
{
    /* every such name opens with "pub": one pass finds where to look */
    static const char *const names[] = { "publish_time", "publishTime", "publishtime", "pub_time",
                                         "pubtime", "pubTime", "publish_date", "publishDate", NULL };
    const char *end = s + n;
    for (const char *q = s; q + 3 < end && (q = memchr(q, 'p', (size_t)(end - q - 3))); q++) {
        if (q[1] != 'u' || q[2] != 'b' ||
            (q > s && (isalnum((unsigned char)q[-1]) || q[-1] == '_' || q[-1] == '.' || q[-1] == '"')))
            continue;
        for (int i = 0; names[i]; i++) {
            size_t k = strlen(names[i]);
            if ((size_t)(end - q) <= k || memcmp(q, names[i], k))
                continue;
            const char *v = q + k;
            while (v < end && (*v == ' ' || *v == '\t'))
                v++;
            if (v >= end || *v != '=' || (v + 1 < end && v[1] == '='))
                continue;
            v++;
            while (v < end && (*v == ' ' || *v == '\t'))
                v++;
            if (v >= end || (*v != '"' && *v != '\''))
                continue;
            const char *close = memchr(v + 1, *v, (size_t)(end - v - 1));
            /* a date, perhaps with its time: no longer than that */
            if (!close || close - v - 1 < 8 || close - v - 1 > 25 || !isdigit((unsigned char)v[1]))
                continue;
            *len = (size_t)(close - v - 1);
            return v + 1;
        }
    }
    return NULL;
}

/* Copy the page without the insides of scripts and comments: they never
 * hold article text, yet they are near half the bytes of a captured page
 * and the slowest part of parsing. JSON-LD stays, for its dates, style
 * sheets, for what they hide, and a script holding markup, for the
 * article a script would set into the page. */
static size_t page_drop_code(const char *s, size_t len, char *out)
{
    const char *p = s, *end = s + len;
    char *w = out;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            memcpy(w, p, (size_t)(end - p));
            w += end - p;
            break;
        }
        memcpy(w, p, (size_t)(lt - p));
        w += lt - p;
        p = lt;
        if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            /* An unclosed comment runs to the end, as in a browser. */
            const char *c = p + 4, *close = end;
            while ((c = memchr(c, '-', (size_t)(end - c))) != NULL) {
                if (end - c >= 3 && c[1] == '-' && c[2] == '>') {
                    close = c + 3;
                    break;
                }
                c++;
            }
            p = close;
            continue;
        }
        if (end - p >= 3 && p[1] == '!' && p[2] == '[' && strncmp(p + 2, "[CDATA[", 7)) {
            /* "<![if !supportLists]>", "<![endif]>": a browser reads a
             * markup declaration it does not know as a comment to the next
             * '>' (Word's lists and pictures shown to all but Word). Only
             * the bracketed ones: "<!" alone may stand in a script's
             * attribute ("if(n<!0)"). */
            const char *gt = memchr(p, '>', (size_t)(end - p));
            p = gt ? gt + 1 : end;
            continue;
        }
        const char *name = page_opens(p, end, "script") ? "script" :
                           page_opens(p, end, "style") ? "style" : NULL;
        const char *gt = name ? memchr(p, '>', (size_t)(end - p)) : NULL;
        if (!gt) {
            *w++ = *p++;
            continue;
        }
        gt++;
        memcpy(w, p, (size_t)(gt - p));
        w += gt - p;
        const char *close = page_find_end_tag(gt, end, name);
        /* a style sheet stays for the names it hides (extract_css.c), but
         * not one of fonts inlined in base64, megabytes long */
        bool keep = !strcmp(name, "style") && close - gt <= PAGE_STYLE_MAX;
        for (const char *t = p; t + 8 <= gt && !keep; t++)
            keep = !strncasecmp(t, "ld+json", 7);
        if (!keep && !strcmp(name, "script")) {
            size_t k;
            keep = page_script_holds_markup(gt, close) || page_script_date(gt, (size_t)(close - gt), &k);
        }
        if (keep) {
            memcpy(w, gt, (size_t)(close - gt));
            w += close - gt;
        }
        p = close;
    }
    return (size_t)(w - out);
}

/* A tag's attributes past PAGE_ATTRS_MAX are blanked out: libxml2 2.9
 * compares each attribute of an element with every one before it, and an
 * element with 200,000 of them stalls the parse for minutes. Values are
 * read as its tokenizer reads them: quoted, or up to a space or '>'. */
/* An HTML blank, or the NUL a tag's scan stops at as well. */
static inline bool page_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

static void page_cap_attributes(char *s, size_t len)
{
    char *p = s, *end = s + len;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        p++;
        if (p >= end || !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
            continue;
        while (p < end && !(page_blank(*p) || *p == '/' || *p == '>'))
            p++;
        int count = 0;
        for (;;) {
            while (p < end && (page_blank(*p) || *p == '/'))
                p++;
            if (p >= end || *p == '>' || *p == '<')
                break;
            char *attr = p;
            while (p < end && !(page_blank(*p) || *p == '=' || *p == '>'))
                p++;
            while (p < end && page_blank(*p))
                p++;
            if (p < end && *p == '=') {
                p++;
                while (p < end && page_blank(*p))
                    p++;
                char *q = p < end && (*p == '"' || *p == '\'') ? memchr(p + 1, *p, (size_t)(end - p - 1)) : NULL;
                if (q)
                    p = q + 1;
                else
                    while (p < end && !(page_blank(*p) || *p == '>'))
                        p++;
            }
            if (p == attr)
                p++;   /* a stray quote or '=': the tokenizer skips it too */
            if (++count > PAGE_ATTRS_MAX)
                memset(attr, ' ', (size_t)(p - attr));
        }
    }
}

/* Elements nested deeper than PAGE_DEPTH_MAX are not made: what they hold
 * goes into the deepest element made, so no text is lost, and every walk
 * over the tree (the extractor's and the writers' are recursive) stays
 * shallow. Empty elements (br, img, hr) are always made: they hold
 * nothing. The parser's callbacks come in pairs, so a count tells which
 * end tags to pass over. */
typedef struct {
    startElementSAXFunc start;
    endElementSAXFunc end;
    int depth;
} page_guard;

static void page_guard_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    page_guard *g = ((htmlParserCtxtPtr)ctx)->_private;
    const htmlElemDesc *d = htmlTagLookup(name);
    if (++g->depth <= PAGE_DEPTH_MAX || (d && d->empty))
        g->start(ctx, name, atts);
}

static void page_guard_end(void *ctx, const xmlChar *name)
{
    page_guard *g = ((htmlParserCtxtPtr)ctx)->_private;
    const htmlElemDesc *d = htmlTagLookup(name);
    if (g->depth-- <= PAGE_DEPTH_MAX || (d && d->empty))
        g->end(ctx, name);
}

htmlDocPtr page_parse_utf8(const char *data, size_t len)
{
    /* HUGE: a long text run and deep tag soup are kept, not cut where
     * libxml2 would stop; the depth is bounded by the guard instead. */
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    char *copy = xmalloc(len + 1);
    size_t n = page_drop_code(data, len, copy);
    n = page_html5_entities(copy, n);
    copy[n] = '\0';
    page_cap_attributes(copy, n);
    page_blank_stray_ends(copy, n);
    htmlParserCtxtPtr ctxt = n <= INT_MAX ? htmlNewParserCtxt() : NULL;
    htmlDocPtr doc = NULL;
    if (ctxt) {
        page_guard g = { ctxt->sax->startElement, ctxt->sax->endElement, 0 };
        ctxt->_private = &g;
        ctxt->sax->startElement = page_guard_start;
        ctxt->sax->endElement = page_guard_end;
        doc = htmlCtxtReadMemory(ctxt, copy, (int)n, NULL, "UTF-8", opts);
        htmlFreeParserCtxt(ctxt);
    }
    free(copy);
    return doc;
}

size_t page_cut_long_text(htmlDocPtr doc, size_t max, long *first_line)
{
    size_t cut = 0;
    xmlNodePtr n = xmlDocGetRootElement(doc), top = n;
    for (; n; n = xml_next_in_order(n, top))
        if (n->type == XML_TEXT_NODE && n->content && strlen((const char *)n->content) > max) {
            size_t at = max;
            while (at > 0 && (n->content[at] & 0xC0) == 0x80)
                at--;   /* not inside a UTF-8 sequence */
            n->content[at] = '\0';
            if (!cut++)
                *first_line = xmlGetLineNo(n);
        }
    return cut;
}

static bool page_is_space_at(const unsigned char *p, size_t *skip)
{
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
        *skip = 1;
        return true;
    }
    if (p[0] == 0xc2 && p[1] == 0xa0) {            /* NBSP */
        *skip = 2;
        return true;
    }
    if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 */
        *skip = 3;
        return true;
    }
    return false;
}

/* The white space held back before the next character: none, a space, or
 * a line break (which a heading's text reads as cp_break_as_space says). */
enum { PT_NONE, PT_SPACE, PT_BREAK };

static void page_text_add(const unsigned char *s, buf_t *out, int *pending)
{
    while (*s) {
        size_t k;
        if (page_is_space_at(s, &k)) {
            if (*pending == PT_NONE)
                *pending = PT_SPACE;
            s += k;
            continue;
        }
        if (*pending == PT_BREAK && out->len) {
            int len;
            uint32_t sep = cp_break_as_space(utf8_before(out->data, out->len),
                                             utf8_decode((const char *)s, strlen((const char *)s), &len));
            if (sep)
                utf8_encode(out, sep);
        } else if (*pending && out->len) {
            buf_putc(out, ' ');
        }
        *pending = PT_NONE;
        buf_putc(out, (char)*s++);
    }
}

static void page_text_walk(xmlNodePtr n, buf_t *out, int *pending, int br)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            page_text_add(n->content, out, pending);
        else if (n->type == XML_ELEMENT_NODE) {
            if (xml_is(n, "script") || xml_is(n, "style"))
                continue;
            if (xml_is(n, "br"))
                *pending = br;
            page_text_walk(n->children, out, pending, br);
        }
    }
}

static void page_text_as(xmlNodePtr node, buf_t *out, int br)
{
    int pending = PT_NONE;
    buf_reset(out);
    if (!node)
        return;
    if (node->type == XML_TEXT_NODE)
        page_text_add(node->content, out, &pending);
    else
        page_text_walk(node->children, out, &pending, br);
}

void page_text(xmlNodePtr node, buf_t *out)
{
    page_text_as(node, out, PT_SPACE);
}

void page_text_heading(xmlNodePtr node, buf_t *out)
{
    page_text_as(node, out, PT_BREAK);
}

xmlNodePtr page_body(xmlNodePtr root)
{
    for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
        if (xml_is(c, "body"))
            return c;
    return NULL;
}

bool page_is_json_ld(xmlNodePtr n)
{
    if (!xml_is(n, "script"))
        return false;
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool ld = type && xmlStrcasecmp(type, (const xmlChar *)"application/ld+json") == 0;
    xmlFree(type);
    return ld;
}

bool page_is_metadata_script(xmlNodePtr n)
{
    if (page_is_json_ld(n))
        return true;
    if (!xml_is(n, "script") || !n->children)
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    size_t len;
    bool dated = t && page_script_date((const char *)t, strlen((const char *)t), &len);
    xmlFree(t);
    return dated;
}

htmlDocPtr page_parse_markup(const char *html, size_t len)
{
    htmlDocPtr doc = page_parse_utf8(html, len);
    long line;
    if (doc)
        page_cut_long_text(doc, ARTICLE_TEXT_MAX, &line);
    return doc;
}

xmlNodePtr page_body_in_place(xmlNodePtr old, htmlDocPtr from)
{
    xmlNodePtr body = from ? page_body(xmlDocGetRootElement(from)) : NULL;
    if (!body)
        return NULL;
    xmlNodePtr div = xmlNewDocNode(old->doc, NULL, (const xmlChar *)"div", NULL);
    xmlNodePtr copy = xmlDocCopyNodeList(old->doc, body->children);
    if (copy)
        xmlAddChildList(div, copy);
    xmlReplaceNode(old, div);
    xmlFreeNode(old);
    return div;
}
