/* The blocks whose parts keep their shape: lists, quotations and code.
 * Each is rebuilt in the article as the page set it. */
#include "clean/normalize/normalize.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Whether N holds an element named TAG below it; a heading under the
 * title's for "h". */
static bool holds(xmlNodePtr n, const char *tag)
{
    static const char *const headings[] = { "h2", "h3", "h4", "h5", "h6", NULL };
    return tag[0] == 'h' ? xml_find_any(n, headings) != NULL : xml_find(n, tag) != NULL;
}

/* A heading below N that links elsewhere: a teaser's headline. */
static bool linked_heading(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if ((nz_heading_tag(c) >= 2 && holds(c, "a")) || (xml_is(c, "a") && holds(c, "h")) || linked_heading(c))
            return true;
    }
    return false;
}

/* A list whose every item holds a heading and a paragraph is a run of
 * sections (a live report's entries, each under its heading), not a list:
 * its items' blocks keep their shape. Not where the headings link
 * elsewhere: those are teasers of other pages. */
static bool list_of_sections(xmlNodePtr src)
{
    int items = 0;
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(c, "li") || !holds(c, "h") || !holds(c, "p") || linked_heading(c))
            return false;
        items++;
    }
    return items >= 2;
}

void nz_list(nz *z, xmlNodePtr src)
{
    if (list_of_sections(src)) {
        for (xmlNodePtr c = src->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                nz_close_para(z);
                nz_children(z, c->children);
            }
        return;
    }
    nz_close_para(z);
    xmlNodePtr list = xmlNewChild(z->flow, NULL, (const xmlChar *)(xml_is(src, "ol") ? "ol" : "ul"), NULL);
    char *start = nz_attr(src, "start");
    if (start && xml_is(src, "ol") && strcmp(start, "1") != 0)
        xmlSetProp(list, (const xmlChar *)"start", (const xmlChar *)start);
    xmlFree(start);
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        nz_place saved;
        if (xml_is(c, "ul") || xml_is(c, "ol")) {
            /* A list straight inside a list belongs to the item before it. */
            xmlNodePtr li = list->last ? list->last : xmlNewChild(list, NULL, (const xmlChar *)"li", NULL);
            nz_enter(z, li, false, &saved);
            nz_list(z, c);
            nz_leave(z, &saved);
            continue;
        }
        /* Stray content between items joins the list as an item. */
        xmlNodePtr li = xmlNewChild(list, NULL, (const xmlChar *)"li", NULL);
        nz_enter(z, li, true, &saved);
        if (xml_is(c, "li"))
            nz_children(z, c->children);
        else
            nz_node(z, c);
        nz_trim_end(li);
        nz_leave(z, &saved);
        if (!li->children)
            nz_discard(z, li);
    }
    if (!list->children) {
        xmlUnlinkNode(list);
        xmlFreeNode(list);
    }
}

void nz_blockquote(nz *z, xmlNodePtr src)
{
    nz_close_para(z);
    xmlNodePtr q = xmlNewChild(z->flow, NULL, (const xmlChar *)"blockquote", NULL);
    nz_place saved;
    nz_enter(z, q, false, &saved);
    nz_children(z, src->children);
    nz_leave(z, &saved);
    if (!q->children) {
        xmlUnlinkNode(q);
        xmlFreeNode(q);
    }
}

static void nz_pre_text(xmlNodePtr n, buf_t *b)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            buf_puts(b, (const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE) {
            if (xml_is(n, "br"))
                buf_putc(b, '\n');
            nz_pre_text(n->children, b);
        }
    }
}

/* The language a code block says it is in: class "language-sql" or
 * "lang-sql" on the pre or its code, into OUT; whether it says one. */
static bool code_language(xmlNodePtr pre, char *out, size_t cap)
{
    xmlNodePtr code = pre->children;
    while (code && code->type != XML_ELEMENT_NODE)
        code = code->next;
    xmlNodePtr at[] = { pre, code && xml_is(code, "code") ? code : NULL };
    for (size_t i = 0; i < 2; i++) {
        xmlChar *cls = at[i] ? xmlGetProp(at[i], (const xmlChar *)"class") : NULL;
        const char *c = cls ? (const char *)cls : "";
        const char *l = strstr(c, "language-");
        size_t skip = 9;
        if (!l && (l = strstr(c, "lang-")) != NULL)
            skip = 5;
        size_t n = l ? strcspn(l + skip, " ") : 0;
        if (n && n < cap) {
            memcpy(out, l + skip, n);
            out[n] = 0;
        }
        xmlFree(cls);
        if (n && n < cap)
            return true;
    }
    return false;
}

/* A code viewer's bar sets the language's name over the code ("sql",
 * "Python"): the line just before, when it is that name and no more. */
static void drop_language_label(nz *z, xmlNodePtr src)
{
    char lang[32];
    xmlNodePtr last = z->flow->last;
    if (!code_language(src, lang, sizeof lang) || !last || !xml_is(last, "p"))
        return;
    xmlChar *t = xmlNodeGetContent(last);
    const char *s = t ? (const char *)t : "";
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    bool label = n == strlen(lang) && !strncasecmp(s, lang, n);
    if (label && z->o->explain)
        fprintf(z->o->explain, "dropped a code block's label, its language: %s\n", lang);
    xmlFree(t);
    if (label)
        nz_discard(z, last);
}

void nz_pre(nz *z, xmlNodePtr src)
{
    buf_t b;
    buf_init(&b);
    nz_pre_text(src->children, &b);
    /* HTML drops one leading newline of a pre; trailing ones say nothing. */
    char *text = b.data ? b.data : "";
    if (*text == '\n')
        text++;
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
    if (n) {
        if (z->flat) {
            nz_text(z, text);
        } else {
            nz_close_para(z);
            drop_language_label(z, src);
            xmlNodePtr pre = xmlNewChild(z->flow, NULL, (const xmlChar *)"pre", NULL);
            xmlAddChild(pre, xmlNewText((const xmlChar *)text));
        }
    }
    buf_free(&b);
}

/* Inline elements that survive, and what they become. */
