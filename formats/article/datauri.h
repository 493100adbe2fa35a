/* data: URIs: how a clean article carries its images, so that one file can
 * travel down a pipe. folio-clean writes them; every writer reads them. */
#ifndef FOLIO_DATAURI_H
#define FOLIO_DATAURI_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Is URI a data: URI (any case)? */
bool datauri_is(const char *uri);

/* Decode data:[type][;param…][;base64],payload into BYTES, and the declared
 * media type, lower-cased, into TYPE (may be NULL). False when the URI is
 * malformed or holds nothing. */
bool datauri_decode(const char *uri, buf_t *bytes, char *type, size_t type_cap);

/* Append data:TYPE;base64,… for LEN bytes at BYTES to OUT. */
void datauri_encode(const char *type, const void *bytes, size_t len, buf_t *out);

/* The media type and file extension of an image: from its first bytes when
 * they say, else from DECLARED (may be NULL or ""). NULL when neither knows.
 * The same as media_type_image and media_type_image_ext (util/media_type.h),
 * which new code calls. */
const char *datauri_image_type(const void *bytes, size_t len, const char *declared);
const char *datauri_image_ext(const char *media_type);

#endif
