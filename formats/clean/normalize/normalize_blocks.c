/* The blocks whose parts keep their shape: lists, quotations and code.
 * Each is rebuilt in the article as the page set it. */
#include "clean/normalize/normalize.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <string.h>

void nz_list(nz *z, xmlNodePtr src)
{
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
            xmlNodePtr pre = xmlNewChild(z->flow, NULL, (const xmlChar *)"pre", NULL);
            xmlAddChild(pre, xmlNewText((const xmlChar *)text));
        }
    }
    buf_free(&b);
}

/* Inline elements that survive, and what they become. */
