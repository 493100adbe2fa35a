/* A table read into a grid of cells, in time and memory linear in its
 * cells: where each cell sits (colspan and rowspan honoured), which rows
 * are its head, how wide each column is, and the height of each row. A
 * cell's layout exists only while its band of rows is being set, so that a
 * table of a million cells never holds a million layouts. */
#ifndef FOLIO_PDF_TABLE_GRID_H
#define FOLIO_PDF_TABLE_GRID_H
#include "pdf/pdf_doc.h"
#include <libxml/tree.h>

#define PDF_TABLE_PAD 3.0
#define PDF_TABLE_MAXCOLS 64

typedef struct {
    int row, col, rows, cols;
    bool head;
    xmlNodePtr node;
    double natural;    /* on one line, padding included */
    double least;      /* its widest unbreakable run, padding included */
    PangoLayout *l;    /* while its band is set */
} pdf_cell;

typedef struct {
    pdf_cell *cells;   /* in row order */
    size_t n, cap;
    size_t *row_first; /* the first cell of each row; nrows + 1 entries */
    int   *reach;      /* the last row a cell of each row spans to */
    double *row_h;     /* known for rows whose band is ready */
    int    nrows, ncols, head_rows, caprows;
    int    ready;      /* rows below this have layouts and heights */
    int    busy[PDF_TABLE_MAXCOLS];        /* first row a rowspan leaves free */
    double col_w[PDF_TABLE_MAXCOLS], col_x[PDF_TABLE_MAXCOLS + 1];
    double pt;         /* the cells' type size */
} pdf_grid;

/* Read TABLE's rows into G and give its columns widths filling MEASURE. */
void pdf_grid_read(pdf_doc *d, pdf_grid *g, xmlNodePtr table, double measure);
/* The last row of the band that starts at R: rows that rowspans bind. */
int  pdf_grid_band_end(const pdf_grid *g, int r);
/* Lay out the cells of rows up to and including LAST and learn their
 * heights. */
void pdf_grid_prepare(pdf_doc *d, pdf_grid *g, int last);
/* Let go of the layouts of rows FROM..TO (the head rows keep theirs, to be
 * set again on each page). */
void pdf_grid_release(pdf_grid *g, int from, int to);
void pdf_grid_free(pdf_grid *g);

#endif
