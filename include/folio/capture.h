/* libfolio, reading: what browsers and crawlers save, read as a stream of
 * pages, and a page's bytes decoded to UTF-8. A plain HTML file is one
 * page; an MHTML file one page with the parts it refers to; a WARC one page
 * per HTML response or resource record; a zip one page per HTML entry. */
#ifndef FOLIO_PUBLIC_CAPTURE_H
#define FOLIO_PUBLIC_CAPTURE_H
#include <folio/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_capture folio_capture;

/* One page of a capture, valid until the next folio_capture_next or
 * folio_capture_close. */
typedef struct {
    const char *record;    /* the WARC-Target-URI or zip entry name; NULL for
                              a plain file or an MHTML file */
    const char *url;       /* the address the container gives the page, or NULL */
    const char *charset;   /* the charset the container declares, or NULL */
    const unsigned char *data;   /* the page's bytes as captured */
    size_t len;
} folio_page;

/* Open PATH (NULL or "-" reads standard input), whatever kind of capture it
 * is: the first bytes tell, then the name. NULL when it cannot be read. */
FOLIO_API folio_capture *folio_capture_open(const char *path, folio_error *err);

/* The next page into PAGE. Returns 1 for a page and 0 at the end; -1 for a
 * record or entry that was refused (ERR says which and why; call again to
 * go on), and -2 when the rest of the input cannot be read. */
FOLIO_API int folio_capture_next(folio_capture *c, folio_page *page, folio_error *err);

FOLIO_API void folio_capture_close(folio_capture *c);

/* DATA decoded to UTF-8 into OUT, by the charset folio finds for it: a
 * byte-order mark, else strict UTF-8, else DECLARED (a container's label,
 * or NULL), else the page's <meta>, else statistics over Han characters.
 * *CHARSET, when CHARSET is not NULL, gets the name it decoded with
 * ("GB18030", "UTF-8", ...). Bytes that do not decode become U+FFFD.
 * Returns 0, or -1 with ERR set. */
FOLIO_API int folio_decode(const void *data, size_t len, const char *declared, folio_bytes *out,
                           const char **charset, folio_error *err);

#ifdef __cplusplus
}
#endif
#endif
