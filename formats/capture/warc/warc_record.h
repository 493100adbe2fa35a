/* WARC records (ISO 28500, WARC/1.0 and WARC/1.1) read one at a time: a
 * version line, a header block, Content-Length bytes of block, CRLF CRLF.
 * The block is read in pieces or passed over, never held whole unless the
 * caller asks for it. */
#ifndef FOLIO_WARC_RECORD_H
#define FOLIO_WARC_RECORD_H
#include "capture/warc/warc_input.h"

/* Limits: a header block longer than this is not a WARC header. */
enum { WARC_HEADER_MAX = 64 * 1024 };

typedef struct {
    long ordinal;          /* 1 for the first record begun, then 2, ... */
    warc_pos at;           /* where the record starts */
    warc_pos after_version;   /* just past its version line */
    buf_t head;            /* the header block, through its empty line */
    buf_t type;            /* WARC-Type, lower-cased ("response") */
    buf_t uri;             /* WARC-Target-URI without the <> some writers add, or "" */
    buf_t content_type;    /* Content-Type of the block, or "" */
    long long length;      /* Content-Length */
    long long left;        /* bytes of the block not read yet */
    /* The reader's own: a version line that a search for the next record
     * has read already, and where it starts. */
    bool pending;
    warc_pos pending_at;
    buf_t line;
} warc_record;

void warc_record_init(warc_record *r);
void warc_record_free(warc_record *r);

/* Read the next record's version line and header block. 1 when read; 0 at
 * the end of the input; -1 when the record is refused, with WHY naming it
 * and the cause (warc_record_recover goes on); -2 when the input is no
 * WARC at all (its first record is not WARC/1.0 or WARC/1.1). */
int warc_record_begin(warc_input *in, warc_record *r, buf_t *why);

/* Up to MAX more bytes of the block appended to OUT (NULL passes them
 * over). The number of bytes, or -1 with WHY when the input ends or
 * breaks before Content-Length is reached. */
long long warc_record_read(warc_input *in, warc_record *r, buf_t *out, long long max, buf_t *why);

/* Pass over the rest of the block and check the CRLF CRLF that ends the
 * record. 0, or -1 with WHY (a Content-Length that does not fit). */
int warc_record_end(warc_input *in, warc_record *r, buf_t *why);

/* After a refused record: go on at the next record, the next "WARC/1."
 * line after this one's version line (which also finds it when a wrong
 * Content-Length ran past it), or the next gzip member after a damaged
 * one. False when nothing more can be read. */
bool warc_record_recover(warc_input *in, warc_record *r);

/* Go to a record's start that warc_record_begin gave in r->at. */
int warc_record_seek(warc_input *in, warc_record *r, warc_pos at);

/* "record 3 at offset 812 (http://example.org/a.html)" */
void warc_record_name(const warc_record *r, buf_t *out);

#endif
