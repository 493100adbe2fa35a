#include "pdf/pdf_deco.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by start; reach[i] is the furthest end among the first i + 1, so a
 * line finds the decorations it holds without reading them all. */
typedef struct {
    size_t n;
    unsigned *reach;
    pdf_deco decos[];
} deco_set;

static void free_set(gpointer data)
{
    deco_set *s = data;
    free(s->reach);
    free(s);
}

static int by_start(const void *a, const void *b)
{
    const pdf_deco *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

void pdf_layout_set_decos(PangoLayout *l, const pdf_deco *decos, size_t n)
{
    if (n == 0)
        return;
    deco_set *s = xmalloc(sizeof *s + n * sizeof *decos);
    s->n = n;
    memcpy(s->decos, decos, n * sizeof *decos);
    qsort(s->decos, n, sizeof *decos, by_start);
    s->reach = xmalloc(n * sizeof *s->reach);
    for (size_t i = 0; i < n; i++)
        s->reach[i] = i && s->reach[i - 1] > s->decos[i].end ? s->reach[i - 1] : s->decos[i].end;
    g_object_set_data_full(G_OBJECT(l), "folio-decos", s, free_set);
}

/* The metrics of the font that sets byte AT of LINE, NULL if no run holds it. */
static PangoFontMetrics *metrics_at(PangoLayoutLine *line, unsigned at)
{
    for (GSList *r = line->runs; r; r = r->next) {
        const PangoItem *item = ((PangoGlyphItem *)r->data)->item;
        if (at >= (unsigned)item->offset && at < (unsigned)(item->offset + item->length))
            return item->analysis.font ? pango_font_get_metrics(item->analysis.font, NULL) : NULL;
    }
    return NULL;
}

static void draw_deco(cairo_t *cr, PangoLayoutLine *line, const pdf_deco *k, unsigned s, unsigned e,
                      double x, double baseline)
{
    PangoFontMetrics *m = metrics_at(line, s);
    if (!m)
        return;
    int above = k->kind == PDF_DECO_UNDERLINE ? pango_font_metrics_get_underline_position(m)
                                              : pango_font_metrics_get_strikethrough_position(m);
    int thick = k->kind == PDF_DECO_UNDERLINE ? pango_font_metrics_get_underline_thickness(m)
                                              : pango_font_metrics_get_strikethrough_thickness(m);
    pango_font_metrics_unref(m);
    int *ranges = NULL, nranges = 0;
    pango_layout_line_get_x_ranges(line, (int)s, (int)e, &ranges, &nranges);
    for (int r = 0; r < nranges; r++)
        if (ranges[2 * r + 1] > ranges[2 * r])
            cairo_rectangle(cr, x + ranges[2 * r] / (double)PANGO_SCALE, baseline - above / (double)PANGO_SCALE,
                            (ranges[2 * r + 1] - ranges[2 * r]) / (double)PANGO_SCALE, thick / (double)PANGO_SCALE);
    g_free(ranges);
    cairo_fill(cr);
}

void pdf_deco_line(cairo_t *cr, PangoLayoutLine *line, double x, double baseline)
{
    deco_set *s = g_object_get_data(G_OBJECT(line->layout), "folio-decos");
    if (!cr || !s)
        return;
    unsigned from = (unsigned)line->start_index, to = from + (unsigned)line->length;
    size_t lo = 0, hi = s->n;   /* the first decoration starting at or past TO */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->decos[mid].start < to)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > 0 && s->reach[i] > from;) {
        const pdf_deco *k = &s->decos[i];
        unsigned a = k->start > from ? k->start : from, b = k->end < to ? k->end : to;
        if (a < b)
            draw_deco(cr, line, k, a, b, x, baseline);
    }
}
