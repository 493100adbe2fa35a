/* Captures: what browsers and crawlers save, read as a stream of pages.
 * A plain HTML file is one page; an MHTML file one page and the parts it
 * refers to; a WARC one page per HTML response or resource record; a zip
 * one page per HTML entry. Each page comes with what its container knows of
 * it (address, charset) and a way to find its images. */
#ifndef FOLIO_CAPTURE_H
#define FOLIO_CAPTURE_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

typedef enum { CAPTURE_HTML, CAPTURE_MHTML, CAPTURE_WARC, CAPTURE_ZIP } capture_kind;

typedef struct {
    const char *record;   /* the record within the input (WARC-Target-URI,
                             zip entry name), NULL for a plain file or MHTML */
    const char *url;      /* the address the container gives the page, or NULL */
    const char *charset;  /* the charset the container declares, or NULL */
    const unsigned char *data;   /* the page's bytes as captured */
    size_t len;
} capture_page;

typedef struct {
    long pages;      /* pages given out */
    long revisits;   /* WARC revisit records, skipped */
    long other;      /* records or entries that are not pages, skipped */
    long bad;        /* records or entries refused, each reported */
} capture_stats;

typedef struct capture capture;

/* What PATH holds, from its first bytes HEAD (N of them) and its name. */
capture_kind capture_kind_of(const char *path, const unsigned char *head, size_t n);
const char *capture_kind_name(capture_kind k);

/* Open PATH (NULL or "-" reads standard input). NULL with the cause in WHY
 * when it cannot be read at all. */
capture *capture_open(const char *path, buf_t *why);
capture_kind capture_kind_get(const capture *c);

/* The next page into PAGE, valid until the next call or capture_close.
 * Returns 1 for a page, 0 at the end, -1 for a record or entry that was
 * refused (WHY says which and why; call again to go on), -2 when the rest
 * of the input cannot be read (WHY says why). On -1 and -2 only
 * PAGE->record may be set: the record at fault, when its name is known. */
int capture_next(capture *c, capture_page *page, buf_t *why);

/* A resource_fn (util/resource.h) for the page capture_next gave last: CTX is the
 * capture. Finds an image by its absolute address or its path beside the
 * page, whichever the container keys its parts by. */
bool capture_resource(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type);

void capture_stats_get(const capture *c, capture_stats *s);
void capture_close(capture *c);

/* Where a page's outputs go, relative to an output folder and without an
 * extension: "<host>/<path>" from its address (URL), else the input's path
 * relative to the folder it was found under (ROOT, may be NULL), followed by
 * the record's path for a zip entry. Never absolute, never with "..". */
void capture_output_name(const char *url, const char *input, const char *root,
                         const char *record, buf_t *out);

#endif
