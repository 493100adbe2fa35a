/* A page's resources: the images and style sheets it refers to, as
 * whoever holds the page finds them (the parts of an MHTML, WARC or zip
 * capture, the files beside a saved page). The cleaner asks through a
 * resource_fn; captures answer. */
#ifndef FOLIO_RESOURCE_H
#define FOLIO_RESOURCE_H
#include "util/buf.h"
#include <stdbool.h>

/* The bytes of an image, a style sheet or a frame's page the page refers to: SRC as the
 * page writes it, ABS the same made absolute against the page's address
 * (NULL when none is known). True with BYTES and its media TYPE filled;
 * false when the capture does not hold it, and an image keeps its
 * address. */
typedef bool (*resource_fn)(void *ctx, const char *src, const char *abs,
                            buf_t *bytes, buf_t *type);

/* The most read of one file: a picture is never larger, and a file that
 * is may be anything. */
#define RESOURCE_FILE_MAX ((size_t)64 << 20)

/* The resource_fn for a page saved as a file: CTX is the page's path,
 * and SRC a relative path to a regular file inside the page's own folder
 * (a FIFO or a device is never opened for reading), named as an image, a
 * style sheet (.css) or a frame's page (.html, .htm, .shtml, .xhtml). */
bool resource_beside(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type);

#endif
