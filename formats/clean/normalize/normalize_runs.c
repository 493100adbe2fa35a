/* Runs of one face that the page split into pieces: <b>他说，</b><b>“……”</b>
 * reads as one run and is written as one. Left split, Markdown must spell
 * the pieces whose edges fall between punctuation and a letter as HTML
 * (CommonMark reads ** there as text), and the reader sees tags. */
#include "clean/normalize/normalize.h"

static bool nz_run_tag(xmlNodePtr n)
{
    static const char *const tags[] = { "strong", "em", "s", "u", "code", NULL };
    if (n->type != XML_ELEMENT_NODE || n->properties)
        return false;
    for (int i = 0; tags[i]; i++)
        if (xml_is(n, tags[i]))
            return true;
    return false;
}

/* What stands between A and its next sibling of the same face: nothing, or
 * only spaces (which join the run, inside it and not at its edge). */
static xmlNodePtr nz_same_face_next(xmlNodePtr a)
{
    xmlNodePtr b = a->next;
    while (b && b->type == XML_TEXT_NODE && xmlIsBlankNode(b))
        b = b->next;
    if (b && nz_run_tag(b) && xmlStrEqual(a->name, b->name))
        return b;
    return NULL;
}

void nz_merge_runs(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (nz_run_tag(c))
            for (xmlNodePtr b; (b = nz_same_face_next(c));) {
                while (c->next != b) {
                    xmlNodePtr gap = c->next;
                    xmlUnlinkNode(gap);
                    xmlAddChild(c, gap);
                }
                while (b->children) {
                    xmlNodePtr k = b->children;
                    xmlUnlinkNode(k);
                    xmlAddChild(c, k);
                }
                xmlUnlinkNode(b);
                xmlFreeNode(b);
            }
        nz_merge_runs(c);
    }
}
