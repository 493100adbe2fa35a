/* Bookmarks and document information: what a reader's sidebar and the
 * file's properties show. */
#ifndef FOLIO_PDF_OUTLINE_H
#define FOLIO_PDF_OUTLINE_H
#include "pdf/pdf_doc.h"

/* A bookmark at the current position: level 1 for an article, 2 for its h2. */
void pdf_outline_add(pdf_doc *d, const char *title, int level);

/* Title, author, subject, creator and both dates. DATE is "YYYY-MM-DD" or
 * a full ISO 8601 time; cairo 1.16 takes the clock when none is set, so one
 * is always set for the same bytes from the same input. */
void pdf_outline_metadata(cairo_surface_t *s, const char *title, const char *author,
                          const char *subject, const char *date);

#endif
