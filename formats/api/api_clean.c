/* libfolio's cleaning: a page into a clean article (clean/clean.c), with
 * per-site rules (clean/rules/). */
#include "util/alloc.h"
#include "api/api.h"
#include "capture/capture.h"
#include "clean/clean.h"
#include "clean/rules/site_rules.h"
#include "folio/clean.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct folio_rules {
    site_rules_dir *dir;
};

folio_rules *folio_rules_open(const char *dir, folio_error *err)
{
    folio_rules *r = xcalloc(1, sizeof *r);
    if (!r) {
        api_fail(err, FOLIO_ERR_INPUT, "out of memory");
        return NULL;
    }
    /* What is wrong inside a rule file has no way back to the caller of
     * folio_clean yet: the rule is skipped without a word. */
    if (!(r->dir = site_rules_open(dir, NULL))) {
        api_fail(err, FOLIO_ERR_USAGE, errno == ENOTDIR ? "not a folder" :
                                       errno == ENOENT ? "no such folder" : strerror(errno));
        free(r);
        return NULL;
    }
    return r;
}

void folio_rules_close(folio_rules *r)
{
    if (!r)
        return;
    site_rules_close(r->dir);
    free(r);
}

/* clean_page with the caller's options over O, and the result as an article. */
static folio_article *clean_into_article(const unsigned char *data, size_t len, clean_options *o,
                                         const folio_clean_options *opt, folio_error *err)
{
    if (opt) {
        o->path = opt->path;
        o->rules = opt->rules ? opt->rules->dir : NULL;
        o->site = opt->site;
        o->now = opt->now;
    }
    buf_t xhtml, why;
    buf_init(&xhtml);
    buf_init(&why);
    int status = clean_page(data, len, o, &xhtml, &why);
    folio_article *a = NULL;
    if (status == CLEAN_OK)
        a = api_article_new(&xhtml, o->path, err);
    else
        api_fail_why(err, status == CLEAN_NOT_ARTICLE ? FOLIO_ERR_NOT_ARTICLE : FOLIO_ERR_INPUT,
                     &why, "no article");
    buf_free(&xhtml);
    buf_free(&why);
    return a;
}

folio_article *folio_clean(const void *data, size_t len, const folio_clean_options *opt,
                           folio_error *err)
{
    clean_options o = { 0 };
    return clean_into_article(data, len, &o, opt, err);
}

folio_article *folio_clean_captured(folio_capture *c, const folio_page *page,
                                    const folio_clean_options *opt, folio_error *err)
{
    clean_options o = { .charset = page->charset, .url = page->url,
                        .resource = capture_resource, .resource_ctx = c->c };
    return clean_into_article(page->data, page->len, &o, opt, err);
}
