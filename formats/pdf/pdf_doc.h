/* The state of one pass over the book: the page being filled and where.
 * The same code runs twice when a contents page needs page numbers: first
 * with no cairo context (measuring), then drawing. */
#ifndef FOLIO_PDF_DOC_H
#define FOLIO_PDF_DOC_H
#include "pdf/pdf_fonts.h"
#include "pdf/pdf_style.h"

typedef struct {
    char *title;
    int   page;       /* physical page */
    int   level;      /* 1 article, 2 its h2 */
    char  dest[24];   /* the named destination where it begins */
} pdf_mark;

/* A structure element folio has opened; cairo is told of it only once
 * something is drawn in it on the current page (LIVE), so that a page break
 * never leaves an empty element behind. */
typedef struct {
    const char *name;
    bool live;
} pdf_tag_open;

/* Part of a link on the current page, waiting to become its annotation. */
typedef struct {
    const void *link;           /* the pdf_link: parts of one link go together */
    const char *uri;
    double rect[4];             /* x, y, width, height */
} pdf_link_part;

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
    bool   source_line;         /* 来源 · date under each article's title */
    const char *book_title, *article_title;
    const char *page_head;      /* a heading the page repeats (the contents') */
    const char *name;           /* the input being set, for messages */
    const reporter *report;     /* where they go */
    int    outline_article;     /* outline id of the current article */
    pdf_mark *marks;            /* articles and h2 met, in order */
    size_t nmarks, capmarks;
    int    missing;             /* characters no font has */
    bool   failed;              /* cairo went into an error state (told) */
    unsigned *told;             /* (code point, page) pairs already reported */
    size_t ntold, captold;
    const char *told_name;      /* ...for this input */
    pdf_tag_open tags[32];      /* structure elements open, outermost first */
    int    ntags;
    pdf_link_part *parts;       /* links of the text set since the last flush */
    size_t nparts, capparts;
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
 * keeps two lines on each side (one on the GB/T 9704 grid); KEEP points
 * after the last line must stay on its page (what follows a heading, the
 * signature after a notice's last line), and lines go over with them
 * rather than leave them alone. */
void pdf_page_lines(pdf_doc *d, PangoLayout *l, double x, double pitch, double space, double keep);
/* The same, line I of L set at X + LINE_X[I] instead of where L puts it. */
void pdf_page_lines_at(pdf_doc *d, PangoLayout *l, double x, double pitch, double space, double keep,
                       const double *line_x);
/* On the GB/T 9704 grid, move down to where the next body line's place
 * begins, so that the text after a table or a picture is back on the grid. */
void pdf_page_to_grid(pdf_doc *d);
/* One line of text in ROLE at PT, anchored at X by ALIGN (left, centre or
 * right edge), baseline Y. */
void pdf_page_label(pdf_doc *d, int role, double pt, bool bold, const char *text, double x, double y,
                    PangoAlignment align);
void pdf_doc_mark(pdf_doc *d, const char *title, int level);
/* Report characters of L that no installed font has. */
void pdf_doc_check_glyphs(pdf_doc *d, PangoLayout *l);

/* Tagged PDF. Structure elements (P, H1, L, LI, Table, TR, TD, Figure…)
 * nest as begun; NAME is a string that outlives the element. An element
 * open at a page break is closed before the page's head and number are
 * drawn and begun again on the next page, so that those stay outside the
 * structure; a paragraph broken across pages is two P elements. */
void pdf_tag_begin(pdf_doc *d, const char *name);
void pdf_tag_end(pdf_doc *d);
/* Before drawing content: begin in cairo what is open but not yet begun on
 * this page. */
void pdf_tag_content(pdf_doc *d);
/* Begin a Span for text whose layout L has links (they are made beside it
 * when it ends); returns whether one was begun, for pdf_tag_text_end. */
bool pdf_tag_text(pdf_doc *d, PangoLayout *l);
void pdf_tag_text_end(pdf_doc *d, bool span);
/* End every element begun on this page (the page is about to be finished). */
void pdf_tag_page_end(pdf_doc *d);

/* Note the links of LINE, which is drawn with its layout's left edge at X
 * and its baseline at BASELINE, in type of PT points. */
void pdf_link_line(pdf_doc *d, PangoLayoutLine *line, double x, double baseline, double pt);
/* Make annotations of the links noted, one per link and page, inside the
 * structure element open now. */
void pdf_link_flush(pdf_doc *d);

#endif
