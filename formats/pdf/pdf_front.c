#include "pdf/pdf_front.h"
#include "pdf/pdf_text.h"
#include "pdf/pdf_title.h"

#include <stdio.h>
#include <stdlib.h>

/* TEXT in ROLE at PT, bold or not, WIDTH points wide, its lines balanced
 * and centred. */
static PangoLayout *centred(pdf_doc *d, int role, double pt, bool bold, const char *text, double width)
{
    pdf_text t;
    pdf_text_init(&t, d->fonts, role, pt, bold);
    t.cjk_latin_space = d->cjk_latin_space;
    t.cjk_spaces = true;
    pdf_text_add(&t, text);
    PangoLayout *l = pdf_text_layout(&t, width, 0, PANGO_ALIGN_CENTER);
    pdf_text_free(&t);
    pdf_title_balance(l, pt);
    return l;
}

/* A block of the title page, as a P element, from Y down. */
static void title_block(pdf_doc *d, int role, double pt, bool bold, const char *text, double y)
{
    PangoLayout *l = centred(d, role, pt, bold, text, pdf_doc_measure(d));
    pdf_doc_check_glyphs(d, l);
    d->y = y;
    pdf_tag_begin(d, "P");
    pdf_page_lines(d, l, pdf_doc_left(d), pt * 1.5, 0, 0);
    pdf_tag_end(d);
    g_object_unref(l);
}

void pdf_front_title_page(pdf_doc *d, const pdf_front_text *t)
{
    const pdf_style *st = d->st;
    pdf_page_new(d);
    double pt = st->h1_pt * 1.4;
    title_block(d, st->h1_role, pt, true, t->title ? t->title : "", st->page_h * 0.28);
    if (t->subtitle)
        title_block(d, st->h2_role, st->h2_pt, false, t->subtitle, d->y + pt);
    double foot = st->page_h * 0.76;
    if (t->publisher) {
        title_block(d, PDF_ROLE_SERIF, st->h2_pt, false, t->publisher, foot);
        foot = d->y + st->h2_pt;
    }
    if (t->date)
        title_block(d, PDF_ROLE_SERIF, st->body_pt, false, t->date, foot);
}

static double first_entry_y(const pdf_doc *d)
{
    return d->st->top + 3 * d->st->pitch;
}

/* An entry's title, wrapping under a hanging indent of one em, short of
 * the room its page number takes. */
static PangoLayout *entry(pdf_doc *d, const char *title)
{
    double em = d->st->body_pt;
    pdf_text t;
    pdf_text_init(&t, d->fonts, PDF_ROLE_SERIF, em, false);
    t.cjk_latin_space = d->cjk_latin_space;
    t.cjk_spaces = true;
    pdf_text_add(&t, title);
    PangoLayout *l = pdf_text_layout(&t, pdf_doc_measure(d) - 4 * em, -em, PANGO_ALIGN_LEFT);
    pdf_text_free(&t);
    pdf_title_wrap(l, em);
    return l;
}

int pdf_front_contents_pages(pdf_doc *d, const pdf_doc *measured, int level)
{
    int pages = 0;
    double y = 0, bottom = pdf_doc_bottom(d);
    for (size_t i = 0; i < measured->nmarks; i++) {
        if (measured->marks[i].level != level)
            continue;
        PangoLayout *l = entry(d, measured->marks[i].title);
        double h = pango_layout_get_line_count(l) * d->st->pitch;
        g_object_unref(l);
        if (pages == 0 || (y + h > bottom + 0.5 && y > first_entry_y(d))) {
            pages++;
            y = first_entry_y(d);
        }
        y += h;
    }
    return pages;
}

/* Dot leaders from FROM to TO on the line whose baseline is BASE. */
static void leaders(pdf_doc *d, double from, double to, double base)
{
    if (to <= from)
        return;
    cairo_save(d->cr);
    double dash[] = { 0.6, 3 };
    cairo_set_dash(d->cr, dash, 2, 0);
    cairo_set_line_width(d->cr, 0.6);
    cairo_move_to(d->cr, from, base - 1);
    cairo_line_to(d->cr, to, base - 1);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

/* The lines of L from the current position, the last with leaders to the
 * page number NUMBER. */
static void draw_entry(pdf_doc *d, PangoLayout *l, const char *number)
{
    const pdf_style *st = d->st;
    double right = st->page_w - st->right, base = 0, end = 0;
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int k = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        base = d->y + k++ * st->pitch + st->pitch * 0.7;
        double x = pdf_doc_left(d) + logical.x / (double)PANGO_SCALE;
        cairo_move_to(d->cr, x, base);
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        pdf_fonts_level_line(line);
        pango_cairo_show_layout_line(d->cr, line);
        end = x + logical.width / (double)PANGO_SCALE;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    leaders(d, end + st->body_pt * 0.5, right - st->body_pt * 2.5, base);
    pdf_page_label(d, PDF_ROLE_SERIF, st->body_pt, false, number, right, base, PANGO_ALIGN_RIGHT);
}

/* A contents page: the heading (an element on the first page, furniture
 * on the others, as the TOC element has one heading). */
static void contents_page(pdf_doc *d)
{
    const pdf_style *st = d->st;
    pdf_page_new(d);
    double mid = pdf_doc_left(d) + pdf_doc_measure(d) / 2;
    if (d->ntags == 0) {
        pdf_tag_begin(d, "H1");
        pdf_tag_content(d);
        pdf_page_label(d, PDF_ROLE_SANS, st->h1_pt, true, "目　录", mid, st->top + st->h1_pt, PANGO_ALIGN_CENTER);
        pdf_tag_end(d);
        pdf_tag_begin(d, "TOC");
    } else
        d->page_head = "目　录";   /* drawn with the page's furniture */
    d->y = first_entry_y(d);
}

void pdf_front_contents(pdf_doc *d, const pdf_doc *measured, int level)
{
    bool started = false;
    for (size_t i = 0; i < measured->nmarks; i++) {
        const pdf_mark *m = &measured->marks[i];
        if (m->level != level)
            continue;
        PangoLayout *l = entry(d, m->title);
        double h = pango_layout_get_line_count(l) * d->st->pitch;
        if (!started || (d->y + h > pdf_doc_bottom(d) + 0.5 && d->y > first_entry_y(d)))
            contents_page(d);
        started = true;
        char number[32], attrs[160];
        snprintf(number, sizeof number, "%d", m->page - d->front);
        pdf_tag_begin(d, "TOCI");
        pdf_tag_begin(d, "Span");   /* the text, beside the link */
        pdf_tag_content(d);
        if (d->cr)
            draw_entry(d, l, number);
        pdf_tag_end(d);
        if (d->cr) {
            snprintf(attrs, sizeof attrs, "dest='%s' rect=[%.2f %.2f %.2f %.2f]", m->dest, pdf_doc_left(d), d->y,
                     pdf_doc_measure(d), h);
            cairo_tag_begin(d->cr, CAIRO_TAG_LINK, attrs);
            cairo_tag_end(d->cr, CAIRO_TAG_LINK);
        }
        pdf_tag_end(d);
        g_object_unref(l);
        d->y += h;
    }
    if (d->ntags)
        pdf_tag_end(d);
    pdf_page_finish(d);
    d->page_head = NULL;
}
