/* The whole book: a title page and contents when asked for, then each
 * article from a new page, into one PDF in memory. With a contents page the
 * body is set twice, once to learn the page numbers and once to draw; the
 * contents' own length depends only on how many entries it has. */
#include "pdf/pdf.h"
#include "pdf/pdf_doc.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_front.h"
#include "pdf/pdf_outline.h"
#include "pdf/pdf_surface.h"
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
    bool *out;            /* left out of the book */
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
        b->out = xreallocarray(b->out, b->cap, sizeof *b->out);
    }
    /* a book of first pages would read as whole articles */
    if (a->meta.next)
        report_warning(b->opt.report, name, "the article continues on its next page, %s, "
                       "which the book does not hold", a->meta.next);
    b->out[b->n] = false;
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
    free(b->out);
    free(b);
}

size_t pdf_book_count(const pdf_book *b)
{
    return b->n;
}

const char *pdf_book_name(const pdf_book *b, size_t i)
{
    return i < b->n ? b->names[i] : NULL;
}

void pdf_book_leave_out(pdf_book *b, size_t i, bool out)
{
    if (i < b->n)
        b->out[i] = out;
}

bool pdf_book_left_out(const pdf_book *b, size_t i)
{
    return i < b->n && b->out[i];
}

/* The first article set, or NULL: the book's title, date and language
 * come from it when no option gives them. */
static const article *first_set(const pdf_book *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (!b->out[i])
            return &b->arts[i];
    return NULL;
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
    const article *a0 = first_set(b);
    return a0 && a0->meta.title ? a0->meta.title : "";
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
        if (!b->out[i] && b->arts[i].meta.date && (!best || strcmp(b->arts[i].meta.date, best) > 0))
            best = b->arts[i].meta.date;
    snprintf(out, size, "%.10s", best && strlen(best) >= 10 ? best : "1970-01-01");
}

/* The entries of the contents: the articles, or the h2 of a lone article. */
static void toc_level(const pdf_book *b, int *level)
{
    size_t set = 0;
    for (size_t i = 0; i < b->n; i++)
        set += !b->out[i];
    *level = set > 1 ? 1 : 2;
}

/* Set the articles; returns the index of the one where cairo went into
 * an error state, or -1. */
static long body(pdf_doc *d, const pdf_book *b)
{
    pdf_page_finish(d);   /* the contents' last page has no number */
    d->numbered = true;
    d->book_title = book_title(b);
    for (size_t i = 0; i < b->n; i++) {
        if (b->out[i])
            continue;
        d->name = b->names[i];
        pdf_flow_article(d, &b->arts[i], b->opt.recto);
        /* cairo stops drawing after its first error and says so only when
         * asked: name the article where it happened */
        if (d->cr && cairo_status(d->cr) != CAIRO_STATUS_SUCCESS && !d->failed) {
            report_error(d->report, d->name, "cairo: %s; the article is left out of the book",
                         cairo_status_to_string(cairo_status(d->cr)));
            d->failed = true;
            return (long)i;
        }
    }
    pdf_page_finish(d);
    return -1;
}

static void doc_init(pdf_doc *d, const pdf_book *b, pdf_fonts *fonts)
{
    memset(d, 0, sizeof *d);
    d->st = &b->st;
    d->fonts = fonts;
    d->report = b->opt.report;
    d->cjk_latin_space = !b->opt.no_cjk_latin_space;
    d->source_line = b->st.source_line && !b->opt.no_source_line;
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
    const article *a0 = first_set(b);
    return a0 && a0->meta.lang && *a0->meta.lang ? a0->meta.lang : "zh-Hans";
}

/* One attempt; *BAD is the article cairo failed in, or -1. */
static int write_once(pdf_book *b, buf_t *out, long *bad)
{
    *bad = -1;
    pdf_fonts fonts;
    if (pdf_fonts_open(&fonts, &b->opt) != 0)
        return -1;
    if (fonts.fangsong_missing && b->st.body_role == PDF_ROLE_FANGSONG)
        report_warning(b->opt.report, NULL, "no FangSong face is installed (FandolFang from texlive-lang-chinese); "
                                            "the body is set in Song");
    /* As a printed book: the title page's back is blank and the contents
     * fill an even number of pages, so that body page 1 is a right-hand
     * page and odd numbers stay on the right. */
    bool title = b->opt.title || b->opt.toc;
    int front = title ? 2 : 0;
    pdf_doc measured;
    doc_init(&measured, b, &fonts);
    int level = 1;
    if (b->opt.toc) {
        /* the body does not move with the front, so its pages are known
         * before the contents' length is */
        toc_level(b, &level);
        measured.front = measured.page = front;
        body(&measured, b);
        int pages = pdf_front_contents_pages(&measured, &measured, level);
        if (pages % 2)
            pages++;
        front += pages;
        for (size_t i = 0; i < measured.nmarks; i++)
            measured.marks[i].page += pages;
    }
    pdf_doc d;
    doc_init(&d, b, &fonts);
    d.front = front;
    d.surface = cairo_pdf_surface_create_for_stream(to_buf, out, b->st.page_w, b->st.page_h);
    cairo_pdf_surface_restrict_to_version(d.surface, CAIRO_PDF_VERSION_1_5);
    d.cr = cairo_create(d.surface);
    char date[40];
    book_date(b, date, sizeof date);
    const article_meta *m0 = first_set(b) ? &first_set(b)->meta : NULL;
    pdf_outline_metadata(d.surface, book_title(b), b->opt.publisher ? b->opt.publisher : m0 ? m0->publisher : NULL,
                         b->opt.subtitle ? b->opt.subtitle : m0 ? m0->subject : NULL, date);
    if (title) {
        pdf_front_text ft = { book_title(b), b->opt.subtitle, b->opt.publisher, b->opt.date };
        pdf_front_title_page(&d, &ft);
    }
    if (title)
        pdf_page_new(&d);
    if (b->opt.toc)
        pdf_front_contents(&d, &measured, level);
    while (d.page < front)
        pdf_page_new(&d);
    *bad = body(&d, b);
    cairo_status_t status = cairo_status(d.cr);
    cairo_destroy(d.cr);
    cairo_status_t closed = pdf_surface_close(d.surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = closed;
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

int pdf_book_write(pdf_book *b, buf_t *out)
{
    size_t start = out->len;
    for (;;) {
        long bad;
        int rc = write_once(b, out, &bad);
        if (rc == 0 || bad < 0 || !first_set(b))
            return rc;
        /* the article cairo failed in is left out, the book set again */
        b->out[bad] = true;
        if (!first_set(b))
            return -1;
        out->len = start;
    }
}

void pdf_shutdown(void)
{
    pdf_fonts_release_cache();
    if (!pdf_surface_any_kept())
        cairo_debug_reset_static_data();
    pango_cairo_font_map_set_default(NULL);

}
