#include "util/xml_node.h"

/* strcasecmp folds by the locale, and an element's name is ASCII. */
static bool ascii_same(const char *a, const char *b)
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

bool xml_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && ascii_same((const char *)n->name, name);
}

bool xml_is_any(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (; *names; names++)
        if (ascii_same((const char *)n->name, *names))
            return true;
    return false;
}
