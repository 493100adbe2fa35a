/* Line breaking for a whole paragraph at once (total fit, in the spirit of
 * Knuth and Plass) over pango's own break opportunities: the lines chosen
 * are those that need the least stretching or squeezing in all, where
 * pango alone fills each line greedily and leaves the next one loose. */
#ifndef FOLIO_PDF_BREAK_H
#define FOLIO_PDF_BREAK_H
#include <pango/pango.h>
#include <stdbool.h>
#include <stdint.h>

/* What a breaker knows of each character of a layout's text. */
typedef struct {
    uint32_t c;
    int off;        /* byte offset */
    int width;      /* advance, pango units, letter spacing included */
    bool gap;       /* slack may open after it, before the next character */
    bool word_gap;  /* that gap parts words or a Han and a Latin run */
    int squeeze;    /* what it can give up when the line is too long */
} pdf_break_char;

/* Choose the breaks of L (which has its width, indent and attributes set)
 * and leave pango only those. EM is the body size in points. A layout
 * without a width is left alone. */
void pdf_break_lines(PangoLayout *l, double em);

/* The characters of L's text with their offsets and advances (on one
 * line, as the text is set unbroken), *N of them; NULL for no text. The
 * caller frees them. */
pdf_break_char *pdf_break_chars(PangoLayout *l, int *n);
/* Leave pango only the breaks before characters BREAKS[0..NB) (in order;
 * N or more means the end of the text) of L, whose characters CH are. */
void pdf_break_keep(PangoLayout *l, const pdf_break_char *ch, int n, const int *breaks, int nb);

/* The width in points of the widest run of L's text that no line may be
 * broken inside (a word, a number, a URL): what a table column needs not to
 * cut it. */
double pdf_break_widest_word(PangoLayout *l);

#endif
