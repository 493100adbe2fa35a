/* folio-clean's whole job on one page: captured bytes in, clean article
 * XHTML out. */
#ifndef FOLIO_CLEAN_H
#define FOLIO_CLEAN_H
#include "util/buf.h"
#include "util/report.h"
#include "util/resource.h"
#include <stdbool.h>
#include <stdio.h>

struct site_rules_dir;

typedef struct {
    const char *path;   /* the page's file (images beside it are embedded); NULL for stdin */
    FILE *explain;      /* why blocks were kept or dropped, or NULL */
    long long now;      /* for "no date in the future"; 0 means the clock */
    struct site_rules_dir *rules;  /* per-site rules (--rules), or NULL for none */
    const char *site;   /* the host whose rules apply (--site), or NULL for the page's own */
    /* What a container (MHTML, WARC, zip) knows of the page, or NULL: */
    const char *charset;         /* its declared charset, which wins over the page's */
    const char *url;             /* the address it was fetched from */
    resource_fn resource;        /* finds its images; NULL looks beside PATH */
    void *resource_ctx;
    const reporter *report;      /* warnings: what was cut or left out; may be NULL */
} clean_options;

enum {
    CLEAN_OK = 0,
    CLEAN_FAILED = 1,       /* not HTML, empty, no article text */
    CLEAN_NOT_ARTICLE = 3   /* a list or index page: links, no article */
};

/* A captured page is at most this large, as a WARC record or a zip entry. */
#define CLEAN_PAGE_MAX (64L << 20)

/* Turn the captured page DATA into clean XHTML in OUT, which every reader
 * of clean articles takes (article/article_xml.h). On failure return
 * CLEAN_FAILED or CLEAN_NOT_ARTICLE with the cause in WHY. */
int clean_page(const unsigned char *data, size_t len, const clean_options *o,
               buf_t *out, buf_t *why);

#endif
