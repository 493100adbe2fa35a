/* Setting a PDF book and writing it in a child process: cairo 1.16 can
 * abort on an assertion while it finishes a document, and that must cost
 * the file, told in folio's words, not the process that asked for it.
 * Whether to pay a fork for that is the tools' choice, so it lives here
 * and not in the PDF writer. */
#ifndef FOLIO_PDF_GUARD_H
#define FOLIO_PDF_GUARD_H
#include "pdf/pdf.h"

/* Typeset B and write it to PATH ("-" for standard output), never over
 * one of the NULL-terminated INPUTS, in a child process. When the PDF
 * library crashes, the article it cannot survive is found (by setting the
 * books of the first k articles in trial children, k halved in turn),
 * reported to R, left out, and the book set again; up to 8 of them.
 * Returns 0; -1 after reporting to R why not; or the number of the signal
 * that killed the PDF library, with nothing written. Whether articles were
 * left out, pdf_book_left_out tells. */
int pdf_guard_save(pdf_book *b, const char *path, const char *const *inputs, const reporter *r);

#endif
