/* The 落款 under a notice: the run of signature paragraphs (the issuer,
 * the date) set as one block that never breaks over a page and takes the
 * last line of the text above along with it. GB/T 9704-2012 §7.3.5: the
 * issuer two characters in from the right, the date on the next line
 * with its first character two to the right of the issuer's (and, when
 * that would pass the same limit, two characters in from the right); in
 * book style both flush right. */
#ifndef FOLIO_PDF_SIGN_H
#define FOLIO_PDF_SIGN_H
#include "pdf/pdf_flow.h"

/* Whether N is a signature paragraph. */
bool pdf_sign_is(xmlNodePtr n);
/* The element after N, skipping white space and comments, or NULL. */
xmlNodePtr pdf_sign_next(xmlNodePtr n);
/* The points the run of signature paragraphs starting at N needs on one
 * page, its blank line above included (0 when N is none). */
double pdf_sign_height(const pdf_doc *d, xmlNodePtr n);
/* Set the run starting at N in the column F; returns its last paragraph. */
xmlNodePtr pdf_sign_set(pdf_doc *d, xmlNodePtr n, pdf_frame f);

#endif
