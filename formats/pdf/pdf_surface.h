/* Closing cairo's PDF surface without letting cairo 1.16 abort the
 * process. */
#ifndef FOLIO_PDF_SURFACE_H
#define FOLIO_PDF_SURFACE_H
#include <cairo.h>
#include <stdbool.h>

/* Finish and release S and return its status. A surface already in error
 * is not finished: cairo 1.16 asserts in cairo_surface_finish when a page
 * that failed had a named destination or an outline entry pointing at it
 * (it reads the failed page's height, which was never recorded). Such a
 * surface is kept, unfinished, for the life of the process, and its error
 * returned. */
cairo_status_t pdf_surface_close(cairo_surface_t *s);

/* A surface has been kept unfinished: cairo's static data must not be
 * reset, since that surface still holds fonts. */
bool pdf_surface_any_kept(void);

#endif
