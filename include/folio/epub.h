/* libfolio, EPUB: one clean article, or many as a book, packed as an EPUB 3
 * publication that passes epubcheck. The same articles and options give
 * the same bytes. */
#ifndef FOLIO_PUBLIC_EPUB_H
#define FOLIO_PUBLIC_EPUB_H
#include <folio/article.h>
#include <folio/common.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_epub folio_epub;

typedef struct {
    const char *title;   /* the book's title, with a title page; NULL for
                            one article, which gives its own */
    const char *id;      /* dc:identifier; NULL derives a urn:uuid from the content */
    bool embed_fonts;    /* embed subsets of the serif and sans CJK faces */
    bool has_epoch;      /* when true, the modification time and the zip */
    long long epoch;     /*   times are EPOCH, else the newest article's date */
} folio_epub_options;

/* A new, empty book. OPT may be NULL; its strings are copied. */
FOLIO_API folio_epub *folio_epub_new(const folio_epub_options *opt);

/* A as the book's next chapter (images beside the article's path are read
 * from its own folder only). Returns 0, or -1 with ERR set. */
FOLIO_API int folio_epub_add(folio_epub *b, const folio_article *a, folio_error *err);

/* The image DATA (PNG, JPEG, GIF or SVG), named NAME in messages, as the
 * cover; without one the book gets a plain cover with its title. */
FOLIO_API int folio_epub_set_cover(folio_epub *b, const void *data, size_t len, const char *name,
                                   folio_error *err);

/* The book so far as EPUB bytes into OUT. Returns 0, or -1 with ERR set. */
FOLIO_API int folio_epub_write(folio_epub *b, folio_bytes *out, folio_error *err);

FOLIO_API void folio_epub_free(folio_epub *b);

#ifdef __cplusplus
}
#endif
#endif
