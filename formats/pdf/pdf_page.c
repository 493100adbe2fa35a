#include "pdf/pdf_doc.h"
#include "pdf/pdf_deco.h"
#include "pdf/pdf_outline.h"
#include "util/alloc.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pdf_doc_left(const pdf_doc *d) { return d->st->left; }
double pdf_doc_measure(const pdf_doc *d) { return d->st->page_w - d->st->left - d->st->right; }
double pdf_doc_bottom(const pdf_doc *d) { return d->st->page_h - d->st->bottom; }

/* TEXT set on one line at X, Y. A running head (OUTLINE) is held to the
 * measure: a title longer than the type area ends in an ellipsis rather
 * than running past the rule beneath it. */
static void label(pdf_doc *d, int role, double pt, bool bold, const char *text, double x, double y,
                  PangoAlignment align, bool outline)
{
    if (!d->cr)
        return;
    PangoLayout *l = pango_layout_new(d->fonts->ctx);
    PangoFontDescription *f = pdf_font(d->fonts, role, pt, bold);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string("zh-hans")));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_text(l, text, -1);
    if (outline) {
        pango_layout_set_width(l, (int)(pdf_doc_measure(d) * PANGO_SCALE));
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    double w = logical.width / (double)PANGO_SCALE;
    double base = pango_layout_get_baseline(l) / (double)PANGO_SCALE;
    double at = align == PANGO_ALIGN_CENTER ? x - w / 2 : align == PANGO_ALIGN_RIGHT ? x - w : x;
    cairo_move_to(d->cr, at, y - base);
    pdf_fonts_level(l);
    if (outline) {
        pango_cairo_layout_path(d->cr, l);
        cairo_fill(d->cr);
    } else {
        pango_cairo_show_layout(d->cr, l);
    }
    g_object_unref(l);
}

void pdf_page_label(pdf_doc *d, int role, double pt, bool bold, const char *text, double x, double y,
                    PangoAlignment align)
{
    label(d, role, pt, bold, text, x, y, align, false);
}

/* Book style: the book's title over even pages, the article's over odd
 * ones, a rule beneath, the number centred at the foot. GB/T 9704: no head,
 * "— 1 —" outside, odd pages right and even pages left, one em in. */
