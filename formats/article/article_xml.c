/* A clean article's XML within its limits. libxml2 2.9 lifts its guards
 * against entity expansion with XML_PARSE_HUGE, switches encoding on what
 * a document declares (UTF-7 can spell "<!ENTITY" without a '<'), checks
 * an element's attributes against each other (quadratic in their number)
 * before any callback can stop it, and builds trees deeper than a
 * recursive writer's stack. So the bytes are always read as UTF-8, the
 * attributes are counted before parsing, and depth and declarations are
 * watched from the parser's callbacks, which stop it at the first one too
 * many. */
#include "article/article_xml.h"

#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

/* ---- before parsing --------------------------------------------------------- */

static const char *xml_find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; p && (size_t)(end - p) >= n; p++) {
        p = memchr(p, what[0], (size_t)(end - p));
        if (!p || (size_t)(end - p) < n)
            return NULL;
        if (memcmp(p, what, n) == 0)
            return p + n;
    }
    return NULL;
}

static long xml_line_at(const char *s, const char *at)
{
    long line = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(at - p))) != NULL; p++)
        line++;
    return line;
}

/* The encoding the XML declaration names into NAME, "" when it names none.
 * The declaration is ASCII in every encoding that could be read here. */
static void xml_declared_encoding(const char *data, size_t len, char *name, size_t size)
{
    name[0] = '\0';
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (len - i < 6 || memcmp(data + i, "<?xml", 5) != 0)
        return;
    const char *end = data + (len - i < 512 ? len : i + 512);
    const char *close = xml_find(data + i, end, "?>");
    const char *p = xml_find(data + i, close ? close : end, "encoding");
    if (!p || !close)
        return;
    while (p < close && strchr(" \t\r\n=", *p))
        p++;
    if (p >= close || (*p != '"' && *p != '\''))
        return;
    const char *q = memchr(p + 1, *p, (size_t)(close - p - 1));
    size_t n = q ? (size_t)(q - p - 1) : 0;
    snprintf(name, size, "%.*s", (int)(n < size ? n : size - 1), p + 1);
}

/* The line of the first element with more than ARTICLE_ATTRS_MAX
 * attributes, or 0. XML quotes every value, so each '=' outside quotes
 * in a tag is one attribute. */
static long xml_crowded_element(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        p++;
        if (p < end && (*p == '!' || *p == '?')) {
            const char *close = *p == '?' ? "?>"
                              : end - p >= 3 && !memcmp(p, "!--", 3) ? "-->"
                              : end - p >= 8 && !memcmp(p, "![CDATA[", 8) ? "]]>" : ">";
            if (!(p = xml_find(p, end, close)))
                return 0;
            continue;
        }
        int n = 0;
        while (p < end && *p != '>' && *p != '<') {
            if (*p == '"' || *p == '\'') {
                const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
                if (!q)
                    return 0;
                p = q + 1;
                continue;
            }
            if (*p == '=' && ++n > ARTICLE_ATTRS_MAX)
                return xml_line_at(s, p);
            p++;
        }
    }
    return 0;
}

/* ---- while parsing ------------------------------------------------------------ */

typedef struct {
    startElementNsSAX2Func start;
    endElementNsSAX2Func end;
    entityDeclSAXFunc entity;
    int depth;
    long line;             /* where the parser was stopped */
    const char *refused;   /* why, or NULL */
} xml_guard;

static void xml_guard_stop(xmlParserCtxtPtr ctxt, const char *why)
{
    xml_guard *g = ctxt->_private;
    if (!g->refused) {
        g->refused = why;
        g->line = ctxt->input ? ctxt->input->line : 0;
    }
    xmlStopParser(ctxt);
}

static void xml_guard_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                            int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted,
                            const xmlChar **attrs)
{
    xmlParserCtxtPtr ctxt = ctx;
    xml_guard *g = ctxt->_private;
    if (++g->depth > ARTICLE_DEPTH_MAX) {
        xml_guard_stop(ctxt, "elements nested deeper than 256");
        return;
    }
    g->start(ctx, name, prefix, uri, nb_ns, ns, nb_attrs, nb_defaulted, attrs);
}

static void xml_guard_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
    xmlParserCtxtPtr ctxt = ctx;
    xml_guard *g = ctxt->_private;
    g->depth--;
    g->end(ctx, name, prefix, uri);
}

