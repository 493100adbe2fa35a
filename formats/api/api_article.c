/* libfolio's article handle: clean XHTML read into the parsed article that
 * every writer takes (article/article_read.c). */
#include "util/alloc.h"
#include "api/api.h"

#include <stdlib.h>
#include <string.h>

folio_article *api_article_new(buf_t *xhtml, const char *path, folio_error *err)
{
    folio_article *a = xcalloc(1, sizeof *a);
    if (!a) {
        api_fail(err, FOLIO_ERR_INPUT, "out of memory");
        return NULL;
    }
    buf_t why;
    buf_init(&why);
    if (article_parse(xhtml->data, xhtml->len, &a->art, &why) != 0) {
        free(a);
        api_fail_why(err, FOLIO_ERR_INPUT, &why, "not a clean article");
        buf_free(&why);
        return NULL;
    }
    buf_free(&why);
    a->xhtml = *xhtml;
    buf_init(xhtml);
    a->path = path ? xstrdup(path) : NULL;
    const article_meta *m = &a->art.meta;
    a->meta = (folio_meta){ m->title, m->date, m->publisher, m->creator, m->source,
                            m->url, m->lang, m->identifier, m->subject, m->next };
    return a;
}

folio_article *folio_article_read(const void *xhtml, size_t len, const char *path, folio_error *err)
{
    buf_t copy;
    buf_init(&copy);
    buf_add(&copy, xhtml, len);
    folio_article *a = api_article_new(&copy, path, err);
    buf_free(&copy);
    return a;
}

const folio_meta *folio_article_meta(const folio_article *a)
{
    return &a->meta;
}

const char *folio_article_xhtml(const folio_article *a, size_t *len)
{
    if (len)
        *len = a->xhtml.len;
    return a->xhtml.data;
}

void folio_article_free(folio_article *a)
{
    if (!a)
        return;
    article_free(&a->art);
    buf_free(&a->xhtml);
    free(a->path);
    free(a);
}
