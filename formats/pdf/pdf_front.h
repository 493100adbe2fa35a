/* The front of a book: the title page and the contents. A long title
 * wraps in balanced lines on the title page; a contents entry wraps under
 * a hanging indent, with dot leaders to its page number, and is a link to
 * the page it names. */
#ifndef FOLIO_PDF_FRONT_H
#define FOLIO_PDF_FRONT_H
#include "pdf/pdf_doc.h"

typedef struct {
    const char *title, *subtitle, *publisher, *date;
} pdf_front_text;

void pdf_front_title_page(pdf_doc *d, const pdf_front_text *t);

/* How many pages the contents take: the entries of MEASURED (a pass over
 * the body) at LEVEL, set in D's fonts and style. */
int  pdf_front_contents_pages(pdf_doc *d, const pdf_doc *measured, int level);
/* The contents: the entries of MEASURED at LEVEL, their pages counted
 * from D's first body page. */
void pdf_front_contents(pdf_doc *d, const pdf_doc *measured, int level);

#endif
