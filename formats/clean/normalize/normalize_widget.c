/* Controls a page sets inside its text: an icon with a word beside it
 * (播报, 编辑, Share), and the edit link a wiki puts at the end of each
 * section heading ("简介[编辑]", "History [edit]"). They are the page's
 * tools, not the article's words. */
#include "clean/normalize/normalize.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

#define WIDGET_WORD_CHARS 6
#define LEAVES_MAX 64

static bool has_text_element(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (xml_is(c, "text") || has_text_element(c)))
            return true;
    return false;
}

bool nz_icon_button(xmlNodePtr n, const extract_counts *c)
{
    if (c->chars == 0 || c->chars > 4 || c->punct)
        return false;
    /* A chart or a diagram labels its parts with <text>; an icon is shapes. */
    for (xmlNodePtr k = n->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && xml_is(k, "svg") && !has_text_element(k))
            return true;
    return false;
}

/* The heading's text nodes and links, in order, links not entered. */
static void collect_leaves(xmlNodePtr n, xmlNodePtr *leaves, int *count)
{
    for (xmlNodePtr c = n->children; c && *count < LEAVES_MAX; c = c->next) {
        if (c->type == XML_TEXT_NODE || (c->type == XML_ELEMENT_NODE && xml_is(c, "a")))
            leaves[(*count)++] = c;
        else if (c->type == XML_ELEMENT_NODE)
            collect_leaves(c, leaves, count);
    }
}

/* S with blanks trimmed from both ends: its start and length. */
static const char *trimmed(const xmlChar *s, size_t *len)
{
    const char *p = s ? (const char *)s : "";
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r'))
        n--;
    *len = n;
    return p;
}

/* Drop one bracket from text node T: the last byte of its trimmed text
 * (AT_END) or the first. */
static void cut_bracket(xmlNodePtr t, bool at_end)
{
    size_t n;
    const char *p = trimmed(t->content, &n);
    char *s = xstrdup((const char *)t->content);
    size_t at = (size_t)(p - (const char *)t->content) + (at_end ? n - 1 : 0);
    memmove(s + at, s + at + 1, strlen(s + at + 1) + 1);
    xmlNodeSetContent(t, (const xmlChar *)s);
    free(s);
}

bool nz_strip_edit_link(xmlNodePtr heading)
{
    xmlNodePtr leaves[LEAVES_MAX];
    int count = 0, link = -1;
    collect_leaves(heading, leaves, &count);
    for (int i = 0; i < count; i++)
        if (leaves[i]->type == XML_ELEMENT_NODE)
            link = i;
    if (link < 1 || count == LEAVES_MAX)
        return false;
    xmlChar *word = xmlNodeGetContent(leaves[link]);
    size_t wn;
    const char *w = trimmed(word, &wn);
    size_t chars = utf8_length(w, wn);
    xmlFree(word);
    if (chars == 0 || chars > WIDGET_WORD_CHARS)
        return false;
    /* After the link: the closing bracket and nothing else. */
    xmlNodePtr close = NULL;
    for (int i = link + 1; i < count; i++) {
        size_t n;
        const char *p = trimmed(leaves[i]->content, &n);
        if (!n)
            continue;
        if (close || n != 1 || *p != ']')
            return false;
        close = leaves[i];
    }
    /* Before it: the opening bracket, and the heading's words before that. */
    xmlNodePtr open = NULL;
    bool words = false;
    for (int i = link - 1; i >= 0; i--) {
        if (leaves[i]->type != XML_TEXT_NODE)
            return false;
        size_t n;
        const char *p = trimmed(leaves[i]->content, &n);
        if (!n)
            continue;
        if (!open) {
            if (p[n - 1] != '[')
                return false;
            open = leaves[i];
            words = n > 1;
        } else {
            words = true;
        }
    }
    if (!close || !open || !words)
        return false;
    cut_bracket(close, false);
    cut_bracket(open, true);
    xmlUnlinkNode(leaves[link]);
    xmlFreeNode(leaves[link]);
    return true;
}
