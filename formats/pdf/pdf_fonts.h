/* Font roles (serif body, sans headings, kai, fangsong, mono, title) resolved
 * through fontconfig with folio-fonts.conf, and the pango context every
 * layout is made in: 72 dpi, unhinted, unrounded, zh-Hans. */
#ifndef FOLIO_PDF_FONTS_H
#define FOLIO_PDF_FONTS_H
#include "pdf/pdf.h"
#include <pango/pangocairo.h>

typedef struct {
    PangoFontMap *map;
    PangoContext *ctx;
    void  *config;                 /* FcConfig */
    char  *family[PDF_ALL_ROLES];  /* comma-separated fallbacks for pango */
    bool   fangsong_missing;       /* the fangsong role fell back to Song */
} pdf_fonts;

/* MAP and CONFIG are the process's, shared by every book (see
 * pdf_fonts_release_cache); CTX and the families are F's own. */
int  pdf_fonts_open(pdf_fonts *f, const pdf_options *opt);
void pdf_fonts_close(pdf_fonts *f);
void pdf_fonts_release_cache(void);
/* A new description of ROLE at PT points; the caller frees it. */
PangoFontDescription *pdf_font(const pdf_fonts *f, int role, double pt, bool bold);
/* Put every run of LINE (of every line of L) on the one baseline, whatever
 * its font; only a rise attribute lifts or lowers a run. Called right
 * before drawing: laying out again undoes it. */
void pdf_fonts_level_line(PangoLayoutLine *line);
void pdf_fonts_level(PangoLayout *l);

#endif
