/* Line breaking for a whole paragraph at once (total fit, in the spirit of
 * Knuth and Plass) over pango's own break opportunities: the lines chosen
 * are those that need the least stretching or squeezing in all, where
 * pango alone fills each line greedily and leaves the next one loose. */
#ifndef FOLIO_PDF_BREAK_H
#define FOLIO_PDF_BREAK_H
#include <pango/pango.h>

/* Choose the breaks of L (which has its width, indent and attributes set)
 * and leave pango only those. EM is the body size in points. A layout
 * without a width is left alone. */
void pdf_break_lines(PangoLayout *l, double em);

#endif
