/* Header blocks as MIME, HTTP and WARC write them: "Name: value" lines,
 * continued by lines that start with a space or tab, ended by an empty line. */
#ifndef FOLIO_MIME_HEADER_H
#define FOLIO_MIME_HEADER_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* The length of the header block at P (N bytes) up to and including the
 * empty line that ends it (CRLF or LF), or 0 when it does not end within N. */
size_t mime_header_end(const char *p, size_t n);

/* The value of the first header NAME (any case) in the block P, N bytes,
 * unfolded and trimmed, into OUT. False when there is none. */
bool mime_header_get(const char *p, size_t n, const char *name, buf_t *out);

/* The parameter PARAM (any case) of a header value such as
 * "text/html; charset=\"gbk\"", unquoted, into OUT. False when absent. */
bool mime_param(const char *value, const char *param, buf_t *out);

/* The media type of a Content-Type value, lower-cased ("text/html"), into OUT. */
void mime_type(const char *value, buf_t *out);

#endif
