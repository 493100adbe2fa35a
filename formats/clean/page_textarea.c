/* A page that a script fills: the server sends the article's markup
 * escaped inside a <textarea> (a text area's content is read as text,
 * never as tags), and a script copies it into an empty box when the page
 * opens. A saved page keeps the text area and the empty box. The markup
 * is parsed and set in the text area's place, so that the article is
 * scored as its reader saw it. A text area a reader types into, one that
 * holds words rather than paragraphs of markup, or one holding less text
 * than the page shows (a copy of the shown article) stays as it is. */
#include "clean/page.h"
#include "util/xml_node.h"

#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

/* A page's handful of such boxes; more are no article's. */
#define PAGE_TEXTAREAS_MAX 16

/* How many block tags (<p>, <br>, <div>, <h1>..<h6>) the text S opens. */
static int markup_blocks(const char *s)
{
    int n = 0;
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        size_t k = 0;
        if (p[1] == 'p' || p[1] == 'P')
            k = 2;
        else if (!strncasecmp(p + 1, "br", 2))
            k = 3;
        else if (!strncasecmp(p + 1, "div", 3))
            k = 4;
        else if ((p[1] == 'h' || p[1] == 'H') && p[2] >= '1' && p[2] <= '6')
            k = 3;
        if (k && (p[k] == '>' || p[k] == ' ' || p[k] == '/' || p[k] == '\t' || p[k] == '\n'))
            n++;
    }
    return n;
}

static bool inside_form(xmlNodePtr n)
{
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (xml_is(n, "form"))
            return true;
    return false;
}

/* The text area T replaced by a <div> of its markup's body, under T's
 * own class and id. */
static bool textarea_inline(xmlNodePtr t, const char *html)
{
    htmlDocPtr fdoc = page_parse_markup(html, strlen(html));
    xmlNodePtr body = fdoc ? page_body(xmlDocGetRootElement(fdoc)) : NULL;
    xmlChar *cls = xmlGetProp(t, (const xmlChar *)"class"), *id = xmlGetProp(t, (const xmlChar *)"id");
    xmlNodePtr div = body && body->children ? page_body_in_place(t, fdoc) : NULL;
    if (div && cls)
        xmlSetProp(div, (const xmlChar *)"class", cls);
    if (div && id)
        xmlSetProp(div, (const xmlChar *)"id", id);
    xmlFree(cls);
    xmlFree(id);
    xmlFreeDoc(fdoc);
    return div != NULL;
}

/* Bytes of text the page shows outside its text areas, scripts and styles,
 * up to LIMIT. */
static size_t shown_text(xmlNodePtr n, size_t so_far, size_t limit)
{
    for (; n && so_far < limit; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content)
            so_far += strlen((const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE && !xml_is(n, "textarea") && !xml_is(n, "script") &&
                 !xml_is(n, "style") && !xml_is(n, "template"))
            so_far = shown_text(n->children, so_far, limit);
    }
    return so_far;
}

/* Bytes of the markup S outside its tags: the text it would show. */
static size_t markup_text(const char *s)
{
    size_t n = 0;
    bool tag = false;
    for (; *s; s++) {
        if (*s == '<')
            tag = true;
        else if (*s == '>')
            tag = false;
        else if (!tag && *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
            n++;
    }
    return n;
}

int page_textarea_markup_text(xmlNodePtr n, int *punct)
{
    *punct = 0;
    if (!xml_is(n, "textarea") || inside_form(n))
        return 0;
    xmlChar *text = xmlNodeGetContent(n);
    int chars = 0;
    if (text && markup_blocks((const char *)text) >= 2) {
        bool tag = false;
        for (const unsigned char *p = text; *p; p++) {
            if (*p == '<')
                tag = true;
            else if (*p == '>')
                tag = false;
            else if (!tag && (*p & 0xC0) != 0x80 && !strchr(" \n\t\r", *p)) {
                chars++;
                /* ，。 and , . : what sentences hold */
                *punct += *p == ',' || *p == '.' || !strncmp((const char *)p, "，", 3) ||
                          !strncmp((const char *)p, "。", 3);
            }
        }
    }
    xmlFree(text);
    return chars;
}

static void textareas_walk(xmlNodePtr n, int *seen, int *inlined, size_t shown)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(n, "textarea")) {
            textareas_walk(n->children, seen, inlined, shown);
            continue;
        }
        if (*seen >= PAGE_TEXTAREAS_MAX || inside_form(n))
            continue;
        xmlChar *text = xmlNodeGetContent(n);
        /* more than the page shows: its text, not a copy of the shown one */
        if (text && markup_blocks((const char *)text) >= 2 && markup_text((const char *)text) > shown) {
            ++*seen;
            xmlNodePtr prev = n->prev, parent = n->parent;
            if (textarea_inline(n, (const char *)text)) {
                ++*inlined;
                n = prev ? prev->next : parent->children;
            }
        }
        xmlFree(text);
    }
}

int page_inline_textareas(htmlDocPtr doc)
{
    int seen = 0, inlined = 0;
    if (doc)
        textareas_walk(doc->children, &seen, &inlined, shown_text(doc->children, 0, (size_t)1 << 30));
    return inlined;
}
