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
/* The same where a line may need more room than its few gaps can give
 * unseen (a table cell): the space between characters grows by no more
 * than LETTER_MAX ems, or the line is left ragged, since wider gaps read as
 * spaces in copied text ("金 锺 国"). Gaps between words and at Han-Latin
 * boundaries still open by up to a quarter em. */
void pdf_justify_narrow(PangoLayout *l, double em, double letter_max);

#endif
