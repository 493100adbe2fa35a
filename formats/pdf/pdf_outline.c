#include "pdf/pdf_outline.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

void pdf_outline_add(pdf_doc *d, const char *title, int level)
{
    char dest[96];
    snprintf(dest, sizeof dest, "page=%d pos=[%.2f %.2f]", d->page, d->st->left, d->y);
    int parent = level > 1 && d->outline_article ? d->outline_article : CAIRO_PDF_OUTLINE_ROOT;
    int id = cairo_pdf_surface_add_outline(d->surface, parent, title, dest, 0);
    if (level == 1)
        d->outline_article = id;
}

void pdf_outline_metadata(cairo_surface_t *s, const char *title, const char *author,
                          const char *subject, const char *date)
{
    if (title && *title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    if (author && *author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author);
    if (subject && *subject)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "folio-pdf " FOLIO_VERSION);
    char iso[40];
    if (strlen(date) == 10)
        snprintf(iso, sizeof iso, "%sT00:00:00Z", date);
    else
        snprintf(iso, sizeof iso, "%s", date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
}
