/* The one way folio asks a libxml2 node "are you the element named X?",
 * whether the node came from the HTML parser (a captured page) or the XML
 * parser (a clean article, an SVG image). */
#ifndef FOLIO_XML_NODE_H
#define FOLIO_XML_NODE_H
#include <libxml/tree.h>
#include <string.h>
#include <stdbool.h>

/* Whether N is an element named NAME. NULL and other kinds of node are
 * not. Names compare ASCII case-insensitively: the HTML parser folds them
 * to lower case but a page's XHTML or a hand-edited article may not, and
 * an element is the same element whichever. The namespace is not looked
 * at; a caller that cares (the article reader) checks it itself. */
bool xml_name_same(const char *a, const char *b);
static inline bool xml_is(const xmlNode *n, const char *name)
{
    /* every walk asks this of every node: the first letters, folded, turn
     * most names away before a call */
    return n && n->type == XML_ELEMENT_NODE && n->name && ((n->name[0] | 0x20) == (name[0] | 0x20)) &&
           xml_name_same((const char *)n->name, name);
}

/* Whether N is an element named one of NAMES, a list ending with NULL. */
bool xml_is_any(const xmlNode *n, const char *const *names);

/* Whether A is a proper ancestor of N. */
static inline bool xml_is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (n = n ? n->parent : NULL; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

/* The node after N in document order within the subtree at ROOT, or
 * NULL past its end: a walk without recursion, since a hostile page nests
 * deep. Element children are entered; other nodes' are not. */
static inline xmlNodePtr xml_next_in_order(xmlNodePtr n, xmlNodePtr root)
{
    if (n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* The element after N among its siblings, text and comments passed by;
 * NULL when none follows. */
static inline xmlNodePtr xml_next_element(xmlNodePtr n)
{
    for (n = n->next; n && n->type != XML_ELEMENT_NODE; n = n->next)
        ;
    return n;
}

/* N has an element among its children (text and comments aside). */
static inline bool xml_has_element_child(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

/* The first element below ROOT (not ROOT itself), in document order,
 * named NAME, or one of NAMES (a list ending with NULL); NULL when none. */
xmlNodePtr xml_find(xmlNodePtr root, const char *name);
xmlNodePtr xml_find_any(xmlNodePtr root, const char *const *names);

/* Make each run of adjacent text nodes under ROOT one node. A tree built
 * a piece at a time links its pieces apart (libxml2 would copy the whole
 * run at every append, n² for a long paragraph) and is merged once here. */
void xml_merge_text(xmlNodePtr root);

/* N's attribute NAME as the tree holds it, without a copy; NULL when N
 * has none or its value is not one text node. */
const char *xml_attr_ref(const xmlNode *n, const char *name);
/* The next class of a class list at *P (may be NULL): its start, its
 * length in *LEN, *P past it; NULL after the last. */
const char *xml_class_next(const char **p, size_t *len);
/* The class list CLS (may be NULL) holds the class NAME of LEN bytes. */
bool xml_class_has_n(const char *cls, const char *name, size_t len);
static inline bool xml_class_has(const char *cls, const char *name)
{
    return xml_class_has_n(cls, name, strlen(name));
}

/* Append the text node T to PARENT as its last child without merging it
 * into a text node before it (see xml_merge_text). */
void xml_append_text(xmlNodePtr parent, xmlNodePtr t);

#endif
