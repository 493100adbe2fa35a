/* Links of the article as PDF link annotations: which hrefs become one,
 * how their URI is written, and the byte ranges of a layout's text that
 * they cover. */
#ifndef FOLIO_PDF_LINK_H
#define FOLIO_PDF_LINK_H
#include "util/buf.h"
#include <pango/pango.h>
#include <stdbool.h>

typedef struct {
    unsigned start, end;   /* bytes of the layout's text */
    char *uri;             /* as pdf_link_uri wrote it */
} pdf_link;

/* An href fit for a URI action: absolute http, https, ftp or mailto (a
 * relative or fragment link has nowhere to go in a PDF, and no other scheme
 * is safe to hand to a reader). White space around it is dropped, and bytes
 * outside printable ASCII are percent-encoded, as a PDF URI is 7-bit.
 * Returns false, writing nothing, for any other href. */
bool pdf_link_uri(const char *href, buf_t *out);

/* cairo's attributes for a link to URI over N rectangles of RECTS (x, y,
 * width, height each): "uri='…' rect=[…]", quotes and backslashes escaped. */
void pdf_link_attributes(const char *uri, const double *rects, size_t n, buf_t *out);

/* The layout L takes LINKS over (N of them, uris included). */
void pdf_layout_set_links(PangoLayout *l, pdf_link *links, size_t n);
/* The links of L, or NULL with *N = 0. */
const pdf_link *pdf_layout_links(PangoLayout *l, size_t *n);

#endif
