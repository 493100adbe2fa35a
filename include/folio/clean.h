/* libfolio, cleaning: a captured page in, its article out. The page is
 * decoded, its metadata read, the article chosen among the blocks, the
 * site's furniture dropped and the rest normalised into the clean article
 * subset; images at hand are embedded as data: URIs. */
#ifndef FOLIO_PUBLIC_CLEAN_H
#define FOLIO_PUBLIC_CLEAN_H
#include <folio/article.h>
#include <folio/capture.h>
#include <folio/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Per-site rules (FiveFilters ftr-site-config files, one per host). */
typedef struct folio_rules folio_rules;

/* Open the folder DIR of rule files. NULL (FOLIO_ERR_USAGE) when DIR is
 * not a folder that can be read. */
FOLIO_API folio_rules *folio_rules_open(const char *dir, folio_error *err);
FOLIO_API void folio_rules_close(folio_rules *r);

typedef struct {
    const char *path;     /* the page's file: images beside it are embedded;
                             NULL when it has none */
    folio_rules *rules;   /* per-site rules, or NULL */
    const char *site;     /* the host whose rules apply; NULL for the page's own */
    long long now;        /* seconds since the epoch, for "no date in the
                             future"; 0 means the clock */
} folio_clean_options;

/* The page DATA (HTML in any charset) cleaned into an article. OPT may be
 * NULL. NULL with FOLIO_ERR_INPUT (not HTML, empty, no text) or
 * FOLIO_ERR_NOT_ARTICLE (a list or index page). */
FOLIO_API folio_article *folio_clean(const void *data, size_t len, const folio_clean_options *opt,
                                     folio_error *err);

/* The same for PAGE, which folio_capture_next gave last from C: the
 * capture's address and charset for it win, and its images are found in C. */
FOLIO_API folio_article *folio_clean_captured(folio_capture *c, const folio_page *page,
                                              const folio_clean_options *opt, folio_error *err);

#ifdef __cplusplus
}
#endif
#endif
