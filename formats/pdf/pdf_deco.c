#include "pdf/pdf_deco.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by start. Lines are drawn in order: those begun before the line
 * ends join the active ones, and those ended before it begins leave, so
 * each line looks at the few it holds (a decoration over the whole
 * paragraph among many short ones costs no scan of them all). A line
 * drawn again from further back starts the walk over. */
typedef struct {
    size_t n, next, nactive;
    unsigned last_from;
    size_t *active;
    pdf_deco decos[];
} deco_set;

static void free_set(gpointer data)
{
    deco_set *s = data;
    free(s->active);
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
    s->next = s->nactive = 0;
    s->last_from = 0;
    memcpy(s->decos, decos, n * sizeof *decos);
    qsort(s->decos, n, sizeof *decos, by_start);
    s->active = xmalloc(n * sizeof *s->active);
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
    if (from < s->last_from)
        s->next = s->nactive = 0;
    s->last_from = from;
    while (s->next < s->n && s->decos[s->next].start < to)
        s->active[s->nactive++] = s->next++;
    size_t kept = 0;
    for (size_t i = 0; i < s->nactive; i++) {
        const pdf_deco *k = &s->decos[s->active[i]];
        if (k->end <= from)
            continue;   /* over before this line: leaves */
        s->active[kept++] = s->active[i];
        unsigned a = k->start > from ? k->start : from, b = k->end < to ? k->end : to;
        if (a < b)
            draw_deco(cr, line, k, a, b, x, baseline);
    }
    s->nactive = kept;
}
