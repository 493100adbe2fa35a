/* Line breaking for titles and headings (GB/T 9704-2012 §7.3.1: a title
 * that runs over lines keeps its words whole and is set symmetrically):
 * as few lines as the greedy fill, of balanced lengths; never inside a run
 * of digits or Latin letters; after punctuation and before 关于, 的, 和, 及
 * or 与 rather than elsewhere; and never a last line of three characters
 * or fewer. */
#ifndef FOLIO_PDF_TITLE_H
#define FOLIO_PDF_TITLE_H
#include <pango/pango.h>

/* Choose the breaks of L (width, indent and attributes set) and leave
 * pango only those. EM is the type size in points. A title that fits on
 * one line, or has a word wider than the measure, is left as pango set it. */
void pdf_title_balance(PangoLayout *l, double em);

/* The same rules without balancing: each line as full as it can be, for a
 * title that wraps under a hanging indent (the contents). */
void pdf_title_wrap(PangoLayout *l, double em);

#endif
