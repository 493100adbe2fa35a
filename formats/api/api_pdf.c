/* libfolio's PDF writer: a thin handle over pdf/'s book, which keeps the
 * options it is given by reference; the handle owns copies of them. */
#include "util/alloc.h"
#include "api/api.h"
#include "folio/pdf.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The public roles are pdf.h's, in its order (as int: two enum types). */
_Static_assert((int)FOLIO_FONT_ROLES == (int)PDF_ROLES, "font roles");
_Static_assert((int)FOLIO_FONT_SERIF == (int)PDF_ROLE_SERIF, "serif role");
_Static_assert((int)FOLIO_FONT_SANS == (int)PDF_ROLE_SANS, "sans role");
_Static_assert((int)FOLIO_FONT_KAI == (int)PDF_ROLE_KAI, "kai role");
_Static_assert((int)FOLIO_FONT_FANGSONG == (int)PDF_ROLE_FANGSONG, "fangsong role");
_Static_assert((int)FOLIO_FONT_MONO == (int)PDF_ROLE_MONO, "mono role");

enum { OWNED_MAX = 8 + PDF_ROLES };

struct folio_pdf {
    pdf_book *book;
    char *owned[OWNED_MAX];   /* the copies the options point to */
    size_t n_owned;
    api_report rep;           /* the book reports here */
};

static const char *keep(folio_pdf *p, const char *s)
{
    if (!s || p->n_owned == OWNED_MAX)
        return NULL;
    return p->owned[p->n_owned++] = xstrdup(s);
}

static void copy_options(folio_pdf *p, const folio_pdf_options *opt, pdf_options *po)
{
    *po = (pdf_options){ .style = keep(p, opt->style), .paper = keep(p, opt->paper),
                         .margins = keep(p, opt->margins), .title = keep(p, opt->title),
                         .subtitle = keep(p, opt->subtitle), .publisher = keep(p, opt->publisher),
                         .date = keep(p, opt->date), .toc = opt->toc, .recto = opt->recto,
                         .no_cjk_latin_space = opt->no_cjk_latin_space,
                         .fonts_conf = keep(p, opt->fonts_conf), .report = &p->rep.r,
                         .has_epoch = opt->has_epoch, .epoch = (time_t)opt->epoch,
                         .no_source_line = opt->no_source_line };
    for (int i = 0; i < PDF_ROLES; i++)
        po->fonts[i] = keep(p, opt->fonts[i]);
}

static void free_handle(folio_pdf *p)
{
    for (size_t i = 0; i < p->n_owned; i++)
        free(p->owned[i]);
    api_report_free(&p->rep);
    free(p);
}

folio_pdf *folio_pdf_new(const folio_pdf_options *opt, folio_error *err)
{
    folio_pdf *p = xcalloc(1, sizeof *p);
    if (!p) {
        api_fail(err, FOLIO_ERR_INPUT, "out of memory");
        return NULL;
    }
    static const folio_pdf_options defaults;
    api_report_init(&p->rep);
    pdf_options po;
    copy_options(p, opt ? opt : &defaults, &po);
    if (!(p->book = pdf_book_new(&po))) {
        api_fail_reported(err, FOLIO_ERR_USAGE, &p->rep, "a style, paper or margins that are not known");
        free_handle(p);
        return NULL;
    }
    return p;
}

int folio_pdf_add(folio_pdf *p, const folio_article *a, folio_error *err)
{
    /* The book takes over the article it is given: it gets its own. */
    const char *name = a->path ? a->path : "<article>";
    article copy;
    buf_t why;
    buf_init(&why);
    int rc = article_parse(a->xhtml.data, a->xhtml.len, &copy, &why);
    if (rc == 0)
        pdf_book_add(p->book, &copy, name);
    else
        api_fail_why(err, FOLIO_ERR_INPUT, &why, "not a clean article");
    buf_free(&why);
    return rc;
}

int folio_pdf_write(folio_pdf *p, folio_bytes *out, folio_error *err)
{
    buf_t pdf;
    buf_init(&pdf);
    api_report_begin(&p->rep);
    int rc = pdf_book_write(p->book, &pdf) == 0 ? 0 : -1;
    if (rc != 0)
        api_fail_reported(err, FOLIO_ERR_INPUT, &p->rep, "the book could not be typeset");
    return api_hand_over(rc, &pdf, out, NULL, NULL);
}

void folio_pdf_free(folio_pdf *p)
{
    if (!p)
        return;
    pdf_book_free(p->book);
    free_handle(p);
}
