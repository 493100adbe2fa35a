/* Base64 (RFC 4648): how MIME parts and data: URIs carry bytes as text.
 * One decoder, lenient as mail readers are, and one encoder. */
#ifndef FOLIO_BASE64_H
#define FOLIO_BASE64_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Base64 P (N bytes) appended to OUT, line breaks and blanks skipped, up to
 * the first "=". The URL-safe "-" and "_" count as "+" and "/". False when
 * anything else stood in the way (it is skipped too) or followed the
 * padding: MIME says to ignore such bytes, a data: URI is wrong to have them. */
bool base64_decode(const char *p, size_t n, buf_t *out);

/* LEN bytes at BYTES appended to OUT in the standard alphabet, padded with
 * "=", on one line. */
void base64_encode(const void *bytes, size_t len, buf_t *out);

#endif
