/* Structure elements and link annotations through cairo's tags. cairo 1.16
 * writes a valid structure tree as long as a link is never a document's
 * only tag, and it marks the content of leaf elements only: what is drawn
 * in an element that also has children is left unmarked. So every link
 * sits in the paragraph, heading or cell it belongs to beside a Span that
 * holds the text, and no element is given both content and children. */
#include "pdf/pdf_doc.h"
#include "pdf/pdf_link.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TAGS ((int)(sizeof ((pdf_doc *)0)->tags / sizeof ((pdf_doc *)0)->tags[0]))

static bool is_span(const char *name)
{
    return strcmp(name, "Span") == 0;
}

void pdf_tag_begin(pdf_doc *d, const char *name)
{
    /* deeper nesting than folio ever makes goes into the innermost element */
    if (d->ntags < MAX_TAGS)
        d->tags[d->ntags] = (pdf_tag_open){ name, false };
    d->ntags++;
}

void pdf_tag_end(pdf_doc *d)
{
    if (d->ntags == 0)
        return;
    d->ntags--;
    if (d->ntags >= MAX_TAGS)
        return;
    pdf_tag_open *t = &d->tags[d->ntags];
    if (t->live && d->cr) {
        /* the links of a Span's text go beside it, into its parent */
        if (!is_span(t->name))
            pdf_link_flush(d);
        cairo_tag_end(d->cr, t->name);
        if (is_span(t->name))
            pdf_link_flush(d);
    }
    t->live = false;
}

void pdf_tag_content(pdf_doc *d)
{
    if (!d->cr)
        return;
    for (int i = 0; i < d->ntags && i < MAX_TAGS; i++)
        if (!d->tags[i].live) {
            cairo_tag_begin(d->cr, d->tags[i].name, NULL);
            d->tags[i].live = true;
        }
}

bool pdf_tag_text(pdf_doc *d, PangoLayout *l)
{
    size_t n;
    if (!pdf_layout_links(l, &n))
        return false;
    pdf_tag_begin(d, "Span");
    return true;
}

void pdf_tag_text_end(pdf_doc *d, bool span)
{
    if (span)
        pdf_tag_end(d);
}

void pdf_tag_page_end(pdf_doc *d)
{
    int i = d->ntags < MAX_TAGS ? d->ntags : MAX_TAGS;
    bool flushed = false;
    while (i-- > 0) {
        pdf_tag_open *t = &d->tags[i];
        if (!flushed && !is_span(t->name)) {
            pdf_link_flush(d);
            flushed = true;
        }
        if (t->live && d->cr)
            cairo_tag_end(d->cr, t->name);
        t->live = false;
    }
    if (!flushed)
        pdf_link_flush(d);
}

static void add_part(pdf_doc *d, const pdf_link *k, double x, double y, double w, double h)
{
    ALLOC_GROW(d->parts, d->nparts + 1, d->capparts);
    d->parts[d->nparts++] = (pdf_link_part){ k, k->uri, { x, y, w, h } };
}

void pdf_link_line(pdf_doc *d, PangoLayoutLine *line, double x, double baseline, double pt)
{
    size_t n;
    const pdf_link *links = pdf_layout_links(line->layout, &n);
    if (!d->cr || n == 0)
        return;
    unsigned from = (unsigned)line->start_index, to = from + (unsigned)line->length;
    for (size_t i = 0; i < n; i++) {
        unsigned s = links[i].start > from ? links[i].start : from;
        unsigned e = links[i].end < to ? links[i].end : to;
        if (s >= e)
            continue;
        int *ranges = NULL, nranges = 0;
        pango_layout_line_get_x_ranges(line, (int)s, (int)e, &ranges, &nranges);
        /* pango gives a range per run: runs that touch make one rectangle */
        for (int r = 0; r < nranges;) {
            int x0 = ranges[2 * r], x1 = ranges[2 * r + 1];
            for (r++; r < nranges && ranges[2 * r] <= x1 + PANGO_SCALE / 20; r++)
                if (ranges[2 * r + 1] > x1)
                    x1 = ranges[2 * r + 1];
            if (x1 > x0)
                add_part(d, &links[i], x + x0 / (double)PANGO_SCALE, baseline - pt * 0.95,
                         (x1 - x0) / (double)PANGO_SCALE, pt * 1.2);
        }
        g_free(ranges);
    }
}

void pdf_link_flush(pdf_doc *d)
{
    /* the element the links belong to is open in cairo: their text was
     * drawn in it, or in a Span just ended inside it */
    if (!d->cr || d->nparts == 0) {
        d->nparts = 0;
        return;
    }
    double *rects = xcalloc(d->nparts, 4 * sizeof *rects);
    buf_t attrs;
    buf_init(&attrs);
    for (size_t i = 0; i < d->nparts; i++) {
        if (!d->parts[i].link)
            continue;   /* went with an earlier part of its link */
        size_t n = 0;
        for (size_t j = i; j < d->nparts; j++)
            if (d->parts[j].link == d->parts[i].link) {
                for (int k = 0; k < 4; k++)
                    rects[4 * n + k] = d->parts[j].rect[k];
                n++;
                if (j > i)
                    d->parts[j].link = NULL;
            }
        buf_reset(&attrs);
        pdf_link_attributes(d->parts[i].uri, rects, n, &attrs);
        cairo_tag_begin(d->cr, CAIRO_TAG_LINK, attrs.data);
        cairo_tag_end(d->cr, CAIRO_TAG_LINK);
    }
    buf_free(&attrs);
    free(rects);
    d->nparts = 0;
}
