/* libfolio's EPUB writer: a thin handle over epub/'s book. */
#include "util/alloc.h"
#include "api/api.h"
#include "epub/epub.h"
#include "folio/epub.h"

#include <stdlib.h>

struct folio_epub {
    epub_book *book;
    api_report rep;   /* the book reports here */
};

folio_epub *folio_epub_new(const folio_epub_options *opt)
{
    folio_epub *e = xcalloc(1, sizeof *e);
    if (!e)
        return NULL;
    api_report_init(&e->rep);
    epub_options eo = { .report = &e->rep.r };
    if (opt)
        eo = (epub_options){ .title = opt->title, .id = opt->id, .embed_fonts = opt->embed_fonts,
                             .report = &e->rep.r, .has_epoch = opt->has_epoch, .epoch = (time_t)opt->epoch };
    e->book = epub_book_new(&eo);
    return e;
}

int folio_epub_add(folio_epub *e, const folio_article *a, folio_error *err)
{
    api_report_begin(&e->rep);
    if (epub_book_add(e->book, a->xhtml.data, a->xhtml.len, a->path) != 0)
        return api_fail_reported(err, FOLIO_ERR_INPUT, &e->rep, "the article cannot go into the book");
    return 0;
}

int folio_epub_set_cover(folio_epub *e, const void *data, size_t len, const char *name,
                         folio_error *err)
{
    api_report_begin(&e->rep);
    if (epub_book_set_cover(e->book, data, len, name) != 0)
        return api_fail_reported(err, FOLIO_ERR_INPUT, &e->rep, "cannot be the cover");
    return 0;
}

int folio_epub_write(folio_epub *e, folio_bytes *out, folio_error *err)
{
    buf_t zip;
    buf_init(&zip);
    api_report_begin(&e->rep);
    int rc = epub_book_write(e->book, &zip) == 0 ? 0 : -1;
    if (rc != 0)
        api_fail_reported(err, FOLIO_ERR_INPUT, &e->rep, "the book could not be written");
    return api_hand_over(rc, &zip, out, NULL, NULL);
}

void folio_epub_free(folio_epub *e)
{
    if (!e)
        return;
    epub_book_free(e->book);
    api_report_free(&e->rep);
    free(e);
}
