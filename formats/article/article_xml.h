/* A clean article's XML as its readers take it, and the limits every
 * article keeps within: libxml2's own without XML_PARSE_HUGE, so that
 * what folio-clean writes every reader reads, and what no article needs
 * (entities, other encodings, deep nesting, thousands of attributes) is
 * refused before it can cost time or stack. */
#ifndef FOLIO_ARTICLE_XML_H
#define FOLIO_ARTICLE_XML_H
#include "util/buf.h"
#include <libxml/tree.h>
#include <stdbool.h>

enum {
    ARTICLE_DEPTH_MAX = 256,   /* elements nested, <html> the first */
    ARTICLE_ATTRS_MAX = 256,   /* attributes on one element */
};
/* Bytes in one run of text or one attribute value (libxml2's
 * XML_MAX_TEXT_LENGTH): an embedded picture's data: URI must fit. */
#define ARTICLE_TEXT_MAX 10000000

/* Parse DATA as UTF-8 XML, whatever encoding it declares (one that is not
 * UTF-8 is refused), with no network, no DTD, no entity substitution, and
 * within the limits above. A DOCTYPE with an internal subset is refused.
 * Returns the document, or NULL with the cause in WHY. */
xmlDocPtr article_xml_read(const char *data, size_t len, buf_t *why);

/* Whether the elements from NODE down, NODE at nesting DEPTH (1 for a
 * root), keep within the limits; false with the cause in WHY. Walks
 * without recursion, however deep the tree. */
bool article_xml_fits(const xmlNode *node, int depth, buf_t *why);

#endif
