/* libfolio, Markdown: a clean article as CommonMark with GFM pipe tables,
 * under YAML front matter. */
#ifndef FOLIO_PUBLIC_MD_H
#define FOLIO_PUBLIC_MD_H
#include <folio/article.h>
#include <folio/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    /* NULL keeps data: images inline, so that the Markdown is one
     * self-contained text. Otherwise each is written into this folder
     * (made when missing) as img-001.png, img-002.jpg, ... */
    const char *assets_dir;
    /* How the Markdown links the folder: ASSETS_HREF/img-001.png. NULL
     * means ASSETS_DIR as given. */
    const char *assets_href;
} folio_md_options;

/* A as Markdown into OUT. OPT may be NULL. Returns 0, or -1 with ERR set
 * when an image could not be written. */
FOLIO_API int folio_md_write(const folio_article *a, const folio_md_options *opt, folio_bytes *out,
                             folio_error *err);

#ifdef __cplusplus
}
#endif
#endif
