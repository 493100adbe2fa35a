#include "epub/epub_internal.h"

#include <stdlib.h>
#include <string.h>

/* The article subset of DESIGN.md, as the EPUB writer keeps it: the
 * elements, and for each the attributes that survive. A value HTML would
 * refuse is dropped rather than failing the book; an element outside the
 * subset means the input is not a clean article. */

#define XHTML_NS "http://www.w3.org/1999/xhtml"

typedef struct {
    const char *name;
    const char *attrs;   /* the attributes kept besides class and lang, space-separated */
} epub_element;

static const epub_element epub_subset[] = {
    { "article", "" }, { "h1", "" }, { "h2", "" }, { "h3", "" }, { "h4", "" }, { "h5", "" },
    { "h6", "" }, { "p", "" }, { "blockquote", "" }, { "ul", "" }, { "ol", "start reversed type" },
    { "li", "value" }, { "dl", "" }, { "dt", "" }, { "dd", "" }, { "table", "" },
    { "caption", "" }, { "thead", "" }, { "tbody", "" }, { "tfoot", "" }, { "tr", "" },
    { "th", "colspan rowspan" }, { "td", "colspan rowspan" }, { "pre", "" }, { "code", "" },
    { "figure", "" }, { "img", "src alt" }, { "figcaption", "" }, { "hr", "" }, { "br", "" },
    { "a", "href" }, { "em", "" }, { "strong", "" }, { "sub", "" }, { "sup", "" }, { "s", "" },
    { "u", "" }, { "ruby", "" }, { "rt", "" }, { "rp", "" }, { "span", "" },
};

static const epub_element *epub_element_of(xmlNodePtr n)
{
    if (!n->ns || !n->ns->href || strcmp((const char *)n->ns->href, XHTML_NS) != 0)
        return NULL;
    for (size_t i = 0; i < sizeof epub_subset / sizeof *epub_subset; i++)
        if (strcmp((const char *)n->name, epub_subset[i].name) == 0)
            return &epub_subset[i];
    return NULL;
}

xmlNodePtr epub_outside_subset(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!epub_element_of(c))
            return c;
        xmlNodePtr bad = epub_outside_subset(c);
        if (bad)
            return bad;
    }
    return NULL;
}

static bool epub_integer(const char *s, bool sign, long lo, long hi)
{
    const char *p = s + (sign && *s == '-');
    if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 9)
        return false;
    long v = strtol(s, NULL, 10);
    return v >= lo && v <= hi;
}

static char *epub_attr_value(const char *name, const char *value)
{
    bool ok = true;
    if (!strcmp(name, "colspan"))
        ok = epub_integer(value, false, 1, 1000);
    else if (!strcmp(name, "rowspan"))
        ok = epub_integer(value, false, 0, 65534);
    else if (!strcmp(name, "start") || !strcmp(name, "value"))
        ok = epub_integer(value, true, -999999999, 999999999);
    else if (!strcmp(name, "type"))
        ok = strlen(value) == 1 && strchr("1aAiI", value[0]);
    else if (!strcmp(name, "reversed"))
        value = "reversed";
    else if (!strcmp(name, "href"))
        return epub_link_href(value);
    else if (!strcmp(name, "class") || !strcmp(name, "lang"))
        ok = *value != '\0';
    return ok ? xstrdup(value) : NULL;
}

static bool epub_attr_kept(const epub_element *e, const char *name)
{
    if (!strcmp(name, "class") || !strcmp(name, "lang"))
        return true;
    size_t n = strlen(name);
    for (const char *p = e->attrs; *p; p += strspn(p, " ")) {
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
    }
    return false;
}

char *epub_subset_attr(xmlNodePtr element, xmlAttrPtr attr)
{
    const epub_element *e = epub_element_of(element);
    const char *name = (const char *)attr->name;
    /* xml:lang is written beside lang, from it. */
    if (!e || attr->ns || !epub_attr_kept(e, name))
        return NULL;
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)attr);
    char *value = v ? epub_attr_value(name, (const char *)v) : NULL;
    xmlFree(v);
    return value;
}
