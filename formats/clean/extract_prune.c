/* Taking out of a parsed page what never holds article text: scripts,
 * styles, form controls, comments, and what the page hides from its
 * reader. */
#include "clean/extract.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <string.h>

/* Hidden from the reader: an inline display:none or visibility:hidden, the
 * hidden attribute, or aria-hidden="true". Class names say nothing here: a
 * CMS body class does not make a hidden copy visible. */
static bool ex_is_hidden(xmlNodePtr n)
{
    bool hidden = false;
    xmlChar *style = xmlGetProp(n, (const xmlChar *)"style");
    if (style) {
        char *s = (char *)style;
        for (char *p = s; *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                *s++ = (char)tolower((unsigned char)*p);
        *s = '\0';
        hidden = strstr((char *)style, "display:none") || strstr((char *)style, "visibility:hidden");
        xmlFree(style);
    }
    if (!hidden && xmlHasProp(n, (const xmlChar *)"hidden"))
        hidden = true;
    if (!hidden) {
        xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
        hidden = aria && xmlStrcasecmp(aria, (const xmlChar *)"true") == 0;
        xmlFree(aria);
    }
    return hidden;
}

static bool ex_never_content(xmlNodePtr n)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "iframe", "frame", "frameset", "input",
        "select", "textarea", "button", "object", "embed", "applet",
        "template", "canvas", "map", "area", "audio", "video", "option", NULL
    };
    return xml_is_any(n, tags);
}

static void ex_prune_walk(xmlNodePtr n, bool drop_hidden, extract_prune_stats *st)
{
    while (n) {
        xmlNodePtr next = n->next;
        bool drop = n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
                    (n->type == XML_ELEMENT_NODE && ex_never_content(n));
        if (!drop && drop_hidden && n->type == XML_ELEMENT_NODE && ex_is_hidden(n)) {
            extract_counts c;
            extract_count(n, &c);
            st->hidden++;
            st->hidden_chars += c.chars - c.link_chars;
            drop = true;
        }
        if (drop) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            ex_prune_walk(n->children, drop_hidden, st);
        }
        n = next;
    }
}

void extract_prune(htmlDocPtr doc, bool drop_hidden, extract_prune_stats *st)
{
    memset(st, 0, sizeof *st);
    ex_prune_walk(doc->children, drop_hidden, st);
}
