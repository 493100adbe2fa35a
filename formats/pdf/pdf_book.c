/* The whole book: a title page and contents when asked for, then each
 * article from a new page, into one PDF in memory. With a contents page the
 * body is set twice, once to learn the page numbers and once to draw; the
 * contents' own length depends only on how many entries it has. */
#include "pdf/pdf.h"
#include "pdf/pdf_doc.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_outline.h"
#include "pdf/pdf_xref.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct pdf_book {
    pdf_options opt;
    pdf_style st;
    article *arts;
    char **names;
    size_t n, cap;
};

pdf_book *pdf_book_new(const pdf_options *opt)
{
    pdf_book *b = xcalloc(1, sizeof *b);
    b->opt = *opt;
    if (pdf_style_get(opt->style, opt->paper, opt->margins, &b->st, opt->report) != 0) {
        free(b);
        return NULL;
    }
    return b;
}

void pdf_book_add(pdf_book *b, article *a, const char *name)
{
    if (b->n == b->cap) {
        b->cap = alloc_grow_cap(b->n + 1, b->cap);
        b->arts = xreallocarray(b->arts, b->cap, sizeof *b->arts);
        b->names = xreallocarray(b->names, b->cap, sizeof *b->names);
    }
    b->arts[b->n] = *a;
    b->names[b->n++] = xstrdup(name);
}

void pdf_book_free(pdf_book *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        article_free(&b->arts[i]);
        free(b->names[i]);
    }
    free(b->arts);
    free(b->names);
    free(b);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static const char *book_title(const pdf_book *b)
{
    if (b->opt.title)
        return b->opt.title;
    return b->n && b->arts[0].meta.title ? b->arts[0].meta.title : "";
}

/* SOURCE_DATE_EPOCH, else --date, else the latest article date: never the
 * clock, so that the same input gives the same bytes. */
static void book_date(const pdf_book *b, char *out, size_t size)
{
    struct tm tm;
    if (b->opt.has_epoch && gmtime_r(&b->opt.epoch, &tm)) {
        strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return;
    }
    const char *best = b->opt.date;
    for (size_t i = 0; !best && i < b->n; i++)
        if (b->arts[i].meta.date && (!best || strcmp(b->arts[i].meta.date, best) > 0))
            best = b->arts[i].meta.date;
    snprintf(out, size, "%.10s", best && strlen(best) >= 10 ? best : "1970-01-01");
}

static size_t count_h2(xmlNodePtr n)
{
    size_t k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k += xml_is(c, "h2") ? 1 : count_h2(c);
    return k;
}

/* Entries of the contents: one per article, or the h2 of a lone article. */
static size_t toc_entries(const pdf_book *b, int *level)
{
    *level = b->n > 1 ? 1 : 2;
    return b->n > 1 ? b->n : b->n ? count_h2(b->arts[0].body) : 0;
}

static int toc_per_page(const pdf_style *st)
{
    double room = st->page_h - st->top - st->bottom - 3 * st->pitch;
    return (int)(room / st->pitch) > 1 ? (int)(room / st->pitch) : 1;
}

/* A label that is content, not page furniture: an element of its own. */
static void tagged_label(pdf_doc *d, const char *tag, int role, double pt, bool bold, const char *text, double x,
                         double y)
{
    pdf_tag_begin(d, tag);
    pdf_tag_content(d);
    pdf_page_label(d, role, pt, bold, text, x, y, PANGO_ALIGN_CENTER);
    pdf_tag_end(d);
}

static void title_page(pdf_doc *d, const pdf_book *b)
{
    const pdf_style *st = d->st;
    pdf_page_new(d);
    double mid = st->left + pdf_doc_measure(d) / 2;
    double y = st->page_h * 0.32;
    tagged_label(d, "P", PDF_ROLE_SANS, st->h1_pt * 1.4, true, book_title(b), mid, y);
    if (b->opt.subtitle)
        tagged_label(d, "P", PDF_ROLE_SERIF, st->h2_pt, false, b->opt.subtitle, mid, y + st->h1_pt * 2.5);
    if (b->opt.publisher)
        tagged_label(d, "P", PDF_ROLE_SERIF, st->h2_pt, false, b->opt.publisher, mid, st->page_h * 0.78);
    if (b->opt.date)
        tagged_label(d, "P", PDF_ROLE_SERIF, st->body_pt, false, b->opt.date, mid, st->page_h * 0.78 + st->h2_pt * 2);
}

