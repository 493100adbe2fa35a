/* Underlines and strike-throughs drawn by folio over the ranges of a
 * line's text, not set as pango attributes: pango applies those by walking
 * the attribute list from its head for every run it lays out, so a
 * paragraph of N underlined links cost N squared. */
#ifndef FOLIO_PDF_DECO_H
#define FOLIO_PDF_DECO_H
#include <cairo.h>
#include <pango/pango.h>
#include <stddef.h>

typedef enum { PDF_DECO_UNDERLINE, PDF_DECO_STRIKE } pdf_deco_kind;

typedef struct {
    unsigned start, end;   /* bytes of the layout's text */
    pdf_deco_kind kind;
} pdf_deco;

/* The layout L takes the N decorations of DECOS (copied, any order). */
void pdf_layout_set_decos(PangoLayout *l, const pdf_deco *decos, size_t n);

/* Draws on CR the decorations of LINE, a line of a layout whose left edge
 * is at X, its baseline at BASELINE. */
void pdf_deco_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline);

#endif