/* An entity declared is refused before it is expanded anywhere. */
static void xml_guard_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                             const xmlChar *system_id, xmlChar *content)
{
    (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
    xml_guard_stop(ctx, "its DOCTYPE has an internal subset (declarations); a clean article has none");
}

/* libxml2's own limits, in words a user can act on. */
static void xml_parse_error(xmlParserCtxtPtr ctxt, buf_t *why)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    char msg[256] = "parse error";
    if (e && e->message)
        snprintf(msg, sizeof msg, "%s", e->message);
    msg[strcspn(msg, "\n")] = '\0';
    int line = e ? e->line : 0;
    if (strstr(msg, "huge text node"))
        buf_printf(why, "a run of text longer than %d MB (line %d)", ARTICLE_TEXT_MAX / 1000000, line);
    else if (strstr(msg, "AttValue length too long"))
        buf_printf(why, "an attribute value longer than %d MB (line %d)", ARTICLE_TEXT_MAX / 1000000, line);
    else if (e && e->code == XML_ERR_INVALID_CHAR && strstr(msg, "UTF-8"))
        buf_printf(why, "it is not UTF-8 (line %d); a clean article is UTF-8", line);
    else
        /* The hint whatever the error: a raw page may well declare the
         * XHTML namespace and still hold &nbsp; or unclosed tags. */
        buf_printf(why, "not well-formed XHTML: line %d: %s (not a clean article; run folio-clean first)",
                   line, msg);
}

static xmlDocPtr xml_parse_guarded(xmlParserCtxtPtr ctxt, const char *data, size_t len, buf_t *why)
{
    xml_guard g = { ctxt->sax->startElementNs, ctxt->sax->endElementNs, ctxt->sax->entityDecl, 0, 0, NULL };
    ctxt->_private = &g;
    ctxt->sax->startElementNs = xml_guard_start;
    ctxt->sax->endElementNs = xml_guard_end;
    ctxt->sax->entityDecl = xml_guard_entity;
    /* No network, no DTD, no entity substitution, no HUGE; the bytes are
     * UTF-8 whatever the declaration says (it was checked above). */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
               XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, opts);
    if (g.refused) {
        xmlFreeDoc(doc);
        buf_printf(why, "not a clean article: %s (line %ld)", g.refused, g.line);
        return NULL;
    }
    if (!doc)
        xml_parse_error(ctxt, why);
    else if (doc->intSubset && doc->intSubset->children) {
        buf_puts(why, "not a clean article: its DOCTYPE has an internal subset (declarations); "
                      "a clean article has none");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

xmlDocPtr article_xml_read(const char *data, size_t len, buf_t *why)
{
    char enc[64];
    long crowded;
    if (len > INT_MAX) {
        buf_printf(why, "too large to read (%zu bytes)", len);
        return NULL;
    }
    /* libxml2 reads its first bytes for UTF-16, UCS-4 or EBCDIC whatever
     * it is told: such a document is refused before it is told anything. */
    xmlCharEncoding sniffed = xmlDetectCharEncoding((const unsigned char *)data, len < 4 ? (int)len : 4);
    if (sniffed != XML_CHAR_ENCODING_NONE && sniffed != XML_CHAR_ENCODING_UTF8) {
        const char *name = xmlGetCharEncodingName(sniffed);
        buf_printf(why, "not a clean article: it is %s; a clean article is UTF-8", name ? name : "not UTF-8");
        return NULL;
    }
    xml_declared_encoding(data, len, enc, sizeof enc);
    if (*enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0) {
        buf_printf(why, "not a clean article: it declares the encoding %s; a clean article is UTF-8", enc);
        return NULL;
    }
    if ((crowded = xml_crowded_element(data, len)) != 0) {
        buf_printf(why, "not a clean article: an element with more than %d attributes (line %ld)",
                   ARTICLE_ATTRS_MAX, crowded);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        buf_puts(why, "out of memory");
        return NULL;
    }
    xmlDocPtr doc = xml_parse_guarded(ctxt, data, len, why);
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* ---- a tree to be written ------------------------------------------------------ */

static size_t xml_text_len(const xmlNode *n)
{
    size_t len = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content)
            len += strlen((const char *)c->content);
    return len;
}

/* Why element N (at DEPTH) is past a limit, or NULL. */
static const char *xml_element_past(const xmlNode *n, int depth)
{
    if (depth > ARTICLE_DEPTH_MAX)
        return "elements nested deeper than 256";
    int count = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (++count > ARTICLE_ATTRS_MAX)
            return "an element with more than 256 attributes";
        if (xml_text_len((const xmlNode *)a) > ARTICLE_TEXT_MAX)
            return "an attribute value longer than 10 MB";
    }
    return NULL;
}

bool article_xml_fits(const xmlNode *node, int depth, buf_t *why)
{
    const xmlNode *n = node;
    size_t run = 0;   /* text nodes side by side are one run once written */
    while (n) {
        const char *past = NULL;
        if (n->type == XML_ELEMENT_NODE) {
            past = xml_element_past(n, depth);
            run = 0;
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            run += strlen((const char *)n->content);
            if (run > ARTICLE_TEXT_MAX)
                past = "a run of text longer than 10 MB";
        }
        if (past) {
            buf_puts(why, past);
            return false;
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            depth++;
            run = 0;
            continue;
        }
        while (n != node && !n->next) {
            n = n->parent;
            depth--;
            run = 0;
        }
        if (n == node)
            break;
        n = n->next;
    }
    return true;
}
