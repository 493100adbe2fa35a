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

/* The width in points of the widest run of L's text that no line may be
 * broken inside (a word, a number, a URL): what a table column needs not to
 * cut it. */
double pdf_break_widest_word(PangoLayout *l);

#endif
