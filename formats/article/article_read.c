#include "article/article.h"
#include "article/article_subset.h"
#include "article/article_xml.h"
#include "util/media_type.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <libxml/parser.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reading a clean article back: the XHTML of DESIGN.md, as folio-clean
 * wrote it or as a person edited it. Anything else is refused with the
 * reason, never guessed at: guessing is folio-clean's job. */

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define RUN_CLEAN "run folio-clean first"

void article_meta_set(char **field, const char *value)
{
    free(*field);
    *field = NULL;
    if (!value || !*value)
        return;
    *field = xstrdup(value);
}

void article_meta_free(article_meta *m)
{
    char **fields[] = { &m->title, &m->date, &m->publisher, &m->creator, &m->source,
                        &m->url, &m->lang, &m->identifier, &m->subject, &m->next };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        article_meta_set(fields[i], NULL);
}

void article_free(article *a)
{
    if (a->doc)
        xmlFreeDoc(a->doc);
    article_meta_free(&a->meta);
    a->doc = NULL;
    a->body = NULL;
}

/* Why the bytes cannot be a clean article before parsing them, or NULL. */
static const char *article_unlike(const char *data, size_t len, char *why, size_t size)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    const char *kind = media_type_not_html((const unsigned char *)data, len);
    bool utf16 = len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF'));
    if (utf16)
        snprintf(why, size, "it is UTF-16; a clean article is UTF-8");
    else if (i == len)
        snprintf(why, size, "the input is empty");
    else if (kind)
        snprintf(why, size, "it is %s", kind);
    else if (data[i] != '<')
        snprintf(why, size, "it is plain text, not XHTML");
    else
        return NULL;
    return why;
}

/* Only an XHTML element is part of an article. */
static bool article_is(xmlNodePtr n, const char *name)
{
    return xml_is(n, name) && n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, XHTML_NS) == 0;
}

static xmlNodePtr article_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (article_is(c, name))
            return c;
    return NULL;
}

static xmlNodePtr article_descendant(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent->children; c; c = c->next) {
        if (article_is(c, name))
            return c;
        xmlNodePtr found = c->type == XML_ELEMENT_NODE ? article_descendant(c, name) : NULL;
        if (found)
            return found;
    }
    return NULL;
}

/* A body without <article> is taken whole, wrapped in one, so that every
 * writer sees the same shape. */
static xmlNodePtr article_wrap_body(xmlNodePtr body)
{
    xmlNodePtr art = xmlNewDocNode(body->doc, body->ns, (const xmlChar *)"article", NULL);
    for (xmlNodePtr c = body->children, next; c; c = next) {
        next = c->next;
        xmlUnlinkNode(c);
        xmlAddChild(art, c);
    }
    xmlAddChild(body, art);
    return art;
}

static bool article_has_content(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            return true;
        if (c->type == XML_TEXT_NODE)
            for (const xmlChar *p = c->content; p && *p; p++)
                if (!strchr(" \t\r\n", *p))
                    return true;
    }
    return false;
}

/* Set *FIELD from VALUE with whitespace runs made one space, unless an
 * earlier element set it already: the first one wins. */
static void article_meta_take(char **field, const xmlChar *value)
{
    if (*field || !value)
        return;
    buf_t b;
    buf_init(&b);
    bool space = false;
    for (const char *p = (const char *)value; *p; p++) {
        if (strchr(" \t\r\n", *p)) {
            space = true;
            continue;
        }
        if (space && b.len)
            buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, *p);
    }
    article_meta_set(field, b.data);
    buf_free(&b);
}

static bool article_rel_has(const char *rel, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = rel; *p;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (len == n && strncasecmp(p, token, n) == 0)
            return true;
        p += len;
    }
    return false;
}

