/* A page that a script fills: the server sends the article's markup
 * escaped inside a <textarea> (a text area's content is read as text,
 * never as tags), and a script copies it into an empty box when the page
 * opens. A saved page keeps the text area and the empty box. The markup
 * is parsed and set in the text area's place, so that the article is
 * scored as its reader saw it. A text area a reader types into, or one
 * that holds words rather than paragraphs of markup, stays as it is. */
#include "clean/page.h"
#include "article/article_xml.h"
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
    htmlDocPtr fdoc = page_parse_utf8(html, strlen(html));
    long line;
    if (fdoc)
        page_cut_long_text(fdoc, ARTICLE_TEXT_MAX, &line);
    xmlNodePtr body = fdoc ? page_body(xmlDocGetRootElement(fdoc)) : NULL;
    bool done = false;
    if (body && body->children) {
        xmlNodePtr div = xmlNewDocNode(t->doc, NULL, (const xmlChar *)"div", NULL);
        static const char *const names[] = { "class", "id", NULL };
        for (int i = 0; names[i]; i++) {
            xmlChar *v = xmlGetProp(t, (const xmlChar *)names[i]);
            if (v)
                xmlSetProp(div, (const xmlChar *)names[i], v);
            xmlFree(v);
        }
        xmlNodePtr copy = xmlDocCopyNodeList(t->doc, body->children);
        if (copy)
            xmlAddChildList(div, copy);
        xmlReplaceNode(t, div);
        xmlFreeNode(t);
        done = true;
    }
    xmlFreeDoc(fdoc);
    return done;
}

static void textareas_walk(xmlNodePtr n, int *seen, int *inlined)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!xml_is(n, "textarea")) {
            textareas_walk(n->children, seen, inlined);
            continue;
        }
        if (*seen >= PAGE_TEXTAREAS_MAX || inside_form(n))
            continue;
        xmlChar *text = xmlNodeGetContent(n);
        if (text && markup_blocks((const char *)text) >= 2) {
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
        textareas_walk(doc->children, &seen, &inlined);
    return inlined;
}
