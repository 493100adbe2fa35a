#include "pdf/pdf_table_grid.h"
#include "pdf/pdf_break.h"
#include "pdf/pdf_justify.h"
#include "pdf/pdf_text.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

#define PAD PDF_TABLE_PAD
#define MAXCOLS PDF_TABLE_MAXCOLS

static int span(xmlNodePtr n, const char *attr, int max)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int k = v ? atoi((const char *)v) : 1;
    xmlFree(v);
    return k < 1 ? 1 : k > max ? max : k;
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

/* The cell's text laid out WIDTH points wide (-1: on one line). */
static PangoLayout *cell_layout(pdf_doc *d, const pdf_grid *g, const pdf_cell *x, double width)
{
    pdf_text t;
    pdf_text_init(&t, d->fonts, PDF_ROLE_SERIF, g->pt, x->head);
    t.cjk_latin_space = d->cjk_latin_space;
    pdf_text_blocks(&t, x->node);
    PangoLayout *l = pdf_text_layout(&t, width, 0, x->head ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    pdf_text_free(&t);
    return l;
}

static void grow_rows(pdf_grid *g)
{
    if (g->nrows + 2 <= g->caprows)
        return;
    int cap = g->caprows ? 2 * g->caprows : 64;
    g->row_first = xreallocarray(g->row_first, (size_t)cap, sizeof *g->row_first);
    g->reach = xreallocarray(g->reach, (size_t)cap, sizeof *g->reach);
    g->caprows = cap;
}

static void add_row(pdf_doc *d, pdf_grid *g, xmlNodePtr tr, bool head)
{
    grow_rows(g);
    int r = g->nrows++, c = 0;
    g->row_first[r] = g->n;
    g->reach[r] = r;
    bool all_th = true;
    for (xmlNodePtr td = tr->children; td; td = td->next) {
        if (!xml_is(td, "td") && !xml_is(td, "th"))
            continue;
        all_th &= heading_cell(td);
        while (c < MAXCOLS && g->busy[c] > r)
            c++;
        if (c >= MAXCOLS)
            break;
        ALLOC_GROW(g->cells, g->n + 1, g->cap);
        pdf_cell *x = &g->cells[g->n++];
        memset(x, 0, sizeof *x);
        x->row = r;
        x->col = c;
        x->cols = span(td, "colspan", MAXCOLS - c);
        x->rows = span(td, "rowspan", 1000);
        x->head = head || heading_cell(td);
        x->node = td;
        PangoLayout *l = cell_layout(d, g, x, -1);
        int w;
        pango_layout_get_size(l, &w, NULL);
        x->natural = w / (double)PANGO_SCALE + 2 * PAD;
        x->least = pdf_break_widest_word(l) + 2 * PAD;
        g_object_unref(l);
        for (int k = c; k < c + x->cols; k++)
            g->busy[k] = r + x->rows;
        if (r + x->rows - 1 > g->reach[r])
            g->reach[r] = r + x->rows - 1;
        c += x->cols;
        if (c > g->ncols)
            g->ncols = c;
    }
    g->row_first[r + 1] = g->n;
    if (head || (all_th && r == g->head_rows))
        g->head_rows = r + 1;
}

static void collect(pdf_doc *d, pdf_grid *g, xmlNodePtr table)
{
    for (xmlNodePtr n = table->children; n; n = n->next) {
        if (xml_is(n, "tr"))
            add_row(d, g, n, false);
        else if (xml_is(n, "thead") || xml_is(n, "tbody") || xml_is(n, "tfoot"))
            for (xmlNodePtr tr = n->children; tr; tr = tr->next)
                if (xml_is(tr, "tr"))
                    add_row(d, g, tr, xml_is(n, "thead"));
    }
    for (size_t i = 0; i < g->n; i++) {   /* a rowspan may not outrun the table */
        pdf_cell *x = &g->cells[i];
        if (x->row + x->rows > g->nrows)
            x->rows = g->nrows - x->row;
    }
    for (int r = 0; r < g->nrows; r++)
        if (g->reach[r] >= g->nrows)
            g->reach[r] = g->nrows - 1;
    if (g->head_rows == g->nrows)   /* a table of only th cells has no header to repeat */
        g->head_rows = 0;
}

/* Each column as wide as its widest unbreakable run ("2rd" is never set
 * "2/rd"), and the rest of the measure shared out by what each column
 * would take on one line; no column under 2 em. */
static void widths(const pdf_doc *d, pdf_grid *g, double measure)
{
    double nat[MAXCOLS] = { 0 }, least[MAXCOLS] = { 0 };
    double floor = 2 * d->st->small_pt + 2 * PAD, total_nat = 0, total_least = 0;
    for (size_t i = 0; i < g->n; i++) {
        const pdf_cell *x = &g->cells[i];
        for (int c = x->col; c < x->col + x->cols; c++) {
            if (x->natural / x->cols > nat[c])
                nat[c] = x->natural / x->cols;
            if (x->least / x->cols > least[c])
                least[c] = x->least / x->cols;
        }
    }
    for (int c = 0; c < g->ncols; c++) {
        if (least[c] < floor)
            least[c] = floor;
        if (least[c] > measure * 0.6)
            least[c] = measure * 0.6;
        if (nat[c] > measure * 0.6)
            nat[c] = measure * 0.6;
        if (nat[c] < least[c])
            nat[c] = least[c];
        total_nat += nat[c];
        total_least += least[c];
    }
    for (int c = 0; c < g->ncols; c++) {
        if (total_nat <= measure)          /* all on one line: fill the measure */
            g->col_w[c] = nat[c] * measure / total_nat;
        else if (total_least >= measure)   /* not even the words fit */
            g->col_w[c] = least[c] * measure / total_least;
        else
            g->col_w[c] = least[c] + (measure - total_least) * (nat[c] - least[c]) / (total_nat - total_least);
    }
    g->col_x[0] = 0;
    for (int c = 0; c < g->ncols; c++)
        g->col_x[c + 1] = g->col_x[c] + g->col_w[c];
}

void pdf_grid_read(pdf_doc *d, pdf_grid *g, xmlNodePtr table, double measure)
{
    memset(g, 0, sizeof *g);
    g->pt = d->st->small_pt + 0.5;
    collect(d, g, table);
    g->row_h = xcalloc((size_t)g->nrows + 1, sizeof *g->row_h);
    if (g->n)
        widths(d, g, measure);
}

int pdf_grid_band_end(const pdf_grid *g, int r)
{
    int end = r;
    for (int k = r; k <= end && k < g->nrows; k++)
        if (g->reach[k] > end)
            end = g->reach[k];
    return end;
}

void pdf_grid_prepare(pdf_doc *d, pdf_grid *g, int last)
{
    if (last < g->ready)
        return;
    int from = g->ready;
    for (int r = from; r <= last; r++)
        g->row_h[r] = d->st->small_pt * 1.6 + 2 * PAD;
    size_t a = g->row_first[from], b = g->row_first[last + 1];
    for (size_t i = a; i < b; i++) {
        pdf_cell *x = &g->cells[i];
        double w = g->col_x[x->col + x->cols] - g->col_x[x->col];
        x->l = cell_layout(d, g, x, w - 2 * PAD);
        pango_layout_set_wrap(x->l, PANGO_WRAP_WORD_CHAR);
        pdf_justify_narrow(x->l, d->st->small_pt, 0.08);
    }
    /* single rows first, then what a rowspan needs more goes to its last row */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = a; i < b; i++) {
            pdf_cell *x = &g->cells[i];
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
    g->ready = last + 1;
}

void pdf_grid_release(pdf_grid *g, int from, int to)
{
    if (from < g->head_rows)
        from = g->head_rows;
    if (from > to)
        return;
    for (size_t i = g->row_first[from]; i < g->row_first[to + 1]; i++)
        if (g->cells[i].l) {
            g_object_unref(g->cells[i].l);
            g->cells[i].l = NULL;
        }
}

void pdf_grid_free(pdf_grid *g)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->cells[i].l)
            g_object_unref(g->cells[i].l);
    free(g->cells);
    free(g->row_first);
    free(g->reach);
    free(g->row_h);
    memset(g, 0, sizeof *g);
}
