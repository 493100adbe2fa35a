#include "article/article_subset.h"
#include "epub/epub_internal.h"

#include <stdlib.h>
#include <string.h>

/* The attributes of the article subset (article/article_subset.h) as the
 * EPUB writer writes them: a value HTML would refuse is dropped rather
 * than failing the book. */

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

char *epub_subset_attr(xmlNodePtr element, xmlAttrPtr attr)
{
    const char *name = (const char *)attr->name;
    /* xml:lang is written beside lang, from it. */
    if (attr->ns || !article_el_keeps(article_el_of(element), name))
        return NULL;
    xmlChar *v = xmlNodeGetContent((xmlNodePtr)attr);
    char *value = v ? epub_attr_value(name, (const char *)v) : NULL;
    xmlFree(v);
    return value;
}
