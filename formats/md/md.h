/* The Markdown writer: a clean article as CommonMark with GFM pipe tables,
 * under YAML front matter. */
#ifndef FOLIO_MD_H
#define FOLIO_MD_H
#include "article/article.h"
#include "util/buf.h"
#include "util/report.h"
#include <stddef.h>

/* An image unpacked from a data: URI, to be written beside the Markdown. */
typedef struct {
    char  *name;    /* "img-001.png": a file name inside the assets folder */
    buf_t  bytes;
} md_asset;

typedef struct {
    md_asset *items;
    size_t    count;
} md_assets;

typedef struct {
    /* NULL keeps data: images inline, so that one stream stays
     * self-contained (what standard output gets). Otherwise each data: image
     * is unpacked into ASSETS and linked as ASSETS_HREF/img-001.png. */
    const char *assets_href;
    md_assets  *assets;
    const char *name;   /* the input, for warnings */
    const reporter *report;   /* where warnings go, or NULL */
} md_options;

/* Append the Markdown for A to OUT. OPT may be NULL. */
void md_write_article(const article *a, const md_options *opt, buf_t *out);

void md_assets_free(md_assets *as);
/* Write every asset into DIR, creating it if need be; refuses to write over
 * any of the NULL-terminated INPUTS. Returns 0, or -1 after reporting to R. */
int  md_assets_save(const md_assets *as, const char *dir, const char *const *inputs, const reporter *r);

#endif
