#include "md/md_internal.h"
#include "article/article_subset.h"

#include <string.h>

bool md_is_block(xmlNodePtr n)
{
    /* Every block of the subset breaks the inline flow, li and td too. */
    return article_is_block(n, true);
}

bool md_is_blank(xmlNodePtr n)
{
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        return true;
    if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
        return false;
    for (const xmlChar *p = n->content; p && *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    return true;
}

bool md_has_block_descendant(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (md_is_block(c) || md_has_block_descendant(c))
            return true;
    return false;
}

static xmlNodePtr md_following(xmlNodePtr n, xmlNodePtr limit, bool descend)
{
    if (descend && n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (n && n != limit) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

uint32_t md_next_char(xmlNodePtr n, xmlNodePtr limit)
{
    for (n = md_following(n, limit, false); n; n = md_following(n, limit, true)) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)n->content;
            size_t len = s ? strlen(s) : 0, i = 0;
            while (i < len && strchr(" \t\n\r", s[i]))
                i++;
            if (i < len)
                return utf8_next(s, len, &i);
        } else if (xml_is(n, "br") || xml_is(n, "img") || md_is_block(n)) {
            return 0;
        }
    }
    return 0;
}

bool md_space_dropped(uint32_t prev, uint32_t next, bool has_newline)
{
    return has_newline && cp_is_wide(prev) && cp_is_wide(next);
}

void md_text_content(xmlNodePtr n, buf_t *out)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            buf_puts(out, (const char *)c->content);
        else if (xml_is(c, "br"))
            buf_putc(out, '\n');
        else if (c->type == XML_ELEMENT_NODE)
            md_text_content(c, out);
    }
}

char *md_attr(xmlNodePtr n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}
