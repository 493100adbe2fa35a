/* Tables as a ruled grid. Column widths follow the cells' natural widths
 * and fill the measure; colspan and rowspan are honoured; rows tied
 * together by a rowspan stay on one page, and the header rows are repeated
 * at the top of each page the table continues on. */
#include "pdf/pdf_flow.h"
#include "pdf/pdf_justify.h"
#include "pdf/pdf_text.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

#define PAD 3.0
#define MAXCOLS 64

typedef struct {
    int row, col, rows, cols;
    bool head;
    PangoLayout *l;
    double natural;
} cell;

typedef struct {
    cell  *cells;
    size_t n, cap;
    int    nrows, ncols, head_rows;
    double col_w[MAXCOLS];
    double *row_h;
} grid;

static int span(xmlNodePtr n, const char *attr, int max)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int k = v ? atoi((const char *)v) : 1;
    xmlFree(v);
    return k < 1 ? 1 : k > max ? max : k;
}

/* Occupied slots from rowspans above, as a bitmap per row. */
static bool taken(const grid *g, int r, int c)
{
    for (size_t i = 0; i < g->n; i++) {
        const cell *x = &g->cells[i];
        if (r >= x->row && r < x->row + x->rows && c >= x->col && c < x->col + x->cols)
            return true;
    }
    return false;
}

/* A heading cell: th, or a td whose whole text is bold, as pages that know
 * no th write their column heads. */
static bool heading_cell(xmlNodePtr td)
{
    if (xml_is(td, "th"))
        return true;
    bool bold = false;
    for (xmlNodePtr c = td->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *s = c->content; s && *s; s++)
                if (!strchr(" \t\r\n", *s))
                    return false;
        } else if (xml_is(c, "strong") || xml_is(c, "b"))
            bold = true;
        else if (c->type == XML_ELEMENT_NODE && !xml_is(c, "br"))
            return false;
    }
    return bold;
}

static void add_row(pdf_doc *d, grid *g, xmlNodePtr tr, bool head)
{
    int r = g->nrows++, c = 0;
    bool all_th = true;
    for (xmlNodePtr td = tr->children; td; td = td->next) {
        if (!xml_is(td, "td") && !xml_is(td, "th"))
            continue;
        all_th &= heading_cell(td);
        while (c < MAXCOLS && taken(g, r, c))
            c++;
        if (c >= MAXCOLS)
            break;
        ALLOC_GROW(g->cells, g->n + 1, g->cap);
        cell *x = &g->cells[g->n++];
        x->row = r;
        x->col = c;
        x->cols = span(td, "colspan", MAXCOLS - c);
        x->rows = span(td, "rowspan", 1000);
        x->head = head || heading_cell(td);
        pdf_text t;
        pdf_text_init(&t, d->fonts, PDF_ROLE_SERIF, d->st->small_pt + 0.5, x->head);
        t.cjk_latin_space = d->cjk_latin_space;
        pdf_text_inline(&t, td);
        x->l = pdf_text_layout(&t, -1, 0, x->head ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
        pdf_text_free(&t);
        int w;
        pango_layout_get_size(x->l, &w, NULL);
        x->natural = w / (double)PANGO_SCALE + 2 * PAD;
        c += x->cols;
        if (c > g->ncols)
            g->ncols = c;
    }
    if (head || (all_th && r == g->head_rows))
        g->head_rows = r + 1;
}

static void collect(pdf_doc *d, grid *g, xmlNodePtr table)
{
    for (xmlNodePtr n = table->children; n; n = n->next) {
        if (xml_is(n, "tr"))
            add_row(d, g, n, false);
        else if (xml_is(n, "thead") || xml_is(n, "tbody") || xml_is(n, "tfoot"))
            for (xmlNodePtr tr = n->children; tr; tr = tr->next)
                if (xml_is(tr, "tr"))
                    add_row(d, g, tr, xml_is(n, "thead"));
    }
    for (size_t i = 0; i < g->n; i++)   /* a rowspan may not outrun the table */
        if (g->cells[i].row + g->cells[i].rows > g->nrows)
            g->cells[i].rows = g->nrows - g->cells[i].row;
    if (g->head_rows == g->nrows)   /* a table of only th cells has no header to repeat */
        g->head_rows = 0;
}

/* Natural widths, shared out to fill the measure; no column under 2 em. */
static void widths(const pdf_doc *d, grid *g, double measure)
{
    double nat[MAXCOLS] = { 0 }, total = 0, least = 2 * d->st->small_pt + 2 * PAD;
    for (size_t i = 0; i < g->n; i++) {
        const cell *x = &g->cells[i];
        double share = x->natural / x->cols;
        for (int c = x->col; c < x->col + x->cols; c++)
            if (share > nat[c])
                nat[c] = share;
    }
    for (int c = 0; c < g->ncols; c++) {
        if (nat[c] > measure * 0.6)
            nat[c] = measure * 0.6;
        if (nat[c] < least)
            nat[c] = least;
        total += nat[c];
    }
    for (int c = 0; c < g->ncols; c++)
        g->col_w[c] = nat[c] * measure / total;
}

static double cell_width(const grid *g, const cell *x)
{
    double w = 0;
    for (int c = x->col; c < x->col + x->cols; c++)
        w += g->col_w[c];
    return w;
}

static double cell_x(const grid *g, const cell *x)
{
    double w = 0;
    for (int c = 0; c < x->col; c++)
        w += g->col_w[c];
    return w;
}

static void heights(const pdf_doc *d, grid *g)
{
    g->row_h = xcalloc((size_t)g->nrows + 1, sizeof(double));
    for (int r = 0; r < g->nrows; r++)
        g->row_h[r] = d->st->small_pt * 1.6 + 2 * PAD;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < g->n; i++) {
            cell *x = &g->cells[i];
            if (pass == 0) {
                pango_layout_set_width(x->l, (int)((cell_width(g, x) - 2 * PAD) * PANGO_SCALE));
                pango_layout_set_wrap(x->l, PANGO_WRAP_WORD_CHAR);
                pdf_justify(x->l, d->st->small_pt);
            }
            if ((pass == 0) != (x->rows == 1))
                continue;
            int h;
            pango_layout_get_size(x->l, NULL, &h);
            double need = h / (double)PANGO_SCALE + 2 * PAD, have = 0;
            for (int r = x->row; r < x->row + x->rows; r++)
                have += g->row_h[r];
            if (need > have)
                g->row_h[x->row + x->rows - 1] += need - have;
        }
}

