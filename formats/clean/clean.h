/* folio-clean's whole job on one page: captured bytes in, clean article
 * XHTML out. */
#ifndef FOLIO_CLEAN_H
#define FOLIO_CLEAN_H
#include "util/buf.h"
#include <stdbool.h>
#include <stdio.h>

struct site_rules_dir;

/* The bytes of an image the page refers to: SRC as the page writes it, ABS
 * the same made absolute against the page's address (NULL when none is
 * known). True with BYTES and its media TYPE filled; false when the
 * capture does not hold it, and the image keeps its address. */
typedef bool (*clean_resource_fn)(void *ctx, const char *src, const char *abs,
                                  buf_t *bytes, buf_t *type);

typedef struct {
    const char *path;   /* the page's file (images beside it are embedded); NULL for stdin */
    FILE *explain;      /* why blocks were kept or dropped, or NULL */
    long long now;      /* for "no date in the future"; 0 means the clock */
    struct site_rules_dir *rules;  /* per-site rules (--rules), or NULL for none */
    const char *site;   /* the host whose rules apply (--site), or NULL for the page's own */
    /* What a container (MHTML, WARC, zip) knows of the page, or NULL: */
    const char *charset;         /* its declared charset, which wins over the page's */
    const char *url;             /* the address it was fetched from */
    clean_resource_fn resource;  /* finds its images; NULL looks beside PATH */
    void *resource_ctx;
} clean_options;

enum {
    CLEAN_OK = 0,
    CLEAN_FAILED = 1,       /* not HTML, empty, no article text */
    CLEAN_NOT_ARTICLE = 3   /* a list or index page: links, no article */
};

/* Turn the captured page DATA into clean XHTML in OUT. On failure return
 * CLEAN_FAILED or CLEAN_NOT_ARTICLE with the cause in WHY. */
/* The clean_resource_fn for a page saved as a file: CTX is the page's path,
 * and SRC a relative path to a file inside the page's own folder. */
bool clean_resource_beside(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type);

/* The media type a file name's extension gives an image, or NULL. */
const char *clean_image_type_by_name(const char *name);

int clean_page(const unsigned char *data, size_t len, const clean_options *o,
               buf_t *out, buf_t *why);

#endif
