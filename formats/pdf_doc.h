/* The state of one pass over the book: the page being filled and where.
 * The same code runs twice when a contents page needs page numbers: first
 * with no cairo context (measuring), then drawing. */
#ifndef FOLIO_PDF_DOC_H
#define FOLIO_PDF_DOC_H
#include "pdf_fonts.h"
#include "pdf_style.h"

typedef struct {
    char *title;
    int   page;       /* physical page */
    int   level;      /* 1 article, 2 its h2 */
} pdf_mark;

typedef struct {
    const pdf_style *st;
    pdf_fonts *fonts;
    cairo_surface_t *surface;   /* NULL while measuring */
    cairo_t *cr;                /* NULL while measuring */
    int    page;                /* physical number of the current page */
    int    front;               /* pages before body page 1 */
    double y;                   /* top of the free space */
    bool   open, fresh;         /* a page is started / nothing is on it yet */
    bool   numbered;            /* body pages: page number and running heads */
    bool   head_here;           /* the current page carries a running head */
    bool   cjk_latin_space;
    const char *book_title, *article_title;
    const char *name;           /* the input being set, for messages */
    int    outline_article;     /* outline id of the current article */
    pdf_mark *marks;            /* articles and h2 met, in order */
    size_t nmarks, capmarks;
    int    missing;             /* characters no font has */
} pdf_doc;

/* The type area. */
double pdf_doc_left(const pdf_doc *d);
double pdf_doc_measure(const pdf_doc *d);
double pdf_doc_bottom(const pdf_doc *d);

void pdf_page_new(pdf_doc *d);
void pdf_page_finish(pdf_doc *d);
/* Start a new page unless H points are free on this one (or it is empty). */
void pdf_page_ensure(pdf_doc *d, double h);
/* Set the lines of L from the current position at X, PITCH apart, after
 * SPACE points (dropped at a page top). A paragraph split across pages
 * keeps two lines on each side; KEEP points after the last line must stay
 * on the same page (a heading's first lines of text). */
void pdf_page_lines(pdf_doc *d, PangoLayout *l, double x, double pitch, double space, double keep);
/* One line of text in ROLE at PT, anchored at X by ALIGN (left, centre or
 * right edge), baseline Y. */
void pdf_page_label(pdf_doc *d, int role, double pt, bool bold, const char *text, double x, double y,
                    PangoAlignment align);
void pdf_doc_mark(pdf_doc *d, const char *title, int level);
/* Report characters of L that no installed font has. */
void pdf_doc_check_glyphs(pdf_doc *d, PangoLayout *l);

#endif
