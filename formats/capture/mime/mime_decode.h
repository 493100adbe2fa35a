/* MIME bodies (RFC 2045, 2046): the transfer encodings undone, and a
 * multipart body cut into its parts. */
#ifndef FOLIO_MIME_DECODE_H
#define FOLIO_MIME_DECODE_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Quoted-printable P (N bytes) appended to OUT: "=XX" (either case) is the
 * byte XX, "=" at the end of a line joins it to the next, blanks before a
 * line break go. An "=" that is neither stays as it is. */
void mime_decode_qp(const char *p, size_t n, buf_t *out);

/* The body P (N bytes) appended to OUT as its Content-Transfer-Encoding
 * value ENCODING (may be NULL) says: quoted-printable and base64 decoded,
 * anything else (7bit, 8bit, binary, unknown) as it is. */
void mime_decode_body(const char *encoding, const char *p, size_t n, buf_t *out);

/* One part of a multipart body: its header block and its body, still in
 * its transfer encoding, both within the multipart's bytes. */
typedef struct {
    const char *head;
    size_t head_len;   /* 0 when the part starts with its body */
    const char *body;
    size_t body_len;
} mime_part;

/* Walks the parts of a multipart body. DELIMITERS counts the boundary lines
 * met so far; CLOSED is set by the closing one ("--BOUNDARY--"). A body cut
 * short gives its last part up to its end. */
typedef struct {
    const char *p;
    size_t n, at;
    const char *boundary;
    size_t boundary_len;
    int delimiters;
    bool closed;
} mime_multipart;

void mime_multipart_start(mime_multipart *m, const char *p, size_t n, const char *boundary);

/* The next part into PART; false when there are no more. */
bool mime_multipart_next(mime_multipart *m, mime_part *part);

#endif
