/* Tables as a ruled grid (pdf_table_grid.h reads and measures them): rows
 * tied together by a rowspan stay on one page (unless no page can hold
 * them: then they are set over pages), the head rows are repeated
 * at the top of each page the table continues on, and in book style such a
 * page says 续表 above them. */
#include "pdf/pdf_flow.h"
#include "pdf/pdf_table_grid.h"
#include "pdf/pdf_text.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

#define PAD PDF_TABLE_PAD

/* The decorations and links of a cell's layout, drawn with its top left
 * at X, Y. */
static void cell_links(pdf_doc *d, PangoLayout *l, double x, double y, double pt)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        double baseline = y + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
        PangoLayoutLine *line = (PangoLayoutLine *)pango_layout_iter_get_line_readonly(it);
        pdf_deco_line(d->cr, line, x, baseline);
        pdf_link_line(d, line, x, baseline, pt);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

/* A cell's box; its text too unless TEXT is false (the part of a cell,
 * carried over from the page before, of a band too tall for one page). */
static void draw_cell(pdf_doc *d, const pdf_grid *g, const pdf_cell *x, double cx, double y, double h, bool text)
{
    pdf_tag_begin(d, x->head ? "TH" : "TD");
    pdf_tag_content(d);
    double w = g->col_x[x->col + x->cols] - g->col_x[x->col];
    cairo_rectangle(d->cr, cx, y, w, h);
    cairo_stroke(d->cr);
    if (!text) {
        pdf_tag_end(d);
        return;
    }
    int lh;
    pango_layout_get_size(x->l, NULL, &lh);
    double top = y + (h - lh / (double)PANGO_SCALE) / 2;
    pdf_doc_check_glyphs(d, x->l);
    bool span = pdf_tag_text(d, x->l);
    pdf_tag_content(d);
    cairo_move_to(d->cr, cx + PAD, top);
    pdf_fonts_level(x->l);
    pango_cairo_show_layout(d->cr, x->l);
    cell_links(d, x->l, cx + PAD, top, g->pt);
    pdf_tag_text_end(d, span);
    pdf_tag_end(d);
}

/* Rows FROM to TO at the current position, a TR element each, its cells TH
 * or TD. A band too tall for a page is set in parts: a cell reaching past
 * TO is cut there, and one begun in rows BAND..FROM-1 that reaches into
 * this part is drawn again as an empty box. */
static void draw_rows(pdf_doc *d, const pdf_grid *g, int band, int from, int to, double x0)
{
    if (d->cr) {
        double *top = xmalloc(sizeof(double) * (size_t)(to - from + 2));
        top[0] = d->y;
        for (int r = from; r <= to; r++)
            top[r - from + 1] = top[r - from] + g->row_h[r];
        cairo_set_line_width(d->cr, 0.5);
        for (int r = band; r <= to; r++) {
            size_t a = g->row_first[r], b = g->row_first[r + 1];
            bool carried = r < from, begun = false;
            for (size_t i = a; i < b; i++) {
                const pdf_cell *x = &g->cells[i];
                int last = x->row + x->rows - 1 < to ? x->row + x->rows - 1 : to;
                if (carried && last < from)
                    continue;
                if (!begun)
                    pdf_tag_begin(d, "TR");
                begun = true;
                int first = carried ? from : r;
                double y = top[first - from], h = top[last - from + 1] - y;
                draw_cell(d, g, x, x0 + g->col_x[x->col], y, h, !carried);
            }
            if (begun)
                pdf_tag_end(d);
        }
        free(top);
    }
    for (int r = from; r <= to; r++)
        d->y += g->row_h[r];
    d->fresh = false;
}

/* 续表 over the rows a table carries onto another page: set right, as a
 * caption of the table. */
static void continued(pdf_doc *d, pdf_frame f)
{
    double pt = d->st->small_pt;
    pdf_tag_begin(d, "Caption");
    pdf_tag_content(d);
    pdf_page_label(d, PDF_ROLE_SANS, pt, false, "续表", f.x + f.width, d->y + pt, PANGO_ALIGN_RIGHT);
    pdf_tag_end(d);
    d->y += pt * 1.6;
    d->fresh = false;
}

static void caption(pdf_doc *d, xmlNodePtr c, pdf_frame f)
{
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

static double rows_height(const pdf_grid *g, int from, int to)
{
    double h = 0;
    for (int r = from; r <= to; r++)
        h += g->row_h[r];
    return h;
}

/* On a page the table goes on to: 续表 and the head rows again. */
static void table_continues(pdf_doc *d, const pdf_grid *g, pdf_frame f)
{
    if (d->st->continued_label)
        continued(d, f);
    if (g->head_rows > 0)
        draw_rows(d, g, 0, 0, g->head_rows - 1, f.x);
}

/* A band taller than a page (rows a long rowspan binds): as many of its
 * rows as fit on each page. */
static void set_band_in_parts(pdf_doc *d, pdf_grid *g, int band, int end, pdf_frame f)
{
    int from = band;
    double h = 0;
    for (int r = band; r <= end; r++) {
        if (r > from && d->y + h + g->row_h[r] > pdf_doc_bottom(d)) {
            draw_rows(d, g, band, from, r - 1, f.x);
            pdf_page_new(d);
            table_continues(d, g, f);
            from = r;
            h = 0;
        }
        h += g->row_h[r];
    }
    draw_rows(d, g, band, from, end, f.x);
}

/* Band by band: a band that does not fit goes to a new page, after the
 * head rows (and 续表) again. The head itself is kept with the first band
 * under it. */
static void set_rows(pdf_doc *d, pdf_grid *g, pdf_frame f)
{
    if (g->head_rows > 0)
        pdf_grid_prepare(d, g, pdf_grid_band_end(g, g->head_rows - 1));
    for (int r = 0; r < g->nrows;) {
        int end = pdf_grid_band_end(g, r);
        pdf_grid_prepare(d, g, end);
        double need = rows_height(g, r, end);
        if (r < g->head_rows && end + 1 < g->nrows) {
            int next = pdf_grid_band_end(g, end + 1);
            pdf_grid_prepare(d, g, next);
            need += rows_height(g, end + 1, next);
        }
        /* a band no page can hold starts here, if its first row fits */
        double page = pdf_doc_bottom(d) - d->st->top - d->st->pitch -
                      (g->head_rows > 0 ? rows_height(g, 0, g->head_rows - 1) : 0);
        bool tall = need > page && end > r;
        if (!d->open || (!d->fresh && d->y + (tall ? g->row_h[r] : need) > pdf_doc_bottom(d))) {
            pdf_page_new(d);
            if (r >= g->head_rows && r > 0)
                table_continues(d, g, f);
        }
        if (d->y + need > pdf_doc_bottom(d) && end > r)
            set_band_in_parts(d, g, r, end, f);
        else
            draw_rows(d, g, r, r, end, f.x);
        pdf_grid_release(g, r, end);
        r = end + 1;
    }
}

void pdf_table_set(pdf_doc *d, xmlNodePtr table, pdf_frame f)
{
    pdf_tag_begin(d, "Table");
    for (xmlNodePtr c = table->children; c; c = c->next)
        if (xml_is(c, "caption"))
            caption(d, c, f);
    pdf_grid g;
    pdf_grid_read(d, &g, table, f.width);
    if (g.n > 0) {
        if (!d->fresh)
            d->y += d->st->pitch * 0.3;
        set_rows(d, &g, f);
        d->y += d->st->pitch * 0.3;
        pdf_page_to_grid(d);
    }
    pdf_grid_free(&g);
    pdf_tag_end(d);
}
