/* The images of a WARC, found by address: an index from WARC-Target-URI to
 * where the record starts, filled by reading ahead only as far as lookups
 * need, so a WARC whose pages have no images is never read twice. Records
 * are read again when asked for, never kept. */
#ifndef FOLIO_WARC_INDEX_H
#define FOLIO_WARC_INDEX_H
#include "util/buf.h"
#include "capture/warc/warc_input.h"
#include <stdbool.h>

typedef struct warc_index warc_index;

/* An index over PATH, or the LEN bytes at MEM when PATH is NULL (kept alive
 * by the caller). Never NULL: a file that cannot be read holds no images. */
warc_index *warc_index_open(const char *path, const void *mem, size_t len);
void warc_index_close(warc_index *ix);

/* Where the record of the image at URI starts: a response of status 200 or
 * a resource, of an image type (or of no type and an image's name). */
bool warc_index_find(warc_index *ix, const char *uri, warc_pos *at);

/* The image at URI: its payload into BYTES, its media type (maybe "") into
 * TYPE. False when the WARC holds none that reads. */
bool warc_index_fetch(warc_index *ix, const char *uri, buf_t *bytes, buf_t *type);

#endif