static void page_furniture(pdf_doc *d)
{
    const pdf_style *st = d->st;
    int number = d->page - d->front;
    if (!d->cr)
        return;
    char folio[64];
    double foot = pdf_doc_bottom(d) + st->folio_drop;
    if (st->folio_outside) {
        snprintf(folio, sizeof folio, "— %d —", number);
        bool odd = number % 2;
        double x = odd ? st->page_w - st->right - st->folio_pt : st->left + st->folio_pt;
        pdf_page_label(d, PDF_ROLE_SERIF, st->folio_pt, false, folio, x, foot + st->folio_pt * 0.88,
                       odd ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        return;
    }
    snprintf(folio, sizeof folio, "%d", number);
    pdf_page_label(d, PDF_ROLE_SERIF, st->folio_pt, false, folio, st->left + pdf_doc_measure(d) / 2,
                   foot, PANGO_ALIGN_CENTER);
    if (!st->running_heads || !d->head_here)
        return;
    const char *head = number % 2 ? d->article_title : d->book_title;
    if (!head || !*head)
        head = d->article_title;
    if (!head)
        return;
    double base = st->top - 5 * PDF_MM;
    bool odd = number % 2;
    /* The running head is furniture, not text: drawn as outlines, so that
     * copying, searching or extracting a paragraph that runs over a page
     * end reads it whole (cairo 1.16 cannot mark it as an artifact). */
    label(d, PDF_ROLE_SERIF, st->folio_pt, false, head, odd ? st->page_w - st->right : st->left, base,
          odd ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, true);
    cairo_set_line_width(d->cr, 0.4);
    cairo_move_to(d->cr, st->left, base + 3);
    cairo_line_to(d->cr, st->page_w - st->right, base + 3);
    cairo_stroke(d->cr);
}

void pdf_page_finish(pdf_doc *d)
{
    if (!d->open)
        return;
    pdf_tag_page_end(d);
    if (d->page_head)
        pdf_page_label(d, PDF_ROLE_SANS, d->st->h1_pt, true, d->page_head, d->st->left + pdf_doc_measure(d) / 2,
                       d->st->top + d->st->h1_pt, PANGO_ALIGN_CENTER);
    if (d->numbered)
        page_furniture(d);
    if (d->cr)
        cairo_show_page(d->cr);
    d->open = false;
}

static void roman(int n, char *out, size_t size)
{
    static const struct { int v; const char *s; } r[] = {
        { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
        { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
    };
    out[0] = '\0';
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        while (n >= r[i].v && strlen(out) + 3 < size) {
            strcat(out, r[i].s);
            n -= r[i].v;
        }
}

void pdf_page_new(pdf_doc *d)
{
    pdf_page_finish(d);
    d->page++;
    d->open = true;
    d->fresh = true;
    d->head_here = d->numbered;
    d->y = d->st->top;
    if (d->surface) {
        char label[32];
        if (d->page > d->front)
            snprintf(label, sizeof label, "%d", d->page - d->front);
        else
            roman(d->page, label, sizeof label);
        cairo_pdf_surface_set_page_label(d->surface, label);
    }
}

void pdf_page_ensure(pdf_doc *d, double h)
{
    if (!d->open || (!d->fresh && d->y + h > pdf_doc_bottom(d) + 0.5))
        pdf_page_new(d);
}

/* Lines sit on the em box, not on the font's line metrics (Noto CJK's
 * ascender is 1.16 em): the box is centred in the pitch, and the first line
 * of a page has its box top on the top margin, as the GB/T 9704 grid asks. */
static void draw_line(pdf_doc *d, PangoLayoutLine *line, double x, double line_x, double pitch, double pt)
{
    if (pt * 1.2 > pitch)
        pitch = pt * 1.2;
    double lead = d->fresh ? 0 : (pitch - pt) / 2;
    if (d->cr) {
        double baseline = d->y + lead + pt * 0.88;
        pdf_tag_content(d);
        cairo_move_to(d->cr, x + line_x, baseline);
        pdf_fonts_level_line(line);
        pango_cairo_show_layout_line(d->cr, line);
        pdf_deco_line(d->cr, line, x, baseline);
        pdf_link_line(d, line, x, baseline, pt);
    }
    /* on the grid a larger first line (a title) still ends where the
     * first body line would, or every line after it is off the grid */
    double box = d->st->grid && pitch == d->st->pitch ? d->st->body_pt : pt;
    d->y += d->fresh ? (pitch + box) / 2 : pitch;
    d->fresh = false;
}

void pdf_page_to_grid(pdf_doc *d)
{
    const pdf_style *st = d->st;
    if (!st->grid || d->fresh || !d->open)
        return;
    /* after K body lines y stands at top + K pitches less the lead */
    double origin = st->top - (st->pitch - st->body_pt) / 2;
    double k = (d->y - origin) / st->pitch;
    double whole = (double)(long)k;
    if (k - whole > 0.001)
        d->y = origin + (whole + 1) * st->pitch;
}

/* How many of the LEFT lines still to set (the first of them line FIRST)
 * go on this page, ROOM points being free: no line alone at a page's
 * foot or head (on the GB/T 9704 grid, which fills all its lines, alone
 * is allowed), and the last line goes along with the KEEP points after it. */
static int lines_here(const pdf_doc *d, int first, int left, double room, double pitch, double keep)
{
    int least = d->st->grid ? 1 : 2;
    int fit = room < 0 ? 0 : (int)(room / pitch);
    int take;
    if (left <= fit && left * pitch + keep <= room)
        return left;
    if (left <= fit)   /* the lines fit, what must follow them does not */
        take = left - (left < least ? left : least);
    else {
        take = fit;
        if (left - take < least)
            take = left - least;
    }
    if (take < least && take < left && first == 0 && !d->fresh)
        take = 0;
    if (take < 0)
        take = 0;
    if (take == 0 && d->fresh)   /* a page of its own cannot be helped */
        take = left < (fit > 1 ? fit : 1) ? left : (fit > 1 ? fit : 1);
    return take;
}

void pdf_page_lines(pdf_doc *d, PangoLayout *l, double x, double pitch, double space, double keep)
{
    pdf_page_lines_at(d, l, x, pitch, space, keep, NULL);
}

void pdf_page_lines_at(pdf_doc *d, PangoLayout *l, double x, double pitch, double space, double keep,
                       const double *line_x)
{
    int n = pango_layout_get_line_count(l);
    const PangoFontDescription *fd = pango_layout_get_font_description(l);
    double pt = fd ? pango_font_description_get_size(fd) / (double)PANGO_SCALE : d->st->body_pt;
    if (!d->open)
        pdf_page_new(d);
    if (!d->fresh)
        d->y += space;
    bool span = pdf_tag_text(d, l);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int i = 0, here = 0;
    do {
        if (here == 0) {
            here = lines_here(d, i, n - i, pdf_doc_bottom(d) - d->y + 0.5, pitch, keep);
            if (here == 0) {
                pdf_page_new(d);
                here = lines_here(d, i, n - i, pdf_doc_bottom(d) - d->y + 0.5, pitch, keep);
            }
        }
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double at = line_x ? line_x[i] : logical.x / (double)PANGO_SCALE;
        draw_line(d, (PangoLayoutLine *)line, x, at, pitch, pt);
        i++;
        if (--here == 0 && i < n)
            pdf_page_new(d);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    pdf_tag_text_end(d, span);
    pdf_link_flush(d);
}

void pdf_doc_mark(pdf_doc *d, const char *title, int level)
{
    ALLOC_GROW(d->marks, d->nmarks + 1, d->capmarks);
    pdf_mark *m = &d->marks[d->nmarks];
    *m = (pdf_mark){ xstrdup(title), d->page, level, "" };
    snprintf(m->dest, sizeof m->dest, "m%zu", d->nmarks++);
    if (d->surface)
        pdf_outline_add(d, title, level);
    if (d->cr) {
        /* where the contents' entry for it leads */
        char attrs[96];
        snprintf(attrs, sizeof attrs, "name='%s' x=%.2f y=%.2f", m->dest, d->st->left, d->y);
        cairo_tag_begin(d->cr, CAIRO_TAG_DEST, attrs);
        cairo_tag_end(d->cr, CAIRO_TAG_DEST);
    }
}

/* One warning for a character on a page of an article is enough: a page of
 * private-use symbols would otherwise say the same thing a hundred times. */
static bool glyph_told_before(pdf_doc *d, unsigned cp)
{
    if (d->told_name != d->name) {
        d->told_name = d->name;
        d->ntold = 0;
    }
    for (size_t i = 0; i + 1 < d->ntold; i += 2)
        if (d->told[i] == cp && d->told[i + 1] == (unsigned)d->page)
            return true;
    ALLOC_GROW(d->told, d->ntold + 2, d->captold);
    d->told[d->ntold++] = cp;
    d->told[d->ntold++] = (unsigned)d->page;
    return false;
}

void pdf_doc_check_glyphs(pdf_doc *d, PangoLayout *l)
{
    if (!d->cr || pango_layout_get_unknown_glyphs_count(l) == 0)
        return;
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        for (int i = 0; i < run->glyphs->num_glyphs; i++) {
            PangoGlyph g = run->glyphs->glyphs[i].glyph;
            if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) || (g & ~PANGO_GLYPH_UNKNOWN_FLAG) < 0x20 ||
                (g & ~PANGO_GLYPH_UNKNOWN_FLAG) == 0x200B || (g & ~PANGO_GLYPH_UNKNOWN_FLAG) == 0x2060 || (g & ~PANGO_GLYPH_UNKNOWN_FLAG) == 0x2028)
                continue;
            d->missing++;
            unsigned cp = (unsigned)(g & ~PANGO_GLYPH_UNKNOWN_FLAG);
            if (!glyph_told_before(d, cp))
                report_warning(d->report, d->name, "U+%04X is in no installed font (page %d); it is drawn as a box",
                               cp, d->page);
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}