static void article_head_meta(xmlNodePtr head, article_meta *m)
{
    static const struct { const char *name; size_t field; } dc[] = {
        { "dcterms.date", offsetof(article_meta, date) },
        { "dcterms.publisher", offsetof(article_meta, publisher) },
        { "dcterms.creator", offsetof(article_meta, creator) },
        { "dcterms.source", offsetof(article_meta, source) },
        { "dcterms.identifier", offsetof(article_meta, identifier) },
        { "dcterms.subject", offsetof(article_meta, subject) },
    };
    for (xmlNodePtr c = head ? head->children : NULL; c; c = c->next) {
        if (article_is(c, "title")) {
            xmlChar *t = xmlNodeGetContent(c);
            article_meta_take(&m->title, t);
            xmlFree(t);
        } else if (article_is(c, "meta") || article_is(c, "link")) {
            xmlChar *key = xmlGetProp(c, (const xmlChar *)(article_is(c, "meta") ? "name" : "rel"));
            xmlChar *value = xmlGetProp(c, (const xmlChar *)(article_is(c, "meta") ? "content" : "href"));
            if (key && article_is(c, "link") && article_rel_has((const char *)key, "canonical"))
                article_meta_take(&m->url, value);
            else if (key && article_is(c, "link") && article_rel_has((const char *)key, "next"))
                article_meta_take(&m->next, value);
            for (size_t i = 0; key && article_is(c, "meta") && i < sizeof dc / sizeof *dc; i++)
                if (strcasecmp((const char *)key, dc[i].name) == 0)
                    article_meta_take((char **)((char *)m + dc[i].field), value);
            xmlFree(key);
            xmlFree(value);
        }
    }
}

/* Lead bytes E4..E9 start U+4000..U+9FFF: the CJK ideographs. */
static bool article_has_han(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE)
            for (const xmlChar *p = c->content; p && *p; p++)
                if (*p >= 0xE4 && *p <= 0xE9)
                    return true;
        if (c->type == XML_ELEMENT_NODE && article_has_han(c))
            return true;
    }
    return false;
}

static void article_read_meta(xmlNodePtr root, xmlNodePtr head, xmlNodePtr body, article_meta *m)
{
    article_head_meta(head, m);
    /* xmlGetProp matches lang and xml:lang alike; polyglot XHTML has both. */
    xmlChar *lang = xmlGetProp(root, (const xmlChar *)"lang");
    article_meta_take(&m->lang, lang);
    xmlFree(lang);
    if (!m->title) {
        xmlNodePtr h1 = article_descendant(body, "h1");
        xmlChar *t = h1 ? xmlNodeGetContent(h1) : NULL;
        article_meta_take(&m->title, t);
        xmlFree(t);
    }
    if (!m->lang && article_has_han(body))
        article_meta_set(&m->lang, "zh-CN");
}

static const char *article_shape(xmlDocPtr doc, xmlNodePtr *head, xmlNodePtr *body, char *why, size_t size)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!xml_is(root, "html"))
        snprintf(why, size, "the root element is <%s>, not <html>", root ? (const char *)root->name : "");
    else if (!article_is(root, "html"))
        snprintf(why, size, "<html> is not in the XHTML namespace");
    else if (!(*body = article_child(root, "body")))
        snprintf(why, size, "it has no <body>");
    else
        why = NULL;
    if (!why)
        *head = article_child(root, "head");
    return why;
}

int article_parse(const char *data, size_t len, article *a, buf_t *why)
{
    char shape[160];
    memset(a, 0, sizeof *a);
    if (!data)
        data = "", len = 0;
    if (article_unlike(data, len, shape, sizeof shape)) {
        buf_printf(why, "not a clean article: %s (" RUN_CLEAN ")", shape);
        return -1;
    }
    a->doc = article_xml_read(data, len, why);
    if (!a->doc)
        return -1;
    xmlNodePtr head = NULL, body = NULL;
    if (article_shape(a->doc, &head, &body, shape, sizeof shape)) {
        buf_printf(why, "not a clean article: %s (" RUN_CLEAN ")", shape);
        article_free(a);
        return -1;
    }
    a->body = article_descendant(body, "article");
    if (!a->body)
        a->body = article_wrap_body(body);
    if (!article_has_content(a->body)) {
        buf_puts(why, "not a clean article: the article is empty (" RUN_CLEAN ")");
        article_free(a);
        return -1;
    }
    /* Every writer handles the subset and nothing else: what lies outside
     * it is refused here, the same for all of them. */
    xmlNodePtr outside = article_outside_subset(a->body);
    if (outside) {
        buf_printf(why, "not a clean article: <%s> (line %ld) is outside the article subset (" RUN_CLEAN ")",
                   (const char *)outside->name, (long)xmlGetLineNo(outside));
        article_free(a);
        return -1;
    }
    article_read_meta(xmlDocGetRootElement(a->doc), head, a->body, &a->meta);
    return 0;
}