/* Title, dot leaders, page number: one line each, pages after the first
 * continue the list under the heading again (drawn outside the structure:
 * the TOC element has one heading). */
static void contents(pdf_doc *d, const pdf_doc *measured, int level)
{
    const pdf_style *st = d->st;
    int per = toc_per_page(st), on_page = per;
    double right = st->page_w - st->right;
    for (size_t i = 0; i < measured->nmarks; i++) {
        const pdf_mark *m = &measured->marks[i];
        if (m->level != level)
            continue;
        if (on_page == per) {
            pdf_page_new(d);
            double mid = st->left + pdf_doc_measure(d) / 2;
            if (d->ntags == 0) {
                tagged_label(d, "H1", PDF_ROLE_SANS, st->h1_pt, true, "目　录", mid, st->top + st->h1_pt);
                pdf_tag_begin(d, "TOC");
            } else
                d->page_head = "目　录";   /* drawn with the page's furniture */
            d->y = st->top + 3 * st->pitch;
            on_page = 0;
        }
        pdf_tag_begin(d, "TOCI");
        pdf_tag_content(d);
        char number[32];
        snprintf(number, sizeof number, "%d", m->page - d->front);
        double base = d->y + st->pitch * 0.7;
        if (d->cr) {
            /* the title is cut at the measure less room for the number */
            PangoLayout *l = pango_layout_new(d->fonts->ctx);
            PangoFontDescription *f = pdf_font(d->fonts, PDF_ROLE_SERIF, st->body_pt, false);
            pango_layout_set_font_description(l, f);
            pango_font_description_free(f);
            PangoAttrList *attrs = pango_attr_list_new();
            pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string("zh-hans")));
            pango_layout_set_attributes(l, attrs);
            pango_attr_list_unref(attrs);
            pango_layout_set_text(l, m->title, -1);
            pango_layout_set_width(l, (int)((pdf_doc_measure(d) - 4 * st->body_pt) * PANGO_SCALE));
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            int w;
            pango_layout_get_size(l, &w, NULL);
            cairo_move_to(d->cr, st->left, base - pango_layout_get_baseline(l) / (double)PANGO_SCALE);
            pango_cairo_show_layout(d->cr, l);
            g_object_unref(l);
            double from = st->left + w / (double)PANGO_SCALE + st->body_pt * 0.5;
            double to = right - st->body_pt * 2.5;
            cairo_save(d->cr);
            double dash[] = { 0.6, 3 };
            cairo_set_dash(d->cr, dash, 2, 0);
            cairo_set_line_width(d->cr, 0.6);
            cairo_move_to(d->cr, from, base - 1);
            cairo_line_to(d->cr, to, base - 1);
            if (to > from)
                cairo_stroke(d->cr);
            cairo_new_path(d->cr);
            cairo_restore(d->cr);
        }
        pdf_page_label(d, PDF_ROLE_SERIF, st->body_pt, false, number, right, base, PANGO_ALIGN_RIGHT);
        pdf_tag_end(d);
        d->y += st->pitch;
        on_page++;
    }
    if (d->ntags)
        pdf_tag_end(d);
    pdf_page_finish(d);
    d->page_head = NULL;
}

static void body(pdf_doc *d, const pdf_book *b)
{
    pdf_page_finish(d);   /* the contents' last page has no number */
    d->numbered = true;
    d->book_title = book_title(b);
    for (size_t i = 0; i < b->n; i++) {
        d->name = b->names[i];
        pdf_flow_article(d, &b->arts[i], b->opt.recto);
        /* cairo stops drawing after its first error and says so only when
         * asked: name the article where it happened */
        if (d->cr && cairo_status(d->cr) != CAIRO_STATUS_SUCCESS && !d->failed) {
            report_error(d->report, d->name, "cairo: %s", cairo_status_to_string(cairo_status(d->cr)));
            d->failed = true;
        }
    }
    pdf_page_finish(d);
}