/* The last row of the band that starts at R: rows bound by rowspans. */
static int band_end(const grid *g, int r)
{
    int end = r;
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < g->n; i++) {
            const cell *x = &g->cells[i];
            if (x->row >= r && x->row <= end && x->row + x->rows - 1 > end) {
                end = x->row + x->rows - 1;
                grew = true;
            }
        }
    }
    return end;
}

/* The links of a cell's layout, drawn with its top left at X, Y. */
static void cell_links(pdf_doc *d, PangoLayout *l, double x, double y, double pt)
{
    size_t n;
    if (!pdf_layout_links(l, &n))
        return;
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        double baseline = y + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
        pdf_link_line(d, (PangoLayoutLine *)pango_layout_iter_get_line_readonly(it), x, baseline, pt);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

/* Rows FROM to TO at the current position, a TR element each, its cells TH
 * or TD. */
static void draw_rows(pdf_doc *d, const grid *g, int from, int to, double x0)
{
    double y0 = d->y;
    if (d->cr) {
        cairo_set_line_width(d->cr, 0.5);
        int row = -1;
        for (size_t i = 0; i < g->n; i++) {
            const cell *x = &g->cells[i];
            if (x->row < from || x->row > to)
                continue;
            if (x->row != row) {
                if (row >= 0)
                    pdf_tag_end(d);
                pdf_tag_begin(d, "TR");
                row = x->row;
            }
            pdf_tag_begin(d, x->head ? "TH" : "TD");
            pdf_tag_content(d);
            double y = y0, h = 0;
            for (int r = from; r < x->row; r++)
                y += g->row_h[r];
            for (int r = x->row; r < x->row + x->rows; r++)
                h += g->row_h[r];
            double cx = x0 + cell_x(g, x), w = cell_width(g, x);
            cairo_rectangle(d->cr, cx, y, w, h);
            cairo_stroke(d->cr);
            int lh;
            pango_layout_get_size(x->l, NULL, &lh);
            double top = y + (h - lh / (double)PANGO_SCALE) / 2;
            bool span = pdf_tag_text(d, x->l);
            pdf_tag_content(d);
            cairo_move_to(d->cr, cx + PAD, top);
            pango_cairo_show_layout(d->cr, x->l);
            cell_links(d, x->l, cx + PAD, top, d->st->small_pt + 0.5);
            pdf_tag_text_end(d, span);
            pdf_tag_end(d);
        }
        if (row >= 0)
            pdf_tag_end(d);
    }
    for (int r = from; r <= to; r++)
        d->y += g->row_h[r];
    d->fresh = false;
}

void pdf_table_set(pdf_doc *d, xmlNodePtr table, pdf_frame f)
{
    pdf_tag_begin(d, "Table");
    for (xmlNodePtr c = table->children; c; c = c->next)
        if (xml_is(c, "caption")) {
            pdf_text t;
            pdf_text_init(&t, d->fonts, PDF_ROLE_SANS, d->st->small_pt + 0.5, true);
            pdf_text_inline(&t, c);
            PangoLayout *l = pdf_text_layout(&t, f.width, 0, PANGO_ALIGN_CENTER);
            pdf_tag_begin(d, "Caption");
            pdf_page_lines(d, l, f.x, d->st->small_pt * 1.8, d->st->pitch * 0.3, 3 * d->st->pitch);
            pdf_tag_end(d);
            g_object_unref(l);
            pdf_text_free(&t);
        }
    grid g;
    memset(&g, 0, sizeof g);
    collect(d, &g, table);
    if (g.n > 0) {
        widths(d, &g, f.width);
        heights(d, &g);
        double head_h = 0;
        for (int r = 0; r < g.head_rows; r++)
            head_h += g.row_h[r];
        if (!d->fresh)
            d->y += d->st->pitch * 0.3;
        for (int r = 0; r < g.nrows;) {
            int end = band_end(&g, r);
            double h = 0;
            for (int k = r; k <= end; k++)
                h += g.row_h[k];
            double need = h + (r < g.head_rows ? g.row_h[g.head_rows < g.nrows ? g.head_rows : 0] : 0);
            if (!d->open || (!d->fresh && d->y + need > pdf_doc_bottom(d))) {
                pdf_page_new(d);
                if (r >= g.head_rows && g.head_rows > 0)
                    draw_rows(d, &g, 0, g.head_rows - 1, f.x);
            }
            draw_rows(d, &g, r, end, f.x);
            r = end + 1;
        }
        d->y += d->st->pitch * 0.3;
        pdf_page_to_grid(d);
    }
    for (size_t i = 0; i < g.n; i++) {
        pdf_doc_check_glyphs(d, g.cells[i].l);
        g_object_unref(g.cells[i].l);
    }
    free(g.cells);
    free(g.row_h);
    pdf_tag_end(d);
}
