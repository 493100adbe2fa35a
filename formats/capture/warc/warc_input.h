/* The bytes of a WARC file, plain or gzipped, read as one stream. A .warc.gz
 * is a series of gzip members (ISO 28500 annex D: normally one record each);
 * the stream runs on from one member into the next, so a member holding
 * several records, or the whole file as one member, reads the same way. */
#ifndef FOLIO_WARC_INPUT_H
#define FOLIO_WARC_INPUT_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* A place in the stream that can be returned to. Plain: the byte offset in
 * MEMBER, INNER 0. Gzip: the offset in the file of the member that holds
 * the place, and how many uncompressed bytes into that member it is. */
typedef struct {
    long long member;
    long long inner;
} warc_pos;

typedef struct warc_input warc_input;

/* Open PATH, or the LEN bytes at MEM when PATH is NULL (the caller keeps
 * them alive). Gzip or plain is told by the first two bytes. NULL with the
 * cause in WHY when PATH cannot be opened. */
warc_input *warc_input_open(const char *path, const void *mem, size_t len, buf_t *why);
void warc_input_close(warc_input *in);
bool warc_input_gzipped(const warc_input *in);

/* Up to N bytes into DST (NULL skips them). Returns how many, 0 at the end
 * of the stream, -1 when the stream breaks (warc_input_why says why). */
long warc_input_read(warc_input *in, void *dst, size_t n);

/* A line through its '\n' (or the end of the stream): at most MAX bytes of
 * it into LINE, the rest passed over. 1, 0 at the end, -1 on a break. */
int warc_input_line(warc_input *in, buf_t *line, size_t max);

/* The next byte without taking it, or -1 at the end or on a break. */
int warc_input_peek(warc_input *in);

/* When every byte read so far of a gzip member has been taken, read on
 * to its end, so that a damaged trailer (its CRC) is known now: before
 * the record it holds is taken as whole. */
void warc_input_settle(warc_input *in);

warc_pos warc_input_tell(const warc_input *in);
/* Go to a place warc_input_tell gave. 0, or -1 with the cause kept. */
int warc_input_seek(warc_input *in, warc_pos at);

/* Why the stream broke ("truncated gzip member at offset 812"), or NULL
 * while it is whole. */
const char *warc_input_why(const warc_input *in);

/* After a break: go on at the next gzip member after the damaged one.
 * True when one was found; false when nothing more can be read. */
bool warc_input_recover(warc_input *in);

/* "offset 812", or "byte 40 of the gzip member at offset 812". */
void warc_pos_name(warc_pos at, buf_t *out);

#endif
