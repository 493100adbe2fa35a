#include "util/xml_node.h"
#include "util/buf.h"

#include <string.h>

/* strcasecmp folds by the locale, and an element's name is ASCII. */
bool xml_name_same(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

bool xml_is_any(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (; *names; names++)
        if (xml_is(n, *names))
            return true;
    return false;
}

/* One run of adjacent text nodes from FIRST on made one node. */
static void merge_run(xmlNodePtr first)
{
    buf_t b;
    buf_init(&b);
    for (xmlNodePtr t = first; t && t->type == XML_TEXT_NODE; t = t->next)
        buf_puts(&b, t->content ? (const char *)t->content : "");
    while (first->next && first->next->type == XML_TEXT_NODE) {
        xmlNodePtr t = first->next;
        xmlUnlinkNode(t);
        xmlFreeNode(t);
    }
    xmlNodeSetContentLen(first, (const xmlChar *)(b.data ? b.data : ""), (int)b.len);
    buf_free(&b);
}

void xml_merge_text(xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = xml_next_in_order(n, root))
        if (n->type == XML_TEXT_NODE && n->next && n->next->type == XML_TEXT_NODE)
            merge_run(n);
}

void xml_append_text(xmlNodePtr parent, xmlNodePtr t)
{
    xmlNodePtr last = parent->last;
    if (!last || last->type != XML_TEXT_NODE) {
        xmlAddChild(parent, t);
        return;
    }
    t->parent = parent;
    t->doc = parent->doc;
    t->prev = last;
    last->next = t;
    parent->last = t;
}

const char *xml_attr_ref(const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE)
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE && !a->children->next
                       ? (const char *)a->children->content : NULL;
    return NULL;
}

static bool xml_class_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

const char *xml_class_next(const char **p, size_t *len)
{
    const char *s = *p;
    while (s && xml_class_space(*s))
        s++;
    if (!s || !*s)
        return NULL;
    size_t k = 0;
    while (s[k] && !xml_class_space(s[k]))
        k++;
    *p = s + k;
    *len = k;
    return s;
}

bool xml_class_has_n(const char *cls, const char *name, size_t len)
{
    size_t k;
    for (const char *p = cls, *c; (c = xml_class_next(&p, &k));)
        if (k == len && !strncmp(c, name, len))
            return true;
    return false;
}

xmlNodePtr xml_find_any(xmlNodePtr root, const char *const *names)
{
    if (!root || root->type != XML_ELEMENT_NODE || !root->children)
        return NULL;
    for (xmlNodePtr n = root->children; n; n = xml_next_in_order(n, root))
        if (n->type == XML_ELEMENT_NODE && xml_is_any(n, names))
            return n;
    return NULL;
}

xmlNodePtr xml_find(xmlNodePtr root, const char *name)
{
    const char *const names[] = { name, NULL };
    return xml_find_any(root, names);
}
