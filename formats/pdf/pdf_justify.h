/* Justification the clreq way, done on pango's shaped lines: a full-width
 * mark at a line end is set half-width, and the slack goes between
 * ideographs and at Han-Latin boundaries, never inside a Latin word or a
 * run of digits. */
#ifndef FOLIO_PDF_JUSTIFY_H
#define FOLIO_PDF_JUSTIFY_H
#include <pango/pango.h>

/* Justify every line of L but the last of each paragraph. EM is the body
 * size in points: slack above half an em per gap is left ragged (a line
 * holding one long URL). */
void pdf_justify(PangoLayout *l, double em);

#endif