static void doc_init(pdf_doc *d, const pdf_book *b, pdf_fonts *fonts)
{
    memset(d, 0, sizeof *d);
    d->st = &b->st;
    d->fonts = fonts;
    d->report = b->opt.report;
    d->cjk_latin_space = !b->opt.no_cjk_latin_space;
}

static void doc_free(pdf_doc *d)
{
    for (size_t i = 0; i < d->nmarks; i++)
        free(d->marks[i].title);
    free(d->marks);
    free(d->told);
    free(d->parts);
}

/* The book's language: the first article's, as its <html lang> says. */
static const char *book_lang(const pdf_book *b)
{
    return b->n && b->arts[0].meta.lang && *b->arts[0].meta.lang ? b->arts[0].meta.lang : "zh-Hans";
}

int pdf_book_write(pdf_book *b, buf_t *out)
{
    pdf_fonts fonts;
    if (pdf_fonts_open(&fonts, &b->opt) != 0)
        return -1;
    if (fonts.fangsong_missing && b->st.body_role == PDF_ROLE_FANGSONG)
        report_warning(b->opt.report, NULL, "no FangSong face is installed (FandolFang from texlive-lang-chinese); "
                                            "the body is set in Song");
    bool title = b->opt.title || b->opt.toc;
    int front = title ? 1 + (b->opt.recto ? 1 : 0) : 0;
    pdf_doc measured;
    doc_init(&measured, b, &fonts);
    int level = 1;
    if (b->opt.toc) {
        /* the number of entries fixes the contents' length before any
         * page number is known */
        size_t entries = toc_entries(b, &level);
        int per = toc_per_page(&b->st);
        int pages = entries ? (int)((entries + (size_t)per - 1) / (size_t)per) : 0;
        if (b->opt.recto && pages % 2)
            pages++;
        front += pages;
        measured.front = measured.page = front;
        body(&measured, b);
    }
    pdf_doc d;
    doc_init(&d, b, &fonts);
    d.front = front;
    d.surface = cairo_pdf_surface_create_for_stream(to_buf, out, b->st.page_w, b->st.page_h);
    cairo_pdf_surface_restrict_to_version(d.surface, CAIRO_PDF_VERSION_1_5);
    d.cr = cairo_create(d.surface);
    char date[40];
    book_date(b, date, sizeof date);
    const article_meta *m0 = b->n ? &b->arts[0].meta : NULL;
    pdf_outline_metadata(d.surface, book_title(b), b->opt.publisher ? b->opt.publisher : m0 ? m0->publisher : NULL,
                         b->opt.subtitle ? b->opt.subtitle : m0 ? m0->subject : NULL, date);
    if (title)
        title_page(&d, b);
    if (title && b->opt.recto)
        pdf_page_new(&d);
    if (b->opt.toc)
        contents(&d, &measured, level);
    while (d.page < front)
        pdf_page_new(&d);
    body(&d, b);
    cairo_status_t status = cairo_status(d.cr);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(d.surface);
    cairo_surface_destroy(d.surface);
    doc_free(&d);
    doc_free(&measured);
    pdf_fonts_close(&fonts);
    if (status != CAIRO_STATUS_SUCCESS) {
        if (!d.failed)
            report_error(b->opt.report, NULL, "cairo: %s", cairo_status_to_string(status));
        return -1;
    }
    const char *why;
    if (pdf_xref_update_catalog(out, book_lang(b), &why) != 0) {
        report_error(b->opt.report, NULL, "cannot finish the PDF cairo wrote: %s", why);
        return -1;
    }
    return 0;
}

void pdf_shutdown(void)
{
    pdf_fonts_release_cache();
    cairo_debug_reset_static_data();
    pango_cairo_font_map_set_default(NULL);

}
